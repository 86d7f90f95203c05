// The reader's explainer in a real browser (issue 4): sliders, presets, links, languages,
// themes, live text, downloads and bad URLs. Served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import { assertClean, drawEveryChart, useSite, scrollToMiddle, waitReady, withPage } from './helpers.mjs';

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

/**
 * Every text the page gives a reader: each text node that is rendered (on screen or visually
 * hidden for screen readers; every disclosure opened), the text alternatives of the charts and whatever else an
 * `aria-describedby` or `aria-labelledby` points to, the accessible-name attributes of rendered
 * elements, and the document's title: [{ text, lang, part }] where `lang` is the language the
 * markup gives it and `part` says it is a deliberate part in another language (a Chinese name in
 * an English sentence, the language switch and its buttons).
 */
function everyText(page) {
  return page.evaluate(() => {
    // What a disclosure holds (the data tables, the sources, the assumptions) is text too.
    for (const d of document.querySelectorAll('details')) d.open = true;
    const out = [];
    const langOf = (el) => el.closest('[lang]')?.lang || document.documentElement.lang;
    const part = (el) => {
      // The language switch names itself and its buttons in every language, so that a reader
      // who cannot read the page's finds it.
      if (el.closest('[data-lang]') || el.querySelector(':scope > [data-lang]')) return true;
      const own = el.closest('[lang]');
      const outer = own?.parentElement?.closest('[lang]');
      return Boolean(own && outer && outer !== document.documentElement && outer.lang !== own.lang);
    };
    const add = (text, el) => {
      if (text.trim()) out.push({ text: text.trim(), lang: langOf(el), part: part(el), where: el.id || el.className || el.tagName });
    };
    const referenced = new Set();
    for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
      if (!el.checkVisibility()) continue;
      for (const id of `${el.getAttribute('aria-describedby') || ''} ${el.getAttribute('aria-labelledby') || ''}`.split(' ')) {
        const target = id && document.getElementById(id);
        if (target) referenced.add(target);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, template, noscript')) continue;
      // Rendered, or inside an element a rendered one points to (and not hidden below it).
      const target = [...referenced].find((r) => r.contains(el));
      const hidden = el.closest('[hidden]');
      if (el.checkVisibility() || (target && !(hidden && hidden !== target && target.contains(hidden)))) add(n.data, el);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [aria-valuetext], [placeholder]')) {
      if (!el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title', 'alt', 'aria-valuetext', 'placeholder']) if (el.hasAttribute(a)) add(el.getAttribute(a), el);
    }
    add(document.title, document.documentElement);
    return out;
  });
}

/** Asserts that every text is in `lang`: marked so (or a deliberate part in another language),
 * and written so: English with no Chinese character, Chinese of one script with no character
 * only the other script has (`scripts`, read from the page). */
function assertAllIn(texts, lang, scripts) {
  assert.ok(texts.length > 200, `${texts.length} texts`);
  const wrong = [];
  for (const t of texts) {
    if (t.part) continue;
    if (t.lang !== lang) wrong.push(`marked ${t.lang}: ${t.where}: ${t.text.slice(0, 60)}`);
    else if (lang === 'en' && /\p{Script=Han}/u.test(t.text)) wrong.push(`Chinese in English: ${t.where}: ${t.text.slice(0, 60)}`);
    else if (lang !== 'en' && [...t.text].some((c) => scripts[lang].includes(c))) wrong.push(`the other script in ${lang}: ${t.where}: ${t.text.slice(0, 60)}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${texts.length} texts not in ${lang}`);
}

/** A fingerprint of every chart drawn (a canvas of some size), by id. */
function canvasHashes(page) {
  return page.$$eval('canvas[id^="chart-"]', (cs) =>
    Object.fromEntries(
      cs
        .filter((c) => c.width > 1 && c.height > 1 && c.checkVisibility())
        .map((c) => {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let h = 2166136261;
          for (let i = 0; i < d.length; i += 7) h = Math.imul(h ^ d[i], 16777619);
          return [c.id, h >>> 0];
        }),
    ),
  );
}

describe('the reader’s explainer', () => {
  const site = useSite(ROOT);
  /** Runs `fn` with the page, ready, every chart passed once as a reader scrolling down would
   * (data-ready promises only those near the first screen); closes it after. */
  const reading = (query, opts, fn) =>
    withPage(site.browser, `${site.server.url}index.html${query}`, opts, async (s) => {
      await waitReady(s.page);
      await drawEveryChart(s.page);
      return fn(s);
    });


  test('moving the grant slider changes the numbers, the charts and the URL', { timeout: TIMEOUT }, async () => {
    await reading('', DESKTOP, async (s) => {
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '2546');
      // The reader drags the slider where it is, beside the charts (a chart off screen waits
      // for the pause: tests/e2e/layout.test.mjs).
      await scrollToMiddle(s.page, '#in-grant');
      const before = await canvasHash(s.page, 'chart-allocation');
      const benefitBefore = await canvasHash(s.page, 'chart-benefit');
      await slide(s.page, 'in-grant', 10000);
      // The sentence above the sliders may be off screen: its numbers follow at the pause.
      await s.page.waitForFunction(() => [...document.querySelectorAll('[data-out="households"]')].some((e) => e.offsetParent && e.textContent === '1273'));
      assert.notEqual(await canvasHash(s.page, 'chart-allocation'), before, 'allocation chart redrawn');
      assert.notEqual(await canvasHash(s.page, 'chart-benefit'), benefitBefore, 'benefit chart redrawn');
      await s.page.waitForFunction(() => location.search.includes('grant=10000'));
      await assertClean(s);
    });
  });

  test('moving one mix slider rebalances the others to 100%', { timeout: TIMEOUT }, async () => {
    await reading('', DESKTOP, async (s) => {
      await slide(s.page, 'in-mix-1', 50);
      const shares = await s.page.$$eval('[data-mix]', (els) => els.map((e) => Number(e.value)));
      assert.ok(Math.abs(shares[1] - 50) < 0.6, `livestock share ${shares[1]}`);
      assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 1.5, `shares ${shares}`);
      await s.page.waitForFunction(() => location.search.includes('mix='));
      await assertClean(s);
    });
  });

  test('presets change the scenario and reset restores the article’s', { timeout: TIMEOUT }, async () => {
    await reading('', DESKTOP, async (s) => {
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
    });
  });

  test('a shared link restores its scenario', { timeout: TIMEOUT }, async () => {
    await reading('?grant=10000&mix=1,1,1,1,1&sigma=1.2', DESKTOP, async (s) => {
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '10000');
      assert.equal(await s.page.$eval('#in-sigma', (e) => e.value), '1.2');
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '1273');
      const cells = await s.page.$$eval('#table-allocation tbody tr td:nth-child(2)', (td) => td.map((t) => t.textContent));
      assert.deepEqual(cells, ['255', '255', '255', '254', '254']);
      await assertClean(s);
    });
  });

  test('the language switch and the lang key change every text', { timeout: TIMEOUT }, async () => {
    /** Click a language button; resolves once the page's render after it has run. */
    const choose = async (page, lang) => {
      await page.locator(`[data-lang="${lang}"]`).evaluate((b) => {
        window.__rendered = new Promise((resolve) => addEventListener('explainer:rendered', resolve, { once: true }));
        b.click();
      });
      await page.evaluate(() => window.__rendered);
      // The story of that language is in place in every block.
      await page.waitForFunction((lang) => [...document.querySelectorAll('[data-narrative]')].every((b) => b.querySelector(`:scope > [lang="${lang}"]`)?.checkVisibility()), lang);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
    };
    let scripts;
    await reading('?lang=zh-Hant', DESKTOP, async (t) => {
      // The Chinese characters a text in one script may not have, read from the page itself
      // (which holds the story in both scripts now): for zh-Hans those of its Traditional
      // Chinese elements that none of its Simplified Chinese ones has, and the other way round.
      scripts = await t.page.evaluate(() => {
        const chars = (lang) => new Set([...document.querySelectorAll(`body [lang="${lang}"]`)].flatMap((e) => [...e.textContent]).filter((c) => /\p{Script=Han}/u.test(c)));
        const hans = chars('zh-Hans');
        const hant = chars('zh-Hant');
        return { 'zh-Hans': [...hant].filter((c) => !hans.has(c)).join(''), 'zh-Hant': [...hans].filter((c) => !hant.has(c)).join('') };
      });
      assert.ok(scripts['zh-Hans'].includes('龍') && scripts['zh-Hant'].includes('龙'), `characters of one script only: ${JSON.stringify(scripts)}`);
      assert.equal(await t.page.getAttribute('html', 'lang'), 'zh-Hant');
      assertAllIn(await everyText(t.page), 'zh-Hant', scripts);
      await choose(t.page, 'zh-Hans');
      assertAllIn(await everyText(t.page), 'zh-Hans', scripts);
      await assertClean(t);
    });
    await reading('', DESKTOP, async (s) => {
      assertAllIn(await everyText(s.page), 'zh-Hans', scripts);
      const before = await canvasHashes(s.page);
      await choose(s.page, 'en');
      assertAllIn(await everyText(s.page), 'en', scripts);
      await drawEveryChart(s.page);
      const after = await canvasHashes(s.page);
      assert.ok(Object.keys(before).length >= 4, `charts drawn: ${Object.keys(before)}`);
      for (const id of Object.keys(before)) assert.notEqual(after[id], before[id], `${id} is drawn again in English`);
      await s.page.waitForFunction(() => location.search.includes('lang=en'));
      await assertClean(s);
    });
  });

  test('the theme switch and the theme key repaint the charts dark', { timeout: TIMEOUT }, async () => {
    await reading('', { ...DESKTOP, colorScheme: 'light' }, async (s) => {
      await s.page.$eval('#chart-allocation', (c) => c.scrollIntoView({ block: 'center' }));
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
    });
    await reading('?theme=dark', { ...DESKTOP, colorScheme: 'light' }, async (d) => {
      const bg = await d.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(22, 26, 31)');
      await assertClean(d);
    });
  });

  test('the live summary follows the scenario', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      const first = await s.page.textContent('#summary');
      assert.match(first, /2,546 households/);
      assert.equal(await s.page.getAttribute('#summary', 'aria-live'), 'polite');
      await slide(s.page, 'in-grant', 20000);
      await s.page.waitForFunction((f) => document.getElementById('summary').textContent !== f, first);
      assert.match(await s.page.textContent('#summary'), /636 households/);
      await assertClean(s);
    });
  });

  test('the adjustable numbers respond to the arrow keys', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      await s.page.focus('p.reactive[lang="en"] [data-adjust="grant"]');
      await s.page.keyboard.press('ArrowUp');
      await s.page.keyboard.press('ArrowUp');
      assert.equal(await s.page.getAttribute('p.reactive[lang="en"] [data-adjust="grant"]', 'aria-valuenow'), '6000');
      await s.page.keyboard.press('PageDown');
      assert.equal(await s.page.getAttribute('p.reactive[lang="en"] [data-adjust="grant"]', 'aria-valuenow'), '1000');
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '1000');
      await s.page.waitForFunction(() => location.search.includes('grant=1000'));
      await assertClean(s);
    });
  });

  test('one arrow key moves the budget in the sentence to the next grid value in that direction, as a range does', { timeout: TIMEOUT }, async () => {
    const budget = 'p.reactive[lang="en"] [data-adjust="budget"]';
    for (const [key, want] of [['ArrowDown', '12700000'], ['ArrowUp', '12800000']]) {
      await reading('?lang=en', DESKTOP, async (s) => {
        await s.page.focus(budget);
        await s.page.keyboard.press(key);
        assert.equal(await s.page.getAttribute(budget, 'aria-valuenow'), want, `${key} from the reported 12,730,000`);
        await s.page.keyboard.press(key);
        const twice = String(Number(want) + (key === 'ArrowUp' ? 100000 : -100000));
        assert.equal(await s.page.getAttribute(budget, 'aria-valuenow'), twice, `${key} twice`);
        await assertClean(s);
      });
    }
  });

  test('downloads produce a stamped PNG, the outcome as CSV and JSON, and the dataset', { timeout: TIMEOUT }, async () => {
    await reading('?grant=10000', DESKTOP, async (s) => {
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
    });
  });

  test('bad URL keys show notices in the reader’s language and the page still renders', { timeout: TIMEOUT }, async () => {
    await reading('?grant=lots&budget=-1&colour=red&lang=en', DESKTOP, async (s) => {
      const notices = await s.page.$$eval('#notices li', (li) => li.map((l) => l.textContent));
      assert.equal(notices.length, 3, notices.join(' | '));
      assert.ok(notices.some((n) => /Could not read “grant”/.test(n)), notices.join(' | '));
      assert.ok(notices.some((n) => /Unknown key “colour”/.test(n)), notices.join(' | '));
      assert.equal(await visibleText(s.page, '[data-out="households"]'), '0');
      await assertClean(s);
    });
    await reading('?grant=%E4%B8%87&trials=abc', DESKTOP, async (z) => {
      const notices = await z.page.$$eval('#notices li', (li) => li.map((l) => l.textContent));
      assert.equal(notices.length, 2);
      assert.match(notices[0], /无法读取/);
      await assertClean(z);
    });
  });

  test('the page works at phone width with every chart drawn', { timeout: TIMEOUT }, async () => {
    await reading('', PHONE, async (s) => {
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
    });
  });
});
