// The page shell: loads the wasm core, wires controls to it, keeps canvases sized to their
// containers and asks Rust to draw. Every number, chart, table and summary comes from Rust;
// this file only moves values between the DOM and the model.
// Ids shared with Rust (src/web.rs, src/charts/mod.rs): canvas#chart-<name>, table#table-<name>.
// The served index.html carries its narrative in zh-Hans only; the zh-Hant and en narrative
// are fragments fetched when a reader asks for that language (src/prerender.rs writes them).

import { startHeightAnnouncer } from './frame.js';
import init, { Explainer, dataset_hash, model_version } from './pkg/helong.js';

/** Charts that depend on the scenario (redrawn on every change). */
const SCENARIO_CHARTS = ['allocation', 'benefit', 'outcomes'];
/** Charts that depend only on the dataset (redrawn on resize, language or theme). */
const STATIC_CHARTS = ['context'];
const ALL_CHARTS = [...STATIC_CHARTS, ...SCENARIO_CHARTS];
/** Slider keys whose value is one number of the scenario. */
const SCALAR_KEYS = ['grant', 'budget', 'fail', 'sigma', 'scale', 'cy'];
/** Steps of the adjustable numbers in the reactive sentence. */
const ADJUST = {
  grant: { min: 500, max: 50000, step: 500, pxPerStep: 6 },
  budget: { min: 0, max: 50000000, step: 100000, pxPerStep: 3 },
};
/** Quiet period before the live summary and tables catch up with a moving slider. */
const IDLE_MS = 350;
/** Longest wait for the narrative in the URL's language before the page is declared ready; it
 * is swapped in when it arrives, and the zh-Hans text stays until then. */
const NARRATIVE_WAIT_MS = 2000;
const MESSAGES = {
  copied: { 'zh-Hans': '链接已复制。', 'zh-Hant': '連結已複製。', en: 'Link copied.' },
  copyFallback: { 'zh-Hans': '请手动复制：', 'zh-Hant': '請手動複製：', en: 'Copy this link: ' },
  failed: {
    'zh-Hans': '互动图表无法加载，以下为静态内容。',
    'zh-Hant': '互動圖表無法載入，以下為靜態內容。',
    en: 'The interactive charts could not load; the text below still reads.',
  },
  narrativeFailed: {
    'zh-Hant': '繁體中文內文未能載入，正文暫以簡體中文顯示。',
    en: 'The English text could not load; the story is shown in Simplified Chinese.',
  },
};
/** Punctuation of the chart descriptions read by screen readers: after a label, between
 * values, between rows, at the end. */
const PUNCT = {
  'zh-Hans': { label: '：', value: '，', row: '；', end: '。' },
  'zh-Hant': { label: '：', value: '，', row: '；', end: '。' },
  en: { label: ': ', value: ', ', row: '; ', end: '.' },
};

/** The narrative in each language asked for: a promise of true once its paragraphs are in the
 * page, false when they could not be loaded (see loadNarrative). */
const narratives = new Map();

/** The one explainer, created once the wasm is ready. */
let explainer = null;
/** Pending animation frame for a redraw, so many events make one paint. */
let frame = 0;
/** True when the dataset-only charts need drawing (resize, language, theme). */
let staticDirty = true;
/** Timer for the idle update of summary and tables. */
let idleTimer = 0;

/** The `lang` URL key as the model reads it (src/i18n.rs `Lang::parse`), for when it could not load. */
function urlLang() {
  const t = (new URLSearchParams(window.location.search).get('lang') || '').trim().toLowerCase();
  if (['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo', 'zh-hant-tw', 'zh-hant-hk'].includes(t)) return 'zh-Hant';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return 'zh-Hans';
}

/** The `theme` URL key, for when the model could not load. */
function urlTheme() {
  const t = new URLSearchParams(window.location.search).get('theme');
  return ['light', 'dark'].includes(t) ? t : 'auto';
}

