// The render loop: keeps canvases sized to their boxes × the screen's pixel ratio (at most 2),
// asks Rust to draw the charts whose numbers changed, and lets the slower text catch up once the
// reader pauses.
// While a slider moves, only the charts on screen are drawn (on a phone that is the strip's
// small chart; each canvas drawn is also a bitmap the browser copies for the frame): a chart off
// screen is drawn when it comes into view or when the reader pauses, whichever is first.
// Ids shared with Rust (src/web.rs, src/charts/mod.rs): canvas#chart-<name>.

import { nextTask } from './dom.js';
import { fillOutputs, fillText, textSteps } from './text.js';
import { isDark } from './theme.js';

/** The page's charts as the build marked their boxes (src/site/slots.rs, from
 * `Chart::redraw` and `Chart::described`): `scenario` charts are redrawn on every change,
 * `dataset` ones on a resize, a language or a theme; `described` ones have a table and a text
 * alternative. `total` is the small chart of the phone's sticky strip (not drawn while it is
 * not shown): the total and its range, or, after a move that left the expected benefit
 * unchanged, the households by kind (Rust decides which: src/web.rs). */
function chartNames(selector) {
  return [...document.querySelectorAll(`[data-chart]${selector}`)].map((el) => el.dataset.chart);
}
/** Quiet period before the live summary and tables catch up with a moving slider. */
const IDLE_MS = 350;

/** Resolves in a task after the next frame (or after 100 ms, for a page that is not painted):
 * each chart drawn at start-up is handed to the browser in a frame of its own, so no frame has
 * several new canvases to copy. */
function afterFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve())));
  });
}

/** Canvas pixels per CSS pixel: the screen's, but at most 2. A phone's screen at 3 would make
 * each chart 2.25 times the pixels to draw and hand to the compositor on every slider move (at
 * 10× CPU slow-down the copy of the canvases was the largest part of a frame), for lines and
 * text that look the same at arm's length. */
const MAX_CANVAS_SCALE = 2;
function canvasScale() {
  return Math.min(window.devicePixelRatio || 1, MAX_CANVAS_SCALE);
}

/** The pixel size of a box × the canvas scale (at least one pixel each way). */
function pixelSize(box, dpr) {
  return [Math.max(1, Math.round(box.width * dpr)), Math.max(1, Math.round(box.height * dpr))];
}

/** True when a shown box (not display: none) wants another pixel size than its canvas has. */
function needsResize(canvas, box) {
  const [w, h] = pixelSize(box, canvasScale());
  return Boolean(box.width && box.height) && (canvas.width !== w || canvas.height !== h);
}

/** Give a canvas the pixel size of its box × the canvas scale; true when that changed it. */
function sizeCanvas(canvas, box, dpr) {
  const [w, h] = pixelSize(box, dpr);
  const changed = canvas.width !== w || canvas.height !== h;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return changed;
}

