// The render loop: keeps canvases sized to their boxes × devicePixelRatio, asks Rust to draw
// the charts whose numbers changed, and lets the slower text catch up once the reader pauses.
// While a slider moves, only the charts on screen are drawn (on a phone that is the strip's
// small chart; each canvas drawn is also a bitmap the browser copies for the frame): a chart off
// screen is drawn when it comes into view or when the reader pauses, whichever is first.
// Ids shared with Rust (src/web.rs, src/charts/mod.rs): canvas#chart-<name>.

import { fillOutputs, fillText } from './text.js';
import { isDark } from './theme.js';

/** Charts that depend on the scenario (redrawn on every change). */
/** `total` is the small chart of the phone's sticky strip (not drawn while it is not shown). */
const SCENARIO_CHARTS = ['allocation', 'benefit', 'outcomes', 'total'];
/** Charts that depend only on the dataset (redrawn on resize, language or theme). */
const STATIC_CHARTS = ['context'];
/** Charts with a table and a text alternative. */
const ALL_CHARTS = [...STATIC_CHARTS, 'allocation', 'benefit', 'outcomes'];
/** Quiet period before the live summary and tables catch up with a moving slider. */
const IDLE_MS = 350;

/** The pixel size of a box × devicePixelRatio (at least one pixel each way). */
function pixelSize(box, dpr) {
  return [Math.max(1, Math.round(box.width * dpr)), Math.max(1, Math.round(box.height * dpr))];
}

/** Give a canvas the pixel size of its box × devicePixelRatio; true when that changed it. */
function sizeCanvas(canvas, box, dpr) {
  const [w, h] = pixelSize(box, dpr);
  const changed = canvas.width !== w || canvas.height !== h;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return changed;
}

/**
 * The page's renderer for one explainer: `render()` draws now (the first call also fills the
 * text and marks the page ready), `renderNow()` draws inside the event that changed the
 * scenario, `scheduleRender()` / `scheduleFullRender()` draw on the next frame (the full one
 * redraws the dataset-only charts too), `fillText()` brings the summary, tables and URL up to date.
 */
export function createRenderer(explainer) {
  /** Pending animation frame for a redraw, so many events make one paint. */
  let frame = 0;
  /** True when the dataset-only charts need drawing (resize, language, theme). */
  let staticDirty = true;
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
    const dpr = window.devicePixelRatio || 1;
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
   * changed off screen. */
  const text = () => {
    clearTimeout(idleTimer);
    if (stale.size) drawCharts([...stale].map((name) => [name, true]), isDark(explainer.theme()), true);
    fillText(explainer, ALL_CHARTS);
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
    // The canvases are display:none until data-ready (the static charts stand in): show them
    // before reading their boxes, or the first charts are drawn 1×1 and data-ready is set over
    // blank canvases until the resize observer draws again (seen in WebKit, one frame or more).
    const first = !document.documentElement.hasAttribute('data-ready');
    if (first) document.documentElement.setAttribute('data-ready', '');
    // The first render and a full one (resize, language, theme) draw every chart shown.
    drawCharts(jobs, dark, first || all);
    fillOutputs(explainer);
    const ms = performance.now() - t0;
    if (first) {
      text();
      performance.mark('explainer:data-ready');
    } else {
      scheduleIdle();
    }
    window.dispatchEvent(new CustomEvent('explainer:rendered', { detail: { ms } }));
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
   * chart coming into view is drawn on the next frame). */
  const watch = () => {
    const ro = new ResizeObserver((entries) => {
      let resized = false;
      for (const e of entries) {
        const canvas = e.target;
        const { width, height } = e.contentRect;
        boxes.set(canvas, { width, height });
        const [w, h] = pixelSize({ width, height }, window.devicePixelRatio || 1);
        if (width && height && (canvas.width !== w || canvas.height !== h)) resized = true;
      }
      if (resized) scheduleFullRender();
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

  return { render, renderNow, scheduleRender, scheduleFullRender, fillText: text, watch };
}
