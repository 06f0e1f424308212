// Package i18n holds the message catalogs of the site's interface: every
// word the site itself puts on a page (labels, headings, the messages of
// its scripts) and the way it writes dates, one JSON file per language
// under messages/. A site speaks one language, the one vaultsite.yaml
// names; For picks the closest catalog, and English fills any gap.
//
// Keys are dotted names ("toc.heading"). Keys that start with "js." are
// the scripts' messages: Script turns them into a small file that pages
// load before their scripts. A key with a plural form has one entry per
// CLDR plural category the language uses ("js.search.notes#one",
// "#other"), which the browser picks with Intl.PluralRules. "{name}"
// in a message is a placeholder.
//
// Everything here is data embedded in the binary: the output depends on
// the site's language, never on the machine's locale.
package i18n
