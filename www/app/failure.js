// When the interactive part cannot run (no WebAssembly, a failed download): a one-line
// explanation, and the static page stays usable in the language and theme asked for.

import { urlLang } from './narrative.js';
import { applyTheme, revealStaticCharts, urlTheme } from './theme.js';

const FAILED = {
  'zh-Hans': '互动图表无法加载，以下为静态内容。',
  'zh-Hant': '互動圖表無法加載，以下為靜態內容。',
  en: 'The interactive charts could not load; the text below still reads.',
};

/** Show a one-line explanation when the interactive part cannot run, and keep the static page
 * usable: it follows the language and theme asked for, and its switches still work. */
export function showFailure(err, narratives) {
  const el = document.getElementById('wasm-error');
  if (!el) return;
  const root = document.documentElement;
  const explain = (lang) => {
    el.textContent = `${FAILED[lang]} (${err && err.message ? err.message : err})`;
  };
  el.hidden = false;
  root.dataset.failed = '';
  // The numbers of the sentence cannot be adjusted now: make them plain text again.
  for (const n of document.querySelectorAll('[data-adjust]')) {
    n.removeAttribute('tabindex');
    n.removeAttribute('role');
    n.removeAttribute('aria-label');
  }
  revealStaticCharts();
  // What the build pre-rendered from the model (tables, summary, chart images) is in
  // simplified Chinese whatever the language shown: say so to screen readers.
  for (const n of document.querySelectorAll('#summary, table, picture.chart-fallback')) {
    n.setAttribute('lang', 'zh-Hans');
    n.setAttribute('data-lang-fixed', '');
  }
  const lang = urlLang();
  narratives.show(lang);
  explain(lang);
  applyTheme(urlTheme());
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      narratives.show(b.dataset.lang);
      explain(b.dataset.lang);
    });
  }
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.addEventListener('click', () => applyTheme(b.dataset.themeChoice));
  }
}
