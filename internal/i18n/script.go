package i18n

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:embed t.js
var tJS []byte

// Script returns the catalog's browser file: the "js." messages (without
// that prefix) as window.vaultsiteText, then t.js, which defines
// window.vaultsiteT(key, args) for the site's scripts. Pages load it
// before their own scripts. The bytes are the same on every call.
func (c *Catalog) Script() []byte {
	msgs := map[string]string{}
	for _, k := range catalogs()[Default].keys() {
		if rest, ok := strings.CutPrefix(k, "js."); ok {
			msgs[rest] = c.T(k)
		}
	}
	for _, k := range c.keys() { // plural forms English lacks ("#few")
		if rest, ok := strings.CutPrefix(k, "js."); ok {
			msgs[rest] = c.msgs[k]
		}
	}
	data, err := json.Marshal(struct {
		Lang string            `json:"lang"`
		M    map[string]string `json:"m"`
	}{c.lang, msgs}) // encoding/json sorts map keys: the same bytes every time
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	out := append([]byte("window.vaultsiteText="), data...)
	out = append(out, ";\n"...)
	return append(out, tJS...)
}
