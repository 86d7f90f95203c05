// Runs before the first paint (a classic script in <head>, a few hundred bytes): reads from the
// URL what decides the layout — language, theme, and in an embed the view and the controls —
// and writes it on <html>, where style.css lays the page out from it. So nothing moves when
// app.js and the wasm arrive: the model (src/model/codec.rs, the one home of these keys) then
// reads the same keys and writes the same attributes (tests/e2e/early.test.mjs checks they
// agree). The allowed values, the language tags and each view's default controls are the
// model's, written on <html> by src/prerender.rs (`codec::page_contract`); this script keeps no
// list of its own. Without JavaScript none of this runs and the page keeps its static form.
(() => {
  const d = document.documentElement;
  const table = (name, sep) =>
    new Map((d.getAttribute(name) || '').split(' ').filter(Boolean).map((p) => p.split('=')).map(([k, v]) => [k, sep ? v.split(sep) : v]));
  const allowed = table('data-url-values', ',');
  // Keys as the codec reads them: trimmed, any case; the last of a repeated key wins.
  const q = new Map();
  for (const [k, v] of new URLSearchParams(location.search)) q.set(k.trim().toLowerCase(), v.trim().toLowerCase());
  const key = (k) => q.get(k) || '';
  const pick = (k) => {
    const values = allowed.get(k) || [''];
    return values.includes(key(k)) ? key(k) : values[0];
  };
  d.setAttribute('data-js', '');
  d.setAttribute('data-theme', pick('theme'));
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
})();
