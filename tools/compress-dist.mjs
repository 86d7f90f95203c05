#!/usr/bin/env node
// After `make dist` has written every file: precompress what a CDN would (brotli and gzip
// siblings, `name.ext.br` / `name.ext.gz`, for text and wasm), and write the serving rules of
// tools/serve.mjs for other hosts: `_headers` (Netlify, Cloudflare Pages) and
// `helong.nginx.conf` (an nginx fragment). Usage: node tools/compress-dist.mjs [dist]

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { COMPRESSIBLE, headersFile, nginxSnippet, readPolicies } from './serve.mjs';

const DIST = process.argv[2] || 'dist';
const SERVING_RULES = ['_headers', 'helong.nginx.conf'];

/** Every file under `dir`, relative to it, with `/` separators. */
async function walk(dir, prefix = '') {
  const out = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function main() {
  const files = (await walk(DIST)).filter((f) => !/\.(br|gz)$/.test(f) && !SERVING_RULES.includes(f));
  let raw = 0;
  let br = 0;
  let gz = 0;
  for (const rel of files) {
    if (!COMPRESSIBLE.includes(path.extname(rel).toLowerCase())) continue;
    const abs = path.join(DIST, rel);
    const data = await fsp.readFile(abs);
    const b = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    const g = gzipSync(data, { level: 9 });
    await fsp.writeFile(`${abs}.br`, b);
    await fsp.writeFile(`${abs}.gz`, g);
    raw += data.length;
    br += b.length;
    gz += g.length;
  }
  const policies = await readPolicies(DIST);
  await fsp.writeFile(path.join(DIST, '_headers'), headersFile(files, policies));
  await fsp.writeFile(path.join(DIST, 'helong.nginx.conf'), nginxSnippet(policies));
  console.log(`compress-dist: ${raw} bytes of text and wasm → ${gz} gzip, ${br} brotli; wrote _headers, helong.nginx.conf`);
}

main().catch((e) => {
  console.error(`compress-dist: ${e.message || e}`);
  process.exit(1);
});