/** Show a one-line explanation when the interactive part cannot run, and keep the static page
 * usable: it follows the language and theme asked for, and its switches still work. */
function showFailure(err) {
  const el = document.getElementById('wasm-error');
  if (!el) return;
  const root = document.documentElement;
  const explain = (lang) => {
    el.textContent = `${MESSAGES.failed[lang]} (${err && err.message ? err.message : err})`;
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
  setLang(lang);
  explain(lang);
  applyTheme(urlTheme());
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      setLang(b.dataset.lang);
      explain(b.dataset.lang);
    });
  }
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.addEventListener('click', () => applyTheme(b.dataset.themeChoice));
  }
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

/** The text of the element's child in the language shown (for headings kept in three languages). */
function shownText(el) {
  if (!el) return '';
  const shown = [...el.querySelectorAll(':scope > [lang]')].find((e) => !e.hidden);
  return (shown || el).textContent.trim();
}

/** Show the elements of one language and hide the others. An element with a lang attribute
 * inside another one (a Chinese name in an English sentence) is a part in another language,
 * not a translation, and stays shown with its sentence. */
function applyLang(lang) {
  const root = document.documentElement;
  root.lang = lang;
  for (const el of document.querySelectorAll('body [lang]')) {
    if (el.hasAttribute('data-lang') || el.hasAttribute('data-lang-fixed')) continue;
    const outer = el.parentElement?.closest('[lang]');
    if (outer && outer !== root) continue;
    const hide = el.lang !== lang;
    if (el.hidden !== hide) el.hidden = hide; // unchanged elements cost no style work
  }
  // A narrative block without text in `lang` (its fragment is on its way, or could not be
  // loaded) keeps showing its zh-Hans text rather than nothing.
  for (const block of document.querySelectorAll('[data-narrative]')) {
    if (block.querySelector(`:scope > [lang="${lang}"]`)) continue;
    for (const el of block.querySelectorAll(':scope > [lang="zh-Hans"]')) el.hidden = false;
  }
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
  const title = shownText(document.querySelector('h1') || document.getElementById('h-sim'));
  if (title) document.title = title;
}

/** The fragment with the narrative in `lang`, as <html> names it (`data-narrative-en` …, written
 * by src/prerender.rs, content-hashed by tools/build-dist.mjs); null when the page holds that
 * narrative itself (zh-Hans, the single-file build, the www/ source page, the embed). */
function narrativeHref(lang) {
  return document.documentElement.getAttribute(`data-narrative-${lang.toLowerCase()}`);
}

/** Append the paragraphs of a fetched fragment to their blocks of the page (hidden until
 * applyLang shows them). True when the fragment had text for the page's blocks. */
function insertNarrative(html, lang) {
  const t = document.createElement('template');
  t.innerHTML = html;
  let placed = 0;
  for (const from of t.content.querySelectorAll('[data-narrative]')) {
    const block = document.querySelector(`[data-narrative="${CSS.escape(from.dataset.narrative)}"]`);
    const parts = [...from.children].filter((el) => el.lang === lang);
    if (!block || parts.length === 0) continue;
    if (!block.querySelector(`:scope > [lang="${lang}"]`)) {
      for (const el of parts) el.hidden = true;
      block.append(...parts);
    }
    placed += 1;
  }
  return placed > 0;
}

/** Put the narrative in `lang` into the page, fetching its fragment once (the promise is kept;
 * after a failure the next request tries again). Resolves to true when the page holds that
 * narrative, false when it could not be loaded; never rejects. */
function loadNarrative(lang) {
  const href = narrativeHref(lang);
  if (!href) return Promise.resolve(true);
  let loaded = narratives.get(lang);
  if (!loaded) {
    loaded = fetch(href)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      })
      .then(async (html) => {
        await domParsed();
        return insertNarrative(html, lang);
      })
      .catch(() => false)
      .then((ok) => {
        if (!ok) narratives.delete(lang);
        return ok;
      });
    narratives.set(lang, loaded);
  }
  return loaded;
}

