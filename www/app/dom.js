// Small helpers about the document itself, used by several parts of the page.

/** Resolves once the document is parsed (the script is async and may run before that). */
export function domParsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
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
