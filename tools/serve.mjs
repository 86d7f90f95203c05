#!/usr/bin/env node
// Dependency-free static file server for the explainer.
// CLI: node tools/serve.mjs [root=www]   (PORT env, default 8080; host 127.0.0.1)
// API: startServer({ root, port = 0, host = '127.0.0.1' }) -> Promise<{ url, port, close() }>

import { createServer } from 'node:http';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = 'www';
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
const INDEX_FILE = 'index.html';

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
const CACHE_HTML = 'no-cache';
const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED_NAME = /\.[0-9a-f]{8,}\./;

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

/** Returns the Cache-Control value for a file path, or null when none applies. */
export function cacheControlFor(filePath) {
  const base = path.basename(filePath);
  if (HASHED_NAME.test(base)) return CACHE_IMMUTABLE;
  if (/\.html?$/i.test(base)) return CACHE_HTML;
  return null;
}

/** Returns the headers that every response carries. */
function baseHeaders() {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
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

/** Returns the request handler serving files from root. */
function makeHandler(root) {
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
    const headers = {
      ...baseHeaders(),
      'Content-Type': mimeTypeFor(found.absPath),
      'Content-Length': found.stat.size,
      'Last-Modified': found.stat.mtime.toUTCString(),
    };
    const cache = cacheControlFor(found.absPath);
    if (cache) headers['Cache-Control'] = cache;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.absPath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/** Starts a static server on host:port (0 = random free port) and resolves to { url, port, close }. */
export function startServer({ root = DEFAULT_ROOT, port = 0, host = DEFAULT_HOST } = {}) {
  const server = createServer(makeHandler(root));
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
