#!/usr/bin/env node
// Dependency-free static file server for the explainer, serving dist/ as a CDN would:
// the precompressed `.br` / `.gz` siblings that `make dist` writes (Content-Encoding, Vary),
// a year of `immutable` caching for content-hashed names, revalidation (ETag, 304) for
// everything else, and the site's Content-Security-Policy (the strict one, or a page's own from
// dist/csp.json: the single file's, with the hashes of its inline code). Nothing here sends `no-store` for
// a page, which would keep it out of the back/forward cache. The same rules are written for
// other hosts by `headersFile()` / `nginxSnippet()` (tools/build-dist.mjs puts them in dist/).
// CLI: node tools/serve.mjs [root=www]   (PORT env, default 8080; host 127.0.0.1)
// API: startServer({ root, port = 0, host = '127.0.0.1' }) -> Promise<{ url, port, close() }>

import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { createReadStream, promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = 'www';
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
const INDEX_FILE = 'index.html';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
/**
 * Pages whose code is inline (the single file) get their own policy, written by `make dist`
 * into this file of dist/: { "page.html": "<policy>" }. Every other path gets the strict one.
 */
export const POLICIES_FILE = 'csp.json';

/** `'sha256-…'` of an inline script's or style's text, as CSP hashes it (UTF-8). */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The strict policy widened by the hashes of exactly these inline scripts and styles (their
 * text between the tags): what the single file needs and nothing more.
 */
export function inlinePolicy({ scripts = [], styles = [] }) {
  const hashes = (texts) => texts.map(cspHash).join(' ');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hashes(scripts)}`).replace(
    "style-src 'self'",
    `style-src 'self' ${hashes(styles)}`,
  );
}

/** The policy for a file of the site (`rel`, relative to the root), given dist's policies. */
export function policyFor(rel, policies = {}) {
  return Object.hasOwn(policies, rel) ? policies[rel] : CONTENT_SECURITY_POLICY;
}

/** The per-page policies of a built site (`root/csp.json`), or none. */
export async function readPolicies(root) {
  try {
    return JSON.parse(await fsp.readFile(path.join(root, POLICIES_FILE), 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return {};
    throw new Error(`${POLICIES_FILE} in ${root} cannot be read: ${e.message}`);
  }
}
/** Pages and unhashed files (embed.js, data/): the cache must ask whether they changed. */
export const CACHE_REVALIDATE = 'no-cache';
/** Content-hashed names never change: a year, and no revalidation. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED_NAME = /\.[0-9a-f]{8,}\./;
/** Extensions that `make dist` precompresses (text and wasm; images are compressed already). */
export const COMPRESSIBLE = ['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.wasm', '.txt', '.map'];
/** Precompressed siblings, in order of preference: (Accept-Encoding token, file suffix). */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff2': 'font/woff2',
};
const FALLBACK_MIME = 'application/octet-stream';

/** Returns the Content-Type for a file path from its extension. */
export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? FALLBACK_MIME;
}

/** Returns the Cache-Control value for a file path: immutable when its name is hashed. */
export function cacheControlFor(filePath) {
  return HASHED_NAME.test(path.basename(filePath)) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/** The encodings a request accepts (`br`, `gzip`), from its Accept-Encoding header. */
export function acceptedEncodings(header) {
  const ok = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) ok.add(name);
  }
  return ok;
}

/**
 * The rules above as a `_headers` file (Netlify, Cloudflare Pages and hosts that read one):
 * nosniff for every path, then each file of the site (`paths`, relative to the root) with its
 * own Cache-Control and Content-Security-Policy. The policy is not set on `/*`: these hosts
 * join the values of every rule that matches, and two policies are both enforced, so the
 * strict one would block the single file's inline code.
 */
export function headersFile(paths, policies = {}) {
  const lines = ['# Written by `make dist` from tools/serve.mjs: the rules `make serve` applies.', '/*', '  X-Content-Type-Options: nosniff'];
  for (const p of paths) {
    lines.push(`/${p}`, `  Cache-Control: ${cacheControlFor(p)}`, `  Content-Security-Policy: ${policyFor(p, policies)}`);
  }
  return lines.join('\n') + '\n';
}

/** The rules above as an nginx `server` block fragment (gzip_static / brotli_static). */
export function nginxSnippet(policies = {}) {
  const block = (match, cache, policy) => `location ${match} {
  add_header Cache-Control "${cache}" always;
  add_header Content-Security-Policy "${policy}" always;
  add_header X-Content-Type-Options nosniff always;
  add_header Vary Accept-Encoding always;
}
`;
  const pages = Object.entries(policies)
    .map(([rel, policy]) => block(`= /${rel}`, cacheControlFor(rel), policy))
    .join('');
  return `# Written by \`make dist\` from tools/serve.mjs; the same rules \`make serve\` applies.
# Put inside the server block whose root is dist/. brotli_static needs ngx_brotli; without it,
# gzip_static alone still serves the .gz files. Pages with inline code have a location of their
# own (an exact match wins over the others) with their own policy.
gzip_static on;
# brotli_static on;
add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;
add_header X-Content-Type-Options nosniff always;
add_header Vary Accept-Encoding always;
${pages}${block('~ "\\.[0-9a-f]{8,}\\.[a-z0-9]+$"', CACHE_IMMUTABLE, CONTENT_SECURITY_POLICY)}${block('/', CACHE_REVALIDATE, CONTENT_SECURITY_POLICY)}`;
}

/** Returns the headers that every response carries (`policy`: the file's own, if any). */
function baseHeaders(policy = CONTENT_SECURITY_POLICY) {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** Maps a request URL path to an absolute file path under root, or null if it escapes root or is malformed. */
export function resolveUnderRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = path.resolve(root);
  // Any ".." segment is refused outright, even one that would normalise back inside root.
  if (decoded.split(/[\\/]+/).includes('..')) return null;
  const candidate = path.resolve(rootAbs, '.' + path.posix.sep + decoded);
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + path.sep)) return null;
  return candidate;
}

