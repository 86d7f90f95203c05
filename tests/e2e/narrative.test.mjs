// The story in the reader's language: the served page carries the narrative in Simplified
// Chinese only and fetches the Traditional Chinese or English narrative when a reader asks for
// it (src/site/narrative.rs cuts it out, www/app.js puts it back). The single-file build keeps all
// three languages inline. Served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertClean, useSite, waitReady, fileContext, withPage } from './helpers.mjs';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const TIMEOUT = 60_000;
const DESKTOP = { width: 1280, height: 900 };
/** A narrative fragment's URL, and the language it holds. */
const FRAGMENT = /\/narrative\.(zh-Hant|en)\.[0-9a-f]{10}\.html$/;
/** What Chromium logs, unavoidably, for a request the test refuses. */
const REFUSED = /^console: Failed to load resource: net::ERR_FAILED$/;

/** The narrative elements a reader sees: [{ block, lang, text }]. */
function shownNarrative(page) {
  return page.$$eval('[data-narrative] > [lang]', (els) =>
    els
      .filter((e) => e.checkVisibility())
      .map((e) => ({ block: e.parentElement.dataset.narrative, lang: e.lang, text: e.textContent })),
  );
}

/** The text of every figure ([data-fact]) of one language's narrative, by fact id. */
function figures(page, lang) {
  return page.$$eval(
    `[data-narrative] > [lang="${lang}"] [data-fact]`,
    (els) => Object.fromEntries(els.map((e) => [e.dataset.fact, e.textContent])),
  );
}

/** The languages of the narrative fragments the page has requested, in order. */
function fragmentsFetched(s) {
  return s.requests.map((u) => FRAGMENT.exec(new URL(u).pathname)?.[1]).filter(Boolean);
}

