package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"unicode"

	"github.com/vaultsite/vaultsite/site"
)

// detected is what init finds out about a vault, each with the reason
// that goes into the settings file's comments.
type detected struct {
	Title, TitleFrom       string
	Language, LanguageFrom string
	Publish, PublishFrom   string
}

// publishSettingsFile is Obsidian Publish's site settings, kept at the
// vault root by vaults that moved from Publish.
const publishSettingsFile = "site-options.json"

func detect(fsys fs.FS, vault string) detected {
	d := detected{Title: siteTitle("", vault), TitleFrom: "the vault folder's name"}
	if name := publishSiteName(fsys); name != "" {
		d.Title, d.TitleFrom = name, "siteName of "+publishSettingsFile
	}
	v, _, err := site.Load(context.Background(), fsys, site.LoadOptions{}) // init has nothing to cancel it
	if err != nil {
		v = &site.Vault{}
	}
	d.Language, d.LanguageFrom = guessLanguage(v.Notes)
	d.Publish, d.PublishFrom = guessPublish(v.Notes)
	return d
}

func publishSiteName(fsys fs.FS) string {
	data, err := fs.ReadFile(fsys, publishSettingsFile)
	if err != nil {
		return ""
	}
	var opts struct {
		SiteName string `json:"siteName"`
	}
	if json.Unmarshal(data, &opts) != nil {
		return ""
	}
	return strings.TrimSpace(opts.SiteName)
}

// guessPublish chooses opt-in when any note says publish: true (an author
// who marks notes to publish expects the rest to stay private, as on
// Obsidian Publish), else all.
func guessPublish(notes []*site.Note) (mode, why string) {
	marked := 0
	for _, n := range notes {
		if n.Props.Publish != nil && *n.Props.Publish {
			marked++
		}
	}
	if marked == 0 {
		return "all", "no note says publish: true, so every note is published"
	}
	return "opt-in", fmt.Sprintf("%d of %d notes say publish: true, so only those are published", marked, len(notes))
}

// guessLanguage names the language of the notes' text from its script:
// kana is Japanese, Hangul Korean, Han without kana Chinese, Cyrillic
// Russian, Greek Greek; Latin text is told apart by its commonest short
// words, and is English when none stands out.
func guessLanguage(notes []*site.Note) (lang, why string) {
	var sc scriptCount
	for _, n := range notes {
		sc.add(n.Source[n.BodyStart:])
	}
	if lang := sc.script(); lang != "" {
		return lang, "guessed from the script of the notes"
	}
	if lang := sc.latin(); lang != "" {
		return lang, "guessed from the commonest words of the notes"
	}
	return "en", "the default: the notes' language could not be told"
}

type scriptCount struct {
	kana, hangul, han, cyrillic, greek, latinRunes int
	words                                          map[string]int
}

func (c *scriptCount) add(text []byte) {
	if c.words == nil {
		c.words = map[string]int{}
	}
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		c.words[strings.ToLower(w)]++
	}
	for _, r := range string(text) {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
		case unicode.Is(unicode.Greek, r):
			c.greek++
		case unicode.Is(unicode.Latin, r):
			c.latinRunes++
		}
	}
}

// script returns the language of a non-Latin script that makes up at
// least a fifth of the letters, "" otherwise. A Japanese text is mostly
// Han, so any kana beside it decides.
func (c *scriptCount) script() string {
	total := c.kana + c.hangul + c.han + c.cyrillic + c.greek + c.latinRunes
	if total == 0 {
		return ""
	}
	major := func(n int) bool { return n*5 >= total }
	switch {
	case major(c.kana+c.han) && c.kana*20 >= c.han:
		return "ja"
	case major(c.hangul):
		return "ko"
	case major(c.han):
		return "zh"
	case major(c.cyrillic):
		return "ru"
	case major(c.greek):
		return "el"
	}
	return ""
}

// stopWords are a few of each language's commonest words that are rare in
// the others.
var stopWords = map[string][]string{
	"en": {"the", "and", "is", "of", "to", "with", "that"},
	"de": {"und", "der", "die", "das", "nicht", "ist", "mit"},
	"fr": {"le", "les", "et", "est", "une", "des", "pour"},
	"es": {"el", "los", "las", "y", "que", "una", "por"},
	"pt": {"não", "os", "uma", "com", "que", "para", "é"},
	"it": {"il", "che", "di", "gli", "una", "è", "per"},
}

// latin returns the language whose words are at least twice as frequent
// as any other's, "" when none is.
func (c *scriptCount) latin() string {
	best, second, lang := 0, 0, ""
	for _, l := range []string{"en", "de", "fr", "es", "pt", "it"} {
		n := 0
		for _, w := range stopWords[l] {
			n += c.words[w]
		}
		switch {
		case n > best:
			best, second, lang = n, best, l
		case n > second:
			second = n
		}
	}
	if best == 0 || best < 2*second {
		return ""
	}
	return lang
}