/** Say in the page's notice area that the narrative in `lang` could not load (null: say nothing). */
function narrativeNotice(lang) {
  const el = document.getElementById('narrative-error');
  if (!el) return;
  el.textContent = lang ? MESSAGES.narrativeFailed[lang] : '';
  el.hidden = !lang;
}

/** Show the page in `lang`: its chrome at once, its narrative as soon as it is in the page (the
 * zh-Hans text stays in place until then, and if it cannot load). Resolves when settled. */
function setLang(lang) {
  applyLang(lang);
  narrativeNotice(null);
  if (!narrativeHref(lang)) return Promise.resolve(); // the page holds it: nothing to wait for
  return loadNarrative(lang).then((ok) => {
    if (document.documentElement.lang !== lang) return; // the reader has moved on
    if (ok) applyLang(lang);
    else narrativeNotice(lang);
  });
}

/** Fetch a language's narrative when the pointer or the focus comes to its button. */
function bindNarrativePrefetch() {
  for (const b of document.querySelectorAll('[data-lang]')) {
    const prefetch = () => loadNarrative(b.dataset.lang);
    b.addEventListener('pointerenter', prefetch);
    b.addEventListener('focus', prefetch);
  }
}

/** Reflect the theme on <html> and on the switcher. */
function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.setAttribute('aria-pressed', String(b.dataset.themeChoice === theme));
  }
  fitStaticChartsToTheme(theme);
}

/** The <source>s and image of each pre-rendered chart as the build wrote them. */
const fallbackSources = new WeakMap();

/** The pre-rendered chart images follow the system's colour scheme; a theme chosen on the page
 * (light or dark) picks the matching images instead. */
function fitStaticChartsToTheme(theme) {
  for (const pic of document.querySelectorAll('picture.chart-fallback')) {
    const img = pic.querySelector('img');
    if (!fallbackSources.has(pic)) {
      const sources = [...pic.querySelectorAll('source')].map((s) => [s.media, s.srcset]);
      fallbackSources.set(pic, { sources, src: img.getAttribute('src') });
    }
    const { sources, src: lightSrc } = fallbackSources.get(pic);
    const wanted = sources.filter(([media]) => theme === 'auto' || media.includes('prefers-color-scheme: dark') === (theme === 'dark'));
    pic.querySelectorAll('source').forEach((s) => s.remove());
    for (const [media, srcset] of wanted) {
      const s = document.createElement('source');
      s.media = theme === 'auto' ? media : media.replace(/\(prefers-color-scheme: dark\)( and )?/, '') || 'all';
      s.srcset = srcset;
      img.before(s);
    }
    const src = theme === 'dark' ? lightSrc.replace(/-light\.svg$/, '-dark.svg') : lightSrc;
    if (img.getAttribute('src') !== src) img.setAttribute('src', src);
  }
}

/** Give a canvas the pixel size of its box × devicePixelRatio; true when that changed it. */
function sizeCanvas(canvas, box, dpr) {
  const w = Math.max(1, Math.round(box.width * dpr));
  const h = Math.max(1, Math.round(box.height * dpr));
  const changed = canvas.width !== w || canvas.height !== h;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return changed;
}

/** Draw charts: `jobs` is [[name, force]]. Every box is read before any canvas is resized, so
 * the page is laid out once, not once per chart. */
function drawCharts(jobs, dark) {
  const dpr = window.devicePixelRatio || 1;
  const found = jobs.map(([name, force]) => [name, force, document.getElementById(`chart-${name}`)]).filter((j) => j[2]);
  const boxes = found.map(([, , canvas]) => canvas.getBoundingClientRect());
  found.forEach(([name, force, canvas], i) => {
    const changed = sizeCanvas(canvas, boxes[i], dpr);
    if (force || changed || explainer.chart_changed(name)) explainer.draw(name, canvas, dark, dpr);
  });
}

