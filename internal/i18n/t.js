// vaultsite: the interface's messages in the site's language. The
// catalog above this script (window.vaultsiteText) is made by the build
// from internal/i18n/messages; vaultsiteT(key, args) returns one message
// with its {placeholders} filled from args. A message with plural forms
// ("search.notes#one", "#other") is chosen by args.n with
// Intl.PluralRules, the language's own rules; a key the catalog lacks
// comes back as the key, so a gap shows rather than hides.
(function () {
  "use strict";
  var text = window.vaultsiteText || {lang: "en", m: {}}, rules = null;
  function plural(n) {
    try {
      rules = rules || new Intl.PluralRules(text.lang);
      return rules.select(n);
    } catch (e) {
      return n === 1 ? "one" : "other";
    }
  }
  window.vaultsiteT = function (key, args) {
    var m = text.m[key];
    if (m === undefined && args && typeof args.n === "number") {
      m = text.m[key + "#" + plural(args.n)];
      if (m === undefined) m = text.m[key + "#other"];
    }
    if (m === undefined) return key;
    return m.replace(/\{(\w+)\}/g, function (all, name) {
      return args && args[name] !== undefined ? String(args[name]) : all;
    });
  };
})();
