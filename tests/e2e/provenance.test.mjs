// Every number tells where it comes from (issue 15): a figure of the story, or a data table's
// reported cell, opens a popover with its label, value and period, its place in the article or,
// for a derived figure, the sum with its inputs, by keyboard and by tap, in each language; the
// popover closes with Escape, a click or a tap outside, and the focus returns to the number.
// Without JavaScript the numbers stay text and the sources section lists them all. What the
// popover says is checked against the dataset file (data/helong-facts.json), not against itself.
// Served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, useSite, waitReady, fileContext, withPage } from './helpers.mjs';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const TIMEOUT = 90_000;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
/** A figure the article reports, and one derived from two others (benefit ÷ households). */
const REPORTED = 'programme-benefit';
const DERIVED = 'benefit-per-household';
/** The popover of a figure, while it is open. */
const OPEN_POP = '.fact-pop:popover-open';

const dataset = JSON.parse(await fsp.readFile(path.join(ROOT, 'data/helong-facts.json'), 'utf8'));
const fact = (id) => dataset.find((f) => f.id === id);

/** A number as the page writes it, read back: `55.93万` → 559300, `2,546` → 2546. */
function readNumber(s) {
  const t = s.replace(/,/g, '');
  const scale = /[万萬]$/.test(t) ? 1e4 : /million$/.test(t) ? 1e6 : 1;
  return Number(t.replace(/\s*(万|萬|million)$/, '')) * scale;
}

/** The visible number of fact `id` in the story (not in a table). */
const storyNumber = (page, id) => page.locator(`[data-narrative] [data-fact="${id}"]:visible`).first();

/** What the open popover says: its text, its accessible name, where it is, and what has focus. */
function popoverState(page) {
  return page.evaluate((sel) => {
    const p = document.querySelector(sel);
    if (!p) return null;
    const label = document.getElementById(p.getAttribute('aria-labelledby'));
    const r = p.getBoundingClientRect();
    return {
      role: p.getAttribute('role'),
      lang: p.lang,
      label: label?.textContent ?? '',
      labelInside: p.contains(label),
      text: p.textContent,
      focusInside: p.contains(document.activeElement),
      left: r.left,
      right: r.right,
      width: r.width,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
    };
  }, OPEN_POP);
}

/** Waits until the popover has closed, and asserts that the focus is back on the number `id`
 * (the popover's toggle event, which returns it, fires after the popover has gone: it may take
 * up to 5 s). */
async function assertClosedBackOn(page, id, message = `the focus is back on ${id}`) {
  await page.waitForSelector(OPEN_POP, { state: 'detached' });
  const back = await page
    .waitForFunction(
      (id) => {
        const a = document.activeElement;
        return a?.dataset.fact === id && a.getAttribute('aria-expanded') === 'false' && a.checkVisibility();
      },
      id,
      { timeout: 5000 },
    )
    .then(() => true, () => false);
  assert.ok(back, message);
}

/** Checks the popover of the reported figure in `lang`. */
function assertReported(state, lang) {
  const f = fact(REPORTED);
  assert.ok(state, `${lang}: a popover is open`);
  assert.equal(state.role, 'dialog');
  assert.equal(state.label, f.label[lang], `${lang}: named by the dataset's label`);
  assert.ok(state.labelInside);
  assert.equal(state.lang, lang);
  // The section heading (as printed, or transcribed in simplified characters) and paragraph.
  assert.match(state.text, lang === 'en' ? /paragraph 4(?!\d)/ : /第4段/, state.text);
  assert.ok(state.text.includes(lang === 'zh-Hans' ? '给力!' : '給力!'), `${lang}: names the section: ${state.text}`);
  // The article's title and outlet.
  assert.match(state.text, /六小工程.{0,3}掘/);
  assert.match(state.text, lang === 'en' ? /China Jilin Net/ : /吉林网|吉林網/);
  // Reported, in words, and no sum.
  assert.match(state.text, lang === 'en' ? /Reported in the article/ : /报道给出的数字|報道給出的數字/);
  assert.doesNotMatch(state.text, / = /);
}

