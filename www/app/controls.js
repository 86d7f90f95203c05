// The reader's controls: sliders, the adjustable numbers of the reactive sentence, presets,
// reset, copy link, and the language and theme switches. Each one changes the model in Rust
// and asks the renderer to draw.

import { applyTheme } from './theme.js';
import { updateUrl } from './text.js';

/** Pixels of dragging per step of the adjustable numbers of the sentence (their ranges and
 * steps are the model's: src/prerender.rs writes them as data-min, data-max and data-step). */
const PX_PER_STEP = { grant: 6, budget: 3 };
/** Said after "copy link". */
const MESSAGES = {
  copied: { 'zh-Hans': '链接已复制。', 'zh-Hant': '鏈接已複製。', en: 'Link copied.' },
  copyFallback: { 'zh-Hans': '请手动复制：', 'zh-Hant': '請手動複製：', en: 'Copy this link: ' },
};

/**
 * Move every slider to the model's current values (after load, presets, reset).
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function syncSliders(explainer) {
  // One slider per key ([data-key]); a list key (the failure probability, shown for all
  // kinds) shows its first number.
  // Only where the value differs: on a fresh load the page's defaults are the model's.
  const put = (el, v) => {
    if (el && el.value !== v) el.value = v;
  };
  for (const el of document.querySelectorAll('input[data-key]')) put(el, explainer.value(el.dataset.key).split(',')[0]);
  explainer.mix_shares().forEach((s, i) => put(document.getElementById(`in-mix-${i}`), String(s)));
  explainer
    .value('ret')
    .split(',')
    .forEach((r, i) => put(document.getElementById(`in-ret-${i}`), r));
}

/**
 * Wire the sliders: every input event changes the model and redraws within the frame.
 * @param {import('../app.js').Page} page
 */
export function bindSliders({ explainer, renderer }) {
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[data-key]'))) {
    el.addEventListener('input', () => {
      explainer.set(el.dataset.key, el.value);
      renderer.renderNow();
    });
  }
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-mix]'))) {
    el.addEventListener('input', () => {
      explainer.set_mix_share(Number(el.dataset.mix), Number(el.value));
      explainer.mix_shares().forEach((s, i) => {
        const other = /** @type {HTMLInputElement | null} */ (document.getElementById(`in-mix-${i}`));
        if (other && other !== el) other.value = String(s);
      });
      renderer.renderNow();
    });
  }
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-ret]'))) {
    el.addEventListener('input', () => {
      // Only this kind's number: the others keep what the link gave them, even off the
      // sliders' grid (a range input would have rounded them).
      explainer.set_item('ret', Number(el.dataset.ret), el.value);
      renderer.renderNow();
    });
  }
}

/** The range and step of an adjustable number, as the build wrote them from the model. */
function adjustRange(el) {
  const { min, max, step } = el.dataset;
  return { min: Number(min), max: Number(max), step: Number(step), pxPerStep: PX_PER_STEP[el.dataset.adjust] || 4 };
}

/** Change an adjustable number of the reactive sentence by whole steps (the model moves it to
 * the next value of its grid, as a range input's arrow keys do).
 * @param {import('../app.js').Page} page
 */
function nudge({ explainer, renderer }, el, steps) {
  explainer.nudge(el.dataset.adjust, steps);
  syncSliders(explainer);
  renderer.renderNow();
}

/** Wire the adjustable numbers: arrow keys, Page Up/Down, Home/End, and dragging. */
export function bindAdjustables(page) {
  const { explainer, renderer } = page;
  for (const el of document.querySelectorAll('[data-adjust]')) {
    const a = adjustRange(el);
    // Only with the model running are these numbers controls (the static page reads them as text).
    el.tabIndex = 0;
    el.setAttribute('role', 'spinbutton');
    el.setAttribute('aria-valuemin', String(a.min));
    el.setAttribute('aria-valuemax', String(a.max));
    el.addEventListener('keydown', (e) => {
      const steps = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 10, PageDown: -10 }[e.key];
      if (steps) {
        nudge(page, el, steps);
      } else if (e.key === 'Home' || e.key === 'End') {
        explainer.set(el.dataset.adjust, String(e.key === 'Home' ? a.min : a.max));
        syncSliders(explainer);
        renderer.renderNow();
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
        nudge(page, el, steps);
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

/**
 * Copy the current link; fall back to showing it when the clipboard is unavailable.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
async function copyLink(explainer) {
  updateUrl(explainer);
  const status = document.getElementById('copy-status');
  const lang = explainer.lang();
  try {
    await navigator.clipboard.writeText(window.location.href);
    status.textContent = MESSAGES.copied[lang];
  } catch {
    status.textContent = MESSAGES.copyFallback[lang] + window.location.href;
  }
}

/**
 * Wire presets, reset, copy link, language, theme and the data tables.
 * @param {import('../app.js').Page} page
 */
export function bindButtons({ explainer, renderer, narratives }) {
  for (const b of document.querySelectorAll('[data-preset]')) {
    b.addEventListener('click', () => {
      explainer.preset(b.dataset.preset);
      syncSliders(explainer);
      renderer.renderNow();
    });
  }
  document.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    explainer.reset();
    syncSliders(explainer);
    renderer.renderNow();
  });
  document.querySelector('[data-action="copy-link"]')?.addEventListener('click', () => copyLink(explainer));
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      explainer.set('lang', b.dataset.lang);
      narratives.show(explainer.lang());
      renderer.fillText();
      renderer.scheduleFullRender();
    });
  }
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.addEventListener('click', () => {
      explainer.set('theme', b.dataset.themeChoice);
      applyTheme(explainer.theme(), explainer);
      updateUrl(explainer);
      renderer.scheduleFullRender();
    });
  }
  for (const d of /** @type {NodeListOf<HTMLDetailsElement>} */ (document.querySelectorAll('details.table-wrap'))) {
    d.addEventListener('toggle', () => d.open && renderer.fillText());
  }
}

/** On phones the result strip sticks to the top of the screen: a control that receives focus
 * under it (Shift+Tab, a click on a label) is scrolled clear of it (WCAG 2.2 focus not obscured). */
export function keepFocusClearOfStrip() {
  const strip = document.querySelector('.sim-strip');
  document.getElementById('sim-controls')?.addEventListener('focusin', (e) => {
    const s = strip?.getBoundingClientRect();
    if (!s || s.height === 0 || Math.abs(s.top) > 1) return; // not shown, or not stuck
    const r = /** @type {Element} */ (e.target).getBoundingClientRect();
    if (r.top < s.bottom + 4) window.scrollBy(0, r.top - s.bottom - 8);
  });
}
