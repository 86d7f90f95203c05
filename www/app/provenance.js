// Where each figure comes from. Every number of the story and every data-table cell
// that shows a figure of the dataset ([data-fact]) becomes a control; opening it (click, tap,
// Enter or Space) shows a popover with that figure's entry: its label, value and period, and
// the article's section and paragraph or, for a derived figure, the formula with its inputs.
// An assumption's number ([data-assumption]) opens the same way, with the model's
// entry for it: marked as this explainer's, with its default, range and what it changes (and
// no line naming the article). Escape or a click outside closes it, and the focus goes back
// to the number.
//
// The entries are written by src/site/provenance.rs, one file per language (data/figures.<lang>.html,
// named by the `data-src` of the sources section's list of that language), fetched the first
// time a reader opens a number; the single-file build carries them in <template>s. The file
// holds the popover's every word (its close button too): this module only moves them.

const LABEL_ID = 'fact-pop-label';

/** The file of entries of each language: a promise of its parsed content (null on failure). */
const files = new Map();
/** The popover (made on first use), the number it was opened from, where that figure stands
 * (its table or story block, to find it again when the number is written anew or hidden), and
 * whether the popover is meant to be open (a popover taken out of the page with its table
 * closes without the reader asking). */
/** The numbers that open a popover: figures of the dataset and assumptions of the model. */
const NUMBER = ':is([data-fact], [data-assumption])';

/** The entry of a number: `f-<lang>-<fact id>` or `a-<lang>-<assumption id>` (src/site/provenance.rs
 * and src/text/assumptions.rs write them). */
const entryOf = (el, lang) => (el.dataset.fact ? `f-${lang}-${el.dataset.fact}` : `a-${lang}-${el.dataset.assumption}`);

/** The same number elsewhere: its figure's or its assumption's. */
const sameNumber = (el) =>
  el.dataset.fact ? `[data-fact="${CSS.escape(el.dataset.fact)}"]` : `[data-assumption="${CSS.escape(el.dataset.assumption)}"]`;

let pop = null;
let opener = null;
let scope = null;
let shownFor = null;

/** True when the number `el` is on the page and laid out (not in hidden text). */
const isShown = (el) => el.isConnected && el.getClientRects().length > 0;

/** The number to show the popover beside: `el` while it is shown, else the same figure where it
 * stands now (the table written again by the idle update, the story block in the language shown
 * since), or null when it is nowhere to be seen. */
function anchorFor(el) {
  if (isShown(el)) return el;
  if (!scope?.isConnected) return null;
  return [...scope.querySelectorAll(sameNumber(el))].find(isShown) || null;
}

/** The sources section's list in the language shown, or the page's own (zh-Hans) when the
 * narrative of that language could not be loaded. */
const listFor = (lang) => document.querySelector(`.fact-list[lang="${lang}"]`) || document.querySelector('.fact-list');

/** The entries of `list`'s language: from the page's <template> or fetched once (a failure is
 * forgotten, so the next opening tries again). */
function load(list) {
  const lang = list.lang;
  if (!files.has(lang)) {
    const inline = /** @type {HTMLTemplateElement | null} */ (document.querySelector(`template[data-figures="${lang}"]`));
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
    if (e.newState !== 'closed' || pop.matches(':popover-open') || !opener) return;
    shownFor = null;
    opener.ariaExpanded = 'false';
    const a = document.activeElement;
    if (!a || a === document.body || pop.contains(a)) opener.focus({ preventScroll: true });
  });
  pop.addEventListener('click', (e) => {
    const input = /** @type {HTMLAnchorElement | null} */ (/** @type {Element} */ (e.target).closest('a'));
    if (input) {
      // An input of a formula: its own entry, in the same popover.
      e.preventDefault();
      show(input.hash.slice(1), listFor(pop.lang)).then(() => pop.focus());
    } else if (/** @type {Element} */ (e.target).closest('button')) pop.hidePopover();
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
  if (p.matches(':popover-open')) follow();
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
  scope = el.closest('[data-narrative], table');
  shownFor = null;
  const list = listFor(document.documentElement.lang);
  await show(entryOf(el, list.lang), list);
  if (opener !== el) return; // another number was opened meanwhile
  // While the entry loaded, the page may have changed under the number: the story switched to
  // another language (the number is hidden) or its table was written again (it is gone). Then
  // the figure opens where it is shown now, with its entry in the language shown now.
  const at = anchorFor(el);
  if (!at) return void (opener = null);
  if (at !== el || p.lang !== listFor(document.documentElement.lang).lang) return open(at);
  at.after(p);
  // Where the focus returns when the popover closes (the number, also when the reader's last
  // click was elsewhere: the language switch).
  if (document.activeElement !== at) at.focus({ preventScroll: true });
  p.showPopover();
  place(p, at);
  at.ariaExpanded = 'true';
  shownFor = at;
  p.focus({ preventScroll: true });
}

/** Keep the open popover beside its figure: when the number it belongs to is written anew
 * (the idle update rewrites a table's cells) or hidden (a switch of language), the popover
 * moves to the same figure where it is shown now, keeping the focus it had (in the language
 * now shown, it opens that language's entry); with no such figure, it closes. */
function follow() {
  if (!shownFor) return;
  const at = anchorFor(shownFor);
  if (!at) {
    shownFor = null;
    if (pop.matches(':popover-open')) pop.hidePopover();
    return;
  }
  if (at !== shownFor && pop.lang !== listFor(document.documentElement.lang).lang) {
    // The story is shown in another language now: the figure's entry in that language.
    open(at);
    return;
  }
  if (at !== shownFor) {
    // Taken out of the page with the old cell, the popover closed and the focus fell to <body>.
    const focusLost = !document.activeElement || document.activeElement === document.body || pop.contains(document.activeElement);
    opener = at;
    shownFor = at;
    if (at.nextElementSibling !== pop) at.after(pop);
    if (!pop.matches(':popover-open')) pop.showPopover();
    at.ariaExpanded = 'true';
    if (focusLost) pop.focus({ preventScroll: true });
  }
  place(pop, at);
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
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) enhance(n);
    if (shownFor && !isShown(shownFor)) follow();
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  document.addEventListener('click', (e) => numberAt(e) && open(numberAt(e)));
  document.addEventListener('keydown', (e) => {
    if (numberAt(e) && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open(numberAt(e));
    }
  });
}
