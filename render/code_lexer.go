package render

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// fastLexer tokenises with a chroma RegexLexer's own rules, emitters and
// mutators, exactly as chroma's LexerState.Iterator does, but it asks
// each rule first whether the next rune can start a match at all. Chroma
// calls the regexp engine for every rule of the current state at every
// token, about twenty calls per token with a fixed cost each, and that
// was a third of a 10,000-note build; most rules cannot match the rune at
// hand, and their first-character sets, which regexp2 computes for its
// own scans, say so without a call. TestFastLexerMatchesChroma compares
// the tokens with chroma's on every lexer.
type fastLexer struct {
	*chroma.RegexLexer
	rules chroma.CompiledRules
	// starts is parallel to rules: the runes that can start each rule's
	// match.
	starts map[string][]firstChars
	// named is whether any rule names a group: only then do emitters and
	// mutators read LexerState.NamedGroups (chroma's ByGroupNames, Raku),
	// and only then is the map made for each match.
	named bool
}

// firstChars is the set of runes a rule's match can start with; a rule
// that may match the empty string, or whose set regexp2 does not know,
// admits every rune.
type firstChars struct {
	all   bool
	ascii [2]uint64 // bit c for each ASCII rune c in the set
	set   syntax.CharSet
}

func (f *firstChars) admits(r rune) bool {
	switch {
	case f.all:
		return true
	case r < 128:
		return f.ascii[r>>6]&(1<<(r&63)) != 0
	default:
		return f.set.CharIn(r)
	}
}

var fastLexers sync.Map // lexer name → the chroma.Lexer to use for it

// fastLexerFor returns the fast form of l, or l itself when it is not a
// plain RegexLexer or its rules do not compile as chroma's would.
func fastLexerFor(l chroma.Lexer) chroma.Lexer {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return l
	}
	name := rl.Config().Name
	if f, ok := fastLexers.Load(name); ok {
		return f.(chroma.Lexer)
	}
	var use chroma.Lexer = rl
	if f, err := newFastLexer(rl); err == nil {
		use = f
	}
	actual, _ := fastLexers.LoadOrStore(name, use)
	return actual.(chroma.Lexer)
}

// newFastLexer compiles rl's rules as chroma's RegexLexer.maybeCompile
// does (same flags, same \G anchoring, same mutators), into rules of its
// own, and finds each rule's first characters.
func newFastLexer(rl *chroma.RegexLexer) (*fastLexer, error) {
	return newFastLexerTimeout(rl, matchTimeout)
}

// matchTimeout bounds one rule's match. regexp2 measures it on the wall
// clock, so a timeout depends on the machine's load: chroma's own 250 ms
// turned a match into an error token when a loaded CI machine paused the
// build, and the same note gave different pages. Five seconds is far past
// any real match (microseconds) and only catastrophic backtracking, which
// times out under any load, reaches it; a timeout then leaves the whole
// block plain (errMatchTimeout), so a hostile block costs one timeout.
const matchTimeout = 5 * time.Second

// errMatchTimeout is the panic a timed-out match raises; highlightWith
// recovers from it and shows the block plain.
var errMatchTimeout = errors.New("render: a highlighting rule timed out")

func newFastLexerTimeout(rl *chroma.RegexLexer, timeout time.Duration) (*fastLexer, error) {
	raw, err := rl.Rules()
	if err != nil {
		return nil, err
	}
	flags := lexerFlags(rl.Config())
	rules := chroma.CompiledRules{}
	for state, rs := range raw {
		rules[state] = nil
		for _, r := range rs {
			re, err := regexp2.Compile(`\G` + withFlags(flags, r.Pattern))
			if err != nil {
				return nil, err
			}
			re.MatchTimeout = timeout
			rules[state] = append(rules[state], &chroma.CompiledRule{Rule: r, Regexp: re})
		}
	}
	if err := applyLexerMutators(rules); err != nil {
		return nil, err
	}
	f := &fastLexer{RegexLexer: rl, rules: rules, starts: map[string][]firstChars{}}
	for state, rs := range rules {
		for _, r := range rs {
			f.starts[state] = append(f.starts[state], startsOf(flags, r.Pattern))
			f.named = f.named || namesGroups(r.Regexp)
		}
	}
	return f, nil
}

// namesGroups reports whether re has a group with a name, not a number.
func namesGroups(re *regexp2.Regexp) bool {
	for _, name := range re.GetGroupNames() {
		if name == "" || name[0] < '0' || name[0] > '9' {
			return true
		}
	}
	return false
}

