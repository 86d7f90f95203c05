// Small helpers about the document itself, used by several parts of the page.

/** Resolves once the document is parsed (the script is async and may run before that). */
export function domParsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/** Resolves in a later task, so the browser can paint and answer the reader in between. Start-up
 * work is cut into pieces with it: at a phone's speed (4× slower than this machine) one piece
 * must stay under 50 ms, or Lighthouse counts it as blocking time. */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Write text only when it differs: a write of the same words still costs the browser style,
 * layout and paint work (on every slider move, at 10× CPU slow-down most of a move; at start-up,
 * where the model mostly confirms what the page already shows, a layout of the whole page).
 * An element holding one text node gets that node's words changed in place: `textContent`
 * would replace the node, which costs a style recalculation of the new node, a removal from and
 * an insertion into the layout tree, and a record for every observer of the page's children. */
export function setText(el, text) {
  if (!el) return;
  const node = el.firstChild;
  // The one text node is kept, even emptied (an empty text node still matches :empty), so a
  // note that comes and goes on every move changes one node's data, not the element's children.
  if (node && node === el.lastChild && node.nodeType === Node.TEXT_NODE) {
    const t = /** @type {Text} */ (node);
    if (t.data !== text) t.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

/** Set an attribute only when it differs (for the same reason). */
export function setAttr(el, name, value) {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Resolves after `ms` milliseconds. */
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The text of the element's child in the language shown (for headings kept in three languages). */
export function shownText(el) {
  if (!el) return '';
  const shown = [...el.querySelectorAll(':scope > [lang]')].find((e) => !e.hidden);
  return (shown || el).textContent.trim();
}
