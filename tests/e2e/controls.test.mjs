// One control changes one thing (issue 23): a slider of one kind leaves the other kinds'
// numbers exactly as the link gave them, even where they sit off the sliders' grid.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitReady } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 60_000;

describe('one control, one number', () => {
  const site = useSite(ROOT);

  test('moving one return slider leaves the other kinds’ off-grid returns unchanged in the URL and the model', { timeout: TIMEOUT }, async () => {
    // 1.25 and 1.35 are between the return sliders' 0.1 steps: a range input shows them rounded.
    const s = await openPage(site.browser, `${site.server.url}index.html?lang=en&ret=1.25,1,1,1,1.35`);
    try {
      await waitReady(s.page);
      await s.page.$eval('details#assumptions', (d) => (d.open = true));
      await s.page.focus('#in-ret-1');
      await s.page.keyboard.press('ArrowRight');
      await s.page.waitForFunction(() => new URLSearchParams(location.search).get('ret') !== '1.25,1,1,1,1.35');
      const ret = await s.page.evaluate(() => new URLSearchParams(location.search).get('ret'));
      // The URL is the model's canonical query: the model kept 1.25 and 1.35 too.
      assert.equal(ret, '1.25,1.1,1,1,1.35', 'only livestock’s return moved');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.close();
    }
  });
});
