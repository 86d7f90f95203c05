#!/usr/bin/env node
// The last step of `make dist`, after `helong prerender` (src/site/) has written every page:
// bundles and minifies the page's JS into one module and minifies the CSS (esbuild), puts that
// code into the single file's placeholders, then gives the JS, CSS, wasm, narrative fragments
// and share cards content-hashed names (so a CDN can cache them for a year while HTML stays
// fresh), renames their references in the pages by name, and writes dist/manifest.json mapping
// plain names to hashed ones. It reads no HTML: what a page holds is the Rust side's.
// Usage: node tools/build-dist.mjs [dist]

import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { POLICIES_FILE, inlinePolicy } from './serve.mjs';

const DIST = process.argv[2] || 'dist';
const SINGLE_FILE = 'helong-explainer.html';
const HTML_PAGES = ['index.html', 'embed.html', 'embed-demo.html'];
const HASH_LEN = 10;
/** The single file's placeholders for the code bundled here, as src/site/single.rs writes them
 * (INLINE_POLICY, INLINE_STYLE, INLINE_SCRIPTS there: keep the two in step). */
const INLINE = {
  policy: '<meta http-equiv="Content-Security-Policy" data-inline="policy">',
  style: '<style data-inline="style.css"></style>',
  scripts: '<script data-inline="early.js"></script>\n<script type="module" data-inline="app.js"></script>',
};

/** Read a file of dist/ as text. */
const read = (rel) => fsp.readFile(path.join(DIST, rel), 'utf8');
/** Write a file of dist/. */
const write = (rel, data) => fsp.writeFile(path.join(DIST, rel), data);

/** First HASH_LEN hex digits of the SHA-256 of some bytes. */
function contentHash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, HASH_LEN);
}

/** "dir/name.ext" → "dir/name.<hash>.ext". */
function hashedName(rel, data) {
  const ext = path.extname(rel);
  return `${rel.slice(0, -ext.length)}.${contentHash(data)}${ext}`;
}

/** Replace an exact string, failing loudly when it is not there (the build must not drift). */
function replaceExact(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`build-dist: ${JSON.stringify(from)} not found in ${where}`);
  return text.split(from).join(to);
}

/** Point a page's references at hashed names: every plain name of `names` ({ plain: hashed })
 * that is a whole attribute value or the end of a URL in one (`"app.js"`, `…/social/card.en.png"`). */
function renameReferences(html, names) {
  for (const [plain, hashed] of Object.entries(names)) {
    const name = plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    html = html.replace(new RegExp(`(?<=["/])${name}(?=")`, 'g'), hashed);
  }
  return html;
}

/**
 * app.js with its imports (app/*.js, frame.js, the wasm-bindgen glue) in one minified ES module: one
 * request instead of a module waterfall, and about 40% fewer gzipped bytes than the sources.
 * `wasmUrl` replaces the glue's default wasm location (relative to the bundle).
 */
