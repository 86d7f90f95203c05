// Runs before the first paint (a classic script in <head>, a few hundred bytes): reads from the
// URL what decides the layout — language, theme, and in an embed the view and the controls —
// and writes it on <html>, where style.css lays the page out from it. So nothing moves when
// app.js and the wasm arrive: the model (src/model/codec.rs, the one home of these keys) then
// reads the same keys and writes the same attributes (tests/e2e/layout.test.mjs checks they
// agree). Without JavaScript none of this runs and the page keeps its static form.
(() => {
  const d = document.documentElement;
  const q = new URLSearchParams(location.search);
  // The last of a repeated key wins, as in the codec.
  const key = (k) => (q.getAll(k).pop() || '').trim().toLowerCase();
  const pick = (k, allowed, fallback) => (allowed.includes(key(k)) ? key(k) : fallback);
  d.setAttribute('data-js', '');
  d.setAttribute('data-theme', pick('theme', ['auto', 'light', 'dark'], 'auto'));
  // Language tags as the model reads them: src/prerender.rs writes its table on <html>.
  const l = key('lang');
  const tags = (d.getAttribute('data-lang-tags') || '').split(' ').filter(Boolean).map((p) => p.split('='));
  const hit = l && tags.find(([t]) => t === l || (t.endsWith('-*') && l.startsWith(t.slice(0, -1))));
  const lang = hit && hit[1] !== 'zh-Hans' ? hit[1] : '';
  if (lang) {
    d.lang = lang;
    d.setAttribute('data-early-lang', lang);
  }
  if (d.hasAttribute('data-embed')) {
    const view = pick('view', ['all', 'allocation', 'benefit', 'outcomes', 'context'], 'all');
    d.setAttribute('data-view', view);
    d.setAttribute('data-controls', pick('controls', ['key', 'none', 'all'], view === 'all' ? 'all' : 'key'));
  }
})();
