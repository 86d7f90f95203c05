// Pinned scenarios: up to two what-ifs kept beside the current one, each with a name the
// reader can edit; the model holds them (Explainer.pin, unpin, rename_pin, pins), names them,
// compares them and keeps them in the link. This file only mirrors the list in the page.

import { setText } from './dom.js';

/**
 * Write the list of pins: one item per pin (kept while the reader types in it), with its
 * comparison line in the reader's language.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function fillPins(explainer) {
  const list = document.getElementById('pin-list');
  const template = /** @type {HTMLTemplateElement | null} */ (document.getElementById('pin-item'));
  if (!list || !template) return;
  const pins = explainer.pins();
  const lang = explainer.lang();
  while (list.children.length > pins.length) list.lastElementChild.remove();
  while (list.children.length < pins.length) {
    const li = /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
    for (const el of li.querySelectorAll('[lang]')) el.hidden = el.lang !== lang;
    list.append(li);
  }
  pins.forEach((pin, i) => {
    const li = list.children[i];
    const input = /** @type {HTMLInputElement} */ (li.querySelector('input'));
    if (document.activeElement !== input && input.value !== pin.name) input.value = pin.name;
    input.dataset.pin = String(i);
    /** @type {HTMLElement} */ (li.querySelector('.pin-remove')).dataset.pin = String(i);
    setText(li.querySelector('.pin-line'), pin.line);
  });
}

/**
 * Wire the pin button, the names and the unpin buttons.
 * @param {import('../app.js').Page} page
 */
export function bindPins({ explainer, renderer }) {
  const status = document.getElementById('pin-status');
  // The strip's line now, the list, the tables and the link with the rest of the text.
  const changed = () => {
    renderer.renderNow();
    renderer.fillText();
  };
  document.querySelector('[data-action="pin"]')?.addEventListener('click', () => {
    try {
      explainer.pin();
      setText(status, '');
      changed();
    } catch (e) {
      setText(status, e instanceof Error ? e.message : String(e));
    }
  });
  const list = document.getElementById('pin-list');
  list?.addEventListener('click', (e) => {
    const b = /** @type {Element} */ (e.target).closest('.pin-remove');
    if (!b) return;
    const i = Number(b.dataset.pin);
    explainer.unpin(i);
    setText(status, '');
    changed();
    // Focus stays in the list: on the next pin's name, else on the pin button.
    const next = /** @type {HTMLElement | null} */ (list.querySelectorAll('input')[Math.min(i, list.children.length - 1)] || document.querySelector('[data-action="pin"]'));
    next?.focus();
  });
  list?.addEventListener('change', (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    if (!input.matches('input[data-pin]')) return;
    try {
      input.value = explainer.rename_pin(Number(input.dataset.pin), input.value);
      setText(status, '');
      changed();
    } catch (err) {
      setText(status, err instanceof Error ? err.message : String(err));
      fillPins(explainer);
      input.value = explainer.pins()[Number(input.dataset.pin)]?.name ?? input.value;
    }
  });
}