/**
 * The page's renderer for one explainer: `start()` draws the page the first time, in pieces, and
 * marks it ready; `render()` draws now, `renderNow()` draws inside the event that changed the
 * scenario, `scheduleRender()` / `scheduleFullRender()` draw on the next frame (the full one
 * redraws the dataset-only charts too), `fillText()` brings the summary, tables and URL up to date.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function createRenderer(explainer) {
  const SCENARIO_CHARTS = chartNames('[data-redraw="scenario"]');
  const STATIC_CHARTS = chartNames('[data-redraw="dataset"]');
  const ALL_CHARTS = chartNames('[data-described]');
  /** Pending animation frame for a redraw, so many events make one paint. */
  let frame = 0;
  /** True when the dataset-only charts need drawing (resize, language, theme). */
  let staticDirty = false;
  /** True once `start()` has drawn every chart (until then a resize leaves the drawing to it). */
  let started = false;
  /** Timer for the idle update of summary and tables. */
  let idleTimer = 0;

  /** Each canvas's box as the resize observer last saw it (read once per resize, so a slider
   * move never makes the page lay out inside the input event), and whether it is on screen. */
  const boxes = new Map();
  const onScreen = new Map();
  /** Charts whose numbers changed while they were off screen: drawn once they are seen. */
  const stale = new Set();

  /** Draw charts: `jobs` is [[name, force]]; `all` draws those off screen too. Boxes not yet
   * known to the observer are read before any canvas is resized, so the page is laid out once. */
  const drawCharts = (jobs, dark, all) => {
    const dpr = canvasScale();
    const found = jobs.map(([name, force]) => [name, force, document.getElementById(`chart-${name}`)]).filter((j) => j[2]);
    const sizes = found.map(([, , canvas]) => boxes.get(canvas) || canvas.getBoundingClientRect());
    found.forEach(([name, force, canvas], i) => {
      if (sizes[i].width === 0 || sizes[i].height === 0) return; // not shown (display: none)
      const dirty = force || stale.has(name) || explainer.chart_changed(name);
      if (!all && onScreen.get(canvas) === false) {
        if (dirty) stale.add(name);
        return;
      }
      stale.delete(name);
      const changed = sizeCanvas(canvas, sizes[i], dpr);
      if (dirty || changed) explainer.draw(name, canvas, dark, dpr);
    });
  };

  /** Text that follows the scenario but need not change every frame, and the charts that
   * changed off screen; then `explainer:settled` on window: everything the page shows is the
   * scenario's now (tests wait for it instead of the clock; README, "Test hooks"). */
  const text = () => {
    clearTimeout(idleTimer);
    if (stale.size) drawCharts([...stale].map((name) => [name, true]), isDark(explainer.theme()), true);
    fillText(explainer, ALL_CHARTS);
    window.dispatchEvent(new CustomEvent('explainer:settled'));
  };

  /** Let the summary, tables, notices and URL catch up once the reader pauses. */
  const scheduleIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(text, IDLE_MS);
  };

  /** Redraw the charts and the numbers that follow the scenario; runs once per frame. */
  const render = () => {
    frame = 0;
    const t0 = performance.now();
    const dark = isDark(explainer.theme());
    // After a resize, a language or a theme change every chart is drawn again; after a slider
    // move only the charts whose numbers changed (Rust keeps track).
    const all = staticDirty;
    const jobs = SCENARIO_CHARTS.map((name) => [name, all]);
    if (staticDirty) jobs.unshift(...STATIC_CHARTS.map((name) => [name, true]));
    staticDirty = false;
    fillOutputs(explainer);
    drawCharts(jobs, dark, all);
    const ms = performance.now() - t0;
    scheduleIdle();
    window.dispatchEvent(new CustomEvent('explainer:rendered', { detail: { ms } }));
  };

  /**
   * The first drawing of the page, one piece per task: each chart (those on screen first), the
   * numbers, the summary, each table. Done in one go it kept a phone's main thread busy for
   * about 600 ms after the first paint (Lighthouse: 270–320 ms of blocking time). The boxes come
   * from the resize observer's first report, after the browser's own layout, so no layout is
   * forced. data-ready is set once every chart shown has been drawn at its real size. A reader
   * who moves a control meanwhile gets an ordinary render; the pieces left draw the new numbers.
   */
  const start = async () => {
    let boxesKnown;
    const firstBoxes = new Promise((resolve) => (boxesKnown = resolve));
    watch(boxesKnown);
    // A page that is never laid out (a hidden tab) gets its boxes read when it is shown.
    await Promise.race([firstBoxes, new Promise((resolve) => setTimeout(resolve, 500))]);
    await nextTask(); // the report comes inside the browser's frame: draw in a task of its own
    const names = [...STATIC_CHARTS, ...SCENARIO_CHARTS];
    const canvas = (name) => document.getElementById(`chart-${name}`);
    names.sort((a, b) => Number(onScreen.get(canvas(b)) === true) - Number(onScreen.get(canvas(a)) === true));
    for (const name of names) {
      drawCharts([[name, true]], isDark(explainer.theme()), true);
      await afterFrame();
    }
    fillOutputs(explainer);
    for (const step of textSteps(explainer, ALL_CHARTS)) {
      await nextTask();
      step();
    }
    started = true;
    document.documentElement.setAttribute('data-ready', '');
    performance.mark('explainer:data-ready');
    // A box that changed while the pieces were drawn (a rotated phone) is drawn again.
    if ([...boxes].some(([c, box]) => needsResize(c, box))) scheduleFullRender();
  };

  /** Redraw now, inside the event that changed the scenario, so the next painted frame shows it. */
  const renderNow = () => {
    if (frame) cancelAnimationFrame(frame);
    render();
  };

  /** Ask for a redraw on the next frame. */
  const scheduleRender = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  /** Redraw everything, including the dataset-only charts, on the next frame. */
  const scheduleFullRender = () => {
    staticDirty = true;
    scheduleRender();
  };

  /** Follow the charts' boxes (a new size redraws everything) and which are on screen (a stale
   * chart coming into view is drawn on the next frame). `reported` is called after the first
   * report of the boxes. */
  const watch = (reported) => {
    const ro = new ResizeObserver((entries) => {
      let resized = false;
      for (const e of entries) {
        const canvas = e.target;
        const { width, height } = e.contentRect;
        boxes.set(canvas, { width, height });
        if (needsResize(canvas, { width, height })) resized = true;
      }
      reported();
      if (resized && started) scheduleFullRender();
    });
    const io = new IntersectionObserver((entries) => {
      let seen = false;
      for (const e of entries) {
        onScreen.set(e.target, e.isIntersecting);
        if (e.isIntersecting && stale.has(e.target.id.replace(/^chart-/, ''))) seen = true;
      }
      if (seen) scheduleRender();
    });
    for (const c of document.querySelectorAll('.chart canvas')) {
      ro.observe(c);
      io.observe(c);
    }
  };

  return { start, render, renderNow, scheduleRender, scheduleFullRender, fillText: text };
}
