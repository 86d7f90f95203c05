// The page shell: loads the wasm core, wires controls to it, keeps canvases sized to their
// containers and asks Rust to draw. Every number, chart, table and summary comes from Rust;
// these files only move values between the DOM and the model. This entry point starts the
// page; the parts live in app/ by concern:
//   narrative.js  the language shown and the narrative fragments fetched on demand
//   render.js     the render loop: canvas sizes, chart drawing, idle text updates
//   text.js       numbers, summary, notices, tables, chart descriptions, the URL
//   controls.js   sliders, adjustable numbers, presets, reset, copy link, switches
//   downloads.js  chart PNG and outcome CSV/JSON
//   frame-layout.js  the embed's order and view (height messages: ../frame.js)
//   theme.js      colour theme and the pre-rendered chart images
//   failure.js    the static page when the wasm cannot run
//   pins.js       the pinned scenarios' list: names, unpin, comparison lines
//   provenance.js every figure opens where it comes from (a popover)
//   dom.js        write text or an attribute only when it differs
// State is passed, not shared: `page` holds the explainer, its renderer and the narratives.
// tools/build-dist.mjs bundles all of it (and frame.js, the wasm glue) into one module.

import { startEvents, startHeightAnnouncer } from './frame.js';
import init, { Explainer, dataset_hash, model_version } from './pkg/helong.js';
import { bindAdjustables, bindButtons, bindSliders, keepFocusClearOfStrip, syncSliders } from './app/controls.js';
import { delay, domParsed, nextTask, setText } from './app/dom.js';
import { bindDownloads } from './app/downloads.js';
import { applyView, arrangeEmbed, bindMoreControls, openAssumptionsIfSet } from './app/frame-layout.js';
import { showFailure } from './app/failure.js';
import { bindNarrativePrefetch, createNarratives, urlLang } from './app/narrative.js';
import { bindPins } from './app/pins.js';
import { bindProvenance } from './app/provenance.js';
import { createRenderer } from './app/render.js';
import { applyTheme } from './app/theme.js';

/**
 * What the parts of the page share: the model, its renderer and the narratives. Typed, with
 * the Rust exports' declarations (www/pkg/helong.d.ts), by `make test-types`.
 * @typedef {object} Page
 * @property {Explainer} explainer
 * @property {ReturnType<typeof createRenderer>} renderer
 * @property {ReturnType<typeof createNarratives>} narratives
 */

/** Longest wait for the narrative in the URL's language before the page is declared ready; it
 * is swapped in when it arrives, and the zh-Hans text stays until then. */
const NARRATIVE_WAIT_MS = 2000;

/** The wasm to instantiate: inlined bytes in the single-file build, else the file beside helong.js. */
function wasmSource() {
  return globalThis.HELONG_WASM ? { module_or_path: globalThis.HELONG_WASM } : undefined;
}

async function main(narratives) {
  performance.mark('explainer:start');
  // A reader who arrives with ?lang=zh-Hant or en gets that narrative fetched now, alongside the
  // wasm (Rust decides the language below; this reads the URL the same way).
  narratives.load(urlLang());
  // Compile the wasm while the browser is still parsing and laying out the page.
  const wasmReady = init(wasmSource());
  wasmReady.catch(() => {}); // handled below, once the page exists to show the failure
  await domParsed();
  startHeightAnnouncer();
  arrangeEmbed();
  bindNarrativePrefetch(narratives);
  bindProvenance(); // needs no wasm: the entries are static files
  const wasm = await wasmReady;
  performance.mark('explainer:wasm-ready');
  // From here the start is cut into tasks (nextTask), so a phone's main thread is never busy for
  // long after the first paint: the model, then the page's state, then the wiring, then the
  // renderer's pieces.
  await nextTask();
  const explainer = new Explainer(window.location.search);
  performance.mark('explainer:model-ready');
  await nextTask();
  const page = { explainer, renderer: createRenderer(explainer), narratives };
  const narrativeShown = narratives.show(explainer.lang());
  applyTheme(explainer.theme(), explainer);
  applyView(explainer);
  startEvents(explainer);
  openAssumptionsIfSet(explainer);
  // The figures in the narrative ([data-fact]) are already in the page and its fragments, in
  // every language, exactly as the dataset formats them: tests/page.rs checks each one.
  for (const [id, text] of [['model-version', model_version()], ['dataset-hash', dataset_hash()]]) {
    setText(document.getElementById(id), text);
  }
  await nextTask();
  syncSliders(explainer);
  bindSliders(page);
  bindAdjustables(page);
  bindButtons(page);
  bindPins(page);
  bindDownloads(page);
  bindMoreControls();
  keepFocusClearOfStrip();
  // data-ready promises the narrative in the reader's language: it has been on its way since
  // the start and is smaller than the wasm, so this rarely waits (and never for long).
  await Promise.race([narrativeShown, delay(NARRATIVE_WAIT_MS)]);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', page.renderer.scheduleFullRender);
  await page.renderer.start();
}

const narratives = createNarratives();
main(narratives).catch((err) => showFailure(err, narratives));
