// Embedding in a newsroom page: the one-line snippet (embed.js) on a cross-origin host page,
// the iframe following its content's height (frame.js) and the height messages in the pym.js,
// Datawrapper, Flourish and AMP formats. The site is served from E2E_ROOT (default dist/); the
// host pages come from a second server on another port, written to a temporary directory.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { startServer, mimeTypeFor, resolveUnderRoot } from '../../tools/serve.mjs';
import { launchBrowser, READY_SELECTOR, READY_TIMEOUT_MS, withPage } from './helpers.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
const TIMEOUT = 90_000;
const DESKTOP = { width: 1280, height: 900 };
/** Largest allowed difference between the iframe and its content, in CSS px. */
const TOLERANCE_PX = 2;
/** How long to wait for a height to settle, and how often to look. */
const SETTLE_MS = 15_000;
const POLL_MS = 150;
const DEFAULT_TITLE_PATTERN = /Helong Six Small Projects simulator/;

/**
 * The host page's listeners, modelled on what pym.js, Datawrapper, Flourish and amp-iframe
 * parents do with a message; each parsed message lands in window.__got.
 */
const HOST_JS = `// Test host: listens the way pym.js, Datawrapper, Flourish and AMP parents do.
window.__got = { all: [], pym: [], datawrapper: [], flourish: [], amp: [] };
window.addEventListener('message', function (e) {
  var got = window.__got;
  var d = e.data;
  got.all.push({ origin: e.origin, data: d });
  if (typeof d === 'string' && d.indexOf('pymxPYMx') === 0) got.pym.push(d);
  if (d && typeof d === 'object' && d['datawrapper-height'] !== undefined) got.datawrapper.push(d);
  if (typeof d === 'string' && d.charAt(0) === '{') {
    try {
      var parsed = JSON.parse(d);
      if (parsed.context === 'iframe.resize') got.flourish.push({ form: 'string', message: parsed });
    } catch (err) { /* not JSON: not Flourish */ }
  }
  if (d && typeof d === 'object' && d.sender === 'Flourish') got.flourish.push({ form: 'object', message: d });
  if (d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'embed-size') got.amp.push(d);
});
`;

/** Escapes text for an HTML attribute or element. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The snippet's placeholder: { id, view, query, lang, theme, link } become its attributes, and
 * `data` ({ option: value }) more data-<option> attributes. */
function placeholder({ id, view, query, lang, theme, link, data = {} }) {
  const attrs = [`id="${escapeHtml(id)}"`, 'data-helong-embed'];
  if (view) attrs.push(`data-view="${escapeHtml(view)}"`);
  if (query) attrs.push(`data-query="${escapeHtml(query)}"`);
  if (lang) attrs.push(`data-lang="${escapeHtml(lang)}"`);
  if (theme) attrs.push(`data-theme="${escapeHtml(theme)}"`);
  for (const [k, v] of Object.entries(data)) attrs.push(`data-${k}="${escapeHtml(v)}"`);
  const fallback = link ? `<a href="${escapeHtml(link)}">Open the simulator</a>` : '';
  return `<div ${attrs.join(' ')}>${fallback}</div>`;
}

/** A newsroom story page with the given placeholders and the snippet's script from the site. */
function hostHtml(siteUrl, placeholders) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A newsroom story</title>
<script src="host.js"></script>
</head>
<body>
<h1>A newsroom story</h1>
<p>Some reporting before the embed.</p>
${placeholders.map(placeholder).join('\n<p>More reporting between embeds.</p>\n')}
<p>Some reporting after the embed.</p>
<script src="${siteUrl}embed.js" async></script>
</body>
</html>
`;
}

/** The host's own strict policy, letting in only the site's script and frames. */
function hostPolicy(siteOrigin) {
  return `default-src 'self'; script-src 'self' ${siteOrigin}; frame-src ${siteOrigin}; style-src 'self'; img-src 'self'`;
}

/** Serves dir on another port of 127.0.0.1 with the host's policy; resolves to { url, close() }. */
function startHostServer(dir, siteOrigin) {
  const server = createServer(async (req, res) => {
    const file = resolveUnderRoot(dir, req.url || '/');
    try {
      const body = await fsp.readFile(file);
      res.writeHead(200, {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': hostPolicy(siteOrigin),
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found\n');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/** A frame of the site's own origin on the host page that is not the embed (the origin is right,
 * the window is not), loaded. */
async function strangerFrame(page, siteUrl) {
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.name = 'stranger';
    f.src = src;
    document.body.append(f);
  }, `${siteUrl}data/figures.en.html`);
  const stranger = await (await page.waitForSelector('iframe[name="stranger"]')).contentFrame();
  await stranger.waitForLoadState('load');
  return stranger;
}

/** The child frame of the iframe inside the placeholder #id, once it shows the explainer. */
async function embedFrame(page, id) {
  const handle = await page.waitForSelector(`#${id} iframe`, { state: 'attached' });
  const frame = await handle.contentFrame();
  await frame.waitForURL(/\/embed\.html/, { timeout: READY_TIMEOUT_MS });
  await frame.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: READY_TIMEOUT_MS });
  return frame;
}