/** Redraw the charts and the numbers that follow the scenario; runs once per frame. */
function render() {
  frame = 0;
  const t0 = performance.now();
  const dark = isDark();
  // After a resize, a language or a theme change every chart is drawn again; after a slider
  // move only the charts whose numbers changed (Rust keeps track).
  const all = staticDirty;
  const jobs = SCENARIO_CHARTS.map((name) => [name, all]);
  if (staticDirty) jobs.unshift(...STATIC_CHARTS.map((name) => [name, true]));
  staticDirty = false;
  // The canvases are display:none until data-ready (the static charts stand in): show them
  // before reading their boxes, or the first charts are drawn 1×1 and data-ready is set over
  // blank canvases until the resize observer draws again (seen in WebKit, one frame or more).
  const first = !document.documentElement.hasAttribute('data-ready');
  if (first) document.documentElement.setAttribute('data-ready', '');
  drawCharts(jobs, dark);
  fillOutputs();
  const ms = performance.now() - t0;
  if (first) {
    fillText();
    performance.mark('explainer:data-ready');
  } else {
    scheduleIdle();
  }
  window.dispatchEvent(new CustomEvent('explainer:rendered', { detail: { ms } }));
}

/** Redraw now, inside the event that changed the scenario, so the next painted frame shows it. */
function renderNow() {
  if (frame) cancelAnimationFrame(frame);
  render();
}

/** True when a chart's canvas no longer matches its box × devicePixelRatio (the observer's
 * first call, right after the first render, changes nothing and redraws nothing). */
function chartsNeedResize() {
  const dpr = window.devicePixelRatio || 1;
  return [...document.querySelectorAll('.chart canvas')].some((c) => {
    const r = c.getBoundingClientRect();
    return c.width !== Math.max(1, Math.round(r.width * dpr)) || c.height !== Math.max(1, Math.round(r.height * dpr));
  });
}

/** Ask for a redraw on the next frame. */
function scheduleRender() {
  if (!frame) frame = requestAnimationFrame(render);
}

/** Redraw everything, including the dataset-only charts, on the next frame. */
function scheduleFullRender() {
  staticDirty = true;
  scheduleRender();
}

/** Let the summary, tables, notices and URL catch up once the reader pauses. */
function scheduleIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(fillText, IDLE_MS);
}

/** Text that follows the scenario but need not change every frame. */
function fillText() {
  clearTimeout(idleTimer);
  const summary = explainer.summary();
  document.getElementById('summary').textContent = summary;
  fillNotices();
  for (const name of ALL_CHARTS) describeChart(name, fillTable(name), summary);
  updateUrl();
}

/** The text alternative of a chart (the description of its canvas): the table's caption and
 * every row in words, so a screen reader hears what the chart shows for this scenario. The
 * distribution chart starts with the live summary (range and failures), then its bins. */
function describeChart(name, t, summary) {
  const el = document.getElementById(`desc-${name}`);
  if (!el || !t) return;
  const p = PUNCT[currentLang()] || PUNCT.en;
  const rows = t.rows.map((cells) => {
    const values = cells
      .slice(1)
      .map((c, i) => (c === '' ? '' : `${t.headers[i + 1]} ${c}`))
      .filter(Boolean);
    return `${cells[0]}${p.label}${values.join(p.value)}`;
  });
  const lead = name === 'outcomes' ? `${summary} ` : '';
  el.textContent = `${lead}${t.caption}${p.label}${rows.join(p.row)}${p.end}`;
}

