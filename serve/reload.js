// vaultsite live preview. Added to pages only by "vaultsite serve", never
// to a build. It listens to the server's events, reloads this tab only
// when its own page changed (keeping the scroll position), and shows the
// build problems of this page's note over it until they are fixed.
(() => {
  'use strict';
  const me = document.currentScript;
  const served = me.dataset.page; // the file the server sent, e.g. 404.html
  let server = me.dataset.server;
  let gen = Number(me.dataset.gen);
  // A 404 page also waits for the page at its URL to appear.
  const watched = new Set([served, outPath(location.pathname)]);
  // The page on screen can change without a load (the site's
  // navigate.js), so its address is read when it is needed.
  const scrollKey = () => 'vaultsite:scroll:' + location.pathname;
  // Dismissed problems stay hidden across reloads until they change.
  const dismissKey = () => 'vaultsite:dismissed:' + location.pathname;

  // The overlay's markup; problems are added as text, never as HTML.
  const OVERLAY = `<style>
  section { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 2147483647;
    max-height: 40vh; overflow: auto; padding: .75rem 1rem; border-radius: 8px;
    background: #2b1114; color: #ffe3e3; border: 1px solid #ff6b6b;
    font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    box-shadow: 0 4px 24px rgba(0, 0, 0, .4); }
  h2 { font-size: 14px; margin: 0 2rem .5rem 0; }
  ul { margin: 0; padding-left: 1.2rem; }
  li { white-space: pre-wrap; overflow-wrap: anywhere; }
  button { position: absolute; top: .4rem; right: .6rem; background: none; border: 0;
    color: inherit; font-size: 20px; cursor: pointer; }
</style>
<section role="alert"><button type="button" aria-label="Dismiss">×</button><h2></h2><ul></ul></section>`;

  // outPath maps a URL path to the output file: /a/b/ is a/b/index.html.
  function outPath(p) {
    try { p = decodeURIComponent(p); } catch (e) { /* keep it encoded */ }
    p = p.normalize('NFC').replace(/^\/+/, '');
    return p === '' || p.endsWith('/') ? p + 'index.html' : p;
  }

  function reload() {
    sessionStorage.setItem(scrollKey(), JSON.stringify([scrollX, scrollY]));
    location.reload();
  }

  // Restore after load, when images have their height.
  function restore() {
    const saved = sessionStorage.getItem(scrollKey());
    if (saved === null) return;
    sessionStorage.removeItem(scrollKey());
    try {
      const [x, y] = JSON.parse(saved);
      scrollTo(x, y);
    } catch (e) { /* a stale entry: ignore it */ }
  }
  if (document.readyState === 'complete') restore(); else addEventListener('load', restore);

  // hello comes on every (re)connect. Another server means a restart; a
  // later generation means rebuilds this page has not heard of (it was
  // loaded just before one, or its stream was dropped): reload once.
  function onHello(e) {
    const m = JSON.parse(e.data);
    if (m.server !== server || m.gen !== gen) { reload(); return; }
    show(m);
  }

  function onReload(e) {
    const m = JSON.parse(e.data);
    gen = m.gen;
    const mine = showing();
    if (m.changed.concat(m.removed).some((p) => mine.has(p))) { reload(); return; }
    show(m);
  }

  // showing returns the files the page shows: itself and what it loaded
  // from this server (an embedded image, say), so that a changed
  // attachment reloads it too.
  function showing() {
    const files = new Set(watched);
    for (const e of performance.getEntriesByType('resource')) {
      const u = new URL(e.name);
      if (u.origin === location.origin) files.add(outPath(u.pathname));
    }
    return files;
  }

  let events = null;
  function connect() {
    events = new EventSource('/_vs/events?page=' + encodeURIComponent(location.pathname));
    events.addEventListener('hello', onHello);
    events.addEventListener('reload', onReload);
  }
  connect();
  // A page kept in the back/forward cache must not hold a stream, and on
  // coming back it asks again whether it is still current.
  addEventListener('pagehide', () => events.close());
  // After navigate.js swapped another page in, listen as that page.
  document.addEventListener('vaultsite:page', () => {
    watched.add(outPath(location.pathname));
    events.close();
    connect();
  });
  addEventListener('pageshow', (e) => { if (e.persisted) connect(); });

  // show draws the overlay for m's problems, or removes it when there
  // are none; a dismissed list stays hidden until it changes.
  function show(m) {
    const items = m.diags.map((d) => d.text);
    if (m.error) items.unshift('the rebuild failed, this is the last good page: ' + m.error);
    const key = JSON.stringify(items);
    let host = document.getElementById('vs-overlay');
    if (items.length === 0 || key === sessionStorage.getItem(dismissKey())) {
      if (host) host.remove();
      return;
    }
    if (host) host.remove();
    host = document.createElement('div');
    host.id = 'vs-overlay';
    const root = host.attachShadow({ mode: 'open' }); // keeps the site's CSS out
    root.innerHTML = OVERLAY;
    root.querySelector('h2').textContent = items.length === 1 ? '1 problem' : items.length + ' problems';
    const list = root.querySelector('ul');
    for (const text of items) list.appendChild(document.createElement('li')).textContent = text;
    root.querySelector('button').addEventListener('click', () => {
      sessionStorage.setItem(dismissKey(), key);
      host.remove();
    });
    document.body.appendChild(host);
  }
})();
