// The early script (www/early.js) decides the layout before the first paint from the model's
// tables on <html> (src/model/codec.rs `page_contract`); the model then reads the same URL.
// Any spelling of a key the codec accepts must give the same answer, or the page would move
// when the wasm arrives. The site is served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite, waitReady } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';

describe('the early script', { timeout: 300_000 }, () => {
  const site = useSite(ROOT);
  test('before the wasm arrives, the page reads theme, language, view and controls from the URL as the model does', async () => {
    const queries = [
      'THEME=Dark&View=Benefit',
      'theme=light&theme=dark&view=outcomes&controls=NONE',
      'lang=zh-TW&view=allocation&controls=bogus',
      'Lang=EN-gb&view=bogus',
      'lang=xx&theme=nope&controls=all',
      '%20view%20=context&lang=zh-hk',
      'view=all&controls=key&lang=zh',
      // Case folding and white space as Rust's, not JavaScript's (tests/e2e/early-codec.test.mjs
      // runs thousands more through the script and the codec): a Kelvin sign is no 'k', U+0085
      // is white space and U+FEFF is not, and every leading '?' goes.
      'theme=dar\u212A&view=Benefit&lang=zh-hant-h\u212A',
      '?theme=%C2%85dark&%EF%BB%BFview=context&controls=%EF%BB%BFnone',
    ];
    const read = () => {
      const d = document.documentElement;
      return { theme: d.dataset.theme, lang: d.dataset.urlLang || d.lang, view: d.dataset.view, controls: d.dataset.controls };
    };
    for (const q of queries) {
      const url = `${site.server.url}embed.html?${q}`;
      const early = await openPage(site.browser, 'about:blank');
      let before;
      try {
        // Only early.js runs: app.js (and so the wasm) never loads.
        await early.page.route(/\/app\.[0-9a-f]+\.js$/, (r) => r.abort());
        await early.page.goto(url, { waitUntil: 'domcontentloaded' });
        before = await early.page.evaluate(read);
      } finally {
        await early.close();
      }
      const model = await openPage(site.browser, url);
      try {
        await waitReady(model.page);
        const after = await model.page.evaluate(() => {
          const d = document.documentElement;
          return { theme: d.dataset.theme, lang: d.lang, view: d.dataset.view, controls: d.dataset.controls };
        });
        assert.deepEqual(before, after, `?${q}: early.js ${JSON.stringify(before)}, the model ${JSON.stringify(after)}`);
      } finally {
        await model.close();
      }
    }
  });
});
