// The embedded explainer's side of the iframe: tells the host page how tall the content is, in
// every format newsroom pages already listen to, so the iframe never shows a scrollbar or a gap.
// Formats (each posted with targetOrigin '*', a height is not secret):
//   pym.js       'pymxPYMx<childId>xPYMxheightxPYMx<px>'        (string)
//   Datawrapper  { 'datawrapper-height': { <dwid|childId>: px } }
//   Flourish     { sender: 'Flourish', context: 'iframe.resize', method: 'resize', height: px, src }
//                as an object and as its JSON string (Flourish's own embed script parses strings)
//   AMP          { sentinel: 'amp', type: 'embed-size', height: px }
//   our own      { type: <height>, id: <embed>, height: px }   (embed.js listens for this)
// And, when the URL asks (`events=1` or `full`), the reader's interactions, to the parent only:
//   { type: <event>, name, view, id, …}   (embed.js dispatches them on the placeholder)
// Our message types are the page's contract (src/page/url.rs MESSAGES), written on <html> by the
// build as data-messages; embed.js gets the same from the build.
// Ids come from the URL the iframe was loaded with (captured when this module is evaluated,
// before app.js rewrites the URL to the canonical scenario).

/** Id used by pym and Datawrapper messages when the URL names none. */
export const DEFAULT_ID = 'helong';
/** Our own message types by name (`height`, `event`), as the build wrote them on <html>. */
export function messageType(name, doc = typeof document === 'undefined' ? null : document) {
  const pairs = (doc?.documentElement.getAttribute('data-messages') || '').split(' ');
  return pairs.map((p) => p.split('=')).find(([k]) => k === name)?.[1] || '';
}
/** pym.js message separator. */
const PYM_SEPARATOR = 'xPYMx';
/** Fallback delay when animation frames are paused (Chromium throttles off-screen cross-origin frames). */
const FALLBACK_MS = 120;

/** The URL the page was loaded with. */
const INITIAL_HREF = typeof location === 'undefined' ? '' : location.href;
/** The query parameters the page was loaded with. */
const INITIAL_PARAMS = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);

/** True once the announcer runs, so a second start is harmless. */
let announcing = false;

/** The embed id that embed.js put in the `embed` query parameter, or null. */
export function embedId(params = INITIAL_PARAMS) {
  return params.get('embed');
}

/** The id pym's parent put in the `childId` query parameter, or the default. */
export function pymId(params = INITIAL_PARAMS) {
  return params.get('childId') || DEFAULT_ID;
}

/** The Datawrapper chart id: `dwid`, else `childId`, else the default. */
export function datawrapperId(params = INITIAL_PARAMS) {
  return params.get('dwid') || params.get('childId') || DEFAULT_ID;
}

/** pym.js child height message. */
export function pymMessage(id, height) {
  return ['pym', id, 'height', String(height)].join(PYM_SEPARATOR);
}

/** Datawrapper height message. */
export function datawrapperMessage(id, height) {
  return { 'datawrapper-height': { [id]: height } };
}

/** Flourish resize message. */
export function flourishMessage(height, src) {
  return { sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src };
}

/** AMP `amp-iframe` resize request. */
export function ampMessage(height) {
  return { sentinel: 'amp', type: 'embed-size', height };
}

/** Our own message, read by embed.js. */
export function helongMessage(id, height) {
  return { type: messageType('height'), id, height };
}

/** Every message announcing a height, in posting order. */
export function heightMessages(height, params = INITIAL_PARAMS, href = INITIAL_HREF) {
  const flourish = flourishMessage(height, href);
  return [
    helongMessage(embedId(params), height),
    pymMessage(pymId(params), height),
    datawrapperMessage(datawrapperId(params), height),
    flourish,
    JSON.stringify(flourish),
    ampMessage(height),
  ];
}

/**
 * Height of the content in CSS px: the bottom of <body>'s margin box plus <html>'s padding and
 * border. Unlike scrollHeight this never includes the viewport, so the iframe can also shrink.
 */
export function contentHeight(doc = document) {
  const html = doc.documentElement;
  const body = doc.body;
  if (!body) return Math.ceil(html.getBoundingClientRect().height);
  const view = doc.defaultView;
  const bodyStyle = view.getComputedStyle(body);
  const htmlStyle = view.getComputedStyle(html);
  const bottom =
    body.getBoundingClientRect().bottom +
    view.scrollY +
    (parseFloat(bodyStyle.marginBottom) || 0) +
    (parseFloat(htmlStyle.paddingBottom) || 0) +
    (parseFloat(htmlStyle.borderBottomWidth) || 0);
  return Math.max(0, Math.ceil(bottom));
}