/** Rewrite one chart's data table from the model. */
function fillTable(name) {
  const table = document.getElementById(`table-${name}`);
  if (!table) return null;
  const t = explainer.table(name);
  table.caption.textContent = t.caption;
  const head = document.createElement('tr');
  for (const h of t.headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  const rows = t.rows.map((cells) => {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = c;
      tr.append(cell);
    });
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  return t;
}

/** Show the codec's and the model's notices in the reader's language. */
function fillNotices() {
  const list = document.getElementById('notices');
  const items = explainer.notices().map((n) => {
    const li = document.createElement('li');
    li.textContent = n.message;
    li.dataset.key = n.key;
    return li;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

/** Keep the scenario in the URL so a link restores it. */
function updateUrl() {
  const q = explainer.query();
  const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    try {
      window.history.replaceState(null, '', url);
    } catch {
      // A sandboxed or file:// document may refuse; the page works on without it.
    }
  }
}

/** Numbers in the reactive sentence, beside each slider, and the courtyard line: one call. */
function fillOutputs() {
  const r = explainer.readout();
  const set = (sel, text) => {
    for (const el of document.querySelectorAll(sel)) el.textContent = text;
  };
  for (const key of ['households', 'benefit', 'p5', 'p95', 'courtyard']) set(`[data-out="${key}"]`, r[key]);
  for (const el of document.querySelectorAll('[data-adjust]')) {
    const key = el.dataset.adjust;
    el.textContent = r[key];
    el.setAttribute('aria-valuenow', String(r[`${key}_value`]));
    el.setAttribute('aria-valuetext', r[key]);
  }
  // The slider beside each output is read with the same words ("5,000 yuan", not "5000").
  for (const [id, text] of r.controls) {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
    document.getElementById(id.replace(/^out-/, 'in-'))?.setAttribute('aria-valuetext', text);
  }
}

/** The first number of a list-valued key (failure probability shown for all kinds). */
function firstOf(key) {
  return Number(explainer.value(key).split(',')[0]);
}

/** Move every slider to the model's current values (after load, presets, reset). */
function syncSliders() {
  for (const key of SCALAR_KEYS) {
    const el = document.getElementById(`in-${key}`);
    if (el) el.value = key === 'fail' ? String(firstOf('fail')) : explainer.value(key);
  }
  explainer.mix_shares().forEach((s, i) => {
    const el = document.getElementById(`in-mix-${i}`);
    if (el) el.value = String(s);
  });
  explainer
    .value('ret')
    .split(',')
    .forEach((r, i) => {
      const el = document.getElementById(`in-ret-${i}`);
      if (el) el.value = r;
    });
}

/** Wire the sliders: every input event changes the model and redraws within the frame. */
function bindSliders() {
  for (const key of SCALAR_KEYS) {
    const el = document.getElementById(`in-${key}`);
    el?.addEventListener('input', () => {
      explainer.set(key, el.value);
      renderNow();
    });
  }
  for (const el of document.querySelectorAll('[data-mix]')) {
    el.addEventListener('input', () => {
      explainer.set_mix_share(Number(el.dataset.mix), Number(el.value));
      explainer.mix_shares().forEach((s, i) => {
        const other = document.getElementById(`in-mix-${i}`);
        if (other && other !== el) other.value = String(s);
      });
      renderNow();
    });
  }
  for (const el of document.querySelectorAll('[data-ret]')) {
    el.addEventListener('input', () => {
      const values = [...document.querySelectorAll('[data-ret]')].map((r) => r.value);
      explainer.set('ret', values.join(','));
      renderNow();
    });
  }
}

/** Change an adjustable number of the reactive sentence by whole steps. */
function nudge(el, steps) {
  const key = el.dataset.adjust;
  const a = ADJUST[key];
  const now = Number(explainer.value(key));
  const next = Math.min(a.max, Math.max(a.min, Math.round(now / a.step) * a.step + steps * a.step));
  explainer.set(key, String(next));
  syncSliders();
  renderNow();
}

/** Wire the adjustable numbers: arrow keys, Page Up/Down, Home/End, and dragging. */
function bindAdjustables() {
  for (const el of document.querySelectorAll('[data-adjust]')) {
    const a = ADJUST[el.dataset.adjust];
    // Only with the model running are these numbers controls (the static page reads them as text).
    el.tabIndex = 0;
    el.setAttribute('role', 'spinbutton');
    el.setAttribute('aria-valuemin', String(a.min));
    el.setAttribute('aria-valuemax', String(a.max));
    el.addEventListener('keydown', (e) => {
      const steps = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 10, PageDown: -10 }[e.key];
      if (steps) {
        nudge(el, steps);
      } else if (e.key === 'Home' || e.key === 'End') {
        explainer.set(el.dataset.adjust, String(e.key === 'Home' ? a.min : a.max));
        syncSliders();
        renderNow();
      } else {
        return;
      }
      e.preventDefault();
    });
    let startX = 0;
    let moved = 0;
    el.addEventListener('pointerdown', (e) => {
      startX = e.clientX;
      moved = 0;
      el.setPointerCapture(e.pointerId);
      el.classList.add('dragging');
    });
    el.addEventListener('pointermove', (e) => {
      if (!el.hasPointerCapture(e.pointerId)) return;
      const steps = Math.trunc((e.clientX - startX) / a.pxPerStep) - moved;
      if (steps) {
        moved += steps;
        nudge(el, steps);
      }
    });
    const end = (e) => {
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      el.classList.remove('dragging');
    };
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  }
}

/** Save a Blob under a file name through a temporary object URL. */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart as a PNG, drawn by Rust at twice the size and stamped with scenario and source. */
function downloadPng(name) {
  const shown = document.getElementById(`chart-${name}`);
  const canvas = document.createElement('canvas');
  const scale = 2;
  const rect = shown.getBoundingClientRect();
  canvas.width = Math.round(Math.max(rect.width, 640) * scale);
  canvas.height = Math.round((Math.max(rect.height, 280) + 48) * scale);
  explainer.draw_export(name, canvas, isDark(), scale);
  canvas.toBlob((blob) => blob && saveBlob(blob, `helong-${name}.png`), 'image/png');
}

/** In an embed the charts come right after the sentence, above the presets and controls: move
 * them there in the document, so that reading and focus order follow the order on screen. The
 * embed has no headline, so its top heading becomes the page's level-1 heading. */
function arrangeEmbed() {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  const sentences = document.querySelectorAll('#simulator > .reactive');
  let after = sentences[sentences.length - 1];
  for (const panel of document.querySelectorAll('#simulator > .panel')) {
    after?.after(panel);
    after = panel;
  }
  for (const [id, level] of [['h-sim', 1], ['h-allocation', 2], ['h-benefit', 2], ['h-outcomes', 2], ['h-context', 2]]) {
    document.getElementById(id)?.setAttribute('aria-level', String(level));
  }
}

/** In an embed, show only the panel the `view` key asks for (`all` shows everything). */
function applyView() {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  const view = explainer.value('view') || 'all';
  document.documentElement.dataset.view = view;
  const sim = document.getElementById('simulator');
  const context = document.getElementById('panel-context');
  if (sim) sim.hidden = view === 'context';
  if (context) context.hidden = !(view === 'context' || view === 'all');
  // The context chart alone: its heading is the embed's level-1 heading.
  document.getElementById('h-context')?.setAttribute('aria-level', view === 'context' ? '1' : '2');
  for (const panel of document.querySelectorAll('#simulator .panel')) {
    panel.hidden = !(view === 'all' || panel.id === `panel-${view}`);
  }
}

/** Wire presets, reset, copy link, downloads, language and theme. */
function bindButtons() {
  for (const b of document.querySelectorAll('[data-preset]')) {
    b.addEventListener('click', () => {
      explainer.preset(b.dataset.preset);
      syncSliders();
      renderNow();
    });
  }
  document.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    explainer.reset();
    syncSliders();
    renderNow();
  });
  document.querySelector('[data-action="copy-link"]')?.addEventListener('click', copyLink);
  for (const b of document.querySelectorAll('.download-png')) {
    b.addEventListener('click', () => downloadPng(b.dataset.chart));
  }
  document.querySelector('[data-download="outcome-csv"]')?.addEventListener('click', () => {
    saveBlob(new Blob([explainer.outcome_csv()], { type: 'text/csv;charset=utf-8' }), 'helong-outcome.csv');
  });
  document.querySelector('[data-download="outcome-json"]')?.addEventListener('click', () => {
    const text = JSON.stringify(explainer.outcome(), null, 2);
    saveBlob(new Blob([text], { type: 'application/json' }), 'helong-outcome.json');
  });
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      explainer.set('lang', b.dataset.lang);
      setLang(explainer.lang());
      fillText();
      scheduleFullRender();
    });
  }
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.addEventListener('click', () => {
      explainer.set('theme', b.dataset.themeChoice);
      applyTheme(explainer.theme());
      updateUrl();
      scheduleFullRender();
    });
  }
  for (const d of document.querySelectorAll('details.table-wrap')) {
    d.addEventListener('toggle', () => d.open && fillText());
  }
}

