// While a control moves, the page leaves out of its frames what the reader cannot see (issue 26):
// the story's sections are content-visibility: auto and the charts off screen are parked
// (visibility: hidden) until the pause (`explainer:settled`) or a scroll, which unparks them in
// its own frame; the story is painted again once the reader has been still for two seconds. The charts on screen (the phone's strip, the wide screen's chart column) are
// never parked. The site is served from E2E_ROOT (default dist/).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drawEveryChart, nextEvent, scrollToMiddle, useSite, waitReady, withPage } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 120_000;
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true };
const DESKTOP = { width: 1280, height: 800 };

/** Move slider `id` once and, after the next frame, say what the page left out of it: whether
 * <html> is marked moving, each shown canvas's state (parked, visibility, on screen) and the
 * story sections' content-visibility. */
function moveAndLook(page, id) {
  return page.evaluate(async (id) => {
    const el = /** @type {HTMLInputElement} */ (document.getElementById(id));
    el.value = String(Number(el.min) + (Number(el.max) - Number(el.min)) * 0.37);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    return look();
    function layoutOfStory() {
      return [...document.querySelectorAll('main > section.story')].map((sec) => `${sec.id} ${Math.round(sec.getBoundingClientRect().height)}`);
    }
    function look() {
      const vh = window.innerHeight;
      const canvases = [...document.querySelectorAll('.chart canvas')]
        .filter((c) => c.getBoundingClientRect().width > 0)
        .map((c) => {
          const r = c.getBoundingClientRect();
          return { id: c.id, parked: c.hasAttribute('data-parked'), visibility: getComputedStyle(c).visibility, onScreen: r.bottom > 0 && r.top < vh };
        });
      const stories = [...document.querySelectorAll('main > section.story')].map((s) => getComputedStyle(s).contentVisibility);
      const page = layoutOfStory();
      return { moving: document.documentElement.hasAttribute('data-moving'), canvases, stories, page };
    }
  }, id);
}

/** The same look once the page has settled. */
function lookNow(page) {
  return page.evaluate(() => ({
    moving: document.documentElement.hasAttribute('data-moving'),
    parked: [...document.querySelectorAll('canvas[data-parked]')].map((c) => c.id),
    stories: [...new Set([...document.querySelectorAll('main > section.story')].map((s) => getComputedStyle(s).contentVisibility))],
  }));
}

