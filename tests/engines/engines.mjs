// Firefox and WebKit behind one small interface, for the cross-engine tests and screenshots.
//
//   Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi (no
//            geckodriver). The probe (probe.js) is a preload script; console errors, page
//            errors and every request are also seen natively.
//   WebKit:  WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver. MiniBrowser
//            has no headless mode, so the driver runs under Xvfb (xvfb-run). Classic WebDriver
//            has no console log, no request events and no init script: the test server puts the
//            probe into every HTML page (server.mjs) and the tests read what it recorded.
//            MiniBrowser's window cannot be made narrower than its toolbar (447 px here), so a
//            viewport narrower than that is an iframe of that width in a host page.
//
// Both engines send anything not for 127.0.0.1 to a proxy on a closed port (127.0.0.1:9), so
// no request can leave the machine even if a test failed to notice it.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { PROBE_SOURCE, VIEWPORT_PATH } from './server.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || 'WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };
const DEFAULT_TIMEOUT_MS = 20_000;
const POLL_MS = 100;

/** A function to run in the page, with its arguments, as the text a WebDriver script takes. */
function scriptOf(fn) {
  return `return (${fn.toString()}).apply(null, arguments);`;
}

/** Waits until `check()` resolves truthy; fails with `message` after `timeout` ms. */
export async function poll(check, { timeout = DEFAULT_TIMEOUT_MS, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

// ---------------------------------------------------------------- Firefox (puppeteer-core) --

/** Launches headless Firefox ESR; resolves to an engine { name, version, open(), close() }. */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': DEAD_PROXY.host,
      'network.proxy.http_port': DEAD_PROXY.port,
      'network.proxy.ssl': DEAD_PROXY.host,
      'network.proxy.ssl_port': DEAD_PROXY.port,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'browser.safebrowsing.update.enabled': false,
    },
  });
  const version = (await browser.version()).replace(/^firefox\//, '');

  return {
    name: 'firefox',
    version: `Firefox ESR ${version}`,
    /** A fresh private context and page of the given size; resolves to a Tab. */
    async open(url, { width = 1280, height = 900, colorScheme } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const tab = {
        native: page,
        errors: [],
        requests: [],
        async eval(fn, ...args) {
          return page.evaluate(fn, ...args);
        },
        async waitFor(fn, args = [], opts = {}) {
          return poll(() => page.evaluate(fn, ...args), opts);
        },
        async goto(u) {
          await page.goto(u, { waitUntil: 'load' });
        },
        async pressKey(selector, key) {
          await page.focus(selector);
          await page.keyboard.press(key);
        },
        async click(selector) {
          await page.click(selector);
        },
        /** Errors and CSP violations seen natively and by the probe, for every frame. */
        async problems() {
          const fromProbe = await collectProbe(tab);
          return { errors: [...tab.errors, ...fromProbe.errors], csp: fromProbe.csp };
        },
        async screenshot(path) {
          await page.screenshot({ path, fullPage: true });
        },
        /** The whole page in screenfuls: `${base}-1.png`, …; resolves to the file names. */
        async screenshotParts(base, max = 12) {
          const { total, w, h } = await page.evaluate(() => ({
            total: document.documentElement.scrollHeight,
            w: document.documentElement.clientWidth,
            h: innerHeight,
          }));
          const files = [];
          for (let i = 0; i * h < total && i < max; i++) {
            files.push(`${base}-${i + 1}.png`);
            const clip = { x: 0, y: i * h, width: w, height: Math.min(h, total - i * h) };
            await page.screenshot({ path: files[i], clip, captureBeyondViewport: true });
          }
          return files;
        },
        async close() {
          await context.close();
        },
      };
      page.on('console', (m) => m.type() === 'error' && tab.errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => tab.errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => tab.requests.push(r.url()));
      await page.evaluateOnNewDocument(PROBE_SOURCE);
      await page.setViewport({ width, height });
      if (colorScheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
      if (url) await tab.goto(url);
      return tab;
    },
    async close() {
      await browser.close();
    },
  };
}

// ------------------------------------------------ WebKit (WebKitWebDriver + selenium) --------

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Narrowest window MiniBrowser accepts (its toolbar); narrower viewports are iframes. */
const WEBKIT_MIN_WIDTH = 460;

/**
 * Starts WebKitWebDriver under Xvfb and one MiniBrowser session; resolves to an engine. Tabs
 * share the one session (opening a tab navigates it).
 */
export async function launchWebKit() {
  const { Builder, Key, By } = await import('selenium-webdriver');
  const port = await freePort();
  const driverProc = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1600x1200x24', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let driverLog = '';
  driverProc.stderr.on('data', (d) => (driverLog = (driverLog + d).slice(-4000)));
  const stopDriver = () => {
    try {
      process.kill(-driverProc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  let driver;
  try {
    driver = await poll(
      async () =>
        new Builder()
          .usingServer(`http://127.0.0.1:${port}`)
          .withCapabilities({
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': {
              binary: MINIBROWSER_PATH,
              args: [
                '--automation',
                `--proxy=http://${DEAD_PROXY.host}:${DEAD_PROXY.port}`,
                '--ignore-host=127.0.0.1',
              ],
            },
          })
          .build(),
      { timeout: 30_000, message: 'WebKitWebDriver to start a MiniBrowser session' },
    );
  } catch (e) {
    stopDriver();
    throw new Error(`${e.message}\n${driverLog}`);
  }
  const version = (await driver.getCapabilities()).get('browserVersion');
  const KEYS = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, PageUp: Key.PAGE_UP, End: Key.END, Home: Key.HOME };
  let framed = false;

  const exec = (fn, ...args) => driver.executeScript(scriptOf(fn), ...args);

  return {
    name: 'webkit',
    version: `WebKitGTK ${version} (MiniBrowser)`,
    /** A tab of the given viewport size; `frame: true` puts the page in an iframe whatever
     *  its width (for screenshots of the whole page, see fitFrameToContent). */
    async open(url, { width = 1280, height = 900, frame = false } = {}) {
      await driver.switchTo().defaultContent();
      framed = frame || width < WEBKIT_MIN_WIDTH;
      await driver.manage().window().setRect({ width: Math.max(width, WEBKIT_MIN_WIDTH) + 40, height: height + 120 });
      const tab = {
        native: driver,
        errors: [],
        requests: null,
        eval: exec,
        async waitFor(fn, args = [], opts = {}) {
          return poll(() => exec(fn, ...args), opts);
        },
        async goto(u) {
          await driver.switchTo().defaultContent();
          if (!framed) {
            await driver.get(u);
            return;
          }
          // A host page of the same server holding the page in an iframe of the wanted width;
          // the tests run in the iframe.
          const host = new URL(VIEWPORT_PATH, u);
          host.search = new URLSearchParams({ w: String(width), h: String(height), src: u }).toString();
          await driver.get(host.href);
          const frame = await driver.findElement(By.css('iframe'));
          await poll(
            async () => {
              await driver.switchTo().defaultContent();
              await driver.switchTo().frame(frame);
              return exec(() => document.readyState === 'complete' && location.href !== 'about:blank');
            },
            { message: `${u} to load in a ${width}px frame` },
          );
        },
        async pressKey(selector, key) {
          const el = await driver.findElement(By.css(selector));
          await el.sendKeys(KEYS[key] ?? key);
        },
        async click(selector) {
          await (await driver.findElement(By.css(selector))).click();
        },
        async problems() {
          return collectProbe(tab);
        },
        /** Screenshots of the whole page, one per screenful (WebDriver shows only what is in
         *  the window): `${base}-1.png`, `${base}-2.png`, …; resolves to the file names. */
        async screenshotParts(base, max = 12) {
          const { total, step } = await exec(() => ({ total: document.documentElement.scrollHeight, step: innerHeight }));
          const files = [];
          for (let i = 0; i * step < total && i < max; i++) {
            await exec((y) => window.scrollTo(0, y), i * step);
            await new Promise((r) => setTimeout(r, 150));
            files.push(`${base}-${i + 1}.png`);
            await tab.screenshot(files[i]);
          }
          await exec(() => window.scrollTo(0, 0));
          return files;
        },
        async screenshot(path) {
          // The window, not the iframe: WebKitGTK's element screenshot of an iframe comes
          // with its top 80 px blacked out (the toolbar's height). A framed 390 px page shows
          // at the left of a 500 px window.
          await writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
        },
        async close() {
          await driver.switchTo().defaultContent();
          await driver.get('about:blank');
        },
      };
      if (url) await tab.goto(url);
      return tab;
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        stopDriver();
      }
    },
  };
}

/** What the probe recorded in the page and in every same-origin frame it holds. */
async function collectProbe(tab) {
  return tab.eval(() => {
    const out = { errors: [], csp: [] };
    const visit = (w, where) => {
      let p;
      try {
        p = w.__probe;
      } catch {
        return; // a cross-origin frame: not ours to read
      }
      if (!p) out.errors.push(`no probe in ${where} (the test harness did not run there)`);
      else {
        out.errors.push(...p.errors.map((e) => `${where}: ${e}`));
        out.csp.push(...p.csp.map((e) => `${where}: ${e}`));
      }
      for (let i = 0; i < w.frames.length; i++) visit(w.frames[i], `${where} frame ${i}`);
    };
    visit(window, location.pathname);
    return out;
  });
}

export const LAUNCHERS = { firefox: launchFirefox, webkit: launchWebKit };
