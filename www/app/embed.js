// The page as an embed (<html data-embed>, written by src/prerender.rs into embed.html): charts
// right after the sentence, and only the panel the `view` key asks for. The height messages to
// the host page are frame.js's.

/** In an embed the charts come right after the sentence, above the presets and controls: move
 * them there in the document, so that reading and focus order follow the order on screen. The
 * embed has no headline, so its top heading becomes the page's level-1 heading. */
export function arrangeEmbed() {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  const sentences = document.querySelectorAll('#simulator > .reactive');
  let after = sentences[sentences.length - 1];
  for (const panel of document.querySelectorAll('#simulator > .panel')) {
    after?.after(panel);
    after = panel;
  }
  for (const [id, level] of [['h-sim', 1], ['h-allocation', 2], ['h-benefit', 2], ['h-outcomes', 2], ['h-context', 2]]) {
    document.getElementById(id)?.setAttribute('aria-level', String(level));
  }
}

/** In an embed, show only the panel the `view` key asks for (`all` shows everything). */
export function applyView(explainer) {
  if (!document.documentElement.hasAttribute('data-embed')) return;
  const view = explainer.value('view') || 'all';
  document.documentElement.dataset.view = view;
  const sim = document.getElementById('simulator');
  const context = document.getElementById('panel-context');
  if (sim) sim.hidden = view === 'context';
  if (context) context.hidden = !(view === 'context' || view === 'all');
  // The context chart alone: its heading is the embed's level-1 heading.
  document.getElementById('h-context')?.setAttribute('aria-level', view === 'context' ? '1' : '2');
  for (const panel of document.querySelectorAll('#simulator .panel')) {
    panel.hidden = !(view === 'all' || panel.id === `panel-${view}`);
  }
}
