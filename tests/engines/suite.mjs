// The cross-engine suite (issue 14): what a reader does, in one engine. firefox.test.mjs and
// webkit.test.mjs run it; Chromium runs the fuller suite in tests/e2e. Served from E2E_ROOT
// (default dist/, built by `make dist`).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LAUNCHERS, poll } from './engines.mjs';
import { injectProbe, PROBE_SOURCE, startSite } from './server.mjs';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const SINGLE = path.join(ROOT, 'helong-explainer.html');
const TIMEOUT = 120_000;
const READY_MS = 45_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const CHARTS = ['chart-context', 'chart-allocation', 'chart-benefit', 'chart-outcomes'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
/** Widest a Latin quotation mark may be in English text, in em (Latin fonts: 0.3–0.5 em; a
 *  CJK font draws it a full 1 em). */
const MAX_LATIN_QUOTE_EM = 0.75;
/** Narrowest a quotation mark may be in Chinese text, in em (CJK fonts set it full-width). */
const MIN_CJK_QUOTE_EM = 0.9;

// ---- functions run in the page (no closures: they are sent to the browser as text) --------

/** True when <html> carries data-ready. */
const isReady = () => document.documentElement.hasAttribute('data-ready');

/** For each canvas id: null when missing, else a pixel fingerprint and whether it is blank. */
function chartPixels(ids) {
  return ids.map((id) => {
    const c = document.getElementById(id);
    if (!c || !c.width || !c.height) return { id, blank: true, hash: 0 };
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    let blank = true;
    for (let i = 0; i < d.length; i += 4) {
      if (blank && (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3])) blank = false;
      if (i % 28 === 0) h = Math.imul(h ^ d[i] ^ (d[i + 1] << 8) ^ (d[i + 2] << 16), 16777619);
    }
    return { id, blank, hash: h >>> 0 };
  });
}

/** The page's state a reader sees: language, summary, households, query string. */
function readerState() {
  const visible = (sel) => [...document.querySelectorAll(sel)].find((e) => e.offsetParent !== null);
  return {
    lang: document.documentElement.lang,
    summary: document.getElementById('summary')?.textContent ?? '',
    households: visible('[data-out="households"]')?.textContent ?? null,
    reactive: visible('.reactive')?.textContent ?? '',
    search: location.search,
    grant: document.getElementById('in-grant')?.value,
  };
}

/**
 * Measures the text a reader sees in `lang`: the width in em of every Latin quotation mark and
 * of a sample of CJK ideographs, and any full-width punctuation in text of that language.
 */
function measureText(lang) {
  const quotes = [];
  const ideographs = [];
  const fullWidth = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, [hidden]') || !el.getClientRects().length) continue;
    if ((el.closest('[lang]')?.getAttribute('lang') || '') !== lang) continue;
    const em = parseFloat(getComputedStyle(el).fontSize);
    const text = n.data;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      const isQuote = '\u201C\u201D\u2018\u2019'.includes(c);
      const isIdeograph = c >= '\u4E00' && c <= '\u9FFF';
      if (lang === 'en' && /[\u3000-\u303F\uFF00-\uFF65]/.test(c)) {
        fullWidth.push(text.slice(Math.max(0, i - 12), i + 12));
      }
      if ((isQuote && quotes.length < 60) || (isIdeograph && ideographs.length < 20)) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const w = range.getBoundingClientRect().width / em;
        const sample = { c, em: Math.round(w * 100) / 100, context: text.slice(Math.max(0, i - 16), i + 16) };
        (isQuote ? quotes : ideographs).push(sample);
      }
    }
  }
  return { quotes, ideographs, fullWidth };
}

