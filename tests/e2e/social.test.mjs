// What a pasted link shows (issue 16): the built page's Open Graph / Twitter tags, parsed by
// the browser's own HTML parser, and the share cards they point at.
// `make test-e2e` builds dist/ with SITE_URL (a reserved .example host that is never
// contacted) and passes it as E2E_SITE_URL; without one, the tags that need an absolute URL
// must be absent, which the last test checks on a page pre-rendered without it.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const CLI = path.resolve('target/release/helong');
const CARD = { width: 1200, height: 630, maxBytes: 80 * 1024 };
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

/** SITE_URL as `helong prerender` normalises it (closing slash), or '' when not given. */
const SITE = (() => {
  const s = (process.env.E2E_SITE_URL || '').trim();
  return s && !s.endsWith('/') ? `${s}/` : s;
})();

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let browser;
let page;

/** The head tags of an HTML document as Chromium's parser reads it, plus its headline and dek. */
function readTags(html) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const all = (sel, attr) => [...doc.querySelectorAll(sel)].map((e) => e.getAttribute(attr));
    const meta = {};
    for (const m of doc.head.querySelectorAll('meta[property], meta[name]')) {
      const key = m.getAttribute('property') || m.getAttribute('name');
      (meta[key] ||= []).push(m.getAttribute('content'));
    }
    return {
      meta,
      canonical: all('head link[rel="canonical"]', 'href'),
      hreflang: [...doc.head.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href]),
      inBody: doc.body.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]').length,
      headline: doc.querySelector('h1 [lang="zh-Hans"]').textContent,
      dek: doc.querySelector('.dek [lang="zh-Hans"]').textContent,
    };
  }, html);
}

before(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
after(async () => browser?.close());

describe('share previews', () => {
  test('every language has a 1200×630 share card under 80 KB, content-hashed in the manifest', async () => {
    const manifest = JSON.parse(await fsp.readFile(path.join(ROOT, 'manifest.json'), 'utf8'));
    for (const lang of LANGS) {
      const hashed = manifest[`social/card.${lang}.png`];
      assert.match(hashed ?? '', new RegExp(`^social/card\\.${lang}\\.[0-9a-f]{10}\\.png$`), lang);
      const bytes = await fsp.readFile(path.join(ROOT, hashed));
      assert.deepEqual(pngSize(bytes), { width: CARD.width, height: CARD.height }, lang);
      assert.ok(bytes.length <= CARD.maxBytes, `${lang}: ${bytes.length} bytes`);
    }
    await assert.rejects(fsp.access(path.join(ROOT, 'social/card.en.png')), 'the unhashed name is gone');
  });

  test('the built page carries Open Graph and Twitter tags in its head', async () => {
    const t = await readTags(await fsp.readFile(path.join(ROOT, 'index.html'), 'utf8'));
    const one = (k) => {
      assert.equal(t.meta[k]?.length, 1, `${k}: ${JSON.stringify(t.meta[k])}`);
      return t.meta[k][0];
    };
    assert.equal(t.inBody, 0, 'every tag is in <head>');
    assert.equal(one('og:title'), t.headline);
    assert.equal(one('og:description'), t.dek);
    assert.equal(one('og:type'), 'article');
    assert.equal(one('og:locale'), 'zh_CN');
    assert.deepEqual(t.meta['og:locale:alternate'], ['zh_TW', 'en_US']);
    assert.equal(one('twitter:card'), 'summary_large_image');
    if (!SITE) {
      for (const k of ['og:image', 'og:url']) assert.equal(t.meta[k], undefined, k);
      assert.deepEqual(t.canonical, []);
      return;
    }
    assert.deepEqual(t.canonical, [SITE]);
    assert.equal(one('og:url'), SITE);
    const manifest = JSON.parse(await fsp.readFile(path.join(ROOT, 'manifest.json'), 'utf8'));
    assert.equal(one('og:image'), `${SITE}${manifest['social/card.zh-Hans.png']}`);
    assert.equal(one('og:image:width'), String(CARD.width));
    assert.equal(one('og:image:height'), String(CARD.height));
    assert.equal(one('og:image:type'), 'image/png');
    assert.ok(one('og:image:alt').startsWith(t.headline), one('og:image:alt'));
    assert.deepEqual(
      t.hreflang.map(([l]) => l),
      ['zh-Hans', 'zh-Hant', 'en', 'x-default'],
    );
    assert.deepEqual(t.hreflang[2], ['en', `${SITE}?lang=en`]);
  });

  test('the image the tags name is served from the site with its type', async () => {
    if (!SITE) return;
    const t = await readTags(await fsp.readFile(path.join(ROOT, 'index.html'), 'utf8'));
    const rel = t.meta['og:image'][0].slice(SITE.length);
    const server = await startServer({ root: ROOT });
    try {
      const res = await fetch(new URL(rel, server.url));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.deepEqual(pngSize(Buffer.from(await res.arrayBuffer())), { width: CARD.width, height: CARD.height });
    } finally {
      await server.close();
    }
  });

  test('the single file has the page\'s share tags and the embed has none', async () => {
    const index = await readTags(await fsp.readFile(path.join(ROOT, 'index.html'), 'utf8'));
    const single = await readTags(await fsp.readFile(path.join(ROOT, 'helong-explainer.html'), 'utf8'));
    assert.deepEqual(single.meta, index.meta);
    assert.deepEqual(single.canonical, index.canonical);
    const embed = await fsp.readFile(path.join(ROOT, 'embed.html'), 'utf8');
    assert.doesNotMatch(embed, /og:|twitter:|SOCIAL-TAGS/);
  });

  test('without SITE_URL the page has no og:image, og:url or canonical link, and says so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'helong-social-'));
    const { stderr } = await promisify(execFile)(CLI, ['prerender', 'www/index.html', dir]);
    assert.match(stderr, /no SITE_URL/);
    const html = await fsp.readFile(path.join(dir, 'index.html'), 'utf8');
    const t = await readTags(html);
    assert.equal(t.meta['og:image'], undefined);
    assert.equal(t.meta['og:url'], undefined);
    assert.deepEqual(t.canonical, []);
    assert.doesNotMatch(html, /social\/card/, 'no relative image URL either');
    assert.equal(t.meta['twitter:card']?.[0], 'summary_large_image');
    assert.equal(t.meta['og:title']?.[0], t.headline);
    // The cards are drawn all the same (for hosts that serve the page under their own tags).
    for (const lang of LANGS) pngSize(await fsp.readFile(path.join(dir, `social/card.${lang}.png`)));
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
