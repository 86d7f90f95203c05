// Runs before the first paint (a classic script in <head>, about a kilobyte): reads from the
// URL what decides the layout — language, theme, and in an embed the view and the controls —
// and writes it on <html>, where style.css lays the page out from it. So nothing moves when
// app.js and the wasm arrive: the model (src/model/codec.rs, the one home of these keys) then
// reads the same keys and writes the same attributes (tests/e2e/early.test.mjs checks they
// agree). The allowed values, the language tags and each view's default controls are the
// model's, written on <html> by src/prerender.rs (`codec::page_contract`); this script keeps no
// list of its own. Without JavaScript none of this runs and the page keeps its static form.
(() => {
  const d = document.documentElement;
  /** @type {(name: string, sep?: string) => Map<string, any>} */
  const table = (name, sep) =>
    new Map((d.getAttribute(name) || '').split(' ').filter(Boolean).map((p) => p.split('=')).map(([k, v]) => [k, sep ? v.split(sep) : v]));
  const allowed = table('data-url-values', ',');
  // Keys and values as the codec reads them (codec::parse): leading '?'s dropped, '+' and
  // %-escapes decoded (URLSearchParams decodes as the codec does), white space trimmed as Rust's
  // str::trim (U+0085 yes, U+FEFF no), only ASCII letters lower-cased (a Kelvin sign is no 'k');
  // the last of a repeated key wins. Checked by tests/e2e/early-codec.test.mjs.
  const edges = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  const fold = (s) => s.replace(edges, '').replace(/[A-Z]+/g, (c) => c.toLowerCase());
  const q = new Map();
  for (const [k, v] of new URLSearchParams(location.search.replace(edges, '').replace(/^\?+/, ''))) q.set(fold(k), fold(v));
  const key = (k) => q.get(k) || '';
  const pick = (k) => {
    const values = allowed.get(k) || [''];
    return values.includes(key(k)) ? key(k) : values[0];
  };
  d.setAttribute('data-js', '');
  d.setAttribute('data-theme', pick('theme'));
  // A host's type: the family, and the text size within its range (the model clamps the same
  // way, with a notice; src/page/url.rs).
  d.setAttribute('data-font', pick('font'));
  for (const [k, [min, max]] of table('data-url-ranges', ',')) {
    const x = Number(key(k));
    if (key(k) && x >= 0) d.style.setProperty(`--${k}`, String(Math.min(+max, Math.max(+min, x))));
  }
  // Language tags as the model reads them (Lang::parse): the first pattern that matches.
  const l = key('lang');
  const hit = l && [...table('data-lang-tags')].find(([t]) => (t.endsWith('*') ? l.startsWith(t.slice(0, -1)) : t === l));
  const lang = hit ? hit[1] : 'zh-Hans';
  // app.js reads the URL's language from here (www/app/narrative.js urlLang).
  d.setAttribute('data-url-lang', lang);
  if (lang !== 'zh-Hans') {
    d.lang = lang;
    d.setAttribute('data-early-lang', lang);
  }
  if (d.hasAttribute('data-embed')) {
    const view = pick('view');
    d.setAttribute('data-view', view);
    // Unset or unknown, the view decides (codec::default_controls).
    const c = key('controls');
    d.setAttribute('data-controls', (allowed.get('controls') || []).includes(c) ? c : table('data-view-controls').get(view));
  }
  // The page's module and its wasm (named on this tag; tools/build-dist.mjs writes the hashed
  // names) are asked for only once the text has been painted: fetched in <head> they shared the
  // phone's bandwidth with the stylesheet and held back the first paint. A page that
  // is never painted (a hidden tab) starts them after a while all the same.
  const me = document.currentScript;
  if (!me || !me.dataset.app) return;
  let go = () => {
    go = () => {};
    const wasm = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: '', href: me.dataset.wasm });
    document.head.append(wasm, Object.assign(document.createElement('script'), { type: 'module', src: me.dataset.app }));
  };
  const afterFrame = () => requestAnimationFrame(() => setTimeout(() => go()));
  addEventListener('DOMContentLoaded', () => {
    setTimeout(() => go(), 2000);
    if (!(PerformanceObserver.supportedEntryTypes || []).includes('paint')) return afterFrame();
    new PerformanceObserver((list, o) => {
      if (list.getEntriesByName('first-contentful-paint').length) o.disconnect(), afterFrame();
    }).observe({ type: 'paint', buffered: true });
  });
})();
