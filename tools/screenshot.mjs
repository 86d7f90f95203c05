#!/usr/bin/env node
// Full-page screenshots of the explainer in headless Chromium, for people to look at.
// Usage: node tools/screenshot.mjs [root=www] [outdir=screenshots] [--page embed.html] [--only 390-light-en]
//   --only may be repeated or comma-separated; each item matches a "<width>-<scheme>-<lang>" key
//   (a prefix such as "390" or "1280-dark" also works).

import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';

import { startServer } from './serve.mjs';
import { launchBrowser, openPage, waitReady } from '../tests/e2e/helpers.mjs';

const DEFAULT_ROOT = 'www';
const DEFAULT_OUTDIR = 'screenshots';
const DEFAULT_PAGE = 'index.html';
const READY_FALLBACK_MS = 15_000;
const SETTLE_MS = 150;
const VIEWPORTS = [
  { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true },
  { width: 1280, height: 900, deviceScaleFactor: 1, isMobile: false },
];
const SCHEMES = ['light', 'dark'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const USAGE =
  'usage: node tools/screenshot.mjs [root=www] [outdir=screenshots] [--page embed.html] [--only 390-light-en[,1280-dark]]';

/** Parses argv into { root, outdir, page, only }. */
function parseArgs(argv) {
  const positional = [];
  const only = [];
  let page = DEFAULT_PAGE;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    if (flag === '--page' || flag === '--only') {
      const value = inline ?? argv[++i];
      if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
      if (flag === '--page') page = value.replace(/^\/+/, '');
      else only.push(...value.split(',').filter(Boolean));
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag.startsWith('--')) {
      throw new Error(`unknown option ${flag}\n${USAGE}`);
    } else {
      positional.push(a);
    }
  }
  return { root: positional[0] || DEFAULT_ROOT, outdir: positional[1] || DEFAULT_OUTDIR, page, only };
}

/** Lists every { viewport, scheme, lang, key } shot, filtered by the --only keys. */
function plannedShots(only) {
  const shots = [];
  for (const viewport of VIEWPORTS)
    for (const scheme of SCHEMES)
      for (const lang of LANGS) shots.push({ viewport, scheme, lang, key: `${viewport.width}-${scheme}-${lang}` });
  if (!only.length) return shots;
  return shots.filter((s) => only.some((o) => s.key === o || s.key.startsWith(o + '-')));
}

/** Returns the PNG file name for a shot: <page>-<width>-<scheme>-<lang>.png. */
function shotFileName(page, shot) {
  const base = path.basename(page).replace(/\.html?$/i, '');
  return `${base}-${shot.key}.png`;
}

/** Opens one configuration, waits for data-ready (or the fallback), and writes the full-page PNG. */
async function takeShot(browser, baseUrl, page, shot, outdir) {
  const url = `${baseUrl}${page}?lang=${encodeURIComponent(shot.lang)}`;
  const s = await openPage(browser, url, { ...shot.viewport, colorScheme: shot.scheme });
  try {
    try {
      await waitReady(s.page, READY_FALLBACK_MS);
    } catch {
      console.warn(`warning: ${shot.key}: no data-ready after ${READY_FALLBACK_MS / 1000} s, shooting anyway`);
    }
    await s.page.waitForTimeout(SETTLE_MS);
    const file = path.join(outdir, shotFileName(page, shot));
    await s.page.screenshot({ path: file, fullPage: true });
    console.log(file);
    for (const e of s.errors) console.log(`  ${shot.key} error: ${e}`);
    for (const u of s.offHost) console.log(`  ${shot.key} blocked off-host request: ${u}`);
    const csp = await s.cspViolations().catch(() => []);
    for (const v of csp) console.log(`  ${shot.key} CSP violation: ${v.directive} ${v.blockedURI}`);
    return s.errors.length;
  } finally {
    await s.close();
  }
}

/** Runs the CLI: serves root on a random port and shoots every planned configuration. */
async function main() {
  const { root, outdir, page, only } = parseArgs(process.argv.slice(2));
  const shots = plannedShots(only);
  if (!shots.length) throw new Error(`--only ${only.join(',')} matches no shot (keys look like 390-light-en)`);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new Error(`root ${JSON.stringify(root)} is not a directory`);
  await mkdir(outdir, { recursive: true });
  const server = await startServer({ root });
  const browser = await launchBrowser();
  let errorCount = 0;
  try {
    for (const shot of shots) errorCount += await takeShot(browser, server.url, page, shot, outdir);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${shots.length} screenshot(s) in ${outdir}, ${errorCount} console error(s)`);
}

main().catch((err) => {
  console.error(`screenshot: ${err.message}`);
  process.exit(1);
});