/** Post every height message to the parent window. */
function postHeight(height) {
  for (const message of heightMessages(height)) {
    try {
      window.parent.postMessage(message, '*');
    } catch {
      // A parent that has gone away cannot be told anything.
    }
  }
}

/** Start the announcer that measures at most once per frame and posts only on change. */
function makeAnnouncer() {
  let last = -1;
  let pending = false;
  let raf = 0;
  let timer = 0;

  /** Measure now and post when the height changed. */
  const flush = () => {
    if (!pending) return;
    pending = false;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    const height = contentHeight();
    if (height > 0 && height !== last) {
      last = height;
      postHeight(height);
    }
  };

  /** Ask for a measurement on the next frame (or shortly, if frames are paused). */
  const schedule = () => {
    if (pending) return;
    pending = true;
    raf = requestAnimationFrame(flush);
    timer = setTimeout(flush, FALLBACK_MS);
  };

  /** Observe size, language and render changes. */
  const observe = () => {
    const resize = new ResizeObserver(schedule);
    resize.observe(document.documentElement);
    if (document.body) resize.observe(document.body);
    const lang = new MutationObserver(schedule);
    lang.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'data-theme', 'data-ready'] });
    schedule();
  };

  if (document.body) observe();
  else document.addEventListener('DOMContentLoaded', observe, { once: true });
  window.addEventListener('load', schedule);
  window.addEventListener('resize', schedule);
  window.addEventListener('explainer:rendered', schedule);
  document.addEventListener('toggle', schedule, true);
  document.fonts?.ready.then(schedule);
  schedule();

}

/** Start announcing the content height to the parent page; does nothing outside an iframe. */
export function startHeightAnnouncer() {
  if (typeof window === 'undefined' || window.parent === window || announcing) return;
  announcing = true;
  makeAnnouncer();
}

/** The reader's interactions reported to a host that asks (`events`): the names of the events,
 * and the controls whose click is each (first interaction is the first input, click or key on
 * any control). Public names: the README lists them for newsroom developers. */
const EVENT_CLICKS = [
  ['preset', '[data-preset]'],
  ['link-copied', '[data-action="copy-link"]'],
  ['data-downloaded', '.download-png, [data-download]'],
  ['language', 'button[data-lang]'],
];
const FIRST_INTERACTION = 'first-interaction';
const CONTROLS = 'input, button, [data-adjust], summary';

/** The parent's origin, the only one our events go to: the frame's first ancestor (Chromium,
 * WebKit) or the page that loaded it (the referrer's origin); none known, none sent. */
function parentOrigin() {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  try {
    const origin = new URL(document.referrer).origin;
    return origin === 'null' ? '' : origin;
  } catch {
    return '';
  }
}

/** With `events=1` or `full` in the URL (the model reads it), post the reader's interactions to
 * the parent window at the parent's origin only: `{type, name, view, id}`, with the preset's
 * name or the new language, and the scenario's query only with `events=full`. */
export function startEvents(explainer) {
  const level = explainer.value('events');
  if (level !== '1' && level !== 'full') return;
  if (typeof window === 'undefined' || window.parent === window) return;
  const target = parentOrigin();
  if (!target) return;
  let first = true;
  const post = (name, extra = {}) => {
    /** @type {Record<string, string>} */
    const message = { type: messageType('event'), name, view: explainer.value('view'), id: embedId(), ...extra };
    if (level === 'full') message.query = explainer.query();
    try {
      window.parent.postMessage(message, target);
    } catch {
      // A parent that has gone away cannot be told anything.
    }
  };
  /** @param {Event & { key?: string }} e */
  const touched = (e) => {
    const target = /** @type {Element} */ (e.target);
    if (!first || !target.closest?.(e.type === 'keydown' ? '[data-adjust]' : CONTROLS)) return;
    if (e.type === 'keydown' && (e.key === 'Tab' || e.key === 'Shift')) return;
    first = false;
    post(FIRST_INTERACTION);
  };
  // After the controls' own handlers (bubbling), so the model has the new state.
  for (const type of ['input', 'click', 'keydown']) document.addEventListener(type, touched);
  document.addEventListener('click', (e) => {
    for (const [name, selector] of EVENT_CLICKS) {
      const el = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest?.(selector));
      if (!el) continue;
      if (name === 'preset') post(name, { preset: el.dataset.preset });
      else if (name === 'language') post(name, { lang: explainer.lang() });
      else post(name);
    }
  });
}
