// The page as an embed (<html data-embed>, written by src/site/embed.rs into embed.html): charts
// right after the sentence, and only the panel the `view` key asks for. The height messages to
// the host page are frame.js's.

import { setAttr } from './dom.js';

/** The embed has no headline, so its top heading becomes the page's level-1 heading. (The
 * charts already come right after the sentence in the document, as on screen.) */
export function arrangeEmbed() {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  document.getElementById('h-sim')?.setAttribute('aria-level', '1');
  for (const h of document.querySelectorAll('.panel > h3')) h.setAttribute('aria-level', '2');
}

/**
 * In an embed, show only the panel the `view` key asks for (`all` shows everything).
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function applyView(explainer) {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  const view = explainer.value('view') || 'all';
  const root = document.documentElement;
  setAttr(root, 'data-view', view);
  // The same answer early.js gave before the first paint, now from the model.
  // Unset, the view decides: the model's table on <html> (codec::default_controls).
  const byView = new Map((root.dataset.viewControls || '').split(' ').map((p) => /** @type {[string, string]} */ (p.split('='))));
  setAttr(root, 'data-controls', explainer.value('controls') || byView.get(view) || 'all');
  // Written only where they differ: early.js and the page's CSS have laid this out already.
  const show = (el, shown) => {
    if (el && el.hidden === shown) el.hidden = !shown;
  };
  show(document.getElementById('simulator'), view !== 'context');
  show(document.getElementById('panel-context'), view === 'context' || view === 'all');
  // The context chart alone: its heading is the embed's level-1 heading.
  setAttr(document.getElementById('h-context'), 'aria-level', view === 'context' ? '1' : '2');
  for (const panel of document.querySelectorAll('#simulator .panel')) show(panel, view === 'all' || panel.id === `panel-${view}`);
}

/** The "more controls" button of an embed that shows its key controls only. */
export function bindMoreControls() {
  const b = document.querySelector('.more-toggle');
  b?.addEventListener('click', () => {
    const open = b.getAttribute('aria-expanded') !== 'true';
    b.setAttribute('aria-expanded', String(open));
    document.documentElement.toggleAttribute('data-more-open', open);
  });
}

/** Open the assumptions disclosure when the link sets any of its keys (the URL keys of its
 * sliders, written on each by src/site/slots.rs as `data-url-key`).
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function openAssumptionsIfSet(explainer) {
  const keys = new URLSearchParams(explainer.query()).keys();
  const d = /** @type {HTMLDetailsElement | null} */ (document.getElementById('assumptions'));
  const disclosed = new Set([...(d?.querySelectorAll('[data-url-key]') || [])].map((el) => el.dataset.urlKey));
  if (d && [...keys].some((k) => disclosed.has(k))) d.open = true;
}
