// Accessible to everyone: axe-core (WCAG 2.1 A/AA and best practice) on every page, language
// and colour scheme; the whole scenario driven from the keyboard; text alternatives that follow
// the scenario; language marks; contrast of the chart text; reduced motion; touch targets.
// Served from E2E_ROOT (default dist/). Every test also checks for console errors, CSP
// violations and requests off 127.0.0.1.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite, waitReady, withPage } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 90_000;
const AXE_TIMEOUT = 300_000;
/** The rule sets axe runs: WCAG 2.0 and 2.1, levels A and AA, and Deque's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
/** Each chosen theme against the opposite system setting, and `auto` under both. */
const SCHEMES = [
  { theme: 'light', colorScheme: 'dark' },
  { theme: 'dark', colorScheme: 'light' },
  { theme: 'auto', colorScheme: 'light' },
  { theme: 'auto', colorScheme: 'dark' },
];
/** Pages scanned at once (each in its own browser context). */
const PARALLEL = 3;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };
/** WCAG 2.5.5: the smallest target, in CSS px. */
const MIN_TARGET = 44;
/** WCAG 1.4.3: the least contrast of normal-size text. */
const MIN_TEXT_CONTRAST = 4.5;
/** What can take the keyboard focus. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
const CHARTS = ['context', 'allocation', 'benefit', 'outcomes'];
const HAN = /\p{Script=Han}/u;

/** Every language and colour scheme: [{ query, colorScheme, label }]. */
function variants() {
  return LANGS.flatMap((lang) =>
    SCHEMES.map(({ theme, colorScheme }) => ({
      query: `lang=${lang}&theme=${theme}`,
      colorScheme,
      label: `${lang}, theme ${theme}, system ${colorScheme}`,
    })),
  );
}

/** Runs fn over items, `n` at a time; resolves to the results in order. */
async function inPool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

/** Problems the page has shown so far: console errors, CSP violations, requests off 127.0.0.1. */
async function uncleanness(s) {
  const problems = [];
  const allowed = [...(s.expectedErrors || [])];
  for (const e of s.errors) {
    const i = allowed.indexOf(e);
    if (i >= 0) allowed.splice(i, 1);
    else problems.push(e);
  }
  for (const v of await s.cspViolations()) problems.push(`CSP ${v.directive} ${v.blockedURI}`);
  for (const u of s.offHost) problems.push(`off-host request ${u}`);
  return problems;
}

/** Fails the test when the page logged errors, broke the CSP or reached off-host. */
async function assertClean(s) {
  assert.deepEqual(await uncleanness(s), [], 'console errors, CSP violations or off-host requests');
}

/** axe's violations on the page, one line per element, prefixed with `label`. */
async function axeViolations(page, label) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.ok(r.passes.some((p) => p.id === 'color-contrast'), `${label}: axe checked the contrast`);
  const lines = r.violations.flatMap((v) => v.nodes.map((n) => `${label}: ${v.id} at ${n.target.join(' ')} — ${v.help}`));
  const unsure = r.incomplete.filter((v) => v.id === 'color-contrast');
  lines.push(...unsure.flatMap((v) => v.nodes.map((n) => `${label}: contrast undecided at ${n.target.join(' ')}`)));
  return lines;
}

/** Contrast ratio of two #rrggbb colours (WCAG 2.x relative luminance). */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused element: what it is, where it is on the page, and its outline. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    // The ring reaches this far outside the box; an ancestor that clips its overflow must hold it.
    const reach = (parseFloat(cs.outlineOffset) || 0) + (parseFloat(cs.outlineWidth) || 0);
    let clippedBy = null;
    for (let a = el.parentElement; a && a !== document.body && reach > 0; a = a.parentElement) {
      const acs = getComputedStyle(a);
      if (acs.overflowX === 'visible' && acs.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left - reach < ar.left || r.right + reach > ar.right || r.top - reach < ar.top || r.bottom + reach > ar.bottom) {
        clippedBy = a.className || a.tagName;
        break;
      }
    }
    const key = ['lang', 'themeChoice', 'preset', 'action', 'adjust', 'download', 'chart']
      .map((k) => el.dataset[k] && `${k}=${el.dataset[k]}`)
      .find(Boolean);
    const name = el.id ? `#${el.id}` : key ? `[${key}]` : el.className || el.getAttribute('href');
    return {
      name: `${el.tagName.toLowerCase()} ${name}`,
      top: r.top + window.scrollY,
      bottom: r.bottom + window.scrollY,
      left: r.left + window.scrollX,
      right: r.right + window.scrollX,
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      clippedBy,
      inViewport: r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0,
    };
  });
}

