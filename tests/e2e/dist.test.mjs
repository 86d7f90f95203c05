// The deployable site (issue 5): single self-contained file, no-JS and no-wasm fallbacks,
// content-hashed assets with a manifest, every page under the policy it is served with, print stylesheet.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import http from 'node:http';
import { useSite, openPage, waitReady, canvasIsBlank, drawEveryChart, fileContext } from './helpers.mjs';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const SINGLE = path.join(ROOT, 'helong-explainer.html');
const TIMEOUT = 60_000;

/** Serve one HTML string on a random loopback port; returns { url, close }. */
function serveHtml(html) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

describe('the deployable site', () => {
  const site = useSite(ROOT);

  test('the single file works opened from disk', { timeout: TIMEOUT }, async () => {
    const s = await fileContext(site.browser);
    try {
      await s.page.goto(pathToFileURL(SINGLE).href);
      await waitReady(s.page);
      // The allocation chart is drawn once the reader comes near it (data-ready: those near the first screen).
      await drawEveryChart(s.page);
      assert.equal(await canvasIsBlank(s.page, '#chart-allocation'), false);
      await s.page.click('[data-preset="double"] >> visible=true');
      await s.page.waitForFunction(() => [...document.querySelectorAll('[data-out="households"]')].some((e) => e.textContent === '1273'));
      assert.deepEqual(s.errors, []);
      assert.deepEqual(s.requests, [], 'the single file fetched something');
    } finally {
      await s.context.close();
    }
  });

  test('the single file works inside a sandboxed iframe that only allows scripts', { timeout: TIMEOUT }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'helong-sandbox-'));
    const single = await fsp.readFile(SINGLE, 'utf8');
    const host = await serveHtml(
      `<!doctype html><title>host</title><iframe id="f" sandbox="allow-scripts" width="800" height="900" srcdoc="${single
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')}"></iframe>`,
    );
    const s = await fileContext(site.browser);
    try {
      await s.context.unroute('**/*');
      await s.page.goto(host.url);
      // Wait for the frame itself: half a megabyte of srcdoc can take a while on a busy machine.
      const frame = await (await s.page.waitForSelector('#f', { state: 'attached' })).contentFrame();
      assert.ok(frame, 'the iframe exists');
      await frame.waitForSelector('html[data-ready]', { state: 'attached', timeout: 45_000 });
      const blank = await frame.$eval('#chart-benefit', (c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0]) return false;
        return true;
      });
      assert.equal(blank, false, 'the benefit chart is drawn in the sandbox');
      assert.deepEqual(s.errors, []);
    } finally {
      await s.context.close();
      await host.close();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('with the wasm blocked the reader sees the static charts, the tables and a one-line explanation', { timeout: TIMEOUT }, async () => {
    const s = await openPage(site.browser, 'about:blank');
    try {
      await s.context.route('**/*.wasm', (r) => r.abort());
      await s.page.goto(`${site.server.url}index.html`);
      await s.page.waitForSelector('#wasm-error:not([hidden])', { timeout: 20_000 });
      assert.match(await s.page.textContent('#wasm-error'), /静态内容|could not load/);
      await s.page.waitForFunction(() => [...document.querySelectorAll('picture.chart-fallback img')].filter((i) => i.complete && i.naturalWidth > 0).length === 4);
      assert.ok((await s.page.$$('#table-benefit tbody tr')).length >= 6, 'tables are pre-filled');
      assert.deepEqual(await s.cspViolations(), []);
      assert.deepEqual(s.offHost, []);
    } finally {
      await s.close();
    }
  });

  test('without JavaScript the page still reads: text, figures, static charts and tables', { timeout: TIMEOUT }, async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const failed = [];
      // Preloads of scripts and wasm are cancelled when scripting is off; that is not a failure.
      page.on('requestfailed', (r) => !/\.(js|wasm)$/.test(new URL(r.url()).pathname) && failed.push(r.url()));
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(`${site.server.url}index.html`);
      await page.waitForLoadState('networkidle');
      const imgs = await page.$$eval('picture.chart-fallback img', (els) => els.map((i) => i.naturalWidth));
      assert.equal(imgs.length, 4);
      assert.ok(imgs.every((w) => w > 0), `static charts loaded: ${imgs}`);
      assert.match(await page.textContent('#summary'), /2546 户/);
      assert.match(await page.textContent('[data-out="benefit"]'), /55\.93万元/);
      assert.ok((await page.$$('#table-allocation tbody tr')).length === 5);
      assert.equal(await page.isVisible('#controls'), false, 'inert sliders are hidden without JS');
      assert.deepEqual(failed, []);
    } finally {
      await context.close();
    }
  });

  test('assets have content-hashed names listed in the manifest and are cached for a year', { timeout: TIMEOUT }, async () => {
    const manifest = JSON.parse(await fsp.readFile(path.join(ROOT, 'manifest.json'), 'utf8'));
    for (const key of ['app.js', 'style.css', 'pkg/helong.js', 'pkg/helong_bg.wasm', 'narrative.zh-Hant.html', 'narrative.en.html']) {
      const hashed = manifest[key];
      assert.match(hashed, /\.[0-9a-f]{10}\./, key);
      const r = await fetch(`${site.server.url}${hashed}`);
      assert.equal(r.status, 200, hashed);
      assert.match(r.headers.get('cache-control'), /max-age=31536000/, hashed);
    }
    const index = await fetch(`${site.server.url}index.html`);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const html = await index.text();
    assert.ok(html.includes(manifest['app.js']) && html.includes(manifest['style.css']));
    assert.ok(html.includes(`data-narrative-en="${manifest['narrative.en.html']}"`), 'the page names its hashed English narrative');
    assert.ok(html.includes(`data-narrative-zh-hant="${manifest['narrative.zh-Hant.html']}"`), 'and its Traditional Chinese one');
  });

  test('the page loads one minified script, the tiny early script, one stylesheet and the wasm, nothing else', { timeout: TIMEOUT }, async () => {
    const s = await openPage(site.browser, `${site.server.url}index.html`);
    try {
      await waitReady(s.page);
      const loaded = await s.page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
      // early.js decides the layout from the URL before the first paint (under 2 KB, not hashed:
      // it is revalidated like the HTML).
      const rest = loaded.filter((p) => p !== '/early.js');
      assert.equal(loaded.length - rest.length, 1, loaded.join(', '));
      const kinds = rest.map((p) => p.replace(/^.*\.([0-9a-f]{10})\.(\w+)$/, '$2'));
      assert.deepEqual(kinds.sort(), ['css', 'js', 'wasm'], loaded.join(', '));
      const js = await (await fetch(`${site.server.url}${rest.find((p) => p.endsWith('.js')).slice(1)}`)).text();
      assert.ok(js.split('\n').length < 20, 'the script is minified');
    } finally {
      await s.close();
    }
  });

  test('every HTML file of dist/ runs under the policy dist/ serves it with, without a violation or an error', { timeout: 4 * TIMEOUT }, async () => {
    // Every HTML document of dist/ (the narrative fragments, which a page fetches and puts
    // into itself, are parts of index.html, not pages).
    const pages = [];
    for (const f of (await fsp.readdir(ROOT)).filter((n) => n.endsWith('.html')).sort()) {
      if (/^<!doctype html>/i.test(await fsp.readFile(path.join(ROOT, f), 'utf8'))) pages.push(f);
    }
    // The pages the site promises (SPEC §5), so an empty or renamed dist/ fails here too.
    for (const p of ['index.html', 'embed.html', 'embed-demo.html', 'helong-explainer.html']) assert.ok(pages.includes(p), `${p} in dist/`);
    const walked = [];
    for (const page of pages) {
      const s = await openPage(site.browser, `${site.server.url}${page}`);
      try {
        const policy = (await fetch(`${site.server.url}${page}`)).headers.get('content-security-policy');
        assert.match(policy || '', /^default-src 'self'; script-src 'self'/, `${page} is served with a policy`);
        // A page is done when the explainer in it is ready, or, for a host page of embeds
        // (embed-demo.html), when the explainer in every one of its frames is.
        await s.page.waitForFunction(
          () => {
            const ready = (d) => Boolean(d?.documentElement?.hasAttribute('data-ready'));
            const frames = [...document.querySelectorAll('iframe')].map((f) => f.contentDocument);
            return ready(document) || (frames.length > 0 && frames.every(ready));
          },
          undefined,
          { timeout: 45_000 },
        ).catch(async (e) => assert.fail(`${page} never became ready (${e.message}); CSP violations: ${JSON.stringify(await s.cspViolations())}`));
        for (const frame of s.page.frames()) {
          const violations = await frame.evaluate(() => window.__cspViolations || []);
          assert.deepEqual(violations, [], `CSP violations in ${frame.url()}`);
        }
        assert.deepEqual(s.errors, [], page);
        assert.deepEqual(s.offHost, [], page);
        walked.push(`${page} (${s.page.frames().length} frame(s))`);
      } finally {
        await s.close();
      }
    }
    console.log(`# pages walked under their served policy: ${walked.join(', ')}`);
  });

  test('the single file is served with its own policy, which allows its inline code and nothing more', { timeout: TIMEOUT }, async () => {
    const html = await fsp.readFile(SINGLE, 'utf8');
    const served = (await fetch(`${site.server.url}helong-explainer.html`)).headers.get('content-security-policy');
    const strict = (await fetch(`${site.server.url}index.html`)).headers.get('content-security-policy');
    assert.notEqual(served, strict);
    const hashes = served.match(/'sha256-[A-Za-z0-9+/=]+'/g) || [];
    // Two scripts (early.js and the module) and one stylesheet, each allowed by its hash only.
    assert.equal(hashes.length, 3, served);
    assert.doesNotMatch(served, /unsafe-inline/);
    assert.equal(served.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, ''), strict, 'the same policy as the other pages, plus the hashes');
    // The file carries the same policy for hosts that serve it without one.
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${served}">`));
    // _headers and the nginx snippet give it the same policy, and the strict one everywhere else.
    const headers = await fsp.readFile(path.join(ROOT, '_headers'), 'utf8');
    const block = headers.split('\n/').find((b) => b.startsWith('helong-explainer.html\n'));
    assert.ok(block?.includes(`Content-Security-Policy: ${served}`), '_headers rule for the single file');
    assert.ok(!headers.split('\n/').find((b) => b.startsWith('*'))?.includes('Content-Security-Policy'), '/* sets no policy (hosts join them)');
    const nginx = await fsp.readFile(path.join(ROOT, 'helong.nginx.conf'), 'utf8');
    assert.ok(nginx.includes(`location = /helong-explainer.html {\n  add_header Cache-Control "no-cache" always;\n  add_header Content-Security-Policy "${served}" always;`), nginx);
  });

  test('the print stylesheet drops the controls and keeps the charts', { timeout: TIMEOUT }, async () => {
    const s = await openPage(site.browser, `${site.server.url}index.html`);
    try {
      await waitReady(s.page);
      await s.page.emulateMedia({ media: 'print' });
      assert.equal(await s.page.isVisible('#controls'), false);
      assert.equal(await s.page.isVisible('#chart-benefit'), true);
    } finally {
      await s.close();
    }
  });
});