async function bundleApp(wasmUrl) {
  const gluePath = path.join(DIST, 'pkg/helong.js');
  const glue = await fsp.readFile(gluePath, 'utf8');
  const result = await esbuild.build({
    entryPoints: [path.join(DIST, 'app.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    plugins: [
      {
        name: 'wasm-location',
        setup(build) {
          build.onLoad({ filter: /[\\/]pkg[\\/]helong\.js$/ }, () => ({
            contents: replaceExact(glue, "'helong_bg.wasm'", JSON.stringify(wasmUrl), 'pkg/helong.js'),
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** The stylesheet, minified. */
async function minifiedCss() {
  return (await esbuild.transform(await read('style.css'), { loader: 'css', minify: true })).code;
}

/** The single file (written by src/site/single.rs with the page's narrative, figures and data
 * inside) with its placeholders filled: the CSS, the JS and wasm, and the policy that allows
 * exactly that inline code. It works from disk and in a sandboxed iframe. */
async function buildSingleFile() {
  let html = await read(SINGLE_FILE);
  const css = await minifiedCss();
  const wasm = await fsp.readFile(path.join(DIST, 'pkg/helong_bg.wasm'));
  // app.js passes HELONG_WASM to the glue, which then never builds a wasm URL.
  const script = [
    `globalThis.HELONG_WASM = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));`,
    await bundleApp('helong_bg.wasm'),
  ].join('\n');
  if (/<\/script/i.test(script) || /<\/style/i.test(css)) throw new Error('build-dist: a closing tag inside inlined code');
  const style = `\n${css}\n`;
  const early = await read('early.js');
  if (/<\/script/i.test(early)) throw new Error('build-dist: a closing tag inside early.js');
  // Inline, early.js finds no module to load (its tag names none): the module follows it.
  const scripts = [`\n${early}\n`, `\n${script}\n`];
  // Its own policy: the strict one plus the hashes of exactly this inline code. It is served
  // with it (dist/csp.json → make serve, _headers, the nginx snippet) and carries it in a
  // <meta>, so a CMS that serves the upload without a policy still runs it under one.
  const policy = inlinePolicy({ scripts, styles: [style] });
  // The policy first and the code last, so no placeholder is looked for inside the code.
  html = replaceExact(html, INLINE.policy, `<meta http-equiv="Content-Security-Policy" content="${policy}">`, SINGLE_FILE);
  html = replaceExact(html, INLINE.style, `<style>${style}</style>`, SINGLE_FILE);
  html = replaceExact(html, INLINE.scripts, `<script>${scripts[0]}</script>\n<script type="module">${scripts[1]}</script>`, SINGLE_FILE);
  await write(POLICIES_FILE, `${JSON.stringify({ [SINGLE_FILE]: policy }, null, 2)}\n`);
  await write(SINGLE_FILE, html);
  return Buffer.byteLength(html);
}

/**
 * Give the share cards (dist/social/*.png, drawn by src/site/social.rs) content-hashed names and
 * point the Open Graph tags of index.html and the single file at them (absolute URLs end in the
 * plain name). Runs before the single file's code goes in, so only its markup is renamed.
 */
async function hashShareCards() {
  const names = {};
  let files;
  try {
    files = (await fsp.readdir(path.join(DIST, 'social'))).filter((f) => f.endsWith('.png')).sort();
  } catch {
    return names;
  }
  for (const f of files) {
    const rel = `social/${f}`;
    const data = await fsp.readFile(path.join(DIST, rel));
    const hashed = hashedName(rel, data);
    await fsp.rename(path.join(DIST, rel), path.join(DIST, hashed));
    names[rel] = hashed;
  }
  for (const page of ['index.html', SINGLE_FILE]) await write(page, renameReferences(await read(page), names));
  return names;
}

/** Give JS, CSS, wasm and the narrative fragments content-hashed names and point the pages'
 * references at them. */
async function hashAssets(hashedBefore = {}) {
  const manifest = { ...hashedBefore };
  const rename = async (rel, data) => {
    const hashed = hashedName(rel, data);
    await write(hashed, data);
    await fsp.rm(path.join(DIST, rel));
    manifest[rel] = hashed;
    return hashed;
  };
  const wasm = await fsp.readFile(path.join(DIST, 'pkg/helong_bg.wasm'));
  const wasmName = await rename('pkg/helong_bg.wasm', wasm);
  await rename('app.js', await bundleApp(wasmName));
  // The bundle holds the page's modules; the sources do not ship.
  await fsp.rm(path.join(DIST, 'frame.js'));
  await fsp.rm(path.join(DIST, 'app'), { recursive: true });
  // The bare glue stays (hashed) for scripts that drive the model without the page.
  const glue = replaceExact(await read('pkg/helong.js'), "'helong_bg.wasm'", `'${path.basename(wasmName)}'`, 'pkg/helong.js');
  await rename('pkg/helong.js', glue);
  await rename('style.css', await minifiedCss());
  // The zh-Hant and en narrative (src/site/narrative.rs), fetched by app.js when a reader asks
  // for that language; in the order index.html names them.
  const index = await read('index.html');
  const fragments = (await fsp.readdir(DIST))
    .filter((f) => /^narrative\.[^/]+\.html$/.test(f))
    .sort((a, b) => index.indexOf(`"${a}"`) - index.indexOf(`"${b}"`));
  for (const f of fragments) await rename(f, await read(f));
  // The pages name their assets by plain name (the stylesheet, early.js's data-app and
  // data-wasm, index.html's fragments): point them at the hashed ones.
  for (const page of HTML_PAGES) {
    let html;
    try {
      html = await read(page);
    } catch {
      continue;
    }
    await write(page, renameReferences(html, manifest));
  }
  await write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main() {
  const cards = await hashShareCards();
  const bytes = await buildSingleFile();
  const manifest = await hashAssets(cards);
  console.log(`single file: ${DIST}/${SINGLE_FILE} (${bytes} bytes)`);
  for (const [from, to] of Object.entries(manifest)) console.log(`${from} → ${to}`);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
