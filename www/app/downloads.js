// Downloads made in the page: a chart as a PNG (drawn by Rust, stamped with scenario and
// source) and this scenario's outcome as CSV and JSON.

import { isDark } from './theme.js';

/** Save a Blob under a file name through a temporary object URL. */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A chart as a PNG, drawn by Rust at twice the size and stamped with scenario and source.
 * @param {import('../pkg/helong.js').Explainer} explainer
 */
function downloadPng(explainer, name) {
  const shown = document.getElementById(`chart-${name}`);
  const canvas = document.createElement('canvas');
  const scale = 2;
  const rect = shown.getBoundingClientRect();
  canvas.width = Math.round(Math.max(rect.width, 640) * scale);
  canvas.height = Math.round((Math.max(rect.height, 280) + 48) * scale);
  explainer.draw_export(name, canvas, isDark(explainer.theme()), scale);
  canvas.toBlob((blob) => blob && saveBlob(blob, `helong-${name}.png`), 'image/png');
}

/**
 * Wire the PNG, outcome CSV and outcome JSON buttons.
 * @param {import('../app.js').Page} page
 */
export function bindDownloads({ explainer }) {
  for (const b of document.querySelectorAll('.download-png')) {
    b.addEventListener('click', () => downloadPng(explainer, b.dataset.chart));
  }
  document.querySelector('[data-download="outcome-csv"]')?.addEventListener('click', () => {
    saveBlob(new Blob([explainer.outcome_csv()], { type: 'text/csv;charset=utf-8' }), 'helong-outcome.csv');
  });
  document.querySelector('[data-download="outcome-json"]')?.addEventListener('click', () => {
    const text = JSON.stringify(explainer.outcome(), null, 2);
    saveBlob(new Blob([text], { type: 'application/json' }), 'helong-outcome.json');
  });
}