// lexerFlags are the inline flags chroma gives every rule of a lexer.
func lexerFlags(c *chroma.Config) string {
	flags := ""
	if !c.NotMultiline {
		flags += "m"
	}
	if c.CaseInsensitive {
		flags += "i"
	}
	if c.DotAll {
		flags += "s"
	}
	return flags
}

func withFlags(flags, pattern string) string {
	pattern = "(?:" + pattern + ")"
	if flags != "" {
		pattern = "(?" + flags + ")" + pattern
	}
	return pattern
}

// applyLexerMutators runs the compile-time mutators (include, combined)
// until none is left, as chroma does.
func applyLexerMutators(rules chroma.CompiledRules) error {
restart:
	seen := map[chroma.LexerMutator]bool{}
	for state := range rules {
		for i := range len(rules[state]) {
			if m, ok := rules[state][i].Mutator.(chroma.LexerMutator); ok {
				if seen[m] {
					return fmt.Errorf("mutator %T twice", m)
				}
				seen[m] = true
				if err := m.MutateLexer(rules, state, i); err != nil {
					return err
				}
				goto restart
			}
		}
	}
	return nil
}

// startsOf finds the first characters of the rule's pattern without the
// \G anchor: the set regexp2 itself scans for in an unanchored search.
func startsOf(flags, pattern string) firstChars {
	tree, err := syntax.Parse(withFlags(flags, pattern), syntax.ParseOptions{})
	if err != nil {
		return firstChars{all: true}
	}
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil {
		return firstChars{all: true}
	}
	fc := firstChars{set: code.FcPrefix.PrefixSet}
	for c := rune(0); c < 128; c++ {
		if fc.set.CharIn(c) {
			fc.ascii[c>>6] |= 1 << (c & 63)
		}
	}
	return fc
}

// Tokenise is chroma's RegexLexer.Tokenise with the default options; with
// other options it is chroma's own.
func (f *fastLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if options != nil {
		return f.RegexLexer.Tokenise(options, text)
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	newlineAdded := false
	if f.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	s := &fastState{f: f, newlineAdded: newlineAdded, LexerState: chroma.LexerState{
		Lexer: f.RegexLexer, Registry: lexers.GlobalLexerRegistry, Text: []rune(text),
		Stack: []string{"root"}, Rules: f.rules, MutatorContext: map[any]any{},
	}}
	return s.next, nil
}

// fastState is one run of a fastLexer; next is chroma's
// LexerState.Iterator with the rule filter.
type fastState struct {
	chroma.LexerState
	f            *fastLexer
	stack        []chroma.Iterator // emitters' pending tokens
	newlineAdded bool
}

func (l *fastState) next() chroma.Token {
	end := len(l.Text)
	if l.newlineAdded {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		if t, ok := l.pending(); ok {
			return t
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		index, rule, groups, named := l.match(rules, l.f.starts[l.State])
		if groups == nil {
			// As Pygments does: an unmatched newline outside the root
			// state resets the stack, so one unclosed string does not
			// spoil the rest.
			if l.Text[l.Pos] == '\n' && l.State != "root" {
				l.Stack = []string{"root"}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule, l.Groups, l.NamedGroups = index, groups, named
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(&l.LexerState); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			l.stack = append(l.stack, rule.Type.Emit(l.Groups, &l.LexerState))
		}
	}
	if t, ok := l.pending(); ok {
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// pending returns the next token an emitter still holds.
func (l *fastState) pending() (chroma.Token, bool) {
	for len(l.stack) > 0 {
		n := len(l.stack) - 1
		t := l.stack[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			l.stack = l.stack[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// match is chroma's matchRules, skipping the rules whose match cannot
// start with the rune at l.Pos.
func (l *fastState) match(rules []*chroma.CompiledRule, starts []firstChars) (int, *chroma.CompiledRule, []string, map[string]string) {
	r := l.Text[l.Pos]
	for i, rule := range rules {
		if !starts[i].admits(r) {
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(l.Text, l.Pos)
		if err != nil {
			panic(errMatchTimeout)
		}
		if m != nil && m.RuneIndex == l.Pos {
			gs := m.Groups()
			groups := make([]string, len(gs))
			var named map[string]string
			if l.f.named {
				named = make(map[string]string, len(gs))
			}
			for k, g := range gs {
				groups[k] = g.String()
				if named != nil {
					named[g.Name] = groups[k]
				}
			}
			return i, rule, groups, named
		}
	}
	return 0, &chroma.CompiledRule{}, nil, nil
}