describe('the story in the reader’s language', () => {
  const site = useSite(ROOT);
  /** Runs `fn` with a page of the site, recording every request it makes (`before(s)` runs
   * before the load; `ready: false` does not wait for data-ready); closes it after. */
  const reading = (pageAndQuery, { ready = true, before } = {}, fn) =>
    withPage(site.browser, 'about:blank', DESKTOP, async (s) => {
      s.requests = [];
      s.page.on('request', (r) => s.requests.push(r.url()));
      if (before) await before(s);
      await s.page.goto(`${site.server.url}${pageAndQuery}`);
      if (ready) await waitReady(s.page);
      return fn(s);
    });

  test('the served page carries the story in Simplified Chinese only, and a Simplified Chinese reader fetches no other language', { timeout: TIMEOUT }, async () => {
    const html = await fsp.readFile(path.join(ROOT, 'index.html'), 'utf8');
    const blocks = [...html.matchAll(/<div data-narrative="([^"]+)">([\s\S]*?)<\/div>/g)];
    assert.deepEqual(blocks.map((b) => b[1]), ['county', 'programme', 'yang', '2019', 'method', 'credits']);
    for (const [, name, body] of blocks) {
      const langs = [...body.matchAll(/^\s*<(?:p|ul)\b[^>]*\blang="([^"]+)"/gm)].map((m) => m[1]);
      assert.ok(langs.length >= 2, `${name}: ${langs.length} paragraphs`);
      assert.deepEqual(new Set(langs), new Set(['zh-Hans']), `${name} holds only Simplified Chinese`);
    }
    assert.doesNotMatch(html, /Helong is a city in Jilin|和龍是吉林省/, 'no zh-Hant or en narrative anywhere in the page');
    // The small chrome (headings, buttons) stays in three languages.
    assert.match(html, /<span lang="en" hidden>A city poor for many years<\/span>/);

    await reading('index.html', {}, async (s) => {
      const shown = await shownNarrative(s.page);
      assert.ok(shown.length >= 20 && shown.every((p) => p.lang === 'zh-Hans'), `${shown.length} zh-Hans paragraphs shown`);
      // The reader moves a slider; the page has done all it does for that once its idle update
      // has run (`explainer:settled`). Then a while longer, for anything the page would fetch on
      // its own. The record of requests is not deaf: it holds the page's module and its wasm.
      await s.page.$eval('#in-grant', (el) => {
        window.__settled = new Promise((resolve) => addEventListener('explainer:settled', resolve, { once: true }));
        el.value = '10000';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await s.page.evaluate(() => window.__settled);
      await s.page.waitForTimeout(300);
      assert.ok(s.requests.some((u) => /\/app\.[0-9a-f]+\.js$/.test(u)) && s.requests.some((u) => /\.wasm$/.test(u)), 'the page’s own requests are recorded');
      assert.deepEqual(fragmentsFetched(s), [], 'no narrative fetched');
      await assertClean(s);
    });
  });

  test('switching to English shows the English story with its figures written the English way, fetched once', { timeout: TIMEOUT }, async () => {
    await reading('index.html', {}, async (s) => {
      const paragraphs = (await shownNarrative(s.page)).length;
      await s.page.click('[data-lang="en"]');
      await s.page.waitForFunction(() => document.querySelector('#story-county p[lang="en"]')?.checkVisibility());
      const shown = await shownNarrative(s.page);
      assert.equal(shown.length, paragraphs, 'one English element for each Chinese one');
      assert.ok(shown.every((p) => p.lang === 'en'), `languages shown: ${[...new Set(shown.map((p) => p.lang))]}`);
      assert.match(shown[0].text, /^Helong is a city in Jilin/);
      const en = await figures(s.page, 'en');
      assert.equal(en['programme-households'], '2,546');
      assert.equal(en['programme-funds'], '12.73 million yuan');
      assert.equal(en['programme-benefit'], '559,300 yuan');
      assert.equal(en['registered-poor-2015'], '15,670');
      assert.equal(en['courtyard-area'], '214,200 m²');
      assert.equal(en['incidence-2015'], '22.9%');
      // Each English paragraph sits in the block of its story.
      assert.equal(await s.page.$$eval('#story-yang [data-narrative="yang"] > p[lang="en"]', (p) => p.length), shown.filter((p) => p.block === 'yang').length);
      assert.match(await s.page.textContent('#story-yang p[lang="en"]:not([hidden])'), /Yang Wanzhe/);
      // Back and forth: the fragment is not fetched again, nothing is duplicated.
      await s.page.click('[data-lang="zh-Hans"]');
      assert.ok((await shownNarrative(s.page)).every((p) => p.lang === 'zh-Hans'));
      await s.page.click('[data-lang="en"]');
      assert.equal((await shownNarrative(s.page)).length, paragraphs);
      assert.deepEqual(fragmentsFetched(s), ['en']);
      assert.equal(await s.page.isVisible('#narrative-error'), false);
      await assertClean(s);
    });
  });

  test('a reader arriving with ?lang=zh-Hant finds the Traditional Chinese story in place when the page is ready', { timeout: TIMEOUT }, async () => {
    // The fragment is held back until the model is ready (the wasm has arrived and read the
    // URL), so that it comes after the wasm; the page is not ready then.
    let readyBeforeTheFragment = null;
    await reading('index.html?lang=zh-Hant', {
      before: (t) => t.context.route(FRAGMENT, async (r) => {
        await t.page.waitForFunction(() => performance.getEntriesByName('explainer:model-ready').length > 0);
        readyBeforeTheFragment = await t.page.evaluate(() => document.documentElement.hasAttribute('data-ready'));
        await r.fallback();
      }),
    }, async (s) => {
      assert.equal(readyBeforeTheFragment, false, 'the fragment came after the wasm, before the page was ready');
      // Read at once, when data-ready is set: no waiting for a swap.
      const shown = await shownNarrative(s.page);
      assert.ok(shown.length >= 20, `${shown.length} paragraphs`);
      assert.deepEqual([...new Set(shown.map((p) => p.lang))], ['zh-Hant']);
      assert.match(shown[0].text, /^和龍是吉林省/);
      const hant = await figures(s.page, 'zh-Hant');
      assert.equal(hant['programme-funds'], '1273萬元');
      assert.equal(hant['programme-households'], '2546');
      assert.equal(await s.page.getAttribute('html', 'lang'), 'zh-Hant');
      assert.deepEqual(fragmentsFetched(s), ['zh-Hant'], 'only the language asked for');
      // Its fetch began before the wasm was ready, not after.
      const started = await s.page.evaluate(() => {
        const fragment = performance.getEntriesByType('resource').find((e) => /narrative\.zh-Hant\./.test(e.name));
        return { fragment: fragment?.startTime, wasm: performance.getEntriesByName('explainer:wasm-ready')[0]?.startTime };
      });
      assert.ok(started.fragment < started.wasm, `fragment fetched at ${started.fragment} ms, wasm ready at ${started.wasm} ms`);
      await assertClean(s);
    });
  });

  test('when the English story cannot be fetched the Chinese story stays readable and a notice says why', { timeout: TIMEOUT }, async () => {
    let refuse = true;
    await reading('index.html', {
      before: (t) => t.context.route(FRAGMENT, (r) => (refuse ? r.abort() : r.fallback())),
    }, async (s) => {
      const paragraphs = (await shownNarrative(s.page)).length;
      await s.page.click('[data-lang="en"]');
      await s.page.waitForSelector('#narrative-error:not([hidden])');
      assert.match(await s.page.textContent('#narrative-error'), /English text could not load.*Simplified Chinese/);
      assert.equal(await s.page.getAttribute('#narrative-error', 'role'), 'status');
      const shown = await shownNarrative(s.page);
      assert.equal(shown.length, paragraphs, 'the story is all there');
      assert.ok(shown.every((p) => p.lang === 'zh-Hans'), 'in Simplified Chinese, marked so');
      // The rest of the page is in English as asked.
      assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
      assert.match(await s.page.title(), /Five thousand yuan/);
      await s.page.waitForFunction(() => /households/.test(document.getElementById('summary').textContent));

      // Back in Simplified Chinese the notice goes; asking for English again tries again.
      await s.page.click('[data-lang="zh-Hans"]');
      assert.equal(await s.page.isVisible('#narrative-error'), false);
      refuse = false;
      await s.page.click('[data-lang="en"]');
      await s.page.waitForFunction(() => document.querySelector('#story-county p[lang="en"]')?.checkVisibility());
      assert.equal(await s.page.isVisible('#narrative-error'), false);
      assert.ok((await shownNarrative(s.page)).every((p) => p.lang === 'en'));
      await assertClean(s, [REFUSED]);
      assert.ok(s.errors.length <= 2, `only the refused requests are logged: ${s.errors}`);
    });
  });

  test('a reader arriving with ?lang=en whose English story cannot be fetched gets a ready page in Chinese with a notice', { timeout: TIMEOUT }, async () => {
    await reading('index.html?lang=en', { before: (t) => t.context.route(FRAGMENT, (r) => r.abort()) }, async (s) => {
      assert.equal(await s.page.isVisible('#narrative-error'), true, 'the notice is up by data-ready');
      const shown = await shownNarrative(s.page);
      assert.ok(shown.length >= 20 && shown.every((p) => p.lang === 'zh-Hans'), 'the Chinese story is shown');
      assert.equal(await s.page.isVisible('#chart-allocation'), true, 'the simulator runs');
      await assertClean(s, [REFUSED]);
    });
  });

  test('pointing at a language button fetches that language’s story ahead of the click, and no other', { timeout: TIMEOUT }, async () => {
    await reading('index.html', {}, async (s) => {
      await s.page.hover('[data-lang="zh-Hant"]');
      await s.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /narrative\.zh-Hant\./.test(e.name)));
      await s.page.click('[data-lang="zh-Hant"]');
      await s.page.waitForFunction(() => document.querySelector('#story-county p[lang="zh-Hant"]')?.checkVisibility());
      assert.deepEqual(fragmentsFetched(s), ['zh-Hant']);
      await assertClean(s);
    });
  });

  test('without the WebAssembly a reader asking for English still gets the English story', { timeout: TIMEOUT }, async () => {
    await reading('index.html?lang=en', { ready: false, before: (t) => t.context.route('**/*.wasm', (r) => r.abort()) }, async (s) => {
      await s.page.waitForSelector('#wasm-error:not([hidden])');
      await s.page.waitForFunction(() => document.querySelector('#story-county p[lang="en"]')?.checkVisibility());
      assert.ok((await shownNarrative(s.page)).every((p) => p.lang === 'en'));
      assert.equal((await figures(s.page, 'en'))['programme-funds'], '12.73 million yuan');
    });
  });

  test('the single-file build switches between the three languages without fetching anything', { timeout: TIMEOUT }, async () => {
    const single = path.join(ROOT, 'helong-explainer.html');
    assert.doesNotMatch(await fsp.readFile(single, 'utf8'), /data-narrative-(zh-hant|en)=/, 'names no fragment');
    const { context, page, errors, requests } = await fileContext(site.browser);
    try {
      const fetches = [];
      await page.exposeFunction('__fetchCalled', (u) => fetches.push(u));
      await page.addInitScript(() => {
        const real = window.fetch;
        window.fetch = (...args) => {
          window.__fetchCalled(String(args[0]));
          return real(...args);
        };
      });
      await page.goto(pathToFileURL(single).href);
      await waitReady(page);
      const paragraphs = (await shownNarrative(page)).length;
      for (const [lang, first] of [['en', /^Helong is a city in Jilin/], ['zh-Hant', /^和龍是吉林省/], ['zh-Hans', /^和龙是吉林省/]]) {
        await page.click(`[data-lang="${lang}"]`);
        const shown = await shownNarrative(page);
        assert.equal(shown.length, paragraphs, lang);
        assert.ok(shown.every((p) => p.lang === lang), lang);
        assert.match(shown[0].text, first);
      }
      assert.equal((await figures(page, 'en'))['programme-households'], '2,546');
      assert.deepEqual(fetches, [], 'fetch() was never called');
      assert.deepEqual(requests, [], 'nothing was requested');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
