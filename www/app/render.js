// The render loop: keeps canvases sized to their boxes × the screen's pixel ratio (at most 2),
// asks Rust to draw the charts whose numbers changed, and lets the slower text catch up once the
// reader pauses.
// While a slider moves, only the charts on screen are drawn (on a phone that is the strip's
// small chart; each canvas drawn is also a bitmap the browser copies for the frame): a chart off
// screen is drawn when it comes into view or when the reader pauses, whichever is first.
// The start draws only the charts in or near the viewport (within one screen); a chart further
// down is drawn as it comes near, and one scrolled to faster than that is drawn in the scroll's
// own frame, so a reader never sees an empty chart box (SPEC §8).
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
/** How long after the pause the story stays unpainted off screen (data-moving): a reader who
 * pauses to read and drags again does not pay for painting it back and leaving it out again
 * (a first move after a pause cost 12.4 ms at 1× against 8.7 for the next ones). */
const STILL_MS = 2000;
/** How far beyond the viewport a chart counts as near (drawn at start, when it comes that close,
 * and when the reader pauses): one screen above and below. */
const NEAR_MARGIN = '100% 0px 100% 0px';

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
  /** True when the render is a reader's move; the timer that ends the moving state. */
  let moved = false;
  let stillTimer = 0;

  /** Each canvas's box as the resize observer last saw it (read once per resize, so a slider
   * move never makes the page lay out inside the input event), whether it is on screen, and
   * whether it is near (within NEAR_MARGIN of the screen). */
  const boxes = new Map();
  const onScreen = new Map();
  const near = new Map();
  /** Charts whose numbers changed while they were off screen, and charts far down the page not
   * drawn yet: drawn once they are seen or come near. */
  const stale = new Set();
  /** Which of the numbers that follow the scenario are on screen (an element not reported yet
   * counts as on screen), and whether some off screen were left for the pause. A slot with no
   * box (empty, `:empty { display: none }`) counts as on screen when the element that holds it
   * is: its first words would show there. */
  const textOnScreen = new Map();
  const boxless = new Set();
  const holderOnScreen = new Map();
  let textBehind = false;
  const isTextOnScreen = (el) =>
    boxless.has(el) ? holderOnScreen.get(el.parentElement) !== false : textOnScreen.get(el) !== false;

  /** Canvases off screen while a control moves are parked (`data-parked`, visibility: hidden in
   * style.css) until the pause: Chromium hands every shown canvas's bitmap to the compositor on
   * each frame, drawn or not, and on a phone that was the three charts below the controls, a
   * fifth of a move's main-thread time (at 1×, 390 px, DPR 3: commit 1.8 → 0.7 ms a move). A
   * scroll unparks them in its own frame, before it is painted, so none is ever seen empty. */
  const parked = new Set();
  const park = () => {
    for (const [canvas, seen] of onScreen) {
      if (seen === false && !parked.has(canvas)) {
        canvas.setAttribute('data-parked', '');
        parked.add(canvas);
      }
    }
  };
  const unpark = () => {
    for (const canvas of parked) canvas.removeAttribute('data-parked');
    parked.clear();
  };

  /** Draw charts: `jobs` is [[name, force]]; `scope` is which of them may be drawn now:
   * 'screen' those on screen, 'near' those near it, 'all' every one. The others are marked stale.
   * Boxes not yet known to the observer are read before any canvas is resized, so the page is
   * laid out once. */
  const drawCharts = (jobs, dark, scope) => {
    const dpr = canvasScale();
    const found = jobs.map(([name, force]) => [name, force, document.getElementById(`chart-${name}`)]).filter((j) => j[2]);
    const sizes = found.map(([, , canvas]) => boxes.get(canvas) || canvas.getBoundingClientRect());
    found.forEach(([name, force, canvas], i) => {
      if (sizes[i].width === 0 || sizes[i].height === 0) return; // not shown (display: none)
      const dirty = force || stale.has(name) || explainer.chart_changed(name);
      const seen = scope === 'all' || (scope === 'near' ? near : onScreen).get(canvas) !== false;
      if (!seen) {
        if (dirty) stale.add(name);
        return;
      }
      stale.delete(name);
      const changed = sizeCanvas(canvas, sizes[i], dpr);
      if (dirty || changed) explainer.draw(name, canvas, dark, dpr);
    });
  };

  /** Draw now the stale charts that are near the screen (the observer said so). */
  const drawStaleNear = () => {
    if (stale.size) drawCharts([...stale].map((name) => [name, true]), isDark(explainer.theme()), 'near');
  };

  /** A stale chart inside the viewport right now (a jump faster than the observer's report) is
   * drawn at once: this runs in the scroll's own frame, before it is painted. */
  const drawStaleInView = () => {
    if (parked.size) unpark();
    if (!stale.size) return;
    const vh = window.innerHeight;
    const inView = [...stale].filter((name) => {
      const r = document.getElementById(`chart-${name}`)?.getBoundingClientRect();
      return r && r.width > 0 && r.bottom > 0 && r.top < vh;
    });
    if (inView.length) drawCharts(inView.map((name) => [name, true]), isDark(explainer.theme()), 'all');
  };

  /** Text that follows the scenario but need not change every frame, and the charts near the
   * screen that changed while off it; then `explainer:settled` on window: everything the page
   * shows near the screen is the scenario's now (tests wait for it instead of the clock; README,
   * "Test hooks"). */
  const text = () => {
    clearTimeout(idleTimer);
    unpark();
    clearTimeout(stillTimer);
    stillTimer = setTimeout(() => document.documentElement.removeAttribute('data-moving'), STILL_MS);
    drawStaleNear();
    if (textBehind) textBehind = fillOutputs(explainer);
    fillText(explainer, ALL_CHARTS);
    document.documentElement.removeAttribute('data-behind');
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
    if (all) unpark();
    else if (moved) park();
    moved = false;
    drawCharts(jobs, dark, all ? 'near' : 'screen');
    // During a drag only the numbers on screen are written (the strip's, the moved control's);
    // after a resize, language or theme change, all of them. After the charts, not before: a
    // canvas resolves its font against the page's style, so text written first made the draw's
    // first font recalculate the page's style (render work at 4× CPU slow-down 9.7 → 8.1 ms).
    textBehind = fillOutputs(explainer, all ? undefined : isTextOnScreen) || textBehind;
    const ms = performance.now() - t0;
    scheduleIdle();
    window.dispatchEvent(new CustomEvent('explainer:rendered', { detail: { ms } }));
  };

  /**
   * The first drawing of the page, one piece per task: each chart in or near the viewport (those
   * on screen first), the numbers, the summary, each table. Done in one go it kept a phone's main
   * thread busy for about 600 ms after the first paint (Lighthouse: 270–320 ms of blocking time).
   * The charts further down are left stale: each is drawn as it comes near. The boxes come from
   * the observers' first reports, after the browser's own layout, so no layout is forced.
   * data-ready is set once every chart near the screen has been drawn at its real size. A reader
   * who moves a control meanwhile gets an ordinary render; the pieces left draw the new numbers.
   */
  const start = async () => {
    const reported = watch();
    // A page that is never laid out (a hidden tab) gets its boxes read when it is shown.
    await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, 500))]);
    await nextTask(); // the report comes inside the browser's frame: draw in a task of its own
    const canvas = (name) => document.getElementById(`chart-${name}`);
    const names = [...STATIC_CHARTS, ...SCENARIO_CHARTS].filter((name) => canvas(name));
    for (const name of names) if (near.get(canvas(name)) === false) stale.add(name);
    const first = names.filter((name) => !stale.has(name));
    first.sort((a, b) => Number(onScreen.get(canvas(b)) === true) - Number(onScreen.get(canvas(a)) === true));
    for (const name of first) {
      drawCharts([[name, true]], isDark(explainer.theme()), 'all');
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
    // A reader's move (a slider, a number of the sentence, a preset): what is off screen of the
    // story is left unpainted until the reader has been still for a while (style.css), and the
    // charts off screen are parked until the pause.
    moved = true;
    clearTimeout(stillTimer);
    const root = document.documentElement;
    if (!root.hasAttribute('data-moving')) root.setAttribute('data-moving', '');
    // The live summary and the pins' comparisons are written at the pause: until then they are
    // shown as behind (style.css), so no reader takes their old numbers for the new scenario's.
    if (!root.hasAttribute('data-behind')) root.setAttribute('data-behind', '');
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

  /** Follow the charts' boxes (a new size redraws everything), which are on screen (a stale
   * chart coming into view is drawn on the next frame) and which are near (a stale chart coming
   * near is drawn in a task of its own). Resolves once all three have reported. */
  const watch = () => {
    const canvases = [...document.querySelectorAll('.chart canvas')];
    const framed = window.self !== window.top;
    /** A promise and the function that keeps it. @returns {[Promise<void>, () => void]} */
    const first = () => {
      /** @type {() => void} */
      let done = () => {};
      const p = new Promise((resolve) => (done = () => resolve(undefined)));
      return [p, done];
    };
    const [boxesIn, boxesKnown] = first();
    const [screenIn, screenKnown] = first();
    const [nearIn, nearKnown] = first();
    const ro = new ResizeObserver((entries) => {
      let resized = false;
      for (const e of entries) {
        const canvas = e.target;
        const { width, height } = e.contentRect;
        boxes.set(canvas, { width, height });
        if (needsResize(canvas, { width, height })) resized = true;
      }
      boxesKnown();
      if (resized && started) scheduleFullRender();
    });
    const io = new IntersectionObserver((entries) => {
      let seen = false;
      for (const e of entries) {
        onScreen.set(e.target, e.isIntersecting);
        if (e.isIntersecting && parked.has(e.target)) unpark();
        if (e.isIntersecting && stale.has(e.target.id.replace(/^chart-/, ''))) seen = true;
      }
      screenKnown();
      if (seen) scheduleRender();
    });
    // In a frame (an embed) the host scrolls, not this document, and an observer of a
    // cross-origin frame ignores its margin: every chart of an embed counts as near.
    const nearby = new IntersectionObserver(
      (entries) => {
        let coming = false;
        for (const e of entries) {
          near.set(e.target, framed || e.isIntersecting);
          if (e.isIntersecting && stale.has(e.target.id.replace(/^chart-/, ''))) coming = true;
        }
        nearKnown();
        if (coming) nextTask().then(drawStaleNear);
      },
      { rootMargin: NEAR_MARGIN },
    );
    for (const c of canvases) {
      ro.observe(c);
      io.observe(c);
      nearby.observe(c);
    }
    // A slot in a hidden language is not on screen. A slot with no box is judged by its holder:
    // on a phone the charts' "why nothing moved" note (a live region) sits under the charts,
    // below the controls being moved, so it catches up at the pause instead of being rewritten
    // and announced on every move (the strip's own note says it there); on a wide screen, beside
    // the charts, it follows each move.
    const texts = new IntersectionObserver((entries) => {
      for (const e of entries) {
        textOnScreen.set(e.target, e.isIntersecting);
        if (e.boundingClientRect.height === 0 && !e.target.closest('[hidden]')) boxless.add(e.target);
        else boxless.delete(e.target);
      }
    });
    const holders = new IntersectionObserver((entries) => {
      for (const e of entries) holderOnScreen.set(e.target, e.isIntersecting);
    });
    for (const el of document.querySelectorAll('[data-out], [data-adjust], .control output')) {
      texts.observe(el);
      if (el.parentElement) holders.observe(el.parentElement);
    }
    window.addEventListener('scroll', drawStaleInView, { passive: true });
    return Promise.all([boxesIn, screenIn, nearIn]);
  };

  return { start, render, renderNow, scheduleRender, scheduleFullRender, fillText: text };
}
