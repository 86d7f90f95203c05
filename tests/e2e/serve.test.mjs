// Served as a CDN would (issue 12): the server `make serve` runs, on the dist/ that `make dist`
// writes. Plain HTTP requests, no browser: what matters here is the headers and the bytes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, CACHE_IMMUTABLE, COMPRESSIBLE, CONTENT_SECURITY_POLICY } from '../../tools/serve.mjs';

const ROOT = process.env.E2E_ROOT || 'dist';
let site;

before(async () => {
  site = await startServer({ root: ROOT });
});
after(async () => {
  await site?.close();
});

/** GET `rel` with `headers`; resolves to { status, headers, body (raw bytes as sent) }. */
function get(rel, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(rel, site.url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The content-hashed files of dist/, from its manifest. */
async function hashedFiles() {
  return Object.values(JSON.parse(await fsp.readFile(path.join(ROOT, 'manifest.json'), 'utf8')));
}

test('every text and wasm asset is sent brotli-compressed to a browser that accepts it, and decodes to the file', async () => {
  // Images (the share cards) are compressed already and are sent as they are.
  const hashedText = (await hashedFiles()).filter((f) => COMPRESSIBLE.includes(path.extname(f)));
  const files = ['index.html', 'embed.html', 'embed.js', 'data/helong-facts.json', ...hashedText];
  for (const rel of files) {
    const res = await get(rel, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.status, 200, rel);
    assert.equal(res.headers['content-encoding'], 'br', `${rel} is sent compressed`);
    assert.match(res.headers.vary ?? '', /Accept-Encoding/, `${rel} varies by encoding`);
    const plain = await fsp.readFile(path.join(ROOT, rel));
    assert.ok(brotliDecompressSync(res.body).equals(plain), `${rel} decodes to the file`);
    assert.ok(res.body.length < plain.length, `${rel}: ${res.body.length} < ${plain.length}`);
  }
});

test('an image is sent as it is, never wrapped in a second compression', async () => {
  const png = (await hashedFiles()).find((f) => f.endsWith('.png'));
  assert.ok(png, 'the manifest names a share card');
  const res = await get(png, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.headers['content-type'], 'image/png');
});

test('a client without brotli gets gzip, and a client that accepts nothing gets the plain file', async () => {
  const gz = await get('index.html', { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const plain = await fsp.readFile(path.join(ROOT, 'index.html'));
  assert.ok(gunzipSync(gz.body).equals(plain));
  const none = await get('index.html', { 'Accept-Encoding': 'br;q=0' });
  assert.equal(none.headers['content-encoding'], undefined);
  assert.ok(none.body.equals(plain));
});

test('hashed assets are cached for a year as immutable; pages and unhashed files revalidate with an ETag', async () => {
  for (const rel of await hashedFiles()) {
    assert.equal((await get(rel)).headers['cache-control'], CACHE_IMMUTABLE, rel);
  }
  for (const rel of ['index.html', 'embed.html', 'embed.js', 'data/helong-facts.csv']) {
    const res = await get(rel);
    assert.equal(res.headers['cache-control'], 'no-cache', rel);
    assert.ok(res.headers.etag, `${rel} has an ETag`);
    const again = await get(rel, { 'If-None-Match': res.headers.etag });
    assert.equal(again.status, 304, `${rel} revalidates to 304`);
    assert.equal(again.body.length, 0);
  }
});

test('no page is sent with no-store, which would keep it out of the back/forward cache', async () => {
  for (const rel of ['index.html', 'embed.html', 'embed-demo.html', 'helong-explainer.html']) {
    const res = await get(rel);
    assert.doesNotMatch(res.headers['cache-control'] ?? '', /no-store/, rel);
    assert.match(res.headers['content-security-policy'] ?? '', /default-src 'self'/, rel);
  }
});

test('the _headers file written for other hosts gives each hashed asset a year and each page revalidation', async () => {
  const rules = await fsp.readFile(path.join(ROOT, '_headers'), 'utf8');
  const blocks = new Map(
    rules
      .split(/\n(?=\/)/)
      .map((b) => b.trim().split('\n'))
      .filter(([p]) => p.startsWith('/'))
      .map(([p, ...h]) => [p, h.map((l) => l.trim())]),
  );
  // No policy on /*: hosts join every matching rule's values, and two policies both apply.
  assert.deepEqual(blocks.get('/*'), ['X-Content-Type-Options: nosniff']);
  const strict = `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`;
  for (const rel of await hashedFiles()) {
    assert.deepEqual(blocks.get(`/${rel}`), [`Cache-Control: ${CACHE_IMMUTABLE}`, strict], rel);
  }
  assert.deepEqual(blocks.get('/index.html'), ['Cache-Control: no-cache', strict]);
  assert.ok(![...blocks.keys()].some((p) => /\.(br|gz)$/.test(p)), 'compressed siblings are not pages of their own');
});
