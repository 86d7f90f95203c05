// The words and numbers of the page that follow the scenario: the numbers in the reactive
// sentence and beside the sliders, the live summary, notices, data tables, the chart
// descriptions read by screen readers, and the scenario in the URL. Every string comes from Rust.

import { setAttr, setText } from './dom.js';
import { fillPins } from './pins.js';

/** Punctuation of the chart descriptions read by screen readers: after a label, between
 * values, between rows, at the end. */
const PUNCT = {
  'zh-Hans': { label: '：', value: '，', row: '；', end: '。' },
  'zh-Hant': { label: '：', value: '，', row: '；', end: '。' },
  en: { label: ': ', value: ', ', row: '; ', end: '.' },
};

/** Text that follows the scenario but need not change every frame: the live summary, notices,
 * tables with their chart descriptions, and the URL.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function fillText(explainer, charts) {
  for (const step of textSteps(explainer, charts)) step();
}

/** The steps of `fillText`, in order: the live summary and notices, each chart's table and text
 * alternative (the distribution chart's starts with the summary), the URL. The first render
 * runs them one task apiece.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function textSteps(explainer, charts) {
  let summary = '';
  return [
    () => {
      summary = explainer.summary();
      document.getElementById('summary').textContent = summary;
      fillNotices(explainer);
      fillPins(explainer);
    },
    ...charts.map((name) => () => describeChart(explainer, name, fillTable(explainer, name), summary)),
    () => updateUrl(explainer),
  ];
}

/** The text alternative of a chart (the description of its canvas): the table's caption and
 * every row in words, so a screen reader hears what the chart shows for this scenario. The
 * distribution chart starts with the live summary (range and failures), then its bins.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
function describeChart(explainer, name, t, summary) {
  const el = document.getElementById(`desc-${name}`);
  if (!el || !t) return;
  const p = PUNCT[explainer.lang()] || PUNCT.en;
  const rows = t.rows.map((cells) => {
    const values = cells
      .slice(1)
      .map((c, i) => (c === '' ? '' : `${t.headers[i + 1]} ${c}`))
      .filter(Boolean);
    return `${cells[0]}${p.label}${values.join(p.value)}`;
  });
  const lead = name === 'outcomes' ? `${summary} ` : '';
  el.textContent = `${lead}${t.caption}${p.label}${rows.join(p.row)}${p.end}`;
}

/**
 * Rewrite one chart's data table from the model.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
function fillTable(explainer, name) {
  const table = /** @type {HTMLTableElement | null} */ (document.getElementById(`table-${name}`));
  if (!table) return null;
  const t = explainer.table(name);
  table.caption.textContent = t.caption;
  const head = document.createElement('tr');
  for (const h of t.headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  // Cells that show a figure of the dataset name it, so it opens where it comes from
  // (`data-facts="column id-of-row-0 …"`, written on the table by src/site/slots.rs).
  const [column, ...facts] = (table.dataset.facts || '').split(' ');
  const rows = t.rows.map((cells, r) => {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      const id = i === +column && facts[r];
      if (id && id !== '-') {
        const span = document.createElement('span');
        span.dataset.fact = id;
        span.textContent = c;
        cell.append(span);
      } else cell.textContent = c;
      tr.append(cell);
    });
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  return t;
}

/**
 * Show the codec's and the model's notices in the reader's language.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
function fillNotices(explainer) {
  const list = document.getElementById('notices');
  const items = explainer.notices().map((n) => {
    const li = document.createElement('li');
    li.textContent = n.message;
    li.dataset.key = n.key;
    return li;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

/**
 * Keep the scenario in the URL so a link restores it.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
export function updateUrl(explainer) {
  const q = explainer.query();
  const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    try {
      window.history.replaceState(null, '', url);
    } catch {
      // A sandboxed or file:// document may refuse; the page works on without it.
    }
  }
}

/** The page's elements for each selector of the readout, found once: the slots are part of the
 * page's markup (not of the narratives swapped by language), and two dozen searches of the
 * whole document on every slider move cost more than writing the numbers. Searched again if
 * one of them has left the document. @type {Map<string, Element[]>} */
const slotCache = new Map();
function slots(selector) {
  let els = slotCache.get(selector);
  if (!els || els.some((el) => !el.isConnected)) {
    els = [...document.querySelectorAll(selector)];
    slotCache.set(selector, els);
  }
  return els;
}

/**
 * Numbers in the reactive sentence, beside each slider, and the courtyard line: one call.
 * The readout names every slot; this file knows none of the keys. `shown(el)` says which slots
 * to write now (default: all); during a drag the renderer writes only those on screen, and the
 * rest when the reader pauses, since a changed number anywhere in the page costs a move style,
 * layout and paint work. The control the reader is using (focused) and the numbers in its own
 * sentence or row are always written, wherever the page has just scrolled them. Returns true
 * when some were left.
 * @param {import('../pkg/helong.js').Explainer} explainer
 * @param {(el: Element) => boolean} [shown]
 * @returns {boolean}
 */
export function fillOutputs(explainer, shown = () => true) {
  const r = explainer.readout();
  let left = false;
  const focused = document.activeElement;
  const around = focused?.closest('.reactive, .control, .courtyard');
  /** @param {Element | null} el @param {string} text @param {Element | null} [control] */
  const put = (el, text, control = el) => {
    if (!el) return false;
    if (shown(el) || control === focused || around?.contains(el)) {
      setText(el, text);
      return true;
    }
    if (el.textContent !== text) left = true;
    return false;
  };
  for (const [key, text] of r.outputs) {
    for (const el of slots(`[data-out="${key}"]`)) put(el, text);
  }
  for (const [key, text, value] of r.adjusters) {
    for (const el of slots(`[data-adjust="${key}"]`)) {
      if (!put(el, text)) continue;
      setAttr(el, 'aria-valuenow', String(value));
      setAttr(el, 'aria-valuetext', text);
    }
  }
  // The slider an <output> is for is read with the same words ("5,000 yuan", not "5000").
  for (const [id, text] of r.controls) {
    const [out] = slots(`#${id}`);
    if (!out) continue;
    const slider = document.getElementById(/** @type {HTMLOutputElement} */ (out).htmlFor.value);
    if (put(out, text, slider)) setAttr(slider, 'aria-valuetext', text);
    else if (slider && slider.getAttribute('aria-valuetext') !== text) left = true;
  }
  return left;
}
