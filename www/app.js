// The page shell: loads the wasm core, keeps canvases sized to their containers, and asks
// Rust to draw. All numbers and charts come from Rust; this file only wires the DOM.
// Ids shared with Rust (src/web.rs, src/charts/mod.rs): canvas#chart-<name>.

import init, { Explainer, dataset_hash, model_version, format_fact } from './pkg/helong.js';

const CHARTS = ['allocation'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const CATEGORY_NAMES = {
  'zh-Hans': ['小种植', '小养殖', '小买卖', '小作坊', '农家乐'],
  'zh-Hant': ['小種植', '小養殖', '小買賣', '小作坊', '農家樂'],
  en: ['Planting', 'Livestock', 'Small trade', 'Workshop', 'Farm-stay'],
};

/** The one explainer, created once the wasm is ready. */
let explainer = null;
/** Pending animation frame for a redraw, so many events make one paint. */
let frame = 0;

/** Show a one-line explanation when the interactive part cannot run. */
function showFailure(err) {
  const el = document.getElementById('wasm-error');
  if (!el) return;
  el.textContent =
    '互动图表无法加载，以下为静态内容。/ 互動圖表無法載入，以下為靜態內容。/ The interactive charts could not load; the text below still reads. (' +
    String(err && err.message ? err.message : err) + ')';
  el.hidden = false;
  document.documentElement.dataset.failed = '';
}

/** The language in force. */
function currentLang() {
  return explainer ? explainer.lang() : 'zh-Hans';
}

/** True when charts should use the dark palette. */
function isDark() {
  const theme = explainer ? explainer.theme() : 'auto';
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Show the elements of one language and hide the others. */
function applyLang(lang) {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[lang]')) {
    if (el === document.documentElement || el.closest('.switch')) continue;
    el.hidden = el.lang !== lang;
  }
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

/** Fill every [data-fact] span from the dataset, in the language of its enclosing element. */
function fillFacts() {
  for (const el of document.querySelectorAll('[data-fact]')) {
    const lang = el.closest('[lang]')?.lang || 'zh-Hans';
    const text = format_fact(el.dataset.fact, lang);
    if (text) el.textContent = text;
  }
}

/** Setup canvas to properly handle high DPI and return the scale to draw at. */
function sizeCanvas(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const rect = canvas.getBoundingClientRect();
  const w = Math.max(1, Math.round(rect.width * dpr));
  const h = Math.max(1, Math.round(rect.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return dpr;
}

/** Redraw every chart and the text that depends on the scenario. */
function render() {
  frame = 0;
  const t0 = performance.now();
  const dark = isDark();
  for (const name of CHARTS) {
    const canvas = document.getElementById(`chart-${name}`);
    if (!canvas) continue;
    const scale = sizeCanvas(canvas);
    explainer.draw(name, canvas, dark, scale);
  }
  fillTables();
  const ms = performance.now() - t0;
  if (!document.documentElement.hasAttribute('data-ready')) {
    document.documentElement.setAttribute('data-ready', '');
  }
  window.dispatchEvent(new CustomEvent('explainer:rendered', { detail: { ms } }));
}

/** Ask for a redraw on the next frame. */
function scheduleRender() {
  if (!frame) frame = requestAnimationFrame(render);
}

/** Rewrite the data tables from the current outcome. */
function fillTables() {
  const out = explainer.outcome();
  const lang = currentLang();
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh');
  const rows = document.querySelectorAll('#table-allocation tbody tr');
  out.categories.forEach((c, i) => {
    const row = rows[i];
    if (!row) return;
    row.cells[0].textContent = CATEGORY_NAMES[lang][i];
    row.cells[1].textContent = fmt.format(c.households);
    row.cells[2].textContent = fmt.format(c.reported_households);
  });
}

/** Wire the language switcher. */
function bindLanguage() {
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      explainer.set('lang', b.dataset.lang);
      applyLang(explainer.lang());
      fillFacts();
      render();
    });
  }
}

async function main() {
  await init();
  explainer = new Explainer(window.location.search);
  applyLang(explainer.lang());
  fillFacts();
  document.getElementById('model-version').textContent = model_version();
  document.getElementById('dataset-hash').textContent = dataset_hash();
  bindLanguage();
  const ro = new ResizeObserver(scheduleRender);
  for (const el of document.querySelectorAll('.chart')) ro.observe(el);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', scheduleRender);
  render();
}

main().catch(showFailure);

export { LANGS };