/** The iframe's height on the host page and its document's height inside, in CSS px. */
async function heights(page, id, frame) {
  const outer = await page.$eval(`#${id} iframe`, (f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { outer, inner };
}

/** Waits until the iframe matches its content and both hold still (and `until` holds); returns the heights. */
async function settledHeights(page, id, frame, until = () => true) {
  const deadline = Date.now() + SETTLE_MS;
  let previous = null;
  let current = null;
  while (Date.now() < deadline) {
    current = await heights(page, id, frame);
    const still = previous && previous.outer === current.outer && previous.inner === current.inner;
    if (still && Math.abs(current.outer - current.inner) <= TOLERANCE_PX && until(current)) return current;
    previous = current;
    await delay(POLL_MS);
  }
  return current;
}

/** Waits as `settledHeights` does, asserts that the iframe's height is then its content's within
 * the tolerance (`label` says when), and returns the heights. */
async function fittedHeights(page, id, frame, label, until = () => true) {
  const h = await settledHeights(page, id, frame, until);
  assert.ok(
    Math.abs(h.outer - h.inner) <= TOLERANCE_PX,
    `${label}: iframe is ${h.outer}px tall, its content ${h.inner}px`,
  );
  return h;
}

/** Fails the test when any frame logged errors, reached off-host, or broke a CSP. */
async function assertClean(s) {
  assert.deepEqual(s.errors, [], 'console errors');
  assert.deepEqual(s.offHost, [], 'requests off 127.0.0.1');
  for (const frame of s.page.frames()) {
    const violations = await frame.evaluate(() => window.__cspViolations ?? null);
    assert.ok(Array.isArray(violations), `CSP collector missing in ${frame.url()}`);
    assert.deepEqual(violations, [], `CSP violations in ${frame.url()}`);
  }
}

/** Text of the first visible element matching a selector inside a frame. */
function visibleText(frame, selector) {
  return frame.$$eval(selector, (els) => els.find((e) => e.offsetParent !== null)?.textContent ?? null);
}

describe('embedding the explainer in a newsroom page', () => {
  let site;
  let host;
  let hostDir;
  let browser;
  let pages = 0;

  /** Writes a host page with these placeholders, served by `on`, and runs `fn` with it open;
   * closes it after. */
  const withHost = async (placeholders, fn, on = host) => {
    pages += 1;
    const name = `story-${pages}.html`;
    await fsp.writeFile(path.join(hostDir, name), hostHtml(site.url, placeholders));
    return withPage(browser, `${on.url}${name}`, DESKTOP, fn);
  };

  before(async () => {
    site = await startServer({ root: ROOT });
    hostDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'helong-host-'));
    await fsp.writeFile(path.join(hostDir, 'host.js'), HOST_JS);
    host = await startHostServer(hostDir, new URL(site.url).origin);
    assert.notEqual(new URL(host.url).origin, new URL(site.url).origin, 'the host is cross-origin');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await site?.close();
    if (hostDir) await fsp.rm(hostDir, { recursive: true, force: true });
  });

  test('the snippet inserts a lazy, titled iframe that follows its content’s height', { timeout: TIMEOUT }, async () => {
    await withHost([{ id: 'e1', view: 'allocation', theme: 'auto', link: `${site.url}index.html` }], async (s) => {
      const frame = await embedFrame(s.page, 'e1');
      const attrs = await s.page.$eval('#e1 iframe', (f) => ({
        title: f.title,
        loading: f.getAttribute('loading'),
        width: f.getAttribute('width'),
        scrolling: f.getAttribute('scrolling'),
        frameborder: f.getAttribute('frameborder'),
        src: f.src,
      }));
      assert.match(attrs.title, DEFAULT_TITLE_PATTERN);
      assert.equal(attrs.loading, 'lazy');
      assert.equal(attrs.width, '100%');
      assert.equal(attrs.scrolling, 'no');
      assert.equal(attrs.frameborder, '0');
      const src = new URL(attrs.src);
      assert.equal(src.origin, new URL(site.url).origin);
      assert.equal(src.pathname, '/embed.html');
      assert.equal(src.searchParams.get('view'), 'allocation');
      assert.equal(src.searchParams.get('theme'), 'auto');
      assert.ok(src.searchParams.get('embed'), 'the iframe carries its embed id');
      assert.equal(await s.page.$eval('#e1 a', (a) => a.hidden), true, 'the no-JS link is hidden');

      const first = await fittedHeights(s.page, 'e1', frame, 'after load');
      assert.notEqual(first.outer, 600, 'the height came from the content, not the initial guess');

      // A single-view embed shows its key controls; "more controls and the data table" opens the rest.
      await frame.click('.more-toggle');
      const more = await fittedHeights(s.page, 'e1', frame, 'after opening more controls', (h) => h.outer > first.outer);
      assert.ok(more.outer > first.outer, `opening "more controls" grows the iframe (${first.outer} → ${more.outer})`);

      await frame.locator('details.table-wrap > summary >> visible=true').first().click();
      const opened = await fittedHeights(s.page, 'e1', frame, 'after opening a data table', (h) => h.outer > more.outer);
      assert.ok(opened.outer > more.outer, `opening a data table grows the iframe (${more.outer} → ${opened.outer})`);

      await frame.locator('details.table-wrap[open] > summary >> visible=true').first().click();
      const closed = await fittedHeights(s.page, 'e1', frame, 'after closing the data table', (h) => h.outer < opened.outer);
      assert.ok(Math.abs(closed.outer - more.outer) <= TOLERANCE_PX, `closing it shrinks the iframe back (${opened.outer} → ${closed.outer})`);
      await assertClean(s);
    });
  });

  test('the iframe height changes after a language switch in the embed', { timeout: TIMEOUT }, async () => {
    // The language switch shows in an embed when the host asks for every control.
    await withHost([{ id: 'e1', view: 'benefit', query: 'controls=all' }], async (s) => {
      const frame = await embedFrame(s.page, 'e1');
      const before = await fittedHeights(s.page, 'e1', frame, 'before the switch');
      await frame.click('[data-lang="en"]');
      await frame.waitForSelector('html[lang="en"]', { state: 'attached' });
      const after = await fittedHeights(s.page, 'e1', frame, 'after the switch', (h) => h.outer !== before.outer);
      assert.notEqual(after.outer, before.outer, 'the iframe took the English content’s height');

      await frame.click('[data-lang="zh-Hans"]');
      await frame.waitForSelector('html[lang="zh-Hans"]', { state: 'attached' });
      const back = await fittedHeights(s.page, 'e1', frame, 'after switching back', (h) => h.outer !== after.outer);
      assert.ok(Math.abs(back.outer - before.outer) <= TOLERANCE_PX, `switching back restores the height (${before.outer}, ${after.outer} → ${back.outer})`);
      await assertClean(s);
    });
  });

  test('hosts listening for pym, Datawrapper, Flourish or AMP receive height messages', { timeout: TIMEOUT }, async () => {
    await withHost([{ id: 'e1', view: 'benefit', query: 'childId=story-1' }], async (s) => {
      const frame = await embedFrame(s.page, 'e1');
      const settled = await fittedHeights(s.page, 'e1', frame, 'after load');
      const siteOrigin = new URL(site.url).origin;
      const got = await s.page.evaluate(() => window.__got);
      assert.ok(got.all.length > 0, 'the host received messages');
      assert.ok(got.all.every((m) => m.origin === siteOrigin), 'every message came from the site');
      const height = settled.outer;

      const pym = got.pym.at(-1);
      const match = /^pymxPYMx(.+)xPYMxheightxPYMx(\d+)$/.exec(pym ?? '');
      assert.ok(match, `pym message ${JSON.stringify(pym)}`);
      assert.equal(match[1], 'story-1', 'pym message carries the childId');
      assert.ok(Number(match[2]) > 0);
      assert.ok(Math.abs(Number(match[2]) - height) <= TOLERANCE_PX, `pym height ${match[2]} vs ${height}`);

      const dw = got.datawrapper.at(-1);
      assert.deepEqual(Object.keys(dw ?? {}), ['datawrapper-height']);
      assert.deepEqual(Object.keys(dw['datawrapper-height']), ['story-1']);
      assert.ok(Math.abs(dw['datawrapper-height']['story-1'] - height) <= TOLERANCE_PX);

      for (const form of ['object', 'string']) {
        const flourish = got.flourish.filter((m) => m.form === form).at(-1)?.message;
        assert.ok(flourish, `a Flourish message as ${form}`);
        assert.equal(flourish.sender, 'Flourish');
        assert.equal(flourish.context, 'iframe.resize');
        assert.equal(flourish.method, 'resize');
        assert.equal(typeof flourish.height, 'number');
        assert.ok(Math.abs(flourish.height - height) <= TOLERANCE_PX, `Flourish height ${flourish.height} vs ${height}`);
        assert.ok(flourish.src.startsWith(`${site.url}embed.html?`), `Flourish src ${flourish.src}`);
      }

      const amp = got.amp.at(-1);
      assert.deepEqual(Object.keys(amp ?? {}).sort(), ['height', 'sentinel', 'type']);
      assert.equal(amp.sentinel, 'amp');
      assert.equal(amp.type, 'embed-size');
      assert.ok(Math.abs(amp.height - height) <= TOLERANCE_PX, `AMP height ${amp.height} vs ${height}`);

      const embedId = await s.page.$eval('#e1 iframe', (f) => new URL(f.src).searchParams.get('embed'));
      const own = got.all.map((m) => m.data).filter((d) => d && d.type === 'helong:height').at(-1);
      assert.deepEqual(Object.keys(own ?? {}).sort(), ['height', 'id', 'type']);
      assert.equal(own.type, 'helong:height');
      assert.equal(own.id, embedId);
      assert.ok(Number.isFinite(own.height) && Math.abs(own.height - height) <= TOLERANCE_PX, `own height ${own.height} vs ${height}`);
      await assertClean(s);
    });
  });

  test('two embeds on one page are independent', { timeout: TIMEOUT }, async () => {
    await withHost([
      { id: 'e1', view: 'allocation', query: 'controls=all' },
      { id: 'e2', view: 'benefit', query: 'grant=10000', lang: 'en' },
    ], async (s) => {
      const a = await embedFrame(s.page, 'e1');
      const b = await embedFrame(s.page, 'e2');
      const ids = await s.page.$$eval('[data-helong-embed] iframe', (fs) => fs.map((f) => new URL(f.src).searchParams.get('embed')));
      assert.equal(new Set(ids).size, 2, `distinct embed ids ${ids}`);
      assert.equal(await a.getAttribute('html', 'lang'), 'zh-Hans');
      assert.equal(await b.getAttribute('html', 'lang'), 'en');
      assert.equal(await visibleText(b, '[data-out="households"]'), '1,273', 'the second embed runs its own scenario');
      const textA = await a.evaluate(() => document.body.innerText);
      const textB = await b.evaluate(() => document.body.innerText);
      assert.notEqual(textA, textB, 'the two embeds show different content');
      const ha = await fittedHeights(s.page, 'e1', a, 'first embed');
      const hb = await fittedHeights(s.page, 'e2', b, 'second embed');

      await a.click('[data-lang="en"]');
      const ha2 = await fittedHeights(s.page, 'e1', a, 'first embed after its language switch', (h) => h.outer !== ha.outer);
      assert.notEqual(ha2.outer, ha.outer, 'the first embed resized');
      const hb2 = await fittedHeights(s.page, 'e2', b, 'second embed after the first one changed');
      assert.equal(hb2.outer, hb.outer, 'the second embed kept its height');
      await assertClean(s);
    });
  });

  // embed.js's height listener is the host page's security rule: an iframe's height follows
  // only a `helong:height` message from that iframe's own window, from the site's origin, with
  // a finite number of pixels in a sane range. Each rule is checked with a message that breaks
  // it alone, after a message that keeps every rule has shown that one would resize the iframe.

  /** Runs `fn({ s, a, b, post, heights, px, id })` with a host page (served by `on`) with two
   * embeds open, `a` and `b` their frames; `post(frame, message)` posts from `frame` (a frame of
   * the host page) to the host and resolves once the host has handled it; `heights()` gives
   * each iframe's height as embed.js set it. Closes the page after. */
  const twoEmbeds = (fn, on = host) =>
    withHost(
      [
        { id: 'e1', view: 'benefit' },
        { id: 'e2', view: 'allocation' },
      ],
      async (s) => {
        const a = await embedFrame(s.page, 'e1');
        const b = await embedFrame(s.page, 'e2');
        await fittedHeights(s.page, 'e1', a, 'first embed');
        await fittedHeights(s.page, 'e2', b, 'second embed');
        // Listeners run in the order they were added: once this one has seen a message, embed.js's
        // has handled it.
        await s.page.evaluate(() => {
          window.__handled = [];
          window.addEventListener('message', (e) => e.data?.nonce && window.__handled.push(e.data.nonce));
        });
        let n = 0;
        const post = async (frame, message) => {
          n += 1;
          const nonce = `m${n}`;
          await frame.evaluate((m) => window.parent.postMessage(m, '*'), { ...message, nonce });
          await s.page.waitForFunction((nonce) => window.__handled.includes(nonce), nonce);
        };
        const heights = () =>
          s.page.$$eval('[data-helong-embed] iframe', (fs) =>
            Object.fromEntries(fs.map((f) => [f.parentElement.id, { attribute: f.getAttribute('height'), style: f.style.height }])),
          );
        const px = (h) => ({ attribute: String(h), style: `${h}px` });
        /** The embed id of an iframe, as embed.js wrote it into the iframe's URL (the page itself
         * drops the key from its address once it runs). */
        const id = async (frame) => {
          const src = await (await frame.frameElement()).getAttribute('src');
          return new URL(src).searchParams.get('embed');
        };
        return fn({ s, a, b, post, heights, px, id });
      },
      on,
    );

  test('a height message from another window than the iframe’s own does not resize it', { timeout: TIMEOUT }, async () => {
    await twoEmbeds(async ({ s, a, b, post, heights, px, id }) => {
      // Its own window resizes it (the rule can be seen at work), and nothing else.
      await post(a, { type: 'helong:height', id: await id(a), height: 4321 });
      const before = await heights();
      assert.deepEqual(before.e1, px(4321), 'the first embed’s own message resizes it');
      assert.notDeepEqual(before.e2, px(4321), 'and not the second');

      // The host page itself.
      await post(s.page.mainFrame(), { type: 'helong:height', id: await id(a), height: 1111 });
      assert.deepEqual(await heights(), before, 'a message from the host page itself');

      // A frame of the site's own origin that is not the embed: the origin is right, the window is not.
      const stranger = await strangerFrame(s.page, site.url);
      assert.equal(new URL(stranger.url()).origin, new URL(site.url).origin);
      await post(stranger, { type: 'helong:height', id: await id(a), height: 2222 });
      assert.deepEqual(await heights(), before, 'a message from another frame of the site');

      // The other embed, naming the first one's id: it resizes the other embed only.
      await post(b, { type: 'helong:height', id: await id(a), height: 3333 });
      const after = await heights();
      assert.deepEqual(after.e1, before.e1, 'the first embed keeps its height');
      assert.deepEqual(after.e2, px(3333), 'the message resized the window that sent it');
    });
  });

  test('a height message from another origin, even through the iframe’s own window, does not resize it', { timeout: TIMEOUT }, async () => {
    const elsewhereDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'helong-elsewhere-'));
    await fsp.writeFile(path.join(elsewhereDir, 'page.html'), '<!doctype html><title>Elsewhere</title><p>Another site.</p>\n');
    const elsewhere = await startHostServer(elsewhereDir, new URL(site.url).origin);
    // A host whose own policy lets its frames go to that other site and to itself.
    const origins = `${new URL(site.url).origin} ${new URL(elsewhere.url).origin} 'self'`;
    const openHanded = await startHostServer(hostDir, origins);
    try {
      await twoEmbeds(async ({ a, post, heights, px, id }) => {
        const own = await id(a);
        await post(a, { type: 'helong:height', id: own, height: 4321 });
        const before = await heights();
        assert.deepEqual(before.e1, px(4321), 'its own window, from the site, resizes it');
        // The embed's window goes to another site (a link followed inside the frame).
        await a.goto(`${elsewhere.url}page.html`);
        const origin = await a.evaluate(() => location.origin);
        assert.notEqual(origin, new URL(site.url).origin);
        await post(a, { type: 'helong:height', id: own, height: 1234 });
        assert.deepEqual(await heights(), before, `a message from ${origin} through the first embed’s window`);
        // And from the host's own origin.
        await a.goto(`${openHanded.url}host.js`);
        await post(a, { type: 'helong:height', id: own, height: 1235 });
        assert.deepEqual(await heights(), before, 'a message from the host’s origin through the first embed’s window');
      }, openHanded);
    } finally {
      await openHanded.close();
      await elsewhere.close();
      await fsp.rm(elsewhereDir, { recursive: true, force: true });
    }
  });

  test('an embed opened from disk takes a height message from its own page on disk, and not once its window has gone to a website', { timeout: TIMEOUT }, async () => {
    // A host page and the site on disk (file: URLs have no origin of their own: embed.js cannot
    // name the one its iframe must speak from).
    const diskDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'helong-disk-'));
    const siteOnDisk = pathToFileURL(`${path.resolve(ROOT)}/`).href;
    await fsp.writeFile(path.join(diskDir, 'story.html'), hostHtml(siteOnDisk, [{ id: 'e1', view: 'benefit' }]).replace('<script src="host.js"></script>', ''));
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(diskDir, 'story.html')).href);
      const frame = await (await page.waitForSelector('#e1 iframe')).contentFrame();
      await frame.waitForLoadState('domcontentloaded');
      assert.match(frame.url(), /^file:.*\/embed\.html\?/);
      await page.evaluate(() => {
        window.__handled = [];
        window.addEventListener('message', (e) => e.data?.nonce && window.__handled.push(e.data.nonce));
      });
      let n = 0;
      const post = async (height) => {
        n += 1;
        await frame.evaluate((m) => window.parent.postMessage(m, '*'), { type: 'helong:height', height, nonce: `d${n}` });
        await page.waitForFunction((nonce) => window.__handled.includes(nonce), `d${n}`);
        return page.$eval('#e1 iframe', (f) => f.style.height);
      };
      assert.equal(await post(4321), '4321px', 'its own page on disk resizes it');
      await frame.goto(`${site.url}data/figures.en.html`);
      assert.equal(await post(1234), '4321px', 'a page of a website in the same window does not');
    } finally {
      await context.close();
      await fsp.rm(diskDir, { recursive: true, force: true });
    }
  });

  test('a height that is not a finite number of pixels between 1 and 100,000 does not resize the iframe', { timeout: TIMEOUT }, async () => {
    await twoEmbeds(async ({ s, a, post, heights, px, id }) => {
      const own = await id(a);
      await post(a, { type: 'helong:height', id: own, height: 4321 });
      const before = await heights();
      assert.deepEqual(before.e1, px(4321), 'a number in range resizes it');
      const taken = [];
      for (const height of ['777', '4322px', true, [778], null, undefined, {}, NaN, Infinity, -Infinity, -5, 0, 0.5, 100_001, 1e9]) {
        await post(a, { type: 'helong:height', id: own, height });
        const now = await heights();
        if (JSON.stringify(now) === JSON.stringify(before)) continue;
        const shown = typeof height === 'number' || height === undefined ? String(height) : JSON.stringify(height);
        taken.push(`${shown} (${Array.isArray(height) ? 'array' : typeof height}) set the iframe to ${now.e1.style}`);
        await post(a, { type: 'helong:height', id: own, height: 4321 });
      }
      assert.deepEqual(taken, [], 'heights taken that are not a number of pixels in range');
      // The range's ends are taken, a fraction rounded up.
      for (const [height, set] of [[1, 1], [100_000, 100_000], [4320.2, 4321]]) {
        await post(a, { type: 'helong:height', id: own, height });
        assert.deepEqual((await heights()).e1, px(set), `${height}`);
      }
    });
  });

  test('an embed with bad URL keys shows notices', { timeout: TIMEOUT }, async () => {
    await withHost([{ id: 'e1', view: 'allocation', query: 'grant=abc&zzz=1' }], async (s) => {
      const frame = await embedFrame(s.page, 'e1');
      const notices = await frame.$$eval('#notices li', (li) => li.map((l) => l.textContent));
      assert.equal(notices.length, 2, `notices: ${notices.join(' | ')}`);
      await fittedHeights(s.page, 'e1', frame, 'with notices');
      await assertClean(s);
    });
  });
  // The embed's options: every one the page reads is a data-<option> of the snippet (embed.js
  // has the page's list, written in by the build), house colours are refused below WCAG AA,
  // and a host that asks is told of the reader's interactions as DOM events.

  /** The page's contract as the build wrote it into dist/embed.js. */
  const contract = async () => {
    const js = await fsp.readFile(path.join(ROOT, 'embed.js'), 'utf8');
    const m = /\/\* helong:contract \*\/ (\{.*\})/.exec(js);
    assert.ok(m, 'dist/embed.js carries the page’s contract');
    return JSON.parse(m[1]);
  };

  /** A valid, non-default value for every option, as a newsroom would write it. */
  const HOUSE = {
    view: 'benefit',
    lang: 'en',
    theme: 'light',
    controls: 'all',
    font: 'serif',
    textscale: '1.125',
    events: '1',
    accent: '#0a5c36',
    reported: '#a33b00',
    bg: '#fdf6e3',
    fg: '#222222',
    'accent-dark': '#7fd1a8',
    'reported-dark': '#ffb07a',
    'bg-dark': '#101418',
    'fg-dark': '#f2f2f2',
  };

  /** Custom properties and attributes the house style sets inside a frame. */
  const houseLook = (frame) =>
    frame.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const p = [...document.querySelectorAll('.reactive')].find((e) => e.offsetParent !== null);
      return {
        accent: root.getPropertyValue('--accent').trim(),
        reported: root.getPropertyValue('--reported-ink').trim(),
        bg: getComputedStyle(document.body).backgroundColor,
        ink: getComputedStyle(document.body).color,
        font: document.documentElement.getAttribute('data-font'),
        family: p ? getComputedStyle(p).fontFamily : '',
        controlFamily: getComputedStyle(document.querySelector('.control label')).fontFamily,
        bodySize: getComputedStyle(document.body).fontSize,
        controls: document.documentElement.getAttribute('data-controls'),
        notices: [...document.querySelectorAll('#notices li')].map((li) => li.textContent),
      };
    });

  test('every option the page reads can be set through the snippet and reaches the frame', { timeout: TIMEOUT }, async () => {
    const { options } = await contract();
    const untested = options.filter((k) => !(k in HOUSE));
    assert.deepEqual(untested, [], 'an option of the page with no value in this test');
    const data = Object.fromEntries(options.filter((k) => !['view', 'lang', 'theme'].includes(k)).map((k) => [k, HOUSE[k]]));
    await withHost([{ id: 'e1', view: HOUSE.view, lang: HOUSE.lang, theme: HOUSE.theme, data }], async (s) => {
      const frame = await embedFrame(s.page, 'e1');
      const src = new URL(await s.page.$eval('#e1 iframe', (f) => f.src));
      for (const k of options) assert.equal(src.searchParams.get(k), HOUSE[k], `data-${k} in the iframe’s URL`);
      const look = await houseLook(frame);
      assert.deepEqual(look.notices, [], 'every value is taken without a notice');
      assert.equal(look.accent, HOUSE.accent);
      assert.equal(look.reported, HOUSE.reported);
      assert.equal(look.bg, 'rgb(253, 246, 227)');
      assert.equal(look.ink, 'rgb(34, 34, 34)');
      assert.equal(look.font, 'serif');
      assert.match(look.family, /serif/);
      assert.doesNotMatch(look.family, /sans-serif/);
      assert.equal(look.controlFamily, look.family, 'the controls’ labels (no lang of their own) in the same family');
      assert.equal(look.bodySize, `${17 * 1.125}px`, 'the text is 1.125 times the page’s');
      assert.equal(look.controls, 'all');
      assert.equal(await frame.getAttribute('html', 'lang'), 'en');
      // The charts draw with the house's colours: the allocation chart has pixels of the accent.
      const accentPixels = await frame.evaluate(() => {
        const c = document.getElementById('chart-benefit');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === 0x0a && d[i + 1] === 0x5c && d[i + 2] === 0x36) n++;
        return n;
      });
      assert.ok(accentPixels > 50, `${accentPixels} pixels of the house accent in the benefit chart`);
      // Dark: the -dark pair.
      await frame.click('[data-theme-choice="dark"]');
      await frame.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() === '#7fd1a8');
      assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(16, 20, 24)');
      await fittedHeights(s.page, 'e1', frame, 'with the house style');
      await assertClean(s);
    });
  });

  test('a house colour that is not #rrggbb or fails WCAG AA contrast is refused with a notice, and the page keeps its own', { timeout: TIMEOUT }, async () => {
    await withHost([
      { id: 'e1', view: 'benefit', lang: 'en', data: { controls: 'all', accent: '#ffd700', bg: 'cream', fg: '#777777' } },
      { id: 'e2', view: 'benefit', lang: 'en', theme: 'dark', data: { accent: '#0a5c36' } },
    ], async (s) => {
      const a = await embedFrame(s.page, 'e1');
      const look = await houseLook(a);
      assert.equal(look.notices.length, 3, look.notices.join(' | '));
      assert.match(look.notices.find((n) => n.includes('“accent”')) ?? '', /#ffd700 has a contrast of 1\.40:1 against #ffffff; marks need at least 3:1 \(WCAG AA\)/);
      assert.match(look.notices.find((n) => n.includes('“bg”')) ?? '', /“cream” is not a colour written #rrggbb/);
      assert.match(look.notices.find((n) => n.includes('“fg”')) ?? '', /#777777 has a contrast of 4\.4\d:1 against #ffffff; text needs at least 4\.5:1/);
      assert.equal(look.accent, '#0072b2', 'the page’s own accent');
      assert.equal(look.bg, 'rgb(255, 255, 255)');
      // A dark embed given only a light accent derives one that passes on its dark background.
      const b = await embedFrame(s.page, 'e2');
      const dark = await houseLook(b);
      assert.deepEqual(dark.notices, []);
      assert.notEqual(dark.accent, '#0a5c36', 'the dark green is lightened for the dark background');
      assert.match(dark.accent, /^#[0-9a-f]{6}$/);
      await assertClean(s);
    });
  });

  test('a host that asks gets the reader’s interactions as DOM events on the placeholder, without the scenario unless events=full', { timeout: TIMEOUT }, async () => {
    await withHost([
      { id: 'e1', view: 'benefit', data: { controls: 'all', events: '1' } },
      { id: 'e2', view: 'benefit', data: { controls: 'all' } },
      { id: 'e3', view: 'allocation', data: { controls: 'all', events: 'full' } },
    ], async (s) => {
      await s.page.evaluate(() => {
        window.__events = [];
        for (const el of document.querySelectorAll('[data-helong-embed]')) {
          el.addEventListener('helong:event', (e) => window.__events.push({ on: el.id, isCustom: e instanceof CustomEvent, ...e.detail }));
        }
      });
      const [a, b, c] = [await embedFrame(s.page, 'e1'), await embedFrame(s.page, 'e2'), await embedFrame(s.page, 'e3')];
      const ids = await s.page.$$eval('[data-helong-embed] iframe', (fs) => fs.map((f) => new URL(f.src).searchParams.get('embed')));
      const got = (n) => s.page.waitForFunction((n) => window.__events.length >= n, n).then(() => s.page.evaluate(() => window.__events));
      // The embed that does not ask is clicked first: its clicks would arrive before the others'.
      await b.click('[data-preset="equal"]');
      await a.click('[data-preset="double"]');
      await a.click('button[data-lang="en"]');
      let events = await got(3);
      assert.deepEqual(
        events.map(({ on, name }) => `${on} ${name}`),
        ['e1 first-interaction', 'e1 preset', 'e1 language'],
      );
      assert.ok(events.every((e) => e.isCustom && e.id === ids[0] && e.view === 'benefit'), JSON.stringify(events));
      assert.equal(events[1].preset, 'double');
      assert.equal(events[2].lang, 'en');
      assert.ok(events.every((e) => !('query' in e)), 'no scenario values without events=full');
      await c.click('[data-preset="livestock"]');
      events = await got(5);
      assert.deepEqual(events.slice(3).map(({ on, name }) => `${on} ${name}`), ['e3 first-interaction', 'e3 preset']);
      assert.match(events[4].query, /mix=0,1,0,0,0/, 'events=full carries the scenario');
      assert.equal(events.filter((e) => e.on === 'e2').length, 0, 'the embed that did not ask sent nothing');
      await assertClean(s);
    });
  });

  test('an event message from another window or origin than the embed’s own is not dispatched on the placeholder', { timeout: TIMEOUT }, async () => {
    await twoEmbeds(async ({ s, a, post, id }) => {
      await s.page.evaluate(() => {
        window.__events = [];
        document.getElementById('e1').addEventListener('helong:event', (e) => window.__events.push(e.detail.name));
      });
      const own = await id(a);
      const event = { type: 'helong:event', name: 'preset', view: 'benefit', id: own };
      // The rule at work: from the embed's own window and origin, it is dispatched.
      await post(a, event);
      assert.deepEqual(await s.page.evaluate(() => window.__events), ['preset']);
      // From the host page itself, and from another frame of the site's origin.
      await post(s.page.mainFrame(), { ...event, name: 'forged-by-host' });
      const stranger = await strangerFrame(s.page, site.url);
      await post(stranger, { ...event, name: 'forged-by-a-stranger' });
      assert.deepEqual(await s.page.evaluate(() => window.__events), ['preset']);
    });
  });
});
