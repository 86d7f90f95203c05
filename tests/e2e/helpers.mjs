// Shared helpers for the end-to-end tests and the screenshot tool.
// Uses playwright-core with Debian's Chromium; never downloads a browser.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Chromium still resolves update/account hosts in the background despite the flags above:
  // resolve nothing but 127.0.0.1, so no DNS query or connection leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
export const READY_SELECTOR = 'html[data-ready]';
export const READY_TIMEOUT_MS = 20_000;
export const ALLOWED_HOSTNAME = '127.0.0.1';
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);
const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** Init script run in every document: counts CSP violations into window.__cspViolations. */
function installCspCollector() {
  window.__cspViolations = window.__cspViolations || [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
    });
  });
}

/** Launches headless Debian Chromium with the harness flags. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** True when a request URL may be loaded: same host 127.0.0.1, or a data:/blob:/about: URL. */
export function isAllowedUrl(rawUrl) {
  let u;
  try {
    u = new URL(rawUrl);
  } catch {
    return false;
  }
  return LOCAL_SCHEMES.has(u.protocol) || u.hostname === ALLOWED_HOSTNAME;
}

/**
 * Opens url in a fresh context and returns { context, page, errors, offHost, responses, cspViolations(), close() }.
 * errors collects console errors and page errors; offHost collects aborted off-host request URLs.
 */
export async function openPage(browser, url, opts = {}) {
  const {
    width = DEFAULT_VIEWPORT.width,
    height = DEFAULT_VIEWPORT.height,
    colorScheme = 'light',
    deviceScaleFactor = 1,
    isMobile = false,
    hasTouch = isMobile,
    locale,
    waitUntil = 'load',
  } = opts;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    isMobile,
    hasTouch,
    colorScheme,
    ...(locale ? { locale } : {}),
    serviceWorkers: 'block',
  });
  const errors = [];
  const offHost = [];
  const responses = [];
  await context.route('**/*', (route) => {
    const reqUrl = route.request().url();
    if (isAllowedUrl(reqUrl)) return route.continue();
    offHost.push(reqUrl);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(installCspCollector);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (resp) => {
    responses.push({ url: resp.url(), status: resp.status(), contentType: resp.headers()['content-type'] || '' });
  });
  await page.goto(url, { waitUntil });
  return {
    context,
    page,
    errors,
    offHost,
    responses,
    cspViolations: () => page.evaluate(() => window.__cspViolations || []),
    close: () => context.close(),
  };
}

/**
 * Opens url as `openPage` does, runs `fn` with what it returns, and closes the page's context
 * afterwards, whether `fn` passed or threw; resolves to what `fn` resolves to.
 */
export async function withPage(browser, url, opts, fn) {
  const s = await openPage(browser, url, opts);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/**
 * Fails the test when the page (opened by `openPage`) logged an error other than those matching
 * one of `allowed`, requested anything off 127.0.0.1, or broke its Content-Security-Policy.
 */
export async function assertClean(s, allowed = []) {
  assert.deepEqual(
    s.errors.filter((e) => !allowed.some((re) => re.test(e))),
    [],
    'console errors',
  );
  assert.deepEqual(s.offHost, [], 'requests off 127.0.0.1');
  assert.deepEqual(await s.cspViolations(), [], 'CSP violations');
}

/** Waits until the page sets data-ready on <html> (default 20 s). */
export async function waitReady(page, timeout = READY_TIMEOUT_MS) {
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout });
}

/** True when every pixel of the canvas matching selector has the same RGBA value (or the canvas is 0×0). */
export async function canvasIsBlank(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    if (!width || !height) return true;
    // Copy to a 2D canvas so this works whatever context the chart canvas uses.
    const probe = document.createElement('canvas');
    probe.width = width;
    probe.height = height;
    const ctx = probe.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const data = new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer);
    const first = data[0];
    for (let i = 1; i < data.length; i++) if (data[i] !== first) return false;
    return true;
  });
}

/** Returns { width, height, clientWidth, clientHeight, dpr } of the canvas matching selector. */
export function canvasMetrics(page, selector) {
  return page.$eval(selector, (c) => ({
    width: c.width,
    height: c.height,
    clientWidth: c.clientWidth,
    clientHeight: c.clientHeight,
    dpr: window.devicePixelRatio,
  }));
}

/**
 * Serve `root` and launch the browser once for the enclosing describe block; returns an object
 * whose `server` and `browser` are set once the block's tests run.
 */
export function useSite(root) {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await startServer({ root });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A context that may load file: URLs and records (and blocks) anything on the network. */
export async function fileContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (/^(file|data|blob|about):/.test(u)) return route.continue();
    requests.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors, requests };
}

/**
 * The bytes of every WebAssembly memory alive in the page, found through the DevTools protocol
 * (Runtime.queryObjects), so the page needs no test hook of its own.
 */
export async function wasmMemoryBytes(page, cdp = null) {
  const session = cdp ?? (await page.context().newCDPSession(page));
  try {
    const { result: proto } = await session.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await session.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return result.value;
  } finally {
    if (!cdp) await session.detach();
  }
}

/**
 * Starts listening for the page's next `name` event on window (`explainer:rendered`,
 * `explainer:settled`; README, "Test hooks"); returns a function that resolves, with the
 * event's detail, once it has come. Arm it before the action that causes the event.
 */
export async function nextEvent(page, name) {
  const key = await page.evaluate((name) => {
    const key = `__next_${name}_${Math.random().toString(36).slice(2)}`;
    window[key] = new Promise((resolve) => window.addEventListener(name, (e) => resolve(e.detail ?? null), { once: true }));
    return key;
  }, name);
  return () => page.evaluate((key) => window[key], key);
}

/**
 * Scrolls the element matching `selector` to the middle of the screen and resolves once the
 * page's IntersectionObservers have been told what is on screen now: an observer made after
 * the scroll reports in the same update of the rendering as the page's own (older, so told
 * first), so its first report means theirs are in.
 */
export function scrollToMiddle(page, selector) {
  return page.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'center' });
    return new Promise((resolve) => {
      const io = new IntersectionObserver(() => {
        io.disconnect();
        resolve();
      });
      for (const c of document.querySelectorAll('canvas')) io.observe(c);
    });
  });
}

/**
 * Scroll every shown chart into view in turn, as a reader scrolling down would, then back to
 * where the page was: data-ready promises only the charts in or near the viewport (README, "Test
 * hooks"); a chart further down is drawn as it comes near. Resolves once each has been passed and
 * the page has painted twice since.
 */
export function drawEveryChart(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const x = window.scrollX;
    const y = window.scrollY;
    for (const c of document.querySelectorAll('.chart canvas')) {
      if (c.getBoundingClientRect().width === 0) continue;
      c.scrollIntoView({ block: 'center' });
      await frame();
    }
    window.scrollTo(x, y);
    await frame();
    await frame();
  });
}