/** The width in em of Latin quotes in each font the charts drew text with. */
function canvasQuoteWidths() {
  const ctx = document.createElement('canvas').getContext('2d');
  return (window.__probe?.fonts || []).map((font) => {
    ctx.font = '1px serif';
    ctx.font = font; // a font the canvas cannot parse is ignored: the 1px serif stays
    const px = parseFloat(/([\d.]+)px/.exec(ctx.font)?.[1] || '0');
    const em = px > 1 ? Math.round((ctx.measureText('\u201C').width / px) * 100) / 100 : null;
    return { font, em };
  });
}

/** Sideways overflow of the page: how far its content reaches past the viewport, in px. */
const overflowX = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

/** The embeds of embed-demo.html: per iframe, readiness, drawn charts and height fit. */
function embedsState() {
  return [...document.querySelectorAll('iframe')].map((f) => {
    const doc = f.contentDocument;
    const ready = !!doc?.documentElement.hasAttribute('data-ready');
    const canvases = doc ? [...doc.querySelectorAll('canvas')].filter((c) => c.offsetParent !== null) : [];
    const drawn = canvases.map((c) => {
      const d = c.width && c.height ? c.getContext('2d').getImageData(0, 0, c.width, c.height).data : [];
      for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) return true;
      return false;
    });
    const content = doc ? doc.documentElement.scrollHeight : 0;
    return { src: f.getAttribute('src'), ready, drawn, height: f.getBoundingClientRect().height, content };
  });
}

// ---- the suite ---------------------------------------------------------------------------

