// The page in the reader's language: shows the chrome of one language and hides the others, and
// fetches the narrative of a language on demand. The served index.html carries its narrative in
// zh-Hans only; the zh-Hant and en narrative are fragments fetched when a reader asks for that
// language (src/site/narrative.rs writes them, tools/build-dist.mjs gives them hashed names).

import { domParsed, setAttr, setText, shownText } from './dom.js';

/** Said in the page's notice area when a language's narrative could not load. */
const NARRATIVE_FAILED = {
  'zh-Hant': '繁體中文正文未能加載，暫以簡體中文顯示。',
  en: 'The English text could not load; the story is shown in Simplified Chinese.',
};

/** The `lang` URL key as the model reads it, for before the wasm is ready or when it could not
 * load: www/early.js read it before the first paint, with the model's table of language tags
 * (`data-lang-tags`, written by src/site/slots.rs), and left its answer on <html>. */
export function urlLang() {
  return document.documentElement.dataset.urlLang || 'zh-Hans';
}

/** Show the elements of one language and hide the others. An element with a lang attribute
 * inside another one (a Chinese name in an English sentence) is a part in another language,
 * not a translation, and stays shown with its sentence. */
export function applyLang(lang) {
  const root = document.documentElement;
  if (root.lang !== lang) root.lang = lang; // the same value still restyles the whole page
  // From here the hidden attributes say which language shows (early.js's CSS hint is done).
  root.removeAttribute('data-early-lang');
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
    setAttr(b, 'aria-pressed', String(b.dataset.lang === lang));
  }
  const title = shownText(document.querySelector('h1') || document.getElementById('h-sim'));
  if (title && document.title !== title) document.title = title;
}

/** The fragment with the narrative in `lang`, as <html> names it (`data-narrative-en` …, written
 * by src/site/narrative.rs, content-hashed by tools/build-dist.mjs); null when the page holds that
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
    const parts = /** @type {HTMLElement[]} */ ([...from.children]).filter((el) => el.lang === lang);
    if (!block || parts.length === 0) continue;
    if (!block.querySelector(`:scope > [lang="${lang}"]`)) {
      for (const el of parts) el.hidden = true;
      block.append(...parts);
    }
    placed += 1;
  }
  return placed > 0;
}

/** Say in the page's notice area that the narrative in `lang` could not load (null: say nothing). */
function narrativeNotice(lang) {
  const el = document.getElementById('narrative-error');
  if (!el) return;
  setText(el, lang ? NARRATIVE_FAILED[lang] : '');
  if (el.hidden !== !lang) el.hidden = !lang;
}

/**
 * The narratives of the page: `load(lang)` puts the narrative in `lang` into the page, fetching
 * its fragment once (the promise is kept; after a failure the next request tries again), and
 * resolves to true when the page holds that narrative, false when it could not be loaded; never
 * rejects. `show(lang)` shows the page in `lang`: its chrome at once, its narrative as soon as it
 * is in the page (the zh-Hans text stays in place until then, and if it cannot load); it
 * resolves when settled.
 */
export function createNarratives() {
  /** The narrative in each language asked for: a promise of true once its paragraphs are in the
   * page, false when they could not be loaded. */
  const narratives = new Map();

  const load = (lang) => {
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
  };

  const show = (lang) => {
    applyLang(lang);
    narrativeNotice(null);
    if (!narrativeHref(lang)) return Promise.resolve(); // the page holds it: nothing to wait for
    return load(lang).then((ok) => {
      if (document.documentElement.lang !== lang) return; // the reader has moved on
      if (ok) applyLang(lang);
      else narrativeNotice(lang);
    });
  };

  return { load, show };
}

/** Fetch a language's narrative when the pointer or the focus comes to its button. */
export function bindNarrativePrefetch(narratives) {
  for (const b of document.querySelectorAll('[data-lang]')) {
    const prefetch = () => narratives.load(b.dataset.lang);
    b.addEventListener('pointerenter', prefetch);
    b.addEventListener('focus', prefetch);
  }
}