/** Asserts that the focused element shows a focus ring and has been scrolled into view. */
function assertRing(f) {
  assert.ok(f, 'something has the focus');
  assert.notEqual(f.outlineStyle, 'none', `${f.name} has a focus outline`);
  assert.ok(f.outlineWidth > 0, `${f.name} outline is ${f.outlineWidth}px wide`);
  assert.equal(f.clippedBy, null, `${f.name}: the focus ring is cut off by its container`);
  assert.ok(f.inViewport, `${f.name} is scrolled into view`);
}

/**
 * Presses Tab (or Shift+Tab) until `wanted(focused)` holds, checking the focus ring at every
 * stop; returns the names of the elements passed through. Fails after `max` presses.
 */
async function tabTo(page, wanted, { shift = false, max = 60, path = [] } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    assertRing(f);
    path.push(`${shift ? '⇧Tab' : 'Tab'} → ${f.name}`);
    if (wanted(f)) return f;
  }
  assert.fail(`not reached in ${max} presses: ${path.slice(-8).join(', ')}`);
}

/** The controls the keyboard should reach, in document order (visible, enabled, not tabindex -1). */
function tabbables(page) {
  return page.$$eval(FOCUSABLE, (els) =>
    els
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }))
      .filter((el) => el.tagName !== 'SUMMARY' || el.parentElement.firstElementChild === el)
      .map((el) => el.id || el.dataset.lang || el.dataset.themeChoice || el.dataset.preset || el.dataset.action || el.dataset.download || el.getAttribute('href') || el.className),
  );
}

/** The id-ish key of the focused element, as tabbables() names it. */
function focusedKey(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.id || el.dataset.lang || el.dataset.themeChoice || el.dataset.preset || el.dataset.action || el.dataset.download || el.getAttribute('href') || el.className;
  });
}

/** The computed role, name and description of one element, from Chromium's accessibility tree. */
async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `${selector} exists`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const n = nodes[0];
    return { role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' };
  } finally {
    await cdp.detach();
  }
}

/** Text of the first visible element matching a selector. */
function visibleText(page, selector) {
  return page.$$eval(selector, (els) => els.find((e) => e.offsetParent !== null)?.textContent ?? null);
}

