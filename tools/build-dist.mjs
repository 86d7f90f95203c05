#!/usr/bin/env node
// The last step of `make dist`: bundles and minifies the page's JS into one module and
// minifies the CSS (esbuild), builds the single self-contained HTML file (with the narrative of
// every language put back in), then gives the JS, CSS, wasm and narrative fragments
// content-hashed names (so a CDN can cache them for a year while HTML stays
// fresh) and writes dist/manifest.json mapping plain names to hashed ones.
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
/** The pages' one script tag: early.js, which loads the module and the wasm after the first paint. */
const EARLY_TAG = '<script src="early.js" data-app="app.js" data-wasm="pkg/helong_bg.wasm"></script>';

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

/** The narrative fragments index.html names on <html> (`data-narrative-<lang>="file"`, written
 * by src/prerender.rs): [{ attr, file }]. */
function narrativeFragments(html) {
  const tag = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
  return [...tag.matchAll(/\s(data-narrative-[a-z-]+)="([^"]+)"/g)].map(([, attr, file]) => ({ attr, file }));
}

/** Where the `<div data-narrative="name">` that starts at `from` ends (the index of its `</div>`). */
function blockEnd(html, from, where) {
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index;
  }
  throw new Error(`build-dist: an unclosed narrative block in ${where}`);
}

/** The page with the narrative of every fragment put back into its blocks, as app.js would after
 * fetching them, and no fragment named on <html>: the single file must not fetch anything. */
async function withWholeNarrative(html) {
  for (const { attr, file } of narrativeFragments(html)) {
    const fragment = await read(file);
    const blocks = [...fragment.matchAll(/<div data-narrative="([^"]+)">/g)];
    if (blocks.length === 0) throw new Error(`build-dist: no narrative block in ${file}`);
    for (const m of blocks) {
      const body = fragment.slice(m.index + m[0].length, blockEnd(fragment, m.index, file)).replace(/^\n/, '');
      const start = html.indexOf(m[0]);
      if (start < 0) throw new Error(`build-dist: index.html has no block for ${m[0]} of ${file}`);
      const end = blockEnd(html, start, 'index.html');
      html = html.slice(0, end) + body + html.slice(end);
    }
    html = replaceExact(html, ` ${attr}="${file}"`, '', 'index.html');
  }
  return html;
}

/** The page with the files of entries its figures' popovers fetch (`data-src` of each list of
 * figures, written by src/provenance.rs) put in as <template data-figures="lang">, where
 * app/provenance.js looks first: the single file must not fetch anything. */
async function withFigureEntries(html) {
  const templates = [];
  for (const [, lang, file] of html.matchAll(/<details class="[^"]*\bfact-list\b[^"]*" lang="([^"]+)" data-src="([^"]+)"/g)) {
    const entries = await read(file);
    if (/<\/template/i.test(entries)) throw new Error(`build-dist: a closing template tag in ${file}`);
    templates.push(`<template data-figures="${lang}">${entries}</template>`);
  }
  return replaceExact(html, '</body>', `${templates.join('\n')}\n</body>`, 'index.html');
}

