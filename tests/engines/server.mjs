// The site for the cross-engine tests: tools/serve.mjs (the project's static server, with its
// CSP header) behind a thin logging front on another loopback port. The front records every
// request and its status (so a 404 such as a missing favicon fails a test in any engine) and,
// when asked, puts the probe (probe.js) at the top of every HTML page's <head> as a same-origin
// <script src>, which the page's own policy (script-src 'self') allows.

import http from 'node:http';
import { readFileSync } from 'node:fs';
import { startServer } from '../../tools/serve.mjs';

export const PROBE_PATH = '/__engines-probe.js';
/** A host page holding `src` in an iframe of w × h CSS px: `/__viewport.html?w=390&h=844&src=…`
 *  (for WebKit, whose window cannot be that narrow). */
export const VIEWPORT_PATH = '/__viewport.html';
export const PROBE_SOURCE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const PROBE_TAG = `<script src="${PROBE_PATH}"></script>`;

/** Puts the probe's <script> right after <head …> (or first, when a page has no <head>). */
export function injectProbe(html, tag = PROBE_TAG) {
  const m = /<head[^>]*>/i.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length) : tag + html;
}

/**
 * Serves `root` and resolves to { url, log, close() }; `log` holds { path, status } of every
 * request. With `probe: true` HTML pages carry the probe.
 */
export async function startSite({ root, probe = false }) {
  const inner = await startServer({ root });
  const log = [];
  const front = http.createServer((req, res) => {
    const entry = { path: req.url, status: 0 };
    log.push(entry);
    if (req.url.startsWith(VIEWPORT_PATH + '?')) {
      const q = new URL(req.url, 'http://127.0.0.1').searchParams;
      const [w, h] = [Number(q.get('w')), Number(q.get('h'))];
      const src = q.get('src') || '';
      const esc = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      entry.status = 200;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(
        `<!doctype html><html lang="en"><title>viewport</title><link rel="icon" href="data:,">` +
          `<body style="margin:0"><iframe src="${esc(src)}" style="width:${w}px;height:${h}px;border:0;display:block"></iframe>`,
      );
      return;
    }
    if (probe && req.url === PROBE_PATH) {
      entry.status = 200;
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(PROBE_SOURCE);
      return;
    }
    const up = http.request(
      { host: '127.0.0.1', port: inner.port, path: req.url, method: req.method, headers: { host: `127.0.0.1:${inner.port}` } },
      (upRes) => {
        entry.status = upRes.statusCode;
        const headers = { ...upRes.headers };
        const isHtml = /^text\/html/.test(headers['content-type'] || '');
        if (!(probe && isHtml && req.method === 'GET')) {
          res.writeHead(upRes.statusCode, headers);
          upRes.pipe(res);
          return;
        }
        const chunks = [];
        upRes.on('data', (c) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.from(injectProbe(Buffer.concat(chunks).toString('utf8')), 'utf8');
          headers['content-length'] = String(body.length);
          headers['cache-control'] = 'no-store';
          delete headers['last-modified'];
          res.writeHead(upRes.statusCode, headers);
          res.end(body);
        });
      },
    );
    up.on('error', () => {
      entry.status = 502;
      res.destroy();
    });
    req.pipe(up);
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = front.address().port;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    /** Requests answered with an error status (a 502 when the static server did not answer). */
    failures: () => log.filter((e) => e.status >= 400).map((e) => `${e.status} ${e.path}`),
    close: async () => {
      await new Promise((done) => {
        front.close(() => done());
        front.closeAllConnections?.();
      });
      await inner.close();
    },
  };
}