/** Defines the reader's tests in `engineName` ('firefox' or 'webkit'). */
export function defineEngineSuite(engineName) {
  describe(`the explainer in ${engineName}`, () => {
    let engine;
    let site;

    before(async () => {
      if (!existsSync(path.join(ROOT, 'index.html')) || !existsSync(SINGLE)) {
        throw new Error(`${ROOT} is not a built site: run \`make dist\` first`);
      }
      // WebKit cannot see into the page but through the probe, so its pages carry it.
      site = await startSite({ root: ROOT, probe: engineName === 'webkit' });
      engine = await LAUNCHERS[engineName]();
      console.log(`# ${engineName}: ${engine.version}`);
    });

    after(async () => {
      await engine?.close();
      await site?.close();
    });

    /** Runs `fn` with a tab on url (the server's log started afresh); closes it after. */
    async function withTab(url, size, fn) {
      site.log.length = 0;
      const tab = await engine.open(url, size);
      try {
        return await fn(tab);
      } finally {
        await tab.close();
      }
    }

    /** Runs `fn` with a page of the site once it has set data-ready; closes it after. */
    function reading(rel, size, fn) {
      return withTab(site.url + rel, size, async (tab) => {
        await tab.waitFor(isReady, [], { timeout: READY_MS, message: `data-ready on ${rel}` });
        return fn(tab);
      });
    }

    /** Scrolls every shown chart into view in turn, as a reader scrolling down would, and back
     * to the top: data-ready promises only the charts near the first screen, the others are drawn
     * as they come near (in the scroll's own frame at the latest, so one frame after each jump). */
    async function passEveryChart(tab) {
      const ids = await tab.eval(() => [...document.querySelectorAll('.chart canvas')].filter((c) => c.getBoundingClientRect().width > 0).map((c) => c.id));
      for (const id of ids) {
        await tab.eval((id) => {
          window.__framed = false;
          document.getElementById(id).scrollIntoView({ block: 'center' });
          requestAnimationFrame(() => (window.__framed = true));
        }, id);
        await tab.waitFor(() => window.__framed, [], { message: `a frame after scrolling to ${id}` });
      }
      await tab.eval(() => window.scrollTo(0, 0));
    }

    /** Fails on any error, CSP violation, failed request or request off 127.0.0.1. */
    async function assertClean(tab, where) {
      const { errors, csp } = await tab.problems();
      assert.deepEqual(errors, [], `errors on ${where}`);
      assert.deepEqual(csp, [], `Content-Security-Policy violations on ${where}`);
      assert.deepEqual(site.failures(), [], `failed requests on ${where}`);
      // WebKitWebDriver reports no requests; there the CSP (default-src 'self') turns any
      // off-host request into a violation, caught above, and the dead proxy stops it.
      if (tab.requests) {
        const offHost = tab.requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).hostname !== '127.0.0.1');
        assert.deepEqual(offHost, [], `requests off 127.0.0.1 from ${where}`);
      }
    }

    test('the page reaches data-ready with every chart drawn and no error', { timeout: TIMEOUT }, async () => {
      await reading('index.html', DESKTOP, async (tab) => {
        // data-ready promises drawn charts: each canvas already had its box's size then.
        const atReady = await tab.eval(() => window.__probe.atReady);
        // The four charts, and the phone strip's small chart (not shown at this width: a 0×0 box).
        assert.deepEqual(
          atReady?.map((c) => c.id).filter((id) => CHARTS.includes(id)).sort(),
          [...CHARTS].sort(),
          'the probe saw data-ready set with the charts in the page',
        );
        const shown = atReady.filter((c) => c.box !== '0x0');
        assert.ok(shown.length >= CHARTS.length, `${shown.length} charts shown at data-ready`);
        const near = shown.filter((c) => c.near);
        assert.ok(near.length >= 1, 'a chart near the first screen at data-ready');
        assert.deepEqual(near.filter((c) => c.canvas !== c.box), [], 'charts near the screen not yet drawn at their size when data-ready was set');
        await passEveryChart(tab);
        const charts = await tab.eval(chartPixels, CHARTS);
        assert.deepEqual(charts.filter((c) => c.blank).map((c) => c.id), [], 'blank charts');
        await assertClean(tab, 'index.html');
      });
    });

    test('a slider moved by the keyboard changes the charts, the summary and the URL', { timeout: TIMEOUT }, async () => {
      await reading('index.html', DESKTOP, async (tab) => {
        // The reader is at the simulator, where the grant slider and these charts are.
        await tab.eval(() => document.getElementById('chart-allocation').scrollIntoView({ block: 'start' }));
        await passEveryChart(tab);
        await tab.eval(() => document.getElementById('chart-allocation').scrollIntoView({ block: 'start' }));
        const before = await tab.eval(readerState);
        const pixels = await tab.eval(chartPixels, ['chart-allocation', 'chart-benefit']);
        assert.equal(before.grant, '5000', 'the grant slider starts at the reported 5,000 yuan');
        await tab.pressKey('#in-grant', 'ArrowRight');
        const after = await tab.waitFor(
          (g) => {
            const s = document.getElementById('in-grant').value;
            return s !== g && location.search.includes(`grant=${s}`) && { grant: s, search: location.search };
          },
          [before.grant],
          { message: 'the grant slider to move and the URL to follow' },
        );
        assert.equal(after.grant, '5500', 'one arrow key moves the grant one step of 500 yuan');
        const state = await tab.eval(readerState);
        assert.notEqual(state.summary, before.summary, 'the summary changed');
        assert.notEqual(state.households, before.households, 'the households funded changed');
        const redrawn = await tab.eval(chartPixels, ['chart-allocation', 'chart-benefit']);
        for (let i = 0; i < redrawn.length; i++) {
          assert.notEqual(redrawn[i].hash, pixels[i].hash, `${redrawn[i].id} was redrawn`);
          assert.equal(redrawn[i].blank, false, `${redrawn[i].id} is blank after the move`);
        }
        await assertClean(tab, 'index.html after a slider move');
      });
    });

    test('the three languages show, by link and by the switch', { timeout: TIMEOUT }, async () => {
      await reading('index.html?lang=en', DESKTOP, async (tab) => {
        const en = await tab.eval(readerState);
        assert.equal(en.lang, 'en');
        assert.match(en.reactive, /^Giving .* per household/, 'the live sentence is in English');
        await passEveryChart(tab);
        const enCharts = await tab.eval(chartPixels, CHARTS);
        const seen = { en: en.reactive };
        for (const lang of ['zh-Hant', 'zh-Hans']) {
          await tab.click(`button[data-lang="${lang}"]`);
          const st = await tab.waitFor((l) => document.documentElement.lang === l && document.documentElement.hasAttribute('data-ready'), [lang], {
            message: `the page to switch to ${lang}`,
          });
          assert.ok(st);
          seen[lang] = (await tab.eval(readerState)).reactive;
          const story = await tab.waitFor(
            (l) => {
              const p = [...document.querySelectorAll(`.story [lang="${l}"]`)].find((e) => e.offsetParent !== null);
              return p && p.textContent.trim();
            },
            [lang],
            { message: `the ${lang} story to show` },
          );
          assert.match(story, /[\u4E00-\u9FFF]/, `the ${lang} story is Chinese text`);
        }
        assert.match(seen['zh-Hans'], /每户/, 'Simplified Chinese sentence');
        assert.match(seen['zh-Hant'], /每戶/, 'Traditional Chinese sentence');
        await passEveryChart(tab);
        const zhCharts = await tab.eval(chartPixels, CHARTS);
        assert.notDeepEqual(zhCharts.map((c) => c.hash), enCharts.map((c) => c.hash), 'the charts were redrawn in Chinese');
        assert.ok(zhCharts.every((c) => !c.blank), 'no chart is blank after switching language');
        await assertClean(tab, 'index.html through the languages');
      });
    });

    test('the embeds of the demo page reach data-ready, draw their charts and fit their content', { timeout: TIMEOUT }, async () => {
      await withTab(site.url + 'embed-demo.html', DESKTOP, async (tab) => {
        // The iframes load lazily: scroll each into view, as a reader would.
        for (const i of [0, 1]) {
          await tab.waitFor(
            (n) => {
              const f = document.querySelectorAll('iframe')[n];
              if (!f) return false;
              f.scrollIntoView({ block: 'center' });
              return !!f.contentDocument?.documentElement.hasAttribute('data-ready');
            },
            [i],
            { timeout: READY_MS, message: `embed ${i + 1} to reach data-ready` },
          );
        }
        // The frame follows its content's height (frame.js → embed.js): give it time to settle.
        let state = [];
        await poll(
          async () => {
            state = await tab.eval(embedsState);
            return state.every((e) => e.drawn.length > 0 && e.drawn.every(Boolean) && Math.abs(e.height - e.content) <= 2);
          },
          { message: 'every embed drawn and as tall as its content' },
        ).catch((e) => assert.fail(`${e.message}: ${JSON.stringify(state)}`));
        assert.equal(state.length, 2);
        await assertClean(tab, 'embed-demo.html');
      });
    });

    test('the single file works opened from disk', { timeout: TIMEOUT }, async () => {
      // WebKit: the probe goes into a copy of the file (the single file has no CSP to forbid
      // an inline script); Firefox gets it as a preload script and sees requests itself.
      let file = SINGLE;
      let dir = null;
      if (engineName === 'webkit') {
        dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'helong-engines-'));
        file = path.join(dir, 'helong-explainer.html');
        await fsp.writeFile(file, injectProbe(await fsp.readFile(SINGLE, 'utf8'), `<script>${PROBE_SOURCE}</script>`));
      }
      try {
        await withTab(pathToFileURL(file).href, DESKTOP, async (tab) => {
          await tab.waitFor(isReady, [], { timeout: READY_MS, message: 'data-ready from file://' });
          await passEveryChart(tab);
          const charts = await tab.eval(chartPixels, CHARTS);
          assert.deepEqual(charts.filter((c) => c.blank).map((c) => c.id), [], 'blank charts');
          await tab.pressKey('#in-grant', 'ArrowRight');
          await tab.waitFor(() => document.getElementById('in-grant').value === '5500', [], { message: 'the slider to move' });
          const st = await tab.waitFor(
            () => [...document.querySelectorAll('[data-out="households"]')].find((e) => e.offsetParent)?.textContent === '2314',
            [],
            { message: 'households to follow the slider (12.73 million ÷ 5,500 = 2,314)' },
          );
          assert.ok(st);
          const loaded = await tab.eval(() => performance.getEntriesByType('resource').map((e) => e.name));
          assert.deepEqual(loaded.filter((u) => !/^(file|data|blob):/.test(u)), [], 'the single file fetched something');
          const { errors, csp } = await tab.problems();
          assert.deepEqual(errors, [], 'errors from file://');
          assert.deepEqual(csp, []);
          if (tab.requests) assert.deepEqual(tab.requests.filter((u) => !/^(file|data|blob|about):/.test(u)), []);
        });
      } finally {
        if (dir) await fsp.rm(dir, { recursive: true, force: true });
      }
    });

    test('English text is set in a Latin font and Chinese in a CJK font of its script, on the page and in the charts', { timeout: TIMEOUT }, async () => {
      const faults = {};
      const fault = (lang, what, list) => list.length && ((faults[lang] ||= {})[what] = list);
      for (const lang of LANGS) {
        await reading(`index.html?lang=${lang}`, DESKTOP, async (tab) => {
          // The story of zh-Hant and en is a fragment fetched after data-ready.
          await tab.waitFor(
            (l) => [...document.querySelectorAll(`.story [lang="${l}"]`)].some((e) => e.offsetParent !== null),
            [lang],
            { message: `the ${lang} story` },
          );
          const m = await tab.eval(measureText, lang);
          await passEveryChart(tab);
          const fonts = await tab.eval(canvasQuoteWidths);
          assert.ok(fonts.length > 0, `the charts drew text in ${lang}`);
          if (process.env.ENGINES_VERBOSE) console.log(lang, JSON.stringify({ m, fonts }));
          if (lang === 'en') {
            assert.ok(m.quotes.length >= 4, `English text has quotation marks to measure (found ${m.quotes.length})`);
            fault(lang, `quotes wider than ${MAX_LATIN_QUOTE_EM} em (a CJK font)`, m.quotes.filter((q) => q.em > MAX_LATIN_QUOTE_EM));
            fault(lang, 'full-width punctuation', m.fullWidth);
            fault(lang, 'chart fonts that draw quotes full-width', fonts.filter((f) => f.em === null || f.em > MAX_LATIN_QUOTE_EM));
          } else {
            assert.ok(m.ideographs.length >= 10, `${lang} text has ideographs to measure`);
            fault(lang, 'ideographs not about one em wide (no CJK font?)', m.ideographs.filter((q) => q.em < 0.85 || q.em > 1.3));
            fault(lang, `quotes narrower than ${MIN_CJK_QUOTE_EM} em (a Latin font)`, m.quotes.filter((q) => q.em < MIN_CJK_QUOTE_EM));
            fault(lang, 'chart fonts that draw quotes narrow (a Latin font first)', fonts.filter((f) => f.em === null || f.em < MIN_CJK_QUOTE_EM));
          }
        });
      }
      assert.deepEqual(faults, {}, 'typography faults, by language');
    });

    test('at phone width nothing reaches past the screen, in any language', { timeout: TIMEOUT }, async () => {
      for (const lang of LANGS) {
        await reading(`index.html?lang=${lang}`, PHONE, async (tab) => {
          const width = await tab.eval(() => document.documentElement.clientWidth);
          assert.ok(Math.abs(width - PHONE.width) <= 20, `the viewport is phone width (got ${width}px)`);
          assert.equal(await tab.eval(overflowX), 0, `the ${lang} page scrolls sideways at ${PHONE.width}px`);
          await passEveryChart(tab);
          const charts = await tab.eval(chartPixels, CHARTS);
          assert.deepEqual(charts.filter((c) => c.blank).map((c) => c.id), [], `blank charts at ${PHONE.width}px`);
          await assertClean(tab, `index.html?lang=${lang} at ${PHONE.width}px`);
        });
      }
    });
  });
}