/** One HTML file with the CSS, JS, wasm and data inlined: works from disk and in a sandboxed iframe. */
async function buildSingleFile() {
  let html = await withFigureEntries(await withWholeNarrative(await read('index.html')));
  const css = await minifiedCss();
  const wasm = await fsp.readFile(path.join(DIST, 'pkg/helong_bg.wasm'));
  // app.js passes HELONG_WASM to the glue, which then never builds a wasm URL.
  const script = [
    `globalThis.HELONG_WASM = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));`,
    await bundleApp('helong_bg.wasm'),
  ].join('\n');
  if (/<\/script/i.test(script) || /<\/style/i.test(css)) throw new Error('build-dist: a closing tag inside inlined code');
  const style = `\n${css}\n`;
  html = replaceExact(html, '<link rel="stylesheet" href="style.css">', `<style>${style}</style>`, 'index.html');
  const early = await read('early.js');
  if (/<\/script/i.test(early)) throw new Error('build-dist: a closing tag inside early.js');
  // Inline, early.js finds no module to load (its tag names none): the module follows it.
  const scripts = [`\n${early}\n`, `\n${script}\n`];
  html = replaceExact(html, EARLY_TAG, `<script>${scripts[0]}</script>\n<script type="module">${scripts[1]}</script>`, 'index.html');
  // Its own policy: the strict one plus the hashes of exactly this inline code. It is served
  // with it (dist/csp.json → make serve, _headers, the nginx snippet) and carries it in a
  // <meta>, so a CMS that serves the upload without a policy still runs it under one.
  const policy = inlinePolicy({ scripts, styles: [style] });
  html = replaceExact(html, '<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">`, 'index.html');
  await write(POLICIES_FILE, `${JSON.stringify({ [SINGLE_FILE]: policy }, null, 2)}\n`);
  // The static SVG fallbacks live in files; the single file keeps its pre-filled tables instead.
  html = html.replace(/<noscript class="chart-fallback-ns">[\s\S]*?<\/noscript>/g, '');
  // The dataset files travel inside the page too, as data: links with their file names.
  for (const [name, type] of [['helong-facts.csv', 'text/csv;charset=utf-8'], ['helong-facts.json', 'application/json']]) {
    const data = await fsp.readFile(path.join(DIST, 'data', name));
    html = replaceExact(html, `href="data/${name}" download`, `href="data:${type};base64,${data.toString('base64')}" download="${name}"`, 'index.html');
  }
  await write(SINGLE_FILE, html);
  return Buffer.byteLength(html);
}

/**
 * Give the share cards (dist/social/*.png, drawn by src/social.rs) content-hashed names and
 * point index.html's Open Graph tags at them (absolute URLs end in the plain name). Runs
 * before the single file is built from index.html, so both carry the same tags.
 */
async function hashShareCards() {
  const names = {};
  let files;
  try {
    files = (await fsp.readdir(path.join(DIST, 'social'))).filter((f) => f.endsWith('.png')).sort();
  } catch {
    return names;
  }
  let html = await read('index.html');
  for (const f of files) {
    const rel = `social/${f}`;
    const data = await fsp.readFile(path.join(DIST, rel));
    const hashed = hashedName(rel, data);
    await fsp.rename(path.join(DIST, rel), path.join(DIST, hashed));
    html = html.split(`${rel}"`).join(`${hashed}"`);
    names[rel] = hashed;
  }
  await write('index.html', html);
  return names;
}

/** Give JS, CSS, wasm and the narrative fragments content-hashed names and point every reference at them. */
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
  const appName = await rename('app.js', await bundleApp(wasmName));
  // The bundle holds the page's modules; the sources do not ship.
  await fsp.rm(path.join(DIST, 'frame.js'));
  await fsp.rm(path.join(DIST, 'app'), { recursive: true });
  // The bare glue stays (hashed) for scripts that drive the model without the page.
  const glue = replaceExact(await read('pkg/helong.js'), "'helong_bg.wasm'", `'${path.basename(wasmName)}'`, 'pkg/helong.js');
  await rename('pkg/helong.js', glue);
  const cssName = await rename('style.css', await minifiedCss());
  // The zh-Hant and en narrative, fetched by app.js when a reader asks for that language.
  const fragments = narrativeFragments(await read('index.html'));
  for (const f of fragments) f.hashed = await rename(f.file, await read(f.file));
  for (const page of HTML_PAGES) {
    let html;
    try {
      html = await read(page);
    } catch {
      continue;
    }
    html = html.split('href="style.css"').join(`href="${cssName}"`);
    // early.js asks for the module and the wasm once the page has been painted (not before:
    // they would share the bandwidth with the stylesheet the first paint waits for).
    if (html.includes(EARLY_TAG)) html = html.split(EARLY_TAG).join(`<script src="early.js" data-app="${appName}" data-wasm="${wasmName}"></script>`);
    if (page === 'index.html') {
      for (const { attr, file, hashed } of fragments) html = replaceExact(html, ` ${attr}="${file}"`, ` ${attr}="${hashed}"`, page);
    }
    await write(page, html);
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
