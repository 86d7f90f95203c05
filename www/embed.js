// The one-line snippet's loader (a classic script; include it with `async`):
//   <div data-helong-embed data-view="benefit" data-query="grant=10000" data-lang="en"
//        data-theme="auto"></div><script src="https://EXAMPLE/embed.js" async></script>
// Every placeholder not yet processed gets a lazy, titled iframe of embed.html (next to this
// script) whose height follows the height messages that frame.js posts.
// Safe to include several times: each placeholder is processed once, one listener is installed.
// It makes no request of its own; the iframe is the only one.
// Placeholder attributes: data-<option> for every option the page reads (view, lang, theme,
// controls, the house colours and type, events: the list is the page's, written into
// CONTRACT below by `make dist`), data-query (a scenario query string), data-title (the
// iframe's title), data-height (initial px). With data-events="1" (or "full") the frame's
// event messages are dispatched on the placeholder as DOM events of the same type.
(function helongEmbed() {
  'use strict';

  /** The page the iframes load, resolved against this script's URL. */
  const PAGE = 'embed.html';
  /** Placeholders that have not been processed yet. */
  const SELECTOR = '[data-helong-embed]:not([data-helong-embed-id])';
  /** Attribute marking a processed placeholder with its embed id. */
  const DONE_ATTR = 'data-helong-embed-id';
  /** The page's contract, written in by `make dist` from src/page/url.rs (src/site/embed.rs):
   * `options`, the keys a placeholder passes as data-<key> into the iframe's query; `height`
   * and `event`, the types of the messages the frame posts. */
  const CONTRACT = /* helong:contract */ { options: [], height: '', event: '' };
  /** Accessible name of an iframe when the placeholder gives none. */
  const DEFAULT_TITLE = '和龙“六小工程”模拟器 · 和龍“六小工程”模擬器 · Helong Six Small Projects simulator';
  /** Initial height before the content reports its own, and the accepted range. */
  const DEFAULT_HEIGHT = 600;
  const MIN_HEIGHT = 1;
  const MAX_HEIGHT = 100000;
  /** Where several copies of this script share their state. */
  const STATE_KEY = '__helongEmbed';
  /** The origin a page on disk (file:) speaks from in a message: an opaque one, which no
   * website has (browsers name a file: URL's own origin 'null' or 'file://'). */
  const OPAQUE = 'null';
  /** A script URL ending in embed.js (with or without a query or fragment). */
  const SCRIPT_NAME = /(^|\/)embed\.js([?#].*)?$/;

  /** This script's URL, captured while it runs. */
  const scriptSrc = currentScriptSrc();

  /** This script's URL: document.currentScript, else the last script whose src ends with embed.js. */
  function currentScriptSrc() {
    const current = /** @type {HTMLScriptElement | null} */ (document.currentScript);
    if (current && current.src) return current.src;
    const scripts = document.getElementsByTagName('script');
    for (let i = scripts.length - 1; i >= 0; i--) {
      if (scripts[i].src && SCRIPT_NAME.test(scripts[i].src)) return scripts[i].src;
    }
    return document.baseURI;
  }

  /** State shared by every copy of this script on the page. */
  function sharedState() {
    if (!window[STATE_KEY]) {
      window[STATE_KEY] = { count: 0, frames: [], listening: false };
    }
    return window[STATE_KEY];
  }

  /** A query value with commas kept readable (the scenario codec decodes either). */
  function encodeValue(value) {
    return encodeURIComponent(value).replace(/%2C/gi, ',');
  }

  /** The iframe's query: the placeholder's data-query, then its data-<option>s, then the embed id. */
  function buildQuery(placeholder, id) {
    const raw = String(placeholder.getAttribute('data-query') || '').replace(/^[?#]+/, '');
    const params = new URLSearchParams(raw);
    for (const key of CONTRACT.options) {
      const value = placeholder.getAttribute(`data-${key}`);
      if (value && value.trim()) params.set(key, value.trim());
    }
    params.set('embed', String(id));
    const parts = [];
    params.forEach((value, key) => parts.push(`${encodeURIComponent(key)}=${encodeValue(value)}`));
    return parts.join('&');
  }

  /** The initial height in px: data-height when it is a sensible number, else the default. */
  function initialHeight(placeholder) {
    const h = parseFloat(placeholder.getAttribute('data-height'));
    return Number.isFinite(h) && h >= MIN_HEIGHT && h <= MAX_HEIGHT ? Math.ceil(h) : DEFAULT_HEIGHT;
  }

  /** Set an iframe's height (attribute and CSSOM property; CSP allows both). */
  function setHeight(iframe, px) {
    iframe.setAttribute('height', String(px));
    iframe.style.height = `${px}px`;
  }

  /** Build the iframe for one placeholder. */
  function makeIframe(placeholder, id) {
    const src = new URL(PAGE, scriptSrc);
    src.search = buildQuery(placeholder, id);
    const title = String(placeholder.getAttribute('data-title') || '').trim() || DEFAULT_TITLE;
    const iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = title;
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('width', '100%');
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.overflow = 'hidden';
    setHeight(iframe, initialHeight(placeholder));
    return { iframe, origin: src.protocol === 'file:' ? OPAQUE : src.origin };
  }

  /** Hide the placeholder's no-JS fallback links once the iframe stands in for them. */
  function hideFallback(placeholder) {
    const links = placeholder.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) links[i].hidden = true;
  }

  /** Insert the iframe into one placeholder and remember it. */
  function processPlaceholder(placeholder, state) {
    const id = state.count + 1;
    const made = makeIframe(placeholder, id);
    state.count = id;
    placeholder.setAttribute(DONE_ATTR, String(id));
    placeholder.appendChild(made.iframe);
    hideFallback(placeholder);
    state.frames.push({ id: String(id), iframe: made.iframe, origin: made.origin, placeholder });
  }

  /** The registered iframe whose window sent a message from the origin its page was loaded
   * from, or null: a message from any other window (the host page, another frame, another
   * embed's iframe for this one), or from this iframe's window once it has gone to another
   * origin, is not this iframe's to give. */
  function frameFor(state, event) {
    for (const entry of state.frames) {
      if (entry.iframe.contentWindow && entry.iframe.contentWindow === event.source) {
        return entry.origin === event.origin ? entry : null;
      }
    }
    return null;
  }

  /** A reader's interaction the frame reports (with data-events): dispatched on its
   * placeholder as a DOM event of the message's type, `detail` a copy of the message's plain
   * fields (name, view, id, and what the frame adds: preset, lang, query with events=full). */
  function onEvent(entry, data) {
    if (typeof data.name !== 'string') return;
    const detail = {};
    for (const k of Object.keys(data)) {
      const v = data[k];
      if (k !== 'type' && (typeof v === 'string' || typeof v === 'number')) detail[k] = v;
    }
    entry.placeholder.dispatchEvent(new CustomEvent(CONTRACT.event, { detail, bubbles: true }));
  }

  /** Resize the iframe that announced its content height: a number of CSS pixels (not a
   * string, nor anything else that converts to one), finite and in range. Pass on its events. */
  function onMessage(event) {
    const data = event.data;
    if (!data || typeof data !== 'object' || !data.type) return;
    if (data.type === CONTRACT.event) {
      const entry = frameFor(sharedState(), event);
      if (entry) onEvent(entry, data);
      return;
    }
    if (data.type !== CONTRACT.height) return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    const entry = frameFor(sharedState(), event);
    if (entry) setHeight(entry.iframe, Math.ceil(height));
  }

  /** Process every placeholder on the page that has not been processed yet. */
  function scan() {
    const state = sharedState();
    if (!state.listening) {
      window.addEventListener('message', onMessage);
      state.listening = true;
    }
    const placeholders = document.querySelectorAll(SELECTOR);
    for (let i = 0; i < placeholders.length; i++) {
      try {
        processPlaceholder(placeholders[i], state);
      } catch {
        // A placeholder we cannot use keeps its fallback link; the others still load.
      }
    }
  }

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