/** Serves one file on a random loopback port with no CSP (as a CMS serves an uploaded page). */
async function serveFile(file) {
  const body = await fsp.readFile(file);
  const server = http.createServer((req, res) => {
    if (req.url.split('?')[0] !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

describe('the explainer for every reader', () => {
  const site = useSite(ROOT);
  /** Runs `fn` with a page of the site, ready; closes it after. */
  const reading = (pageAndQuery, opts, fn) =>
    withPage(site.browser, `${site.server.url}${pageAndQuery}`, opts, async (s) => {
      await waitReady(s.page);
      return fn(s);
    });

  /** Runs `fn` with the static page a reader gets when the WebAssembly cannot load (its request
   * is refused); closes it after. */
  const withoutWasm = (pageAndQuery, opts, fn) =>
    withPage(site.browser, 'about:blank', opts, async (s) => {
      // Only the refused wasm may show up as an error (once for each request of it).
      s.expectedErrors = [];
      s.page.on('console', (m) => {
        if (m.type() === 'error' && /\.wasm$/.test(m.location().url) && /Failed to load resource/.test(m.text())) {
          s.expectedErrors.push(`console: ${m.text()}`);
        }
      });
      await s.context.route('**/*.wasm', (r) => r.abort());
      await s.page.goto(`${site.server.url}${pageAndQuery}`);
      await s.page.waitForSelector('#wasm-error:not([hidden])', { timeout: 20_000 });
      await s.page.waitForFunction(() => [...document.querySelectorAll('picture.chart-fallback img')].every((i) => i.complete));
      return fn(s);
    });


  describe('axe finds no WCAG 2.1 AA or best-practice violation', () => {
    /** Scans every variant of one page; `load(query, opts, fn)` runs `fn` with it ready for the
     * scan, and closes it after. */
    const scanAll = async (name, cases, load) => {
      const problems = await inPool(cases, PARALLEL, (c) =>
        load(c.query, { ...DESKTOP, colorScheme: c.colorScheme }, async (s) => {
          const label = `${name} (${c.label})`;
          const found = await axeViolations(s.page, label);
          const dirt = await uncleanness(s);
          return [...found, ...dirt.map((d) => `${label}: ${d}`)];
        }),
      );
      assert.deepEqual(problems.flat(), []);
    };

    test('on the full explainer, in every language and colour scheme', { timeout: AXE_TIMEOUT }, async () => {
      await scanAll('index.html', variants(), (q, o, fn) => reading(`index.html?${q}`, o, fn));
    });

    test('on the embed, whichever panel it shows', { timeout: AXE_TIMEOUT }, async () => {
      const cases = ['all', 'benefit', 'context'].flatMap((view) =>
        variants().map((v) => ({ ...v, query: `${v.query}&view=${view}`, label: `view ${view}, ${v.label}` })),
      );
      await scanAll('embed.html', cases, (q, o, fn) => reading(`embed.html?${q}`, o, fn));
    });

    test('on the single-file build served over HTTP', { timeout: AXE_TIMEOUT }, async () => {
      const single = await serveFile(path.join(ROOT, 'helong-explainer.html'));
      try {
        await scanAll('helong-explainer.html', variants(), (q, o, fn) =>
          withPage(site.browser, `${single.url}?${q}`, o, async (s) => {
            await waitReady(s.page);
            return fn(s);
          }),
        );
      } finally {
        await single.close();
      }
    });

    test('on the static page shown when the WebAssembly cannot load', { timeout: AXE_TIMEOUT }, async () => {
      await scanAll('index.html without wasm', variants(), (q, o, fn) => withoutWasm(`index.html?${q}`, o, fn));
    });
  });

  test('a reader with only a keyboard can switch to English, pick a preset, adjust the sentence and a slider, open a table and download the outcome', { timeout: TIMEOUT }, async () => {
    const path = [];
    await reading('index.html', DESKTOP, async (s) => {
      const key = async (k) => {
        await s.page.keyboard.press(k);
        path.push(k);
      };
      const households = () => visibleText(s.page, '[data-out="households"]');
      // The skip link comes first, then the language switch.
      await tabTo(s.page, (f) => f.name === 'a skip', { max: 1, path });
      assert.ok(await s.page.isVisible('a.skip'), 'the skip link shows when focused');
      await tabTo(s.page, (f) => f.name === 'button [lang=en]', { max: 3, path });
      await key('Enter');
      assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
      assert.equal(await s.page.getAttribute('[data-lang="en"]', 'aria-pressed'), 'true');
      await s.page.waitForFunction(() => location.search.includes('lang=en'));

      // Back to the skip link, which jumps to the simulator: the first stop is the grant.
      await tabTo(s.page, (f) => f.name === 'a skip', { shift: true, max: 3, path });
      await key('Enter');
      await tabTo(s.page, (f) => f.name === 'span [adjust=grant]', { max: 1, path });

      // A preset: double grants for half the households.
      // (past the charts' data tables and PNG buttons, which come before the controls)
      await tabTo(s.page, (f) => f.name === 'button [preset=double]', { max: 14, path });
      await key('Space');
      await s.page.waitForFunction(() => location.search.includes('grant=10000'));
      assert.equal(await households(), '1,273');

      // The grant in the sentence, two steps up with the arrow keys.
      const grant = 'p.reactive[lang="en"] [data-adjust="grant"]';
      await tabTo(s.page, (f) => f.name === 'span [adjust=grant]', { shift: true, max: 14, path });
      await key('ArrowUp');
      await key('ArrowUp');
      assert.equal(await s.page.getAttribute(grant, 'aria-valuenow'), '11000');
      assert.equal(await households(), '1,157');

      // The grant slider, one step down.
      await tabTo(s.page, (f) => f.name === 'input #in-grant', { max: 24, path });
      await key('ArrowLeft');
      assert.equal(await s.page.$eval('#in-grant', (e) => e.value), '10500');
      // The sentence's number, off screen beside the focused slider, follows at the pause.
      await s.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-valuenow') === '10500', grant);
      assert.equal(await s.page.getAttribute(grant, 'aria-valuenow'), '10500');
      assert.equal(await s.page.getAttribute('#in-grant', 'aria-valuetext'), '10,500 yuan');
      assert.equal(await households(), '1,212');
      await s.page.waitForFunction(() => location.search.includes('grant=10500'));

      // The allocation chart's data table.
      await tabTo(s.page, (f) => f.name === 'summary #sum-allocation', { shift: true, max: 30, path });
      await key('Enter');
      assert.equal(await s.page.$eval('#sum-allocation', (e) => e.parentElement.open), true);
      await s.page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('#table-allocation tbody td:nth-child(2)')];
        return cells.length === 5 && cells.reduce((a, c) => a + Number(c.textContent.replace(/,/g, '')), 0) === 1212;
      });

      // The outcome as CSV, at the foot of the page (past every figure of the later story, each
      // a stop of its own since it opens where it comes from).
      await tabTo(s.page, (f) => f.name === 'button [download=outcome-csv]', { max: 120, path });
      const [dl] = await Promise.all([s.page.waitForEvent('download'), key('Enter')]);
      const csv = await fsp.readFile(await dl.path(), 'utf8');
      assert.equal(dl.suggestedFilename(), 'helong-outcome.csv');
      assert.match(csv, /grant=10500/);

      const url = new URL(s.page.url());
      assert.equal(url.searchParams.get('lang'), 'en');
      assert.equal(url.searchParams.get('grant'), '10500');
      await assertClean(s);
    }).catch((e) => {
      e.message += `\nkeyboard path: ${path.join(' | ')}`;
      throw e;
    });
  });

  test('Tab reaches every control in reading order with a visible focus ring, and never traps the focus', { timeout: 180_000 }, async () => {
    for (const [where, opts] of [
      ['index.html?lang=en', DESKTOP],
      ['index.html', PHONE],
      ['embed.html?lang=zh-Hant', DESKTOP],
      ['embed.html?view=benefit&controls=all', PHONE],
    ]) {
      await reading(where, opts, async (s) => {
        const expected = await tabbables(s.page);
        assert.ok(expected.length >= 10, `${where}: ${expected.length} controls`);
        // Forwards: every control once, in document order, then out of the page.
        const forward = [];
        const boxes = [];
        for (let i = 0; i < expected.length + 2; i++) {
          await s.page.keyboard.press('Tab');
          const k = await focusedKey(s.page);
          if (k === null) break;
          const f = await focused(s.page);
          assertRing(f);
          forward.push(k);
          boxes.push(f);
        }
        assert.deepEqual(forward, expected, `${where}: Tab order`);
        assert.equal(await focusedKey(s.page), null, `${where}: Tab leaves the page after the last control`);
        // Reading order: each stop is below the previous one, or on the same line to its right,
        // or at the start of a column to its right (the simulator's charts, then its controls,
        // on wide screens).
        for (let i = 1; i < boxes.length; i++) {
          const [a, b] = [boxes[i - 1], boxes[i]];
          const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          const sameLine = overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
          const newColumn = b.left >= a.right;
          const ok = sameLine ? b.left >= a.left - 1 : b.top >= a.top || newColumn;
          assert.ok(ok, `${where}: ${b.name} comes after ${a.name} in the tab order but before it on screen`);
        }
        // Backwards from outside the page: the same controls in reverse, then out of the page
        // again (or round to the last control: either way the focus is not held).
        const backward = [];
        for (let i = 0; i < expected.length; i++) {
          await s.page.keyboard.press('Shift+Tab');
          const k = await focusedKey(s.page);
          assertRing(await focused(s.page));
          backward.push(k);
        }
        await s.page.keyboard.press('Shift+Tab');
        assert.ok([null, expected[expected.length - 1]].includes(await focusedKey(s.page)), `${where}: Shift+Tab leaves the first control`);
        assert.deepEqual(backward, [...expected].reverse(), `${where}: Shift+Tab order`);
        await assertClean(s);
      });
    }
  });

  test('each chart is an image whose name and description follow the scenario and the language', { timeout: TIMEOUT }, async () => {
    await reading('index.html?lang=en', DESKTOP, async (s) => {
      const read = async () => {
        const out = {};
        for (const name of CHARTS) out[name] = await axNode(s.page, `#chart-${name}`);
        return out;
      };
      const first = await read();
      for (const name of CHARTS) {
        const n = first[name];
        assert.equal(n.role, 'image', `${name}: role`);
        assert.equal(n.name, (await visibleText(s.page, `#h-${name} [lang]`)).trim(), `${name}: named by its heading`);
        assert.ok(n.description.length > 40, `${name}: described (${n.description})`);
      }
      assert.match(first.allocation.description, /Livestock: Scenario \(households\) 1,859/);
      assert.match(first.outcomes.description, /2,546 households/);
      assert.match(first.context.description, /22\.9%/);
      assert.equal(await s.page.getAttribute('#summary', 'aria-live'), 'polite');

      const summary = await s.page.textContent('#summary');
      await s.page.click('[data-preset="double"] >> visible=true');
      await s.page.waitForFunction((before) => document.getElementById('summary').textContent !== before, summary);
      const second = await read();
      for (const name of ['allocation', 'benefit', 'outcomes']) {
        assert.notEqual(second[name].description, first[name].description, `${name}: description follows the scenario`);
      }
      assert.match(second.allocation.description, /Livestock: Scenario \(households\) 930/);
      assert.match(second.outcomes.description, /1,273 households/);
      assert.match(await s.page.textContent('#summary'), /1,273 households/);

      await s.page.click('[data-lang="zh-Hant"]');
      await s.page.waitForFunction(() => /戶/.test(document.getElementById('desc-allocation').textContent));
      const third = await read();
      assert.equal(third.allocation.name, '錢分給了哪幾類小生意');
      assert.match(third.allocation.description, /小養殖：本情景（戶） 930/);
      assert.match(third.outcomes.description, /1273 戶/);
      await assertClean(s);
    });
  });

  test('every text is marked with its language, including the language buttons and the page after a switch', { timeout: TIMEOUT }, async () => {
    /** Visible text with Chinese characters whose language mark is wrong for a page in `lang`. */
    const mislabelled = (page, lang) =>
      page.evaluate(
        ({ lang, han }) => {
          const re = new RegExp(han, 'u');
          const bad = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const el = t.parentElement;
            if (!re.test(t.data) || !el.checkVisibility({ visibilityProperty: true })) continue;
            const mark = el.closest('[lang]').lang;
            const button = el.closest('[data-lang]');
            const ok = button ? mark === button.dataset.lang : lang === 'en' ? mark.startsWith('zh-') : mark === lang;
            if (!ok) bad.push(`${mark}: ${t.data.trim().slice(0, 30)}`);
          }
          return bad;
        },
        { lang, han: HAN.source },
      );
    for (const lang of LANGS) {
      await reading(`index.html?lang=${lang}`, DESKTOP, async (s) => {
        assert.equal(await s.page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await mislabelled(s.page, lang), [], `${lang}: text under the wrong language`);
        const buttons = await s.page.$$eval('[data-lang]', (els) => els.map((b) => [b.lang, b.dataset.lang]));
        for (const [mark, value] of buttons) assert.equal(mark, value, 'a language button is marked with its language');
        await assertClean(s);
      });
    }
    await reading('index.html', DESKTOP, async (s) => {
      await s.page.click('[data-lang="en"]');
      assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
      assert.match(await s.page.title(), /Five thousand yuan/);
      await s.page.waitForFunction(() => /households/.test(document.getElementById('summary').textContent));
      // The story follows the controls once its language's text has arrived.
      await s.page.waitForFunction(() => document.querySelector('#story-credits p[lang="en"]')?.checkVisibility());
      assert.deepEqual(await mislabelled(s.page, 'en'), []);
      // A Chinese name quoted in English is shown, marked as Chinese.
      assert.ok(await s.page.isVisible('#story-credits p[lang="en"] [lang="zh-Hans"] >> nth=0'));
      await s.page.click('[data-lang="zh-Hant"]');
      assert.equal(await s.page.getAttribute('html', 'lang'), 'zh-Hant');
      assert.match(await s.page.title(), /和龍/);
      await s.page.waitForFunction(() => document.querySelector('#story-credits p[lang="zh-Hant"]')?.checkVisibility());
      assert.deepEqual(await mislabelled(s.page, 'zh-Hant'), []);
      await assertClean(s);
    });
    // Without the WebAssembly the static page still follows ?lang, and marks what is only in Chinese.
    await withoutWasm('index.html?lang=en', DESKTOP, async (w) => {
      assert.equal(await w.page.getAttribute('html', 'lang'), 'en');
      assert.match(await w.page.textContent('#wasm-error'), /could not load/);
      assert.deepEqual(await mislabelled(w.page, 'en'), []);
      assert.deepEqual(await uncleanness(w), []);
    });
  });

  test('chart text drawn by the Rust code has at least 4.5:1 contrast in light and dark', async () => {
    const dir = path.join(ROOT, 'static');
    const files = (await fsp.readdir(dir)).filter((f) => f.endsWith('.svg'));
    assert.ok(files.some((f) => f.includes('-dark')) && files.some((f) => f.includes('-light')), 'both themes drawn');
    const low = [];
    for (const file of files) {
      const svg = await fsp.readFile(path.join(dir, file), 'utf8');
      const bg = /<rect x="0" y="0" width="\d+" height="\d+"[^>]*fill="(#[0-9A-Fa-f]{6})"/.exec(svg)?.[1];
      assert.ok(bg, `${file}: a background`);
      const inks = new Set([...svg.matchAll(/<text[^>]*fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]));
      assert.ok(inks.size > 0, `${file}: text`);
      for (const ink of inks) {
        const r = contrast(ink, bg);
        if (r < MIN_TEXT_CONTRAST) low.push(`${file}: ${ink} on ${bg} is ${r.toFixed(2)}:1`);
      }
    }
    assert.deepEqual(low, []);
  });

  test('assumptions, pressed buttons and chart keys are told apart by words, weight and shape, not colour alone', { timeout: TIMEOUT }, async () => {
    await reading('index.html?lang=en', DESKTOP, async (s) => {
      const tags = await s.page.$$eval('.assumption', (els) => els.map((el) => el.querySelector('.tag [lang="en"]')?.textContent ?? ''));
      // Failure, spread, returns to scale, the five relative returns and the courtyards.
      assert.equal(tags.length, 9);
      assert.ok(tags.every((t) => t === 'assumption'), `assumption tags: ${tags}`);
      const weights = await s.page.$$eval('[data-lang]', (els) => els.map((b) => [b.getAttribute('aria-pressed'), Number(getComputedStyle(b).fontWeight)]));
      for (const [pressed, weight] of weights) {
        assert.ok(pressed === 'true' ? weight >= 700 : weight < 700, `pressed ${pressed}, weight ${weight}`);
      }
      // The keys under the charts name the shapes, not the colours.
      const captions = await s.page.$$eval('figcaption [lang="en"]', (els) => els.map((e) => e.textContent));
      assert.match(captions.join(' '), /Solid bars.*outlines/);
      assert.match(captions.join(' '), /Dots.*lines/);
      assert.match(captions.join(' '), /dashed line/);
      assert.doesNotMatch(captions.join(' '), /\b(blue|orange|red|green)\b/i);
      await assertClean(s);
    });
  });

  test('with reduced motion asked for, nothing on the page moves', { timeout: TIMEOUT }, async () => {
    await reading('index.html', DESKTOP, async (s) => {
      await s.page.emulateMedia({ reducedMotion: 'reduce' });
      await s.page.click('[data-preset="equal"] >> visible=true');
      await s.page.click('[data-lang="en"]');
      await s.page.click('[data-theme-choice="dark"] >> visible=true');
      const moving = await s.page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const cs = getComputedStyle(el, pseudo);
            const t = cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
            const a = cs.animationName !== 'none' && cs.animationName !== '';
            if (t || a) out.push(`${el.tagName}${pseudo || ''}`);
          }
        }
        return { out, running: document.getAnimations().length, smooth: getComputedStyle(document.documentElement).scrollBehavior };
      });
      assert.deepEqual(moving.out, [], 'transitions or animations');
      assert.equal(moving.running, 0);
      assert.equal(moving.smooth, 'auto');
      await assertClean(s);
    });
  });

  test('on a 390-pixel phone every control is at least 44 by 44 pixels', { timeout: TIMEOUT }, async () => {
    for (const where of ['index.html?lang=en', 'index.html', 'embed.html?lang=en']) {
      await reading(where, PHONE, async (s) => {
        // The skip link only shows when focused: measure it then.
        if (await s.page.$('a.skip')) await s.page.focus('a.skip');
        // A figure inside a sentence is exempt (WCAG 2.5.5 and 2.5.8, "Inline": the target is
        // in a sentence, its size set by the line-height of the text around it); it must still
        // be at least as tall as WCAG 2.5.8's 24 px. The same for an assumption's number in the
        // method section's sentences. Figures in the data tables are not inside a sentence and
        // are held to the rule.
        const inline = await s.page.$$eval(':is(p, li) :is([data-fact], [data-assumption])[role="button"]', (els) =>
          els
            .filter((el) => el.checkVisibility() && getComputedStyle(el).display === 'inline')
            .map((el) => [el.textContent, el.getBoundingClientRect().height]),
        );
        if (where !== 'embed.html?lang=en') assert.ok(inline.length >= 20, `${where}: ${inline.length} figures in sentences`);
        const low = inline.filter(([, h]) => h < 24).map(([t, h]) => `${t}: ${h.toFixed(1)}px`);
        assert.deepEqual(low, [], `${where}: figures in sentences under 24 px tall`);
        const small = await s.page.$$eval(
          `${FOCUSABLE}, input[type="range"], [role="spinbutton"]`,
          (els, min) =>
            els
              .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.disabled)
              .filter((el) => !(el.matches(':is(p, li) :is([data-fact], [data-assumption])') && getComputedStyle(el).display === 'inline'))
              .map((el) => {
                const r = el.getBoundingClientRect();
                return { el: el.id || el.dataset.lang || el.dataset.preset || el.dataset.action || el.className || el.tagName, w: r.width, h: r.height };
              })
              .filter((t) => t.w < min || t.h < min)
              .map((t) => `${t.el}: ${t.w.toFixed(1)}×${t.h.toFixed(1)}`),
          MIN_TARGET,
        );
        assert.deepEqual(small, [], `${where}: targets under ${MIN_TARGET}px`);
        const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${where}: scrolls sideways by ${overflow}px`);
        await assertClean(s);
      });
    }
  });
});
