// Where each figure comes from (issue 15). Every number of the story and every data-table cell
// that shows a figure of the dataset ([data-fact]) becomes a control; opening it (click, tap,
// Enter or Space) shows a popover with that figure's entry: its label, value and period, and
// the article's section and paragraph or, for a derived figure, the formula with its inputs.
// An assumption's number ([data-assumption], issue 25) opens the same way, with the model's
// entry for it: marked as this explainer's, with its default, range and what it changes (and
// no line naming the article). Escape or a click outside closes it, and the focus goes back
// to the number.
//
// The entries are written by src/provenance.rs, one file per language (data/figures.<lang>.html,
// named by the `data-src` of the sources section's list of that language), fetched the first
// time a reader opens a number; the single-file build carries them in <template>s. The file
// holds the popover's every word (its close button too): this module only moves them.

const LABEL_ID = 'fact-pop-label';

/** The file of entries of each language: a promise of its parsed content (null on failure). */
const files = new Map();
/** The numbers that open a popover: figures of the dataset and assumptions of the model. */
const NUMBER = ':is([data-fact], [data-assumption])';

/** The entry of a number: `f-<lang>-<fact id>` or `a-<lang>-<assumption id>` (src/provenance.rs
 * and src/text/assumptions.rs write them). */
const entryOf = (el, lang) => (el.dataset.fact ? `f-${lang}-${el.dataset.fact}` : `a-${lang}-${el.dataset.assumption}`);

/** The popover (made on first use), and the number it was opened from. */
let pop = null;
let opener = null;

/** The sources section's list in the language shown, or the page's own (zh-Hans) when the
 * narrative of that language could not be loaded. */
const listFor = (lang) => document.querySelector(`.fact-list[lang="${lang}"]`) || document.querySelector('.fact-list');

/** The entries of `list`'s language: from the page's <template> or fetched once (a failure is
 * forgotten, so the next opening tries again). */
function load(list) {
  const lang = list.lang;
  if (!files.has(lang)) {
    const inline = document.querySelector(`template[data-figures="${lang}"]`);
    const t = document.createElement('template');
    files.set(
      lang,
      inline
        ? Promise.resolve(inline.content)
        : fetch(list.dataset.src)
            .then((r) => (r.ok ? r.text() : Promise.reject()))
            .then((html) => {
              t.innerHTML = html;
              return t.content;
            })
            .catch(() => files.delete(lang) && null),
    );
  }
  return files.get(lang);
}

/** The popover, made once: a non-modal dialog named by the figure's label. */
function popover() {
  if (pop) return pop;
  pop = document.createElement('span');
  pop.id = 'fact-pop';
  pop.className = 'fact-pop';
  pop.popover = 'auto'; // Escape and a click outside close it
  pop.role = 'dialog';
  pop.setAttribute('aria-labelledby', LABEL_ID);
  pop.tabIndex = -1;
  pop.dataset.langFixed = ''; // its language is the entry's, not narrative.js's to switch
  pop.addEventListener('toggle', (e) => {
    if (e.newState !== 'closed' || pop.matches(':popover-open')) return;
    opener.ariaExpanded = 'false';
    const a = document.activeElement;
    if (!a || a === document.body || pop.contains(a)) opener.focus({ preventScroll: true });
  });
  pop.addEventListener('click', (e) => {
    const input = e.target.closest('a');
    if (input) {
      // An input of a formula: its own entry, in the same popover.
      e.preventDefault();
      show(input.hash.slice(1), listFor(pop.lang)).then(() => pop.focus());
    } else if (e.target.closest('button')) pop.hidePopover();
  });
  return pop;
}

/** Put the entry `id` (of `list`'s language) into the popover, or say it could not load. An
 * assumption's entry comes without the article line: it is this explainer's, not the article's. */
async function show(id, list) {
  const file = await load(list);
  const entry = file?.getElementById(id);
  const p = popover();
  const label = document.createElement('b');
  label.textContent = list.dataset.failed;
  p.lang = list.lang;
  p.replaceChildren(label);
  const assumed = id.startsWith('a-');
  p.toggleAttribute('data-assumed', assumed);
  if (entry) {
    const body = entry.cloneNode(true);
    body.removeAttribute('id');
    body.firstChild.id = LABEL_ID; // the label, <b>
    const tail = file.querySelectorAll(assumed ? 'button' : '.fact-article, button');
    p.replaceChildren(body, ...[...tail].map((n) => n.cloneNode(true)));
  } else label.id = LABEL_ID;
  if (p.matches(':popover-open')) place(p, opener);
}

/** Place the popover under the number (above it when there is more room there), inside the
 * screen's width, in page coordinates so it scrolls with the number. */
function place(p, el) {
  const r = el.getClientRects()[0];
  const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - p.offsetWidth - 8));
  const above = r.top - p.offsetHeight - 6;
  const top = r.bottom + 6 + p.offsetHeight > window.innerHeight - 8 && above >= 8 ? above : r.bottom + 6;
  p.style.left = `${Math.round(left + window.scrollX)}px`;
  p.style.top = `${Math.round(top + window.scrollY)}px`;
}

/** Open the popover of the number `el`, next to it in the reading and focus order. */
async function open(el) {
  const p = popover();
  if (p.matches(':popover-open')) p.hidePopover();
  if (opener) opener.ariaExpanded = 'false';
  opener = el;
  const list = listFor(document.documentElement.lang);
  await show(entryOf(el, list.lang), list);
  if (opener !== el || !el.isConnected) return; // another number was opened meanwhile
  el.after(p);
  p.showPopover();
  place(p, el);
  el.ariaExpanded = 'true';
  p.focus({ preventScroll: true });
}

/** Make the numbers under `root` controls that open their popover. */
function enhance(root) {
  for (const el of root.querySelectorAll(`${NUMBER}:not([role])`)) {
    el.role = 'button';
    el.tabIndex = 0;
    el.ariaHasPopup = 'dialog';
    el.ariaExpanded = 'false';
  }
}

/** The number an event landed on, if it is one of ours. */
const numberAt = (e) => e.target.closest?.(`${NUMBER}[role="button"]`);

/**
 * Turn every figure of the page into a control that opens where it comes from: only on a page
 * with the sources section's list (not the embed, whose numbers stay plain); numbers that arrive later (a narrative fragment, a redrawn table) as they come.
 */
export function bindProvenance() {
  if (!listFor('')) return;
  enhance(document.body);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.querySelectorAll) enhance(n);
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener('click', (e) => numberAt(e) && open(numberAt(e)));
  document.addEventListener('keydown', (e) => {
    if (numberAt(e) && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open(numberAt(e));
    }
  });
}
