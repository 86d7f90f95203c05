// The simulator as one instrument: every slider has a scenario chart in view while it moves,
// the assumptions sit in a disclosure, single-view embeds fit a news column, the phone's sticky
// strip never hides the focused control, and nothing shifts while the page and the embeds load.
// The site is served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scrollToMiddle, useSite, waitReady, withPage } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 120_000;
const SCREENS = [
  { name: 'desktop 1280×800', width: 1280, height: 800 },
  { name: 'phone 390×844', width: 390, height: 844, isMobile: true },
];
const SCENARIO_CANVASES = ['chart-allocation', 'chart-benefit', 'chart-outcomes', 'chart-total'];
const VIEWS = ['allocation', 'benefit', 'outcomes'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
/** A news column's embed, and a phone at its real pixel ratio. */
const EMBED_COLUMN = { width: 640, height: 900 };
const PHONE_3X = { ...SCREENS[1], deviceScaleFactor: 3 };
/** Tallest a single-view embed may be at 640 px width (issue 10). */
const EMBED_MAX_PX = 760;
/** Largest cumulative layout shift allowed while a page loads (issue 12). */
const CLS_MAX = 0.01;

/** For every slider scrolled to the middle of the screen: how many scenario charts are at least half on screen. */
async function chartsInViewPerSlider(page) {
  const ids = await page.$$eval('#controls input[type="range"]', (els) => els.map((e) => e.id));
  const out = {};
  for (const id of ids) {
    out[id] = await page.evaluate(
      ({ id, canvases }) => {
        const el = document.getElementById(id);
        el.closest('details')?.setAttribute('open', '');
        const r0 = el.getBoundingClientRect();
        window.scrollBy(0, r0.top + r0.height / 2 - window.innerHeight / 2);
        const vh = window.innerHeight;
        return canvases.filter((c) => {
          const r = document.getElementById(c)?.getBoundingClientRect();
          if (!r || r.height === 0 || r.width === 0) return false;
          const seen = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
          return seen >= r.height / 2;
        }).length;
      },
      { id, canvases: SCENARIO_CANVASES },
    );
  }
  return out;
}

/** Load `url` with a layout-shift observer installed before any script, wait until the page has
 * done all it does after loading (`settled`), return the CLS. */
function loadShift(browser, url, opts) {
  return withPage(browser, 'about:blank', opts, async (p) => {
    await p.page.addInitScript(() => {
      window.__cls = 0;
      window.__shifts = [];
      new PerformanceObserver((list) => {
        // Every shift counts, hadRecentInput or not: the test gives no input while the page loads,
        // yet Chromium's mobile emulation marks some shifts as after input (Lighthouse counts them).
        for (const e of list.getEntries()) {
          window.__cls += e.value;
          window.__shifts.push({ value: e.value, nodes: (e.sources || []).map((s) => s.node?.nodeName + '#' + (s.node?.id || s.node?.className || '')) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      // A render after data-ready (the end of the start asks for one when a box changed while the
      // charts were drawn) is followed by the idle update, whose text may move the page too.
      window.__unsettled = false;
      addEventListener('explainer:rendered', () => (window.__unsettled = true));
      addEventListener('explainer:settled', () => (window.__unsettled = false));
    });
    await p.page.goto(url);
    await waitReady(p.page);
    // Settled: after a frame (a render asked for at data-ready has run), every resource and font
    // is in and no idle update is pending; then two frames more, so that the observer has been
    // told of a shift in the last one.
    const frames = (n) => p.page.evaluate((n) => new Promise((done) => {
      const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : setTimeout(done));
      step(n);
    }), n);
    await frames(2);
    await p.page.waitForFunction(() => document.readyState === 'complete' && document.fonts.status === 'loaded' && !window.__unsettled);
    await frames(2);
    return p.page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  });
}

describe('the simulator as one instrument', { timeout: TIMEOUT }, () => {
  const site = useSite(ROOT);
  /** Runs `fn` with `path` of the site open at `opts`, once it is ready; closes it after. */
  const reading = (path, opts, fn) =>
    withPage(site.browser, `${site.server.url}${path}`, opts, async (p) => {
      await waitReady(p.page);
      return fn(p);
    });

  for (const screen of SCREENS) {
    test(`every slider, scrolled to the middle of a ${screen.name} screen, has a scenario chart at least half on screen`, async () => {
      await reading('index.html', screen, async (p) => {
        const seen = await chartsInViewPerSlider(p.page);
        assert.equal(Object.keys(seen).length, 16, 'sixteen sliders');
        const blind = Object.entries(seen).filter(([, n]) => n < 1).map(([id]) => id);
        assert.deepEqual(blind, [], `sliders with no chart in view: ${JSON.stringify(seen)}`);
      });
    });
  }

  test('the assumptions are in a closed disclosure whose summary states them in words, opened by a link that sets one', async () => {
    await reading('index.html?lang=en', SCREENS[0], async (p) => {
      const disclosure = () => p.page.$eval('#assumptions', (el) => ({ open: el.open, summary: el.querySelector('summary').innerText }));
      const d = await disclosure();
      assert.equal(d.open, false);
      assert.match(d.summary, /equal returns · β 1\.00 · failure 10% · spread σ 0\.50 · courtyards 2,458/);
      assert.equal(await p.page.$eval('#in-fail', (el) => el.checkVisibility()), false, 'assumption sliders hidden while closed');
      await p.page.goto(`${site.server.url}index.html?lang=en&sigma=0.8`);
      await waitReady(p.page);
      const after = await disclosure();
      assert.equal(after.open, true, 'a link with sigma opens the disclosure');
      assert.match(after.summary, /σ 0\.80/);
    });
  });

  test('a move that leaves the expected benefit unchanged says why, in the reader’s language', async () => {
    await reading('index.html?lang=en', SCREENS[0], async (p) => {
      assert.equal(await p.page.$eval('#why-unchanged', (el) => el.textContent), '', 'nothing said before a move');
      // The reader moves the slider where it is, beside the charts and the note (numbers off
      // screen follow at the pause).
      await scrollToMiddle(p.page, '#in-mix-0');
      await p.page.$eval('#in-mix-0', (el) => {
        el.value = '40';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const note = await p.page.$eval('#why-unchanged', (el) => el.textContent);
      assert.match(note, /Same expected benefit: with equal returns and β = 1/);
      assert.match(note, /households funded/);
    });
  });

  test('on a phone, a control reached with the keyboard is never hidden under the sticky strip', async () => {
    await reading('index.html', SCREENS[1], async (p) => {
      await p.page.focus('#in-grant');
      const hidden = [];
      // Twelve steps forward, then twelve back.
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 12; i++) {
          await p.page.keyboard.press(key);
          const r = await p.page.evaluate(() => {
            const a = document.activeElement;
            const strip = document.querySelector('.sim-strip').getBoundingClientRect();
            const box = a.getBoundingClientRect();
            return { id: a.id || a.className || a.tagName, top: box.top, stripBottom: strip.bottom, stuck: Math.abs(strip.top) < 1 };
          });
          if (r.stuck && r.top < r.stripBottom - 1) hidden.push(r);
        }
      }
      assert.deepEqual(hidden, []);
      const strip = await p.page.$eval('.sim-strip', (el) => el.getBoundingClientRect().height);
      assert.ok(strip <= 0.4 * 844, `strip ${strip}px is at most 40% of the screen`);
    });
  });

  for (const view of VIEWS) {
    test(`the ${view} embed is at most ${EMBED_MAX_PX} px tall at 640 px width in every language, and "more controls" opens the rest`, async () => {
      for (const lang of LANGS) {
        await reading(`embed.html?view=${view}&lang=${lang}`, EMBED_COLUMN, async (p) => {
          const h = await p.page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          assert.ok(h <= EMBED_MAX_PX, `${view} ${lang}: ${h} px`);
          assert.equal(await p.page.$eval('#in-grant', (el) => el.checkVisibility()), true, 'grant shown');
          assert.equal(await p.page.$eval('#in-sigma', (el) => el.checkVisibility()), false, 'assumptions behind "more controls"');
          await p.page.click('.more-toggle');
          assert.equal(await p.page.$eval('#assumptions', (el) => el.checkVisibility()), true);
          assert.equal(await p.page.$eval('.more-toggle', (el) => el.getAttribute('aria-expanded')), 'true');
        });
      }
    });
  }

  test('controls=none shows no control and controls=all shows every one with the switches', async () => {
    await reading('embed.html?view=benefit&controls=none', EMBED_COLUMN, async (none) => {
      assert.equal(await none.page.$eval('#in-grant', (el) => el.checkVisibility()), false);
    });
    await reading('embed.html?view=benefit&controls=all', EMBED_COLUMN, async (all) => {
      assert.equal(await all.page.$eval('#in-mix-0', (el) => el.checkVisibility()), true);
      assert.equal(await all.page.$eval('[data-lang="en"]', (el) => el.checkVisibility()), true);
    });
  });

  for (const [url, opts] of [
    ['index.html', SCREENS[0]],
    ['index.html', SCREENS[1]],
    ...['allocation', 'benefit', 'outcomes', 'context', 'all'].map((v) => [`embed.html?view=${v}`, EMBED_COLUMN]),
    ['embed.html?view=benefit&lang=en', { width: 390, height: 844, isMobile: true }],
    // Lighthouse's phone (mobile preset): the controls of a single-view embed are on screen.
    ...['allocation', 'benefit'].map((v) => [`embed.html?view=${v}`, { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true }]),
  ]) {
    test(`nothing shifts while ${url} loads at ${opts.width} px (CLS ≤ ${CLS_MAX})`, async () => {
      const { cls, shifts } = await loadShift(site.browser, `${site.server.url}${url}`, opts);
      assert.ok(cls <= CLS_MAX, `CLS ${cls}: ${JSON.stringify(shifts)}`);
    });
  }

  /** Runs `fn({ p, hash, move, settled })` with index.html open on a phone and `slider` in the
   * middle of the screen (`hash(ids)` fingerprints canvases' pixels); closes it after. */
  const phoneAt = (slider, fn) =>
    reading('index.html', PHONE_3X, async (p) => {
      // A slider in the closed assumptions disclosure (failure) is shown first.
      await p.page.$eval(slider, (el) => el.closest('details')?.setAttribute('open', ''));
      await scrollToMiddle(p.page, slider);
      const hash = (ids) =>
        p.page.evaluate((ids) => {
          const onScreen = (c) => {
            const r = c.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && r.width > 0;
          };
          return ids.map((id) => {
            const c = document.getElementById(id);
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let h = 2166136261;
            for (let i = 0; i < d.length; i += 7) h = Math.imul(h ^ d[i], 16777619);
            return { id, shown: onScreen(c), hash: h >>> 0 };
          });
        }, ids);
      /** Move a slider (one input event) and say whether the strip's "what moved instead" line
       * shows; `settled()` then resolves once the page's idle update after the move has run (the
       * move restarts its timer, so the first `explainer:settled` after it is that move's). */
      const move = (id, value) =>
        p.page.$eval(
          id,
          (el, value) => {
            window.__settled = new Promise((resolve) => addEventListener('explainer:settled', resolve, { once: true }));
            el.value = value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
            return document.querySelector('.sim-strip .strip-note').textContent !== '';
          },
          value,
        );
      const settled = () => p.page.evaluate(() => window.__settled);
      return fn({ p, hash, move, settled });
    });

  test('on a phone, a slider move draws the chart on screen at once, the charts near the screen once the reader pauses and the others as they come near', async () => {
    await phoneAt('#in-budget', async ({ p, hash, move, settled }) => {
      // The scenario's charts (the context chart shows only the dataset).
      const ids = ['chart-total', 'chart-allocation', 'chart-benefit', 'chart-outcomes'];
      const before = await hash(ids);
      assert.deepEqual(before.map((c) => c.shown), [true, false, false, false], 'the strip’s chart on screen, the others above');
      assert.equal(await move('#in-budget', '20000000'), false, 'a new budget changes the expected benefit');
      const during = await hash(ids);
      assert.notEqual(during[0].hash, before[0].hash, 'the strip’s chart is drawn within the move');
      assert.deepEqual(during.slice(1).map((c) => c.hash), before.slice(1).map((c) => c.hash), 'the charts off screen wait');
      await settled();
      const after = await hash(ids);
      // Within one screen of the viewport: drawn at the pause. Further: when the reader comes near.
      const near = await p.page.evaluate((ids) => ids.map((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.bottom > -innerHeight && r.top < 2 * innerHeight;
      }), ids);
      assert.ok(near.slice(1).includes(true) && near.includes(false), `charts both near and far off screen: ${near}`);
      for (let i = 1; i < ids.length; i++) {
        if (near[i]) assert.notEqual(after[i].hash, before[i].hash, `${ids[i]}, within a screen, is drawn once the reader pauses`);
        else assert.equal(after[i].hash, before[i].hash, `${ids[i]}, further away, is not drawn at the pause`);
      }
      const far = ids.filter((id, i) => !near[i]);
      // A frame after each jump: its scroll events (which draw a chart jumped to) have run.
      for (const id of far) {
        await p.page.$eval(`#${id}`, (c) => {
          c.scrollIntoView({ block: 'center' });
          return new Promise((resolve) => requestAnimationFrame(() => resolve()));
        });
      }
      const reached = await hash(far);
      for (const [i, c] of reached.entries()) assert.notEqual(c.hash, before[ids.indexOf(far[i])].hash, `${far[i]} is drawn once scrolled to`);
    });
  });

  test('on a phone, a move writes the numbers on screen at once and those off screen once the reader pauses', async () => {
    await phoneAt('#in-grant', async ({ p, move, settled }) => {
      const read = () =>
        p.page.evaluate(() => {
          const shown = (sel) => [...document.querySelectorAll(sel)].find((e) => e.offsetParent !== null);
          const r = shown('.reactive [data-adjust="grant"]').getBoundingClientRect();
          return {
            strip: shown('.sim-strip [data-out="households"]').textContent,
            output: document.getElementById('out-grant').textContent,
            sentence: shown('.reactive [data-adjust="grant"]').textContent,
            sentenceOnScreen: r.bottom > 0 && r.top < innerHeight,
          };
        });
      const before = await read();
      assert.equal(before.sentenceOnScreen, false, 'the reactive sentence is off screen, above');
      await move('#in-grant', '10000');
      const during = await read();
      assert.notEqual(during.strip, before.strip, 'the strip’s households follow the move');
      assert.notEqual(during.output, before.output, 'the slider’s own number follows the move');
      assert.equal(during.sentence, before.sentence, 'the sentence off screen waits');
      await settled();
      assert.notEqual((await read()).sentence, before.sentence, 'the sentence off screen follows once the reader pauses');
    });
  });

  test('on a phone, the strip’s chart changes its pixels on every move of the grant, the budget, a mix slider and the failure rate', async () => {
    // Grant and mix moves leave the expected benefit as it was (equal returns, β = 1): the
    // strip then shows the households by kind; budget and failure moves show the total's range.
    const moves = {
      '#in-grant': ['5500', '6000', '8000', '10000', '2500'],
      '#in-budget': ['13000000', '14000000', '9000000', '20000000', '5000000'],
      '#in-mix-0': ['30', '40', '10', '60', '5'],
      '#in-fail': ['0.2', '0.3', '0.05', '0.5', '0.12'],
    };
    for (const [slider, values] of Object.entries(moves)) {
      await phoneAt(slider, async ({ p, hash, move }) => {
        let last = (await hash(['chart-total']))[0].hash;
        for (const v of values) {
          const noted = await move(slider, v);
          const now = (await hash(['chart-total']))[0];
          assert.ok(now.shown, `${slider}=${v}: the strip’s chart is on screen`);
          assert.notEqual(now.hash, last, `${slider}=${v}: the strip’s chart changed within the move (note shown: ${noted})`);
          last = now.hash;
        }
        // The note is one line under the chart, never over it.
        const geo = await p.page.evaluate(() => {
          const c = document.getElementById('chart-total').getBoundingClientRect();
          const n = document.querySelector('.sim-strip .strip-note').getBoundingClientRect();
          const s = document.querySelector('.sim-strip').getBoundingClientRect();
          return { chartBottom: c.bottom, noteTop: n.top, noteHeight: n.height, strip: s.height, screen: innerHeight };
        });
        assert.ok(geo.noteTop >= geo.chartBottom - 0.5, `${slider}: the note is under the chart: ${JSON.stringify(geo)}`);
        assert.ok(geo.noteHeight < 24, `${slider}: the note is one line: ${JSON.stringify(geo)}`);
        assert.ok(geo.strip <= 0.3 * geo.screen, `${slider}: the strip takes at most 30% of the screen: ${JSON.stringify(geo)}`);
      });
    }
  });

  test('on a phone, the start draws the charts near the first screen and none of the simulator’s charts further down', async () => {
    await reading('index.html', PHONE_3X, async (p) => {
      const charts = await p.page.$$eval('.chart canvas', (cs) =>
        cs.map((c) => {
          const r = c.getBoundingClientRect();
          return { id: c.id, near: r.width > 0 && r.top < 2 * innerHeight, far: r.width > 0 && r.top > 2 * innerHeight, width: c.width };
        }),
      );
      assert.ok(charts.some((c) => c.near), 'a chart is within a screen of the first one');
      assert.ok(charts.filter((c) => c.far).length >= 3, `the simulator’s charts are further down: ${JSON.stringify(charts)}`);
      for (const c of charts) {
        // A canvas never drawn keeps the 300 × 150 pixels every canvas starts with.
        if (c.near) assert.notEqual(c.width, 300, `${c.id}, near the first screen, is drawn by data-ready`);
        if (c.far) assert.equal(c.width, 300, `${c.id}, far below, is not drawn at start`);
      }
    });
  });

  test('on a phone, a chart jumped to before it was drawn is drawn in the frame that shows it, never an empty box', async () => {
    for (const id of ['chart-outcomes', 'chart-total', 'chart-allocation', 'chart-benefit']) {
      await reading('index.html', PHONE_3X, async (p) => {
        // One jump from the top (a link, a find in page): no scroll passes near the chart first.
        const seen = await p.page.$eval(`#${id}`, (c) => {
          const blank = () => {
            if (c.width === 300 && c.height === 150) return true;
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 3] !== d[3]) return false;
            return true;
          };
          const before = blank();
          c.scrollIntoView({ block: 'center' });
          // Animation frame callbacks run after the scroll's events and before the frame is painted.
          return new Promise((resolve) => requestAnimationFrame(() => resolve({ before, inFrame: blank() })));
        });
        assert.equal(seen.before, true, `${id} was not drawn before the jump`);
        assert.equal(seen.inFrame, false, `${id} is drawn in the frame the jump shows it in`);
      });
    }
  });

  test('data-ready is set once every visible chart is drawn at its real size', async () => {
    await reading('embed.html?view=benefit', { width: 640, height: 900, waitUntil: 'commit' }, async (p) => {
      const sizes = await p.page.$$eval('.chart canvas', (cs) =>
        cs.filter((c) => c.getBoundingClientRect().width > 0).map((c) => [c.id, c.width, Math.round(c.getBoundingClientRect().width * devicePixelRatio)]),
      );
      assert.ok(sizes.length >= 1);
      for (const [id, w, box] of sizes) assert.equal(w, box, `${id} drawn at its box width when data-ready is set`);
    });
  });

  // Done in one task, the start kept a phone's main thread busy for about 600 ms after the first
  // paint (Lighthouse's blocking time 270–320 ms); cut into pieces, each chart is drawn in a task
  // of its own with a frame after it. Counted in frames, not timed: the machine may be slow.
  test('the page starts in pieces the browser paints between, one chart at a time', async () => {
    await withPage(site.browser, 'about:blank', { width: 390, height: 844, isMobile: true }, async (p) => {
      await p.page.addInitScript(() => {
        window.__frames = [];
        const tick = () => {
          window.__frames.push(performance.now());
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // At the simulator, where the start has four charts to draw.
      await p.page.goto(`${site.server.url}index.html#simulator`);
      await waitReady(p.page);
      const { frames, charts } = await p.page.evaluate(() => {
        const from = performance.getEntriesByName('explainer:model-ready')[0].startTime;
        const to = performance.getEntriesByName('explainer:data-ready')[0].startTime;
        // Drawn at start: no longer the 300 × 150 pixels every canvas starts with.
        const drawn = [...document.querySelectorAll('.chart canvas')].filter((c) => c.getBoundingClientRect().width > 0 && c.width !== 300);
        return { frames: window.__frames.filter((t) => t > from && t < to).length, charts: drawn.length };
      });
      assert.ok(charts >= 3, `${charts} charts drawn at start`);
      assert.ok(frames >= charts, `${frames} frames painted between the model and data-ready, for ${charts} charts`);
    });
  });
});
