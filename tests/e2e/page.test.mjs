// The reader's explainer in a real browser (issue 4): sliders, presets, links, languages,
// themes, live text, downloads and bad URLs. Served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import { useSite, openPage, scrollToMiddle, waitReady } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 60_000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };

/** A fingerprint of a canvas's pixels, to tell whether a chart changed. */
function canvasHash(page, id) {
  return page.$eval(`#${id}`, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i += 7) h = Math.imul(h ^ d[i], 16777619);
    return h >>> 0;
  });
}

/** Text of the first visible element matching a selector. */
function visibleText(page, selector) {
  return page.$$eval(selector, (els) => els.find((e) => e.offsetParent !== null)?.textContent ?? null);
}

/** Set a range input's value and fire the input event, as a drag would. */
function slide(page, id, value) {
  return page.$eval(
    `#${id}`,
    (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** Fails the test when the page logged errors, reached off-host, or broke the CSP. */
async function assertClean(s) {
  assert.deepEqual(s.errors, [], 'console errors');
  assert.deepEqual(s.offHost, [], 'requests off 127.0.0.1');
  assert.deepEqual(await s.cspViolations(), [], 'CSP violations');
}

describe('the reader’s explainer', () => {
  const site = useSite(ROOT);
  const open = async (query = '', opts = DESKTOP) => {
    const s = await openPage(site.browser, `${site.server.url}index.html${query}`, opts);
    await waitReady(s.page);
    return s;
  };


  test('moving the grant slider changes the numbers, the charts and the URL', { timeout: TIMEOUT }, async () => {
    const s = await open();
    try {
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '2546');
      // The reader drags the slider where it is, beside the charts (a chart off screen waits
      // for the pause: tests/e2e/layout.test.mjs).
      await scrollToMiddle(s.page, '#in-grant');
      const before = await canvasHash(s.page, 'chart-allocation');
      const benefitBefore = await canvasHash(s.page, 'chart-benefit');
      await slide(s.page, 'in-grant', 10000);
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '1273');
      assert.notEqual(await canvasHash(s.page, 'chart-allocation'), before, 'allocation chart redrawn');
      assert.notEqual(await canvasHash(s.page, 'chart-benefit'), benefitBefore, 'benefit chart redrawn');
      await s.page.waitForFunction(() => location.search.includes('grant=10000'));
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('moving one mix slider rebalances the others to 100%', { timeout: TIMEOUT }, async () => {
    const s = await open();
    try {
      await slide(s.page, 'in-mix-1', 50);
      const shares = await s.page.$$eval('[data-mix]', (els) => els.map((e) => Number(e.value)));
      assert.ok(Math.abs(shares[1] - 50) < 0.6, `livestock share ${shares[1]}`);
      assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 1.5, `shares ${shares}`);
      await s.page.waitForFunction(() => location.search.includes('mix='));
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('presets change the scenario and reset restores the article’s', { timeout: TIMEOUT }, async () => {
    const s = await open();
    try {
      const expect = { double: '1273', half: '5092', equal: '2546', livestock: '2546' };
      for (const [preset, households] of Object.entries(expect)) {
        await s.page.click(`[data-preset="${preset}"] >> visible=true`);
        await s.page.waitForFunction((h) => [...document.querySelectorAll('[data-out="households"]')].some((e) => e.offsetParent && e.textContent === h), households);
      }
      await s.page.waitForFunction(() => location.search.includes('mix=0,1,0,0,0'));
      assert.equal(await s.page.$eval('#in-mix-1', (e) => Number(e.value)), 100);
      await s.page.click('[data-action="reset"]');
      await s.page.waitForFunction(() => location.search === '');
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '5000');
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('a shared link restores its scenario', { timeout: TIMEOUT }, async () => {
    const s = await open('?grant=10000&mix=1,1,1,1,1&sigma=1.2');
    try {
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '10000');
      assert.equal(await s.page.$eval('#in-sigma', (e) => e.value), '1.2');
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '1273');
      const cells = await s.page.$$eval('#table-allocation tbody tr td:nth-child(2)', (td) => td.map((t) => t.textContent));
      assert.deepEqual(cells, ['255', '255', '255', '254', '254']);
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('the language switch and the lang key change every text', { timeout: TIMEOUT }, async () => {
    const s = await open();
    try {
      await s.page.click('[data-lang="en"]');
      assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
      assert.match(await visibleText(s.page, 'h1 [lang]'), /Five thousand yuan/);
      await s.page.waitForFunction(() => /households/.test(document.getElementById('summary').textContent));
      await s.page.waitForFunction(() => location.search.includes('lang=en'));
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '2,546');
    } finally {
      await s.close();
    }
    const t = await open('?lang=zh-Hant');
    try {
      assert.equal(await t.page.getAttribute('html', 'lang'), 'zh-Hant');
      assert.match(await visibleText(t.page, 'h1 [lang]'), /戶/);
      assert.match(await t.page.textContent('#summary'), /戶/);
      await assertClean(t);
    } finally {
      await t.close();
    }
  });

  test('the theme switch and the theme key repaint the charts dark', { timeout: TIMEOUT }, async () => {
    const s = await open('', { ...DESKTOP, colorScheme: 'light' });
    try {
      const corner = () => s.page.$eval('#chart-allocation', (c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
      assert.ok((await corner())[0] > 200, 'light background');
      // The click, and the page's next render (`explainer:rendered`), which it asks for.
      await s.page.locator('[data-theme-choice="dark"] >> visible=true').evaluate((b) => {
        window.__rendered = new Promise((resolve) => addEventListener('explainer:rendered', resolve, { once: true }));
        b.click();
      });
      await s.page.evaluate(() => window.__rendered);
      assert.equal(await s.page.getAttribute('html', 'data-theme'), 'dark');
      assert.ok((await corner())[0] < 60, 'dark background');
      await s.page.waitForFunction(() => location.search.includes('theme=dark'));
    } finally {
      await s.close();
    }
    const d = await open('?theme=dark', { ...DESKTOP, colorScheme: 'light' });
    try {
      const bg = await d.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(22, 26, 31)');
      await assertClean(d);
    } finally {
      await d.close();
    }
  });

  test('the live summary follows the scenario', { timeout: TIMEOUT }, async () => {
    const s = await open('?lang=en');
    try {
      const first = await s.page.textContent('#summary');
      assert.match(first, /2,546 households/);
      assert.equal(await s.page.getAttribute('#summary', 'aria-live'), 'polite');
      await slide(s.page, 'in-grant', 20000);
      await s.page.waitForFunction((f) => document.getElementById('summary').textContent !== f, first);
      assert.match(await s.page.textContent('#summary'), /636 households/);
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('the adjustable numbers respond to the arrow keys', { timeout: TIMEOUT }, async () => {
    const s = await open('?lang=en');
    try {
      await s.page.focus('p.reactive[lang="en"] [data-adjust="grant"]');
      await s.page.keyboard.press('ArrowUp');
      await s.page.keyboard.press('ArrowUp');
      assert.equal(await s.page.getAttribute('p.reactive[lang="en"] [data-adjust="grant"]', 'aria-valuenow'), '6000');
      await s.page.keyboard.press('PageDown');
      assert.equal(await s.page.getAttribute('p.reactive[lang="en"] [data-adjust="grant"]', 'aria-valuenow'), '1000');
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '1000');
      await s.page.waitForFunction(() => location.search.includes('grant=1000'));
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('one arrow key moves the budget in the sentence to the next grid value in that direction, as a range does', { timeout: TIMEOUT }, async () => {
    const budget = 'p.reactive[lang="en"] [data-adjust="budget"]';
    for (const [key, want] of [['ArrowDown', '12700000'], ['ArrowUp', '12800000']]) {
      const s = await open('?lang=en');
      try {
        await s.page.focus(budget);
        await s.page.keyboard.press(key);
        assert.equal(await s.page.getAttribute(budget, 'aria-valuenow'), want, `${key} from the reported 12,730,000`);
        await s.page.keyboard.press(key);
        const twice = String(Number(want) + (key === 'ArrowUp' ? 100000 : -100000));
        assert.equal(await s.page.getAttribute(budget, 'aria-valuenow'), twice, `${key} twice`);
        await assertClean(s);
      } finally {
        await s.close();
      }
    }
  });

  test('downloads produce a stamped PNG, the outcome as CSV and JSON, and the dataset', { timeout: TIMEOUT }, async () => {
    const s = await open('?grant=10000');
    try {
      const grab = async (selector) => {
        const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.click(selector)]);
        const p = await dl.path();
        return { name: dl.suggestedFilename(), bytes: await fsp.readFile(p) };
      };
      const png = await grab('.download-png[data-chart="benefit"] >> visible=true');
      assert.equal(png.name, 'helong-benefit.png');
      assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
      assert.ok(png.bytes.length > 5000, `png of ${png.bytes.length} bytes`);
      const csv = await grab('[data-download="outcome-csv"] >> visible=true');
      const text = csv.bytes.toString('utf8');
      assert.ok(text.startsWith('\ufeffquery,'), 'CSV with BOM');
      assert.match(text, /grant=10000,/);
      const json = await grab('[data-download="outcome-json"] >> visible=true');
      assert.equal(JSON.parse(json.bytes.toString('utf8')).households_funded, 1273);
      const facts = await grab('a[href$="helong-facts.csv"] >> visible=true');
      assert.ok(facts.bytes.toString('utf8').startsWith('\ufeffid,value,unit'));
      await assertClean(s);
    } finally {
      await s.close();
    }
  });

  test('bad URL keys show notices in the reader’s language and the page still renders', { timeout: TIMEOUT }, async () => {
    const s = await open('?grant=lots&budget=-1&colour=red&lang=en');
    try {
      const notices = await s.page.$$eval('#notices li', (li) => li.map((l) => l.textContent));
      assert.equal(notices.length, 3, notices.join(' | '));
      assert.ok(notices.some((n) => /Could not read “grant”/.test(n)), notices.join(' | '));
      assert.ok(notices.some((n) => /Unknown key “colour”/.test(n)), notices.join(' | '));
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '0');
      await assertClean(s);
    } finally {
      await s.close();
    }
    const z = await open('?grant=%E4%B8%87&trials=abc');
    try {
      const notices = await z.page.$$eval('#notices li', (li) => li.map((l) => l.textContent));
      assert.equal(notices.length, 2);
      assert.match(notices[0], /无法读取/);
      await assertClean(z);
    } finally {
      await z.close();
    }
  });

  test('the page works at phone width with every chart drawn', { timeout: TIMEOUT }, async () => {
    const s = await open('', PHONE);
    try {
      for (const id of ['chart-context', 'chart-allocation', 'chart-benefit', 'chart-outcomes']) {
        // Charts are drawn at the screen's pixel ratio, but at most 2 canvas pixels per CSS
        // pixel (www/app/render.js, MAX_CANVAS_SCALE): this phone's screen has 3.
        const [w, css] = await s.page.$eval(`#${id}`, (c) => [c.width, c.getBoundingClientRect().width]);
        assert.ok(css >= 300, `${id} is ${css} CSS pixels wide`);
        assert.equal(w, Math.round(css * 2), `${id} backing width ${w} for ${css} CSS pixels at devicePixelRatio 3`);
        // Drawn: a good share of its pixels are painted, in more than one colour.
        const { painted, colours } = await s.page.$eval(`#${id}`, (c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          let n = 0;
          for (let i = 0; i < d.length; i += 4 * 7) {
            if (d[i + 3] > 0) n += 1;
            seen.add(`${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`);
          }
          return { painted: n / (d.length / 28), colours: seen.size };
        });
        assert.ok(painted > 0.01 && colours >= 3, `${id} looks blank: ${painted} painted, ${colours} colours`);
      }
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      await assertClean(s);
    } finally {
      await s.close();
    }
  });
});
