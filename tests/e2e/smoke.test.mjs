// End-to-end smoke tests: the built page in headless Chromium, served by tools/serve.mjs.
// Run: node --test tests/e2e/   (after `make build`; E2E_ROOT overrides the served folder)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../../tools/serve.mjs';
import { assertClean, canvasIsBlank, canvasMetrics, drawEveryChart, launchBrowser, waitReady, withPage } from './helpers.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW_ROOT = path.resolve(process.env.E2E_ROOT || path.join(REPO_ROOT, 'dist'));
const BUILT_PAGE = path.join(WWW_ROOT, 'index.html');
const CHART = '#chart-allocation';
const PAGE = 'index.html';
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
const DESKTOP = { width: 1280, height: 900 };
const PHONE_WIDTH = 390;
const TEST_TIMEOUT_MS = 60_000;
const REDRAW_TIMEOUT_MS = 5_000;

/** Fails with a clear instruction when the wasm-bindgen output has not been built. */
function requireBuiltPage() {
  if (!existsSync(BUILT_PAGE) || !existsSync(path.join(WWW_ROOT, 'manifest.json'))) {
    throw new Error(
      `${path.relative(REPO_ROOT, WWW_ROOT)} is not a built site (no index.html or manifest.json). Run \`make dist\` first.`,
    );
  }
}

/** Performs a raw GET of a path (sent verbatim, no URL normalisation) and resolves to { status, headers, body }. */
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls an async predicate until it is true or the timeout passes; resolves to its last value. */
async function eventually(predicate, timeoutMs = REDRAW_TIMEOUT_MS, stepMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await predicate();
    if (ok || Date.now() > deadline) return ok;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Asserts the canvas backing width equals round(CSS width × devicePixelRatio). */
async function assertCrispBacking(page, selector) {
  const m = await canvasMetrics(page, selector);
  const rectWidth = await page.$eval(selector, (c) => c.getBoundingClientRect().width);
  const expected = [Math.round(m.clientWidth * m.dpr), Math.round(rectWidth * m.dpr)];
  assert.ok(m.clientWidth > 0, `${selector} has zero CSS width`);
  assert.ok(
    expected.includes(m.width),
    `${selector} backing width ${m.width} ≠ round(${m.clientWidth} × ${m.dpr}) = ${expected[0]} at devicePixelRatio ${m.dpr}`,
  );
}

describe('the page in a browser', () => {
  let server;
  let browser;

  before(async () => {
    requireBuiltPage();
    server = await startServer({ root: WWW_ROOT });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs `fn` with the page open at `opts`, once it is ready; closes it after. */
  const reading = (opts, fn) =>
    withPage(browser, server.url + PAGE, opts, async (s) => {
      await waitReady(s.page);
      return fn(s);
    });

  test('the page reaches data-ready and draws the allocation chart once the reader scrolls to it', { timeout: TEST_TIMEOUT_MS }, async () => {
    for (const deviceScaleFactor of [1, 2]) {
      await reading({ ...DESKTOP, deviceScaleFactor }, async (s) => {
        await drawEveryChart(s.page);
        assert.ok(await s.page.$(CHART), `${CHART} is missing`);
        assert.equal(await canvasIsBlank(s.page, CHART), false, `${CHART} is blank at dsf ${deviceScaleFactor}`);
        await assertCrispBacking(s.page, CHART);
      });
    }
  });

  test('the page logs no console error and requests nothing off 127.0.0.1', { timeout: TEST_TIMEOUT_MS }, async () => {
    await reading(DESKTOP, async (s) => {
      await assertClean(s);
      const wasm = s.responses.filter((r) => new URL(r.url).pathname.endsWith('.wasm'));
      assert.ok(wasm.length > 0, 'the page loaded no .wasm file');
      for (const r of wasm) {
        assert.equal(r.status, 200, `${r.url} status`);
        assert.equal(r.contentType, 'application/wasm', `${r.url} content-type`);
      }
    });
  });

  test('the chart redraws when its container is resized', { timeout: TEST_TIMEOUT_MS }, async () => {
    await reading(DESKTOP, async (s) => {
      await s.page.$eval(CHART, (c) => c.scrollIntoView({ block: 'center' }));
      await drawEveryChart(s.page);
      const before = (await canvasMetrics(s.page, CHART)).width;
      await s.page.setViewportSize({ width: PHONE_WIDTH, height: DESKTOP.height });
      // The page is longer at phone width: the chart is brought back into view.
      await s.page.$eval(CHART, (c) => c.scrollIntoView({ block: 'center' }));
      await s.page
        .waitForFunction(([sel, w]) => document.querySelector(sel)?.width !== w, [CHART, before], {
          timeout: REDRAW_TIMEOUT_MS,
        })
        .catch(() => assert.fail(`${CHART} backing width stayed ${before} after resizing the viewport to ${PHONE_WIDTH}px`));
      const drawn = await eventually(async () => !(await canvasIsBlank(s.page, CHART)));
      assert.ok(drawn, `${CHART} is blank after resizing to ${PHONE_WIDTH}px`);
      assert.deepEqual(s.errors, [], 'console errors / page errors while resizing');
    });
  });
});

describe('the static server', () => {
  let server;

  before(async () => {
    server = await startServer({ root: WWW_ROOT });
  });

  after(async () => {
    await server?.close();
  });

  test('the server refuses to serve files outside its root', async () => {
    for (const p of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/%2E%2E/Cargo.toml', '/..%2fCargo.toml', '/pkg/../../Cargo.toml']) {
      const r = await rawGet(server.port, p);
      assert.equal(r.status, 404, `GET ${p}`);
      assert.match(r.headers['content-type'], /^text\/plain/, `GET ${p} content-type`);
      assert.doesNotMatch(r.body, /\[package\]/, `GET ${p} leaked Cargo.toml`);
    }
  });

  test('every response carries the content security policy', async () => {
    for (const p of ['/', '/no-such-file.txt']) {
      const r = await rawGet(server.port, p);
      assert.equal(r.headers['content-security-policy'], CSP, `GET ${p} CSP`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `GET ${p} nosniff`);
    }
    const root = await rawGet(server.port, '/');
    assert.equal(root.status, 200, 'GET / serves index.html');
    assert.match(root.headers['content-type'], /^text\/html/);
    assert.equal(root.headers['cache-control'], 'no-cache');
  });
});
