#!/usr/bin/env node
// Screenshots of the page in Firefox and WebKit, to look at (not a test):
//   node tests/engines/screenshots.mjs [root=dist] [out=screenshots/engines] [engine…]
// For each engine: 390 px and 1280 px wide, light and dark, each language; the whole page.
// WebKit's come in parts, one per screenful of an iframe of the width asked for (MiniBrowser
// cannot be 390 px wide, and a WebDriver screenshot holds only what is in the window).

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LAUNCHERS } from './engines.mjs';
import { startSite } from './server.mjs';

const [root = 'dist', out = 'screenshots/engines', ...only] = process.argv.slice(2);
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const HEIGHT = 900;

const site = await startSite({ root, probe: false });
await mkdir(out, { recursive: true });
try {
  for (const name of only.length ? only : Object.keys(LAUNCHERS)) {
    const engine = await LAUNCHERS[name]();
    console.log(`${name}: ${engine.version}`);
    try {
      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          for (const lang of LANGS) {
            const url = `${site.url}index.html?lang=${lang}&theme=${theme}`;
            const tab = await engine.open(url, { width, height: HEIGHT, frame: name === 'webkit' });
            try {
              await tab.waitFor(() => document.documentElement.hasAttribute('data-ready'), [], { timeout: 45_000 });
              await tab.waitFor(
                (l) => [...document.querySelectorAll(`.story [lang="${l}"]`)].some((e) => e.offsetParent !== null),
                [lang],
              );
              await new Promise((r) => setTimeout(r, 300));
              const base = path.join(out, `${name}-${width}-${theme}-${lang}`);
              if (tab.screenshotParts) console.log((await tab.screenshotParts(base)).join('\n'));
              else {
                await tab.screenshot(`${base}.png`);
                console.log(`${base}.png`);
              }
            } finally {
              await tab.close();
            }
          }
        }
      }
    } finally {
      await engine.close();
    }
  }
} finally {
  await site.close();
}
