// Soak (issue 6): a thousand slider moves must not log an error or grow wasm memory without
// bound. The full 10,000-move measurement is in `make bench` (bench/report.json).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitReady, wasmMemoryBytes } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const MOVES = 1000;
/** Growth allowed after warm-up: one wasm page (64 KiB) of slack per 100 moves would be a leak. */
const MAX_GROWTH_BYTES = 1024 * 1024;

describe('a long session', () => {
  const site = useSite(ROOT);

  test('a thousand slider moves log no error and do not grow wasm memory', { timeout: 180_000 }, async () => {
    const s = await openPage(site.browser, `${site.server.url}index.html`);
    try {
      await waitReady(s.page);
      const move = (n, offset) =>
        s.page.evaluate(
          async ([count, off]) => {
            const sliders = [...document.querySelectorAll('input[type="range"]')];
            for (let i = 0; i < count; i++) {
              const el = sliders[(i + off) % sliders.length];
              const lo = Number(el.min);
              const hi = Number(el.max);
              el.value = String(lo + ((hi - lo) * ((i * 7919) % 101)) / 100);
              el.dispatchEvent(new Event('input', { bubbles: true }));
              if (i % 100 === 0) await new Promise((r) => setTimeout(r, 0));
            }
          },
          [n, offset],
        );
      await move(100, 0); // warm-up: every slider once, allocations settle
      const before = await wasmMemoryBytes(s.page);
      await move(MOVES, 3);
      const after = await wasmMemoryBytes(s.page);
      assert.ok(after - before <= MAX_GROWTH_BYTES, `wasm memory grew by ${after - before} bytes over ${MOVES} moves`);
      // The page still works afterwards.
      await s.page.click('[data-action="reset"]');
      await s.page.waitForFunction(() => location.search === '');
      assert.deepEqual(s.errors, []);
      assert.deepEqual(s.offHost, []);
      assert.deepEqual(await s.cspViolations(), []);
    } finally {
      await s.close();
    }
  });
});
