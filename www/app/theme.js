// The colour theme: light, dark or the system's (auto), on <html>, on the switcher and in the
// pre-rendered chart images.

import { setAttr } from './dom.js';

/** The `theme` URL key, for when the model could not load: www/early.js read it before the
 * first paint, with the model's list of themes, and left its answer on <html>. */
export function urlTheme() {
  return document.documentElement.dataset.theme || 'auto';
}

/** True when charts should use the dark palette under `theme` (light, dark or auto). */
export function isDark(theme) {
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Reflect the theme on <html> and on the switcher. */
export function applyTheme(theme) {
  setAttr(document.documentElement, 'data-theme', theme);
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    setAttr(b, 'aria-pressed', String(b.dataset.themeChoice === theme));
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
      const sources = [.../** @type {NodeListOf<HTMLSourceElement>} */ (pic.querySelectorAll('source'))].map((s) => [s.media, s.srcset]);
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

/** Show the pre-rendered charts (kept in <noscript> so they cost nothing when all is well). */
export function revealStaticCharts() {
  for (const ns of document.querySelectorAll('noscript.chart-fallback-ns')) {
    ns.insertAdjacentHTML('afterend', ns.textContent);
  }
}
