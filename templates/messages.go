package templates

import (
	"sync"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/site"
)

// messageFiles caches each language's messages file, built once.
var messageFiles sync.Map // catalog language → File

// Messages returns the scripts' messages in the language of the tag
// (i18n.For picks the catalog), as the static file every page loads
// before its scripts: "_site/messages.ja.1a2b3c4d.js". Only the site's
// own language is emitted, so it is not among Static's files.
func Messages(lang string) File {
	c := i18n.For(lang)
	if f, ok := messageFiles.Load(c.Lang()); ok {
		return f.(File)
	}
	data := c.Script()
	f := File{Path: fingerprint("messages."+c.Lang()+".js", data), Data: data}
	messageFiles.Store(c.Lang(), f)
	return f
}

// T returns the interface's message of key in the page's language
// (internal/i18n), for the layouts: {{.T "toc.heading"}}.
func (p *PageData) T(key string) string { return i18n.For(p.Site.Lang).T(key) }

// messagesURL is the layout's "messages" function: the path of the
// messages file of the language lang, to be written after {{.Root}}.
func messagesURL(lang string) site.OutPath { return Messages(lang).Path }
