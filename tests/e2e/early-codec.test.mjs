// The early script and the model read the URL alike, for any URL (issue 23, item 7).
//
// www/early.js decides the layout before the first paint (theme, language, and in an embed the
// view and the controls); the model (src/model/codec.rs) decides it again when the wasm
// arrives. If they disagree on some spelling of a key, the page flips when the wasm arrives.
// This test runs thousands of generated query strings through both: early.js as the site serves
// it (dist/early.js, run as a classic script over a stand-in for <html> that carries the model's
// tables, exactly as prerender writes them on embed.html), and the wasm codec as the site serves
// it (the --target web glue of dist/pkg, given the wasm's bytes). The queries mix case, Unicode
// look-alikes that case folding turns into ASCII (the Kelvin sign, İ) or not (ı, ſ, fullwidth
// letters), white space that only one of JavaScript's and Rust's trim() removes (U+FEFF, U+0085),
// repeated keys, blank keys and values, `+`, good and bad `%`-escapes, and leading `?`s; each is
// first made into what a browser's `location.search` holds (the URL parser's own encoding).
// The generator is seeded, so a failure can be replayed: HELONG_EARLY_SEED and
// HELONG_EARLY_QUERIES change the seed and the number of queries.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const ROOT = path.resolve(process.env.E2E_ROOT || 'dist');
const SEED = Number(process.env.HELONG_EARLY_SEED || 20230423);
const QUERIES = Number(process.env.HELONG_EARLY_QUERIES || 4000);

