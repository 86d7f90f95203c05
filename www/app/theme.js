// The colour theme: light, dark or the system's (auto), on <html>, on the switcher and in the
// pre-rendered chart images.

import { setAttr } from './dom.js';

/** The `theme` URL key, for when the model could not load: www/early.js read it before the
 * first paint, with the model's list of themes, and left its answer on <html>. */
export function urlTheme() {
  return document.documentElement.dataset.theme || 'auto';
}

/** The system's dark-scheme query, asked once: isDark runs on every render, and a new
 * MediaQueryList per call is parsed and evaluated afresh. @type {MediaQueryList | undefined} */
let darkQuery;
/** True when charts should use the dark palette under `theme` (light, dark or auto). */
export function isDark(theme) {
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  darkQuery ||= window.matchMedia('(prefers-color-scheme: dark)');
  return darkQuery.matches;
}

/** Reflect the theme on <html> and on the switcher; with the model, its house colours too. */
export function applyTheme(theme, explainer) {
  setAttr(document.documentElement, 'data-theme', theme);
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    setAttr(b, 'aria-pressed', String(b.dataset.themeChoice === theme));
  }
  fitStaticChartsToTheme(theme);
  if (explainer) applyHouse(explainer);
}

/** The custom properties the house colours have set on <html>. */
const houseProps = new Set();
/** True once the house colours follow the system's light or dark. */
let followingScheme = false;

/** A host's house colours (`accent`, `bg`…, checked by src/page/house.rs): the model gives the
 * page's custom properties for the theme in force, set on <html> through the CSSOM (which the
 * strict policy allows, unlike a style attribute written as text); none given, none set. */
function applyHouse(explainer) {
  const style = document.documentElement.style;
  // The type, as early.js set it before the first paint, now from the model.
  setAttr(document.documentElement, 'data-font', explainer.value('font'));
  style.setProperty('--textscale', explainer.value('textscale'));
  const css = explainer.house_css(isDark(explainer.theme()));
  for (const name of houseProps) style.removeProperty(name);
  houseProps.clear();
  for (const decl of css ? css.split(';') : []) {
    const [name, value] = decl.split(':');
    style.setProperty(name, value);
    houseProps.add(name);
  }
  if (css && !followingScheme) {
    followingScheme = true;
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyHouse(explainer));
  }
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