/** Copy the current link; fall back to showing it when the clipboard is unavailable. */
async function copyLink() {
  updateUrl();
  const status = document.getElementById('copy-status');
  const lang = currentLang();
  try {
    await navigator.clipboard.writeText(window.location.href);
    status.textContent = MESSAGES.copied[lang];
  } catch {
    status.textContent = MESSAGES.copyFallback[lang] + window.location.href;
  }
}

/** Show the pre-rendered charts (kept in <noscript> so they cost nothing when all is well). */
function revealStaticCharts() {
  for (const ns of document.querySelectorAll('noscript.chart-fallback-ns')) {
    ns.insertAdjacentHTML('afterend', ns.textContent);
  }
}

/** The wasm to instantiate: inlined bytes in the single-file build, else the file beside helong.js. */
function wasmSource() {
  return globalThis.HELONG_WASM ? { module_or_path: globalThis.HELONG_WASM } : undefined;
}

/** Resolves once the document is parsed (the script is async and may run before that). */
function domParsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/** Resolves after `ms` milliseconds. */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  performance.mark('explainer:start');
  // A reader who arrives with ?lang=zh-Hant or en gets that narrative fetched now, alongside the
  // wasm (Rust decides the language below; this reads the URL the same way).
  loadNarrative(urlLang());
  // Compile the wasm while the browser is still parsing and laying out the page.
  const wasmReady = init(wasmSource());
  wasmReady.catch(() => {}); // handled below, once the page exists to show the failure
  await domParsed();
  startHeightAnnouncer();
  arrangeEmbed();
  bindNarrativePrefetch();
  const wasm = await wasmReady;
  performance.mark('explainer:wasm-ready');
  // Read-only probe for the benchmarks and soak tests (wasm memory in bytes).
  window.explainerProbe = Object.freeze({ wasmMemoryBytes: () => wasm.memory.buffer.byteLength });
  explainer = new Explainer(window.location.search);
  performance.mark('explainer:model-ready');
  const narrativeShown = setLang(explainer.lang());
  applyTheme(explainer.theme());
  applyView();
  // The figures in the narrative ([data-fact]) are already in the page and its fragments, in
  // every language, exactly as the dataset formats them: tests/page.rs checks each one.
  for (const [id, text] of [['model-version', model_version()], ['dataset-hash', dataset_hash()]]) {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  }
  syncSliders();
  bindSliders();
  bindAdjustables();
  bindButtons();
  // data-ready promises the narrative in the reader's language: it has been on its way since
  // the start and is smaller than the wasm, so this rarely waits (and never for long).
  await Promise.race([narrativeShown, delay(NARRATIVE_WAIT_MS)]);
  const ro = new ResizeObserver(() => chartsNeedResize() && scheduleFullRender());
  for (const el of document.querySelectorAll('.chart')) ro.observe(el);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', scheduleFullRender);
  render();
}

main().catch(showFailure);