/** The attributes of a page's <html> start tag, as the browser would read them. */
function htmlAttributes(file) {
  const html = readFileSync(path.join(ROOT, file), 'utf8');
  const tag = /<html\b([^>]*)>/i.exec(html)?.[1] ?? '';
  const attrs = new Map();
  for (const [, name, , dq, sq, bare] of tag.matchAll(/([^\s=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const raw = dq ?? sq ?? bare ?? '';
    attrs.set(name.toLowerCase(), raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }
  return attrs;
}

/** A stand-in for document.documentElement: the attributes early.js reads and writes. */
function htmlElement(initial) {
  const attrs = new Map(initial);
  return {
    attrs,
    getAttribute: (n) => (attrs.has(n) ? attrs.get(n) : null),
    setAttribute: (n, v) => attrs.set(n, String(v)),
    hasAttribute: (n) => attrs.has(n),
    removeAttribute: (n) => attrs.delete(n),
    get lang() {
      return attrs.get('lang') ?? '';
    },
    set lang(v) {
      attrs.set('lang', String(v));
    },
  };
}

/** Runs the site's early.js for a `location.search`; returns what it wrote on <html>. */
function earlyReader(contract) {
  const script = new vm.Script(readFileSync(path.join(ROOT, 'early.js'), 'utf8'), { filename: 'early.js' });
  const context = vm.createContext({ URLSearchParams });
  return (search) => {
    const d = htmlElement(contract);
    context.document = { documentElement: d, currentScript: null };
    context.location = { search };
    context.addEventListener = () => {};
    script.runInContext(context);
    const a = d.attrs;
    return { theme: a.get('data-theme'), lang: a.get('data-url-lang'), view: a.get('data-view'), controls: a.get('data-controls') };
  };
}

/** The wasm codec of the site: what the model makes of a `location.search`, as the page writes
 * it on <html> (www/app/embed.js applyView: the view, and the controls or the view's default). */
async function modelReader(contract) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const glue = await import(pathToFileURL(path.join(ROOT, manifest['pkg/helong.js'])).href);
  await glue.default({ module_or_path: readFileSync(path.join(ROOT, manifest['pkg/helong_bg.wasm'])) });
  const byView = new Map((contract.get('data-view-controls') || '').split(' ').map((p) => p.split('=')));
  return (search) => {
    const e = new glue.Explainer(search);
    try {
      const view = e.value('view');
      return { theme: e.theme(), lang: e.lang(), view, controls: e.value('controls') || byView.get(view) };
    } finally {
      e.free();
    }
  };
}

/** A seeded generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** Letters that look like, or fold to, ASCII letters: [ascii, look-alike]. The Kelvin sign and
 * İ become ASCII under Unicode lower-casing; the others stay what they are. */
const LOOK_ALIKES = [
  ['k', '\u212A'], // KELVIN SIGN: toLowerCase() gives 'k'
  ['K', '\u212A'],
  ['i', '\u0130'], // LATIN CAPITAL I WITH DOT ABOVE: toLowerCase() gives 'i' + U+0307
  ['I', '\u0130'],
  ['i', '\u0131'], // LATIN SMALL DOTLESS I
  ['s', '\u017F'], // LATIN SMALL LONG S: toUpperCase() gives 'S'
  ['a', '\u212B'], // ANGSTROM SIGN: toLowerCase() gives 'å'
  ['a', '\u0430'], // CYRILLIC SMALL A
  ['e', '\u0435'], // CYRILLIC SMALL IE
  ['o', '\u03BF'], // GREEK SMALL OMICRON
];
/** White space: some removed by both trims, U+FEFF only by JavaScript's, U+0085 only by Rust's. */
const SPACES = [' ', '\t', '\u000B', '\u00A0', '\u2003', '\u3000', '\u2028', '\uFEFF', '\u0085', '\u200B', '\u001F'];

/** Generates `location.search` strings from the keys and values of the model's tables. */
function generator(seed, contract) {
  const r = random(seed);
  const values = new Map(
    (contract.get('data-url-values') || '').split(' ').map((p) => {
      const [k, v] = p.split('=');
      return [k, v.split(',')];
    }),
  );
  values.set('lang', (contract.get('data-lang-tags') || '').split(' ').map((p) => p.split('=')[0].replace(/\*$/, r.pick(['gb', 'US', '', 'x-y']))));
  const keys = [...values.keys()];
  const junkKeys = ['grant', 'embed', 'childId', 'x', '', 'theme2', 'th eme', 'vie', 'langs'];

  /** Mixed case, look-alikes and stray characters in a word. */
  const spell = (word) => {
    let out = '';
    for (const ch of word) {
      const alike = LOOK_ALIKES.filter(([a]) => a === ch);
      if (alike.length && r.chance(0.12)) out += r.pick(alike)[1];
      else if (/[a-z]/i.test(ch) && r.chance(0.02)) out += String.fromCharCode((r.chance(0.5) ? ch.toUpperCase() : ch).charCodeAt(0) + 0xfee0); // fullwidth
      else out += r.chance(0.3) ? ch.toUpperCase() : ch;
    }
    if (r.chance(0.05)) {
      const at = r.int(out.length + 1);
      out = out.slice(0, at) + r.pick(['-', '_', 'x', 'é', '\u0301']) + out.slice(at);
    }
    return out;
  };
  /** White space around a word, sometimes. */
  const pad = (word) => {
    const ws = () => Array.from({ length: 1 + r.int(2) }, () => r.pick(SPACES)).join('');
    return `${r.chance(0.2) ? ws() : ''}${word}${r.chance(0.2) ? ws() : ''}`;
  };
  /** A word written into a query: raw (the URL parser encodes it), escaped, `+` for spaces,
   * letters escaped, or with a bad escape. */
  const write = (word) => {
    const how = r.int(6);
    if (how === 0) return encodeURIComponent(word);
    if (how === 1) return encodeURIComponent(word).replace(/%20/g, '+');
    if (how === 2) return [...word].map((c) => (/[a-z]/i.test(c) && r.chance(0.3) ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
    if (how === 3) {
      const bad = r.pick(['%', '%G1', '%4', '%%', '%e2%84', '%FF', '%C3', '%2', '%zz', '%E2%84%AA']);
      const at = r.int(word.length + 1);
      return word.slice(0, at).replace(/[&=#]/g, encodeURIComponent) + bad + word.slice(at).replace(/[&=#]/g, encodeURIComponent);
    }
    return word.replace(/[%&=#+]/g, encodeURIComponent);
  };
  const pair = () => {
    const key = r.chance(0.9) ? r.pick(keys) : r.pick(junkKeys);
    const vals = values.get(key) || ['1', 'yes'];
    let value = r.chance(0.85) ? r.pick(r.pick([vals, vals, [...values.values()].flat()])) : r.pick(['', 'bogus', 'auto2', '-', '0']);
    if (r.chance(0.15)) value = value.slice(0, r.int(value.length + 1)) + value.slice(r.int(value.length + 1));
    const k = write(pad(spell(key)));
    if (r.chance(0.04)) return k; // a key with no '='
    return `${k}=${write(pad(spell(value)))}`;
  };
  return () => {
    const pairs = Array.from({ length: r.int(6) }, pair);
    // Repeats of a key: the last one wins, however it is spelt.
    if (pairs.length && r.chance(0.3)) pairs.push(pairs[r.int(pairs.length)].replace(/^[^=]*/, (k) => write(pad(spell(decodeSafe(k))))));
    let q = pairs.join(r.chance(0.1) ? '&&' : '&');
    if (r.chance(0.1)) q = `${'?'.repeat(1 + r.int(2))}${q}`;
    if (r.chance(0.05)) q += `#${r.pick(['theme=dark', 'x'])}`;
    return new URL(`https://helong.example/embed.html?${q}`).search;
  };
}

function decodeSafe(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

describe('the early script and the model', () => {
  test('read theme, language, view and controls alike from thousands of generated URLs', { timeout: 300_000 }, async () => {
    const contract = htmlAttributes('embed.html');
    assert.ok(contract.has('data-embed') && contract.has('data-url-values') && contract.has('data-lang-tags'), 'embed.html carries the model’s tables');
    const early = earlyReader(contract);
    const model = await modelReader(contract);
    const next = generator(SEED, contract);
    const searches = [];
    for (let i = 0; i < QUERIES; i++) searches.push(next());
    // The spellings the early script once read differently, whatever the generator draws.
    searches.push('?theme=dar%E2%84%AA', '?theme=%EF%BB%BFdark', '?theme=%C2%85dark', '?lang=zh-hant-h%E2%84%AA', '??theme=dark');
    const differ = [];
    const seen = { theme: new Set(), lang: new Set(), view: new Set(), controls: new Set() };
    for (const search of searches) {
      const e = early(search);
      const m = model(search);
      for (const k of Object.keys(seen)) seen[k].add(m[k]);
      try {
        assert.deepEqual(e, m);
      } catch {
        differ.push(`${search}\n    early.js ${JSON.stringify(e)}\n    model    ${JSON.stringify(m)}`);
      }
    }
    // The queries reach every answer the model can give, so agreeing is not agreeing on defaults.
    for (const [k, answers] of Object.entries(seen)) assert.ok(answers.size >= 3, `${k}: only ${[...answers]} reached`);
    const summary = `${searches.length} queries (seed ${SEED}): ${differ.length ? `${differ.length} read differently` : 'early.js and the model agreed on every one'}`;
    console.log(summary);
    assert.equal(differ.length, 0, `${summary}; the first of them:\n${differ.slice(0, 12).join('\n')}`);
  });
});