describe('a move leaves out what is off screen, until the pause', { timeout: 6 * TIMEOUT }, () => {
  const site = useSite(ROOT);

  test('phone: the charts off screen are parked during a drag, the strip is not; the charts back at the pause, the story after', { timeout: TIMEOUT }, async () => {
    await withPage(site.browser, `${site.server.url}index.html`, PHONE, async (p) => {
      await waitReady(p.page);
      await drawEveryChart(p.page);
      await scrollToMiddle(p.page, '#in-grant');
      const settled = await nextEvent(p.page, 'explainer:settled');
      const before = await p.page.evaluate(() =>
        [...document.querySelectorAll('main > section.story')].map((sec) => `${sec.id} ${Math.round(sec.getBoundingClientRect().height)}`),
      );
      const mid = await moveAndLook(p.page, 'in-grant');
      assert.equal(mid.moving, true, 'a move marks <html> data-moving');
      assert.deepEqual(mid.page, before, 'the story sections left unpainted keep their size (a first move would otherwise shift the page)');
      const strip = mid.canvases.find((c) => c.id === 'chart-total');
      assert.ok(strip && strip.onScreen, 'the strip chart is on screen while the grant moves');
      assert.deepEqual([strip.parked, strip.visibility], [false, 'visible'], 'the strip chart is not parked');
      const off = mid.canvases.filter((c) => !c.onScreen);
      assert.ok(off.length >= 3, `charts off screen during the move: ${JSON.stringify(mid.canvases)}`);
      for (const c of off) assert.deepEqual([c.id, c.parked, c.visibility], [c.id, true, 'hidden'], `${c.id} is parked off screen`);
      for (const c of mid.canvases.filter((x) => x.onScreen)) assert.equal(c.parked, false, `${c.id} on screen is not parked`);
      assert.ok(mid.stories.length > 0 && mid.stories.every((v) => v === 'auto'), `story sections during a move: ${mid.stories}`);
      await settled();
      assert.deepEqual(await lookNow(p.page), { moving: true, parked: [], stories: ['auto'] }, 'at the pause the charts are back; the story waits');
      await p.page.waitForFunction(() => !document.documentElement.hasAttribute('data-moving'), null, { timeout: 10_000 });
      assert.deepEqual(await lookNow(p.page), { moving: false, parked: [], stories: ['visible'] }, 'still for a while, nothing is left out');
      assert.deepEqual(p.errors, []);
    });
  });

  test('phone: a scroll during a drag unparks the charts in its own frame, before it is painted', { timeout: TIMEOUT }, async () => {
    await withPage(site.browser, `${site.server.url}index.html`, PHONE, async (p) => {
      await waitReady(p.page);
      await drawEveryChart(p.page);
      await scrollToMiddle(p.page, '#in-budget');
      const mid = await moveAndLook(p.page, 'in-budget');
      assert.ok(mid.canvases.some((c) => c.id === 'chart-context' && c.parked), 'the context chart is parked during the move');
      const seen = await p.page.evaluate(async () => {
        const c = /** @type {HTMLCanvasElement} */ (document.getElementById('chart-context'));
        c.scrollIntoView({ block: 'center' });
        // Animation frame callbacks run after the frame's scroll events and before its paint.
        return new Promise((resolve) =>
          requestAnimationFrame(() => resolve({ parked: c.hasAttribute('data-parked'), visibility: getComputedStyle(c).visibility, any: document.querySelectorAll('canvas[data-parked]').length })),
        );
      });
      assert.deepEqual(seen, { parked: false, visibility: 'visible', any: 0 }, 'scrolled to, the chart shows in the scroll’s first frame');
      assert.deepEqual(p.errors, []);
    });
  });

  test('phone: a move that leaves the benefit unchanged says why in the strip within the move; the charts’ live note, off screen under them, catches up at the pause', { timeout: TIMEOUT }, async () => {
    await withPage(site.browser, `${site.server.url}index.html?lang=en`, PHONE, async (p) => {
      await waitReady(p.page);
      await scrollToMiddle(p.page, '#in-mix-0');
      const settled = await nextEvent(p.page, 'explainer:settled');
      const mid = await p.page.evaluate(() => {
        const el = /** @type {HTMLInputElement} */ (document.getElementById('in-mix-0'));
        el.value = '40';
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const live = /** @type {HTMLElement} */ (document.getElementById('why-unchanged'));
        const r = live.parentElement.getBoundingClientRect();
        return {
          strip: document.querySelector('.sim-strip [data-out="strip_note"]').textContent,
          live: live.textContent,
          chartsOnScreen: r.bottom > 0 && r.top < window.innerHeight,
        };
      });
      assert.equal(mid.chartsOnScreen, false, 'the charts are below the controls being moved');
      assert.match(mid.strip, /\S/, 'the strip says at once what moved instead');
      assert.equal(mid.live, '', 'the live note is not rewritten (and announced) on every move');
      await settled();
      assert.match(await p.page.$eval('#why-unchanged', (el) => el.textContent), /Same expected benefit/, 'at the pause the live note says why');
      assert.deepEqual(p.errors, []);
    });
  });

  test('phone: the live summary, written at the pause, is faded from a move until it catches up, so its old numbers are not read as the new ones', { timeout: TIMEOUT }, async () => {
    await withPage(site.browser, `${site.server.url}index.html?lang=en`, PHONE, async (p) => {
      await waitReady(p.page);
      await scrollToMiddle(p.page, '#in-grant');
      const summary = () => p.page.$eval('#summary', (el) => ({ text: el.textContent, opacity: getComputedStyle(el).opacity }));
      const before = await summary();
      assert.equal(before.opacity, '1', 'not faded before a move');
      const settled = await nextEvent(p.page, 'explainer:settled');
      await p.page.$eval('#in-grant', (el) => {
        el.value = String(Number(el.max));
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const mid = await summary();
      assert.equal(mid.text, before.text, 'the summary is still the scenario before the move');
      assert.ok(Number(mid.opacity) < 0.6, `faded while behind (opacity ${mid.opacity})`);
      await settled();
      const after = await summary();
      assert.notEqual(after.text, before.text, 'at the pause it describes the new scenario');
      assert.equal(after.opacity, '1', 'and is no longer faded');
      assert.deepEqual(p.errors, []);
    });
  });

  test('wide screen: the chart column beside the controls is never parked while a slider moves', { timeout: TIMEOUT }, async () => {
    await withPage(site.browser, `${site.server.url}index.html`, DESKTOP, async (p) => {
      await waitReady(p.page);
      await scrollToMiddle(p.page, '#in-mix-0');
      const settled = await nextEvent(p.page, 'explainer:settled');
      const mid = await moveAndLook(p.page, 'in-mix-0');
      assert.equal(mid.moving, true);
      const shown = mid.canvases.filter((c) => c.onScreen).map((c) => c.id);
      for (const id of ['chart-allocation', 'chart-benefit']) assert.ok(shown.includes(id), `${id} on screen beside the controls: ${shown}`);
      for (const c of mid.canvases.filter((x) => x.onScreen)) assert.deepEqual([c.id, c.parked, c.visibility], [c.id, false, 'visible']);
      await settled();
      assert.deepEqual((await lookNow(p.page)).parked, []);
      assert.deepEqual(p.errors, []);
    });
  });
});