/** Checks the popover of the derived figure in `lang`: the sum, read back, gives the value. */
function assertDerived(state, lang) {
  const f = fact(DERIVED);
  assert.ok(state, `${lang}: a popover is open`);
  assert.equal(state.label, f.label[lang]);
  assert.match(state.text, /derived/i, 'said to be derived, in words');
  const sum = /([\d.,]+(?:万|萬| million)?) ÷ ([\d.,]+(?:万|萬| million)?) = ([\d.,]+)/.exec(state.text);
  assert.ok(sum, `${lang}: a division written out: ${state.text}`);
  const [, a, b, result] = sum;
  // The inputs are the dataset's figures, and they give the result as written.
  assert.equal(readNumber(a), fact(f.formula.split(' / ')[0]).value);
  assert.equal(readNumber(b), fact(f.formula.split(' / ')[1]).value);
  assert.equal((readNumber(a) / readNumber(b)).toFixed(2), result);
  assert.equal(Number(result), Math.round(f.value * 100) / 100);
  // Each input named by its own label.
  for (const id of f.formula.split(' / ')) assert.ok(state.text.includes(fact(id).label[lang]), `${lang}: input ${id}`);
  assert.doesNotMatch(state.text, /paragraph \d|第\d+段/);
}

describe('every figure opens where it comes from', () => {
  const site = useSite(ROOT);
  /** Runs `fn` with the page, ready; closes it after. */
  const reading = (query, opts, fn) =>
    withPage(site.browser, `${site.server.url}/index.html${query}`, opts, async (s) => {
      await waitReady(s.page);
      return fn(s);
    });

  for (const lang of LANGS) {
    test(`by keyboard in ${lang}: Enter opens a reported figure, Space a derived one, Escape closes and the focus returns`, { timeout: TIMEOUT }, async () => {
      await reading(`?lang=${lang}`, DESKTOP, async (s) => {
        const reported = storyNumber(s.page, REPORTED);
        assert.equal(await reported.getAttribute('role'), 'button');
        assert.equal(await reported.getAttribute('tabindex'), '0');
        await reported.focus();
        await s.page.keyboard.press('Enter');
        await s.page.waitForSelector(OPEN_POP);
        const state = await popoverState(s.page);
        assertReported(state, lang);
        assert.ok(state.focusInside, 'the focus moves into the popover');
        assert.equal(await reported.getAttribute('aria-expanded'), 'true');
        await s.page.keyboard.press('Escape');
        await assertClosedBackOn(s.page, REPORTED, 'the focus is back on the number');

        const derived = storyNumber(s.page, DERIVED);
        await derived.focus();
        await s.page.keyboard.press(' ');
        await s.page.waitForSelector(OPEN_POP);
        assertDerived(await popoverState(s.page), lang);
        // An input of the sum opens its own entry in the same popover.
        await s.page.keyboard.press('Tab');
        await s.page.keyboard.press('Enter');
        await s.page.waitForFunction(
          ([sel, label]) => document.querySelector(sel)?.textContent.startsWith(label),
          [OPEN_POP, fact('programme-benefit').label[lang]],
        );
        // The close button, reached by Tab, closes it too.
        await s.page.locator(`${OPEN_POP} button`).focus();
        await s.page.keyboard.press('Enter');
        await assertClosedBackOn(s.page, DERIVED);
        await assertClean(s);
      });
    });

    test(`by tap on a 390-pixel phone in ${lang}: the popover fits the screen and a tap outside closes it`, { timeout: TIMEOUT }, async () => {
      await reading(`?lang=${lang}`, PHONE, async (s) => {
        for (const [id, check] of [[REPORTED, assertReported], [DERIVED, assertDerived]]) {
          const number = storyNumber(s.page, id);
          await number.scrollIntoViewIfNeeded();
          await number.tap();
          await s.page.waitForSelector(OPEN_POP);
          const state = await popoverState(s.page);
          check(state, lang);
          assert.ok(state.left >= 0 && state.right <= state.innerWidth, `${id}: inside the screen (${state.left}–${state.right} of ${state.innerWidth})`);
          assert.ok(state.scrollWidth <= state.innerWidth, `${id}: no sideways scroll (${state.scrollWidth})`);
          // A tap on the page's headline, outside the popover.
          const h1 = await s.page.locator('h1').boundingBox();
          await s.page.evaluate(() => window.scrollTo(0, 0));
          await s.page.touchscreen.tap(h1.x + 10, (await s.page.locator('h1').boundingBox()).y + 10);
          await assertClosedBackOn(s.page, id, `${id}: the focus is back on the number`);
        }
        await assertClean(s);
      });
    });
  }

  for (const lang of ['zh-Hans', 'en']) {
    const colorScheme = lang === 'en' ? 'dark' : 'light';
    test(`an assumption's number in ${lang} (${colorScheme}) opens the model's entry, marked as this explainer's and not the article's`, { timeout: TIMEOUT }, async () => {
      await reading(`?lang=${lang}`, { ...DESKTOP, colorScheme }, async (s) => {
        const number = s.page.locator('[data-narrative] [data-assumption="failure"]:visible').first();
        const shown = await number.textContent();
        assert.equal(await number.getAttribute('role'), 'button');
        await number.focus();
        await s.page.keyboard.press('Enter');
        await s.page.waitForSelector(OPEN_POP);
        const state = await popoverState(s.page);
        assert.equal(state.role, 'dialog');
        assert.equal(state.lang, lang);
        assert.equal(state.label, lang === 'en' ? 'Chance a project fails' : '项目失败的概率');
        // Whose it is, in words; its default (the number opened) and range; what it leaves alone.
        assert.ok(state.text.includes(lang === 'en' ? 'An assumption of this explainer, not a figure of the article' : '本页的假设，不是报道的数字'), state.text);
        assert.ok(state.text.includes(lang === 'en' ? `Default ${shown}; range ` : `默认 ${shown}，范围 `), state.text);
        assert.match(state.text, lang === 'en' ? /Does not change: The expected benefit/ : /不会改变：预期效益/);
        // No line naming the article: it is not the article's figure.
        assert.doesNotMatch(state.text, /China Jilin Net|中国吉林网/);
        assert.equal(await s.page.$eval(OPEN_POP, (p) => p.hasAttribute('data-assumed')), true);
        const r = await new AxeBuilder({ page: s.page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .include('.fact-pop')
          .include('[data-narrative] [data-assumption="failure"]')
          .analyze();
        assert.deepEqual(r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`)), []);
        await s.page.keyboard.press('Escape');
        await s.page.waitForSelector(OPEN_POP, { state: 'detached' });
        await s.page.waitForFunction(() => document.activeElement?.dataset.assumption === 'failure', null, { timeout: 5000 });
        await assertClean(s);
      });
    });
  }

  test('reported, derived and assumed numbers are underlined three different ways', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      const style = (sel) =>
        s.page.$eval(sel, (el) => {
          const cs = getComputedStyle(el);
          return `${cs.textDecorationLine} ${cs.textDecorationStyle}`;
        });
      const reported = await style(`[data-narrative] [lang="en"] [data-fact="${REPORTED}"]`);
      const derived = await style(`[data-narrative] [lang="en"] [data-fact="${DERIVED}"]`);
      const assumed = await style('[data-narrative] [lang="en"] [data-assumption="failure"]');
      assert.deepEqual([reported, derived, assumed], ['underline dotted', 'underline double', 'underline wavy']);
      // The key in the method section shows the same three.
      const key = await s.page.$$eval('.kinds[lang="en"] .kind-sample', (els) => els.map((e) => getComputedStyle(e).textDecorationStyle));
      assert.deepEqual(key, ['dotted', 'double', 'wavy']);
    });
  });

  test('axe finds nothing wrong with an open popover, in each language, light and dark', { timeout: 240_000 }, async () => {
    for (const lang of LANGS) {
      for (const colorScheme of ['light', 'dark']) {
        await reading(`?lang=${lang}`, { ...DESKTOP, colorScheme }, async (s) => {
          await storyNumber(s.page, DERIVED).click();
          await s.page.waitForSelector(OPEN_POP);
          const r = await new AxeBuilder({ page: s.page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
            .include('.fact-pop')
            .include(`[data-narrative] [data-fact="${DERIVED}"]`)
            .analyze();
          assert.ok(r.passes.some((p) => p.id === 'color-contrast'), 'axe checked the contrast');
          const found = r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
          assert.deepEqual(found, [], `${lang}, ${colorScheme}`);
          await assertClean(s);
        });
      }
    }
  });

  test('a click outside closes the popover on a desktop, and a data table’s reported cell opens the same entry', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      await storyNumber(s.page, REPORTED).click();
      await s.page.waitForSelector(OPEN_POP);
      await s.page.mouse.click(5, 5);
      await assertClosedBackOn(s.page, REPORTED);

      await s.page.click('#sum-allocation');
      const cell = s.page.locator('#table-allocation [data-fact="households-livestock"]');
      assert.equal(await cell.textContent(), '1,859');
      await cell.focus();
      await s.page.keyboard.press('Enter');
      await s.page.waitForSelector(OPEN_POP);
      const state = await popoverState(s.page);
      assert.equal(state.label, fact('households-livestock').label.en);
      assert.match(state.text, /paragraph 4/);
      await s.page.keyboard.press('Escape');
      await s.page.waitForSelector(OPEN_POP, { state: 'detached' });
      // The simulated column is the model's, not a figure of the dataset: no link there.
      assert.equal(await s.page.locator('#table-allocation td:nth-child(2) [data-fact]').count(), 0);
      // The benefit table's reported total and the context table's figures link too.
      assert.equal(await s.page.locator('#table-benefit [data-fact="programme-benefit"]').count(), 1);
      assert.equal(await s.page.locator('#table-context [data-fact]').count(), 9);
      await assertClean(s);
    });
  });

  test('a figure opened just before a switch of language opens beside the same figure in the language now shown, without an error', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      // The English entries are held back until the reader has switched to Simplified Chinese.
      let release;
      let asked;
      const held = new Promise((resolve) => (release = resolve));
      const requested = new Promise((resolve) => (asked = resolve));
      await s.page.route(/\/data\/figures\.en\b[^/]*\.html$/, async (r) => {
        asked();
        await held;
        await r.fallback();
      });
      const english = await storyNumber(s.page, REPORTED).elementHandle();
      assert.equal(await english.evaluate((el) => el.closest('[lang]').lang), 'en');
      await english.click();
      await requested;
      await s.page.click('[data-lang="zh-Hans"]');
      await s.page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
      assert.equal(await english.evaluate((el) => el.checkVisibility()), false, 'the English number is hidden now');
      release();
      await s.page.waitForSelector(OPEN_POP, { state: 'attached' });
      assert.deepEqual(s.errors, [], 'no error when the entries arrive');
      assert.ok(await s.page.$eval(OPEN_POP, (p) => p.checkVisibility()), 'the popover is shown, not inside the hidden English text');
      const state = await popoverState(s.page);
      assertReported(state, 'zh-Hans');
      const beside = await s.page.evaluate((sel) => {
        const pop = document.querySelector(sel);
        const n = pop.previousElementSibling;
        const a = n.getBoundingClientRect();
        const b = pop.getBoundingClientRect();
        return { fact: n.dataset.fact, lang: n.closest('[lang]').lang, shown: n.checkVisibility(), expanded: n.getAttribute('aria-expanded'), gap: Math.min(Math.abs(b.top - a.bottom), Math.abs(a.top - b.bottom)) };
      }, OPEN_POP);
      assert.deepEqual(
        { fact: beside.fact, lang: beside.lang, shown: beside.shown, expanded: beside.expanded },
        { fact: REPORTED, lang: 'zh-Hans', shown: true, expanded: 'true' },
        'beside the Simplified Chinese number of the same figure',
      );
      assert.ok(beside.gap < 20, `placed against that number (${beside.gap} px away)`);
      await s.page.keyboard.press('Escape');
      await assertClosedBackOn(s.page, REPORTED);
      await assertClean(s);
    });
  });

  test('a popover open on a data table’s cell stays open beside the same figure when the table is written again', { timeout: TIMEOUT }, async () => {
    await reading('?lang=en', DESKTOP, async (s) => {
      await s.page.click('#sum-allocation');
      const id = 'households-livestock';
      const cell = await s.page.waitForSelector(`#table-allocation [data-fact="${id}"][role="button"]`);
      await cell.focus();
      await s.page.keyboard.press('Enter');
      await s.page.waitForSelector(OPEN_POP);
      assert.equal((await popoverState(s.page)).label, fact(id).label.en);
      // The reader's system turns dark: the page redraws, and its idle update writes the
      // tables again, cell by cell.
      await s.page.emulateMedia({ colorScheme: 'dark' });
      await s.page.waitForFunction((el) => !el.isConnected, cell);
      const state = await s.page.evaluate(([sel, id]) => {
        const pop = document.querySelector('.fact-pop');
        const now = document.querySelector(`#table-allocation [data-fact="${id}"]`);
        return {
          open: Boolean(pop?.matches(':popover-open')),
          connected: Boolean(pop?.isConnected),
          besideTheNewCell: pop?.previousElementSibling === now,
          expanded: now.getAttribute('aria-expanded'),
          label: document.getElementById(pop?.getAttribute('aria-labelledby'))?.textContent,
          focusInside: Boolean(pop?.contains(document.activeElement)),
        };
      }, [OPEN_POP, id]);
      assert.deepEqual(
        state,
        { open: true, connected: true, besideTheNewCell: true, expanded: 'true', label: fact(id).label.en, focusInside: true },
        'the popover follows the figure into the new table',
      );
      await s.page.keyboard.press('Escape');
      await assertClosedBackOn(s.page, id, 'the focus is back on the new cell');
      await assertClean(s);
    });
  });

  test('without JavaScript the numbers stay text and the sources section lists every figure under its section and paragraph', { timeout: TIMEOUT }, async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/index.html`);
      assert.equal(await page.locator('[data-fact][role], [data-fact][tabindex]').count(), 0);
      const ids = [...new Set(await page.$$eval('[data-narrative] [data-fact]', (els) => els.map((e) => e.dataset.fact)))];
      assert.ok(ids.length >= 50, `${ids.length} figures`);
      const list = await page.locator('.fact-list[lang="zh-Hans"]').textContent();
      for (const id of ids) {
        const f = fact(id);
        if (f.derived) {
          // The sum that gives it, ending in its value.
          const value = Math.round(f.value * 100) / 100;
          assert.ok(list.includes(`= ${value}`), `${id}: = ${value}`);
        } else {
          const text = await page.locator(`[data-narrative] [lang="zh-Hans"] [data-fact="${id}"]`).first().textContent();
          // Every reported figure, after the paragraph it stands in.
          const para = `第${f.source.paragraph}段：`;
          const from = list.indexOf(para);
          assert.ok(from >= 0 && list.includes(text, from), `${id} (${text}) after ${para}`);
        }
      }
      // No request for the entries: they are for the popovers.
    } finally {
      await context.close();
    }
  });

  test('the single file opens a figure’s popover from disk without a request', { timeout: TIMEOUT }, async () => {
    const f = await fileContext(site.browser);
    try {
      await f.page.goto(`${pathToFileURL(path.join(ROOT, 'helong-explainer.html')).href}?lang=en`);
      await waitReady(f.page);
      await storyNumber(f.page, DERIVED).click();
      await f.page.waitForSelector(OPEN_POP);
      assertDerived(await popoverState(f.page), 'en');
      assert.deepEqual(f.requests, []);
      assert.deepEqual(f.errors, []);
    } finally {
      await f.context.close();
    }
  });
});
