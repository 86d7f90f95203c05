// The floor of a slider move (issue 26): a bare page with the same four sliders (ids, ranges,
// steps, copied from our page at run time) and no handler, so what is left is the browser's own
// cost of a move on this machine. Shared by tools/bench.mjs (ours ÷ floor) and tools/trace.mjs
// (where the floor's time goes, beside ours).

/** Sliders moved for the per-move measure: money, the mix and an assumption. */
export const FRAME_SLIDERS = ['in-grant', 'in-budget', 'in-mix-0', 'in-fail'];
/** The phone the per-move measure runs on. */
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };

/** The floor page's HTML for `sliders` ([{id, min, max, step, value}]). */
export function floorHtml(sliders) {
  const rows = sliders
    .map((s) => `<p><label for="${s.id}">${s.id}</label><br><input type="range" id="${s.id}" min="${s.min}" max="${s.max}" step="${s.step}" value="${s.value}"></p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 16px}p{margin:0 0 200px}input{width:100%}</style></head>
<body><h1>floor</h1>\n${rows}\n</body></html>`;
}

/** The sliders' ranges as our page (already ready in `page`) has them. */
export function readSliders(page) {
  return page.evaluate((ids) =>
    ids.map((id) => {
      const el = /** @type {HTMLInputElement} */ (document.getElementById(id));
      return { id, min: el.min, max: el.max, step: el.step, value: el.value };
    }), FRAME_SLIDERS);
}

/** Open the floor page at `floorUrl` in `page` (served by the page's own route, not a file). */
export async function gotoFloor(page, floorUrl, sliders) {
  const body = floorHtml(sliders);
  await page.route(floorUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(floorUrl);
}
