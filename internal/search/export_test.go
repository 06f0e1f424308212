package search

// TokenizerInputs returns the strings of the tokenizer's unit test
// cases, which the browser parity test (package search_test) also runs
// through search.js.
func TokenizerInputs() []string {
	out := make([]string, len(tokenizerCases))
	for i, tt := range tokenizerCases {
		out[i] = tt.give
	}
	return out
}