/** Sends a plain-text error response with the given status. */
function sendError(res, status, message) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Finds the regular file to serve for an absolute path (directories map to their index.html), or null. */
async function findFile(absPath) {
  try {
    let stat = await fsp.stat(absPath);
    if (stat.isDirectory()) {
      absPath = path.join(absPath, INDEX_FILE);
      stat = await fsp.stat(absPath);
    }
    return stat.isFile() ? { absPath, stat } : null;
  } catch {
    return null;
  }
}

/** Returns the request handler serving files from root, each with its policy. */
function makeHandler(root, policies) {
  return async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(res, 405, 'Method Not Allowed');
      return;
    }
    const rawPath = (req.url || '/').split('?')[0];
    const absPath = resolveUnderRoot(root, rawPath);
    const found = absPath && (await findFile(absPath));
    if (!found) {
      sendError(res, 404, 'Not Found');
      return;
    }
    const compressible = COMPRESSIBLE.includes(path.extname(found.absPath).toLowerCase());
    let body = found;
    let encoding = null;
    if (compressible) {
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      for (const [token, suffix] of ENCODINGS) {
        if (!accepted.has(token)) continue;
        const sibling = await findFile(found.absPath + suffix);
        if (sibling) {
          body = sibling;
          encoding = token;
          break;
        }
      }
    }
    const etag = `"${createHash('sha1')
      .update(`${body.absPath}:${body.stat.size}:${body.stat.mtimeMs}`)
      .digest('hex')
      .slice(0, 16)}"`;
    const rel = path.relative(path.resolve(root), found.absPath).split(path.sep).join('/');
    const headers = {
      ...baseHeaders(policyFor(rel, policies)),
      'Content-Type': mimeTypeFor(found.absPath),
      'Last-Modified': found.stat.mtime.toUTCString(),
      'Cache-Control': cacheControlFor(found.absPath),
      ETag: etag,
    };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = body.stat.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(body.absPath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/** Starts a static server on host:port (0 = random free port) and resolves to { url, port, close }. */
export async function startServer({ root = DEFAULT_ROOT, port = 0, host = DEFAULT_HOST } = {}) {
  const server = createServer(makeHandler(root, await readPolicies(root)));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = server.address().port;
      resolve({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/**
 * Serve `root` from a separate node process, as a real static server would be: a server in the
 * measuring process would share its event loop with the browser driver and answer late (what
 * tools/bench.mjs and tools/trace.mjs time). Resolves to { url, close }.
 */
export function spawnServer(root) {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [self, root], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the server of ${root} exited (${code})`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ url: m[1], close: () => child.kill('SIGTERM') });
    });
  });
}

/** Runs the CLI: serves argv root on PORT until killed. */
async function main() {
  const root = process.argv[2] || DEFAULT_ROOT;
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid PORT ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  try {
    const stat = await fsp.stat(root);
    if (!stat.isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`serve: root ${JSON.stringify(root)} is not a directory`);
    process.exit(2);
  }
  const { url, close } = await startServer({ root, port, host: DEFAULT_HOST });
  console.log(`Serving ${root} at ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** True when this module is the script node was asked to run. */
function isMain() {
  return process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  main().catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
