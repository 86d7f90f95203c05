#!/usr/bin/env node
// Browser benchmarks and the JSON report (`make bench`). Reads criterion's native results,
// then measures the built site (dist/) in headless Chromium: wasm simulate time, slider →
// render latency for every slider, time to data-ready, gzip bytes of everything loaded, and
// wasm / JS memory after warm-up and after many slider moves. Writes bench/report.json.
// `node tools/bench.mjs --check` compares the report with tools/budgets.json instead.

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, openPage, waitReady, wasmMemoryBytes } from '../tests/e2e/helpers.mjs';
import { spawnServer } from './serve.mjs';
import { FRAME_SLIDERS, PHONE, gotoFloor, readSliders } from './floor.mjs';

const ROOT = process.env.BENCH_ROOT || 'dist';
const OUT = 'bench/report.json';
const BUDGETS = 'tools/budgets.json';
const LOADS = 7;
const MOVES_PER_SLIDER = 200;
const SOAK_MOVES = Number(process.env.SOAK_MOVES || 10000);
const CRITERION = 'target/criterion';

/** Median and p95 of a list of numbers. */
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

/** Criterion's median estimate (ms) for a benchmark id, or null when it has not run. */
async function criterionMedianMs(id) {
  try {
    const j = JSON.parse(await fsp.readFile(path.join(CRITERION, id, 'new', 'estimates.json'), 'utf8'));
    return j.median.point_estimate / 1e6;
  } catch {
    return null;
  }
}

/** Gzip bytes of everything one load of the page fetches (bodies read through the browser). */
async function measureBytes(browser, url) {
  const p = await openPage(browser, url);
  const bodies = [];
  p.page.on('response', async (r) => {
    try {
      bodies.push({ url: r.url(), body: await r.body() });
    } catch {
      /* redirects have no body */
    }
  });
  await p.page.reload();
  await waitReady(p.page);
  await p.page.waitForTimeout(300);
  await p.close();
  const files = bodies.map((b) => ({ url: new URL(b.url).pathname, raw: b.body.length, gzip: gzipSync(b.body, { level: 9 }).length }));
  const sum = (fs) => fs.reduce((a, f) => a + f.gzip, 0);
  // What the first paint waits for: the document and its stylesheets (scripts are async).
  const critical = files.filter((f) => f.url.endsWith('.html') || f.url.endsWith('/') || f.url.endsWith('.css'));
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: sum(files), critical_path_gzip: sum(critical) };
}

/** Load the page LOADS times and time data-ready; nothing listens to the network meanwhile. */
async function measureLoads(browser, url) {
  const times = [];
  const paints = [];
  const largest = [];
  for (let i = 0; i < LOADS; i++) {
    const p = await openPage(browser, url);
    await p.page.reload();
    await waitReady(p.page);
    const [t, fcp, lcp] = await p.page.evaluate(
      () =>
        new Promise((resolve) => {
          // LCP entries are buffered; the last one before input is the page's LCP.
          new PerformanceObserver((list) => {
            const e = list.getEntries();
            resolve([
              performance.getEntriesByName('explainer:data-ready')[0]?.startTime ?? null,
              performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
              e.length ? e[e.length - 1].startTime : null,
            ]);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    if (t != null) times.push(t);
    if (fcp != null) paints.push(fcp);
    if (lcp != null) largest.push(lcp);
    await p.close();
  }
  // The browser's own first paint of the same loads: the floor data-ready cannot beat here.
  return {
    data_ready_ms: stats(times),
    first_contentful_paint_ms: stats(paints),
    largest_contentful_paint_ms: stats(largest),
    bytes: await measureBytes(browser, url),
  };
}

/** Time the wasm model alone, in the page: cold simulate and a cached slider move. */
async function measureWasm(page) {
  return page.evaluate(async () => {
    const manifest = await (await fetch('manifest.json')).json();
    // The page runs its own bundled copy; this standalone glue gets its own wasm instance.
    const m = await import(`./${manifest['pkg/helong.js']}`);
    await m.default();
    const batch = (n, f) => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f(i);
      return (performance.now() - t0) / n;
    };
    const e = new m.Explainer('');
    const move = [];
    const cold = [];
    for (let k = 0; k < 20; k++) {
      move.push(batch(25, (i) => e.set('grant', String(5000 + (i % 2) * 500))));
      cold.push(batch(5, () => m.simulate('')));
    }
    e.free();
    return { move, cold };
  });
}

/** Move every slider MOVES_PER_SLIDER times; input → render-complete latency per move. */
async function measureSliders(page) {
  return page.evaluate(async (moves) => {
    const sliders = [...document.querySelectorAll('input[type="range"]')];
    const per = {};
    const all = [];
    const frames = [];
    for (const el of sliders) {
      const lo = Number(el.min);
      const hi = Number(el.max);
      const lat = [];
      for (let i = 0; i < moves; i++) {
        const v = lo + ((hi - lo) * ((i * 37) % 100)) / 100;
        const t0 = performance.now();
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        lat.push(t1 - t0);
        if (i % 20 === 0) {
          await new Promise((r) => requestAnimationFrame(() => r()));
          frames.push(performance.now() - t0);
        }
      }
      per[el.id] = lat;
      all.push(...lat);
    }
    return { per, all, frames };
  }, MOVES_PER_SLIDER);
}

/** DevTools CPU slow-downs to measure a phone by: none, a mid-range phone, a low-end phone. */
const CPU_RATES = [1, 4, 10];
/** Interleaved rounds (floor, ours, floor, ours, …) and slider moves per page per round. */
const FRAME_ROUNDS = 3;
const FRAME_MOVES = 60;
/** The moves of one round in one page, timed from just before each input event to a task
 * queued from the next animation frame (which runs once that frame has been painted). */
function movesInPage(page, waitRendered) {
  return page.evaluate(
    async ({ moves, ids }) => {
      const sliders = ids.map((id) => document.getElementById(id)).filter(Boolean);
      const frame = [];
      const work = [];
      const onRendered = (e) => work.push(e.detail.ms);
      window.addEventListener('explainer:rendered', onRendered);
      const painted = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(0);
          }),
        );
      for (let i = 0; i < moves; i++) {
        const el = sliders[i % sliders.length];
        el.scrollIntoView({ block: 'center' });
        await painted();
        await painted();
        const lo = Number(el.min);
        const hi = Number(el.max);
        const t0 = performance.now();
        el.value = String(lo + ((hi - lo) * ((i * 37) % 100)) / 100);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        frame.push((await painted()) - t0);
      }
      window.removeEventListener('explainer:rendered', onRendered);
      return { frame, work, sliders: sliders.length };
    },
    { moves: FRAME_MOVES, ids: FRAME_SLIDERS },
  );
}

/**
 * Input → painted frame on a 390 px phone screen (DPR 3) under CPU slow-down, ours against the
 * floor page measured in the same run: for each rate, FRAME_ROUNDS interleaved rounds of
 * FRAME_MOVES moves on each page (floor first, then ours, each in a fresh context throttled only
 * for its moves). Reports p50/p95 of both, and ours ÷ floor at p95: the figure the budgets hold
 * (absolute times depend on the machine; the ratio much less).
 */
async function measureThrottled(browser, baseUrl, others = [], rates = CPU_RATES, rounds = FRAME_ROUNDS) {
  const url = `${baseUrl}index.html`;
  const floorUrl = `${baseUrl}__bench-floor.html`;
  const probe = await openPage(browser, url, PHONE);
  await waitReady(probe.page);
  const sliders = await readSliders(probe.page);
  await probe.close();
  const run = async (which, rate, pageUrl = url) => {
    const p = await openPage(browser, which === 'floor' ? 'about:blank' : pageUrl, PHONE);
    if (which === 'floor') {
      await gotoFloor(p.page, floorUrl, sliders);
    } else {
      await waitReady(p.page);
    }
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const r = await movesInPage(p.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const errors = p.errors.length;
    await p.close();
    if (r.sliders !== FRAME_SLIDERS.length) throw new Error(`bench: ${which} page has ${r.sliders} of the ${FRAME_SLIDERS.length} sliders`);
    if (errors) throw new Error(`bench: ${which} page logged ${errors} errors`);
    return r;
  };
  const out = {};
  for (const rate of rates) {
    const floor = [];
    const ours = [];
    const work = [];
    const other = others.map(() => []);
    for (let round = 0; round < rounds; round++) {
      floor.push(...(await run('floor', rate)).frame);
      const r = await run('ours', rate);
      ours.push(...r.frame);
      work.push(...r.work);
      for (const [i, o] of others.entries()) other[i].push(...(await run(o.name, rate, `${o.url}index.html${o.query || ''}`)).frame);
    }
    for (const [i, o] of others.entries()) {
      const x = stats(other[i]);
      console.log(`bench: ${rate}× ${o.name} p50 ${x.median.toFixed(1)} p95 ${x.p95.toFixed(1)} · ratio ${(x.p95 / stats(floor).p95).toFixed(2)}`);
    }
    const f = stats(floor);
    const o = stats(ours);
    out[`${rate}x`] = {
      rounds: FRAME_ROUNDS,
      moves_per_round: FRAME_MOVES,
      floor_ms: f,
      input_to_painted_frame_ms: o,
      ratio_p95: o.p95 / f.p95,
      ratio_p50: o.median / f.median,
      render_work_ms: stats(work),
    };
    console.log(`bench: ${rate}× floor p95 ${f.p95.toFixed(1)} · ours p50 ${o.median.toFixed(1)} p95 ${o.p95.toFixed(1)} · ratio ${(o.p95 / f.p95).toFixed(2)}`);
  }
  return out;
}

/** The pages Lighthouse scores: the explainer, the embed (whole and one view), the embed's demo
 * page and the single file. */
const LIGHTHOUSE_PAGES = ['index.html', 'embed.html', 'embed.html?view=benefit', 'embed-demo.html', 'helong-explainer.html'];
/** Lighthouse runs per page (its simulated throttling varies from run to run: the budget holds
 * the worst of them). */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);

/** One Lighthouse run (pinned, mobile preset: simulated slow 4G and 4× CPU) in a fresh Chromium
 * with the harness flags: scores of the four categories and the load metrics. */
async function lighthouseRun(pageUrl) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'helong-lh-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, userDataDir });
  try {
    const result = await lighthouse(pageUrl, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const { categories, audits } = result.lhr;
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    const num = (id) => audits[id]?.numericValue ?? null;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      seo: score('seo'),
      fcp_ms: num('first-contentful-paint'),
      lcp_ms: num('largest-contentful-paint'),
      cls: num('cumulative-layout-shift'),
      tbt_ms: num('total-blocking-time'),
      speed_index_ms: num('speed-index'),
      failed_audits: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    };
  } finally {
    await chrome.kill();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** LIGHTHOUSE_RUNS runs on each page: every run, and the worst of each figure (what the budget
 * is checked against). */
async function measureLighthouse(baseUrl) {
  const out = {};
  for (const rel of LIGHTHOUSE_PAGES) {
    const runs = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseRun(`${baseUrl}${rel}`));
    const worst = (k, hi) => runs.map((r) => r[k]).reduce((a, b) => (hi ? Math.max(a, b) : Math.min(a, b)));
    out[rel] = {
      performance: worst('performance', false),
      accessibility: worst('accessibility', false),
      best_practices: worst('best_practices', false),
      seo: worst('seo', false),
      fcp_ms: worst('fcp_ms', true),
      lcp_ms: worst('lcp_ms', true),
      cls: worst('cls', true),
      tbt_ms: worst('tbt_ms', true),
      runs,
    };
    console.log(`bench: Lighthouse ${rel}: performance ${runs.map((r) => r.performance).join(', ')}`);
  }
  return out;
}

/** wasm memory and JS heap after warm-up and after SOAK_MOVES slider moves. */
async function measureMemory(page, cdp) {
  const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = () => wasmMemoryBytes(page, cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = { wasm: await wasm(), js: await heap() };
  await page.evaluate(async (n) => {
    const el = document.getElementById('in-grant');
    for (let i = 0; i < n; i++) {
      el.value = String(500 + (i % 100) * 500);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 500 === 0) await new Promise((r) => setTimeout(r, 0));
    }
  }, SOAK_MOVES);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = { wasm: await wasm(), js: await heap() };
  return { moves: SOAK_MOVES, before, after, wasm_growth_bytes: after.wasm - before.wasm, js_growth_bytes: after.js - before.js };
}

/** Compare a report with the budgets; print each line; exit 1 when any is over. */
async function check() {
  const r = JSON.parse(await fsp.readFile(OUT, 'utf8'));
  const b = JSON.parse(await fsp.readFile(BUDGETS, 'utf8'));
  const rows = [
    ['wasm simulate (slider move, ms, median)', r.wasm.slider_move_ms.median, b.wasm_simulate_ms_median],
    ['time to data-ready ÷ the browser’s first contentful paint of the same loads (median)', r.page.data_ready_ms.median / r.page.first_contentful_paint_ms.median, b.data_ready_over_fcp_max],
    ['gzip bytes of everything loaded', r.page.bytes.gzip, b.page_gzip_bytes],
    ['gzip bytes before first paint (HTML + CSS)', r.page.bytes.critical_path_gzip, b.critical_path_gzip_bytes],
    ['wasm memory growth after soak (bytes)', r.memory.wasm_growth_bytes, b.wasm_memory_growth_bytes_after_10000_moves],
  ];
  // The per-move goal, as a ratio to the floor page measured interleaved in the same run.
  for (const [rate, max] of Object.entries(b.cpu_slowdown_ratio_p95_max)) {
    const m = r.cpu_slowdown?.[rate];
    rows.push([`input → painted frame at ${rate} CPU slow-down, ours ÷ floor (p95)`, m ? m.ratio_p95 : Infinity, max]);
  }
  for (const [rel, lh] of Object.entries(r.lighthouse ?? {})) {
    // The demo host page and the single file are scored for the report, not budgeted.
    if (!b.lighthouse_pages.includes(rel)) {
      console.log(`info Lighthouse ${rel}: performance ${lh.runs ? lh.runs.map((x) => x.performance).join(', ') : lh.performance}, LCP ${Math.round(lh.lcp_ms)} ms (not budgeted)`);
      continue;
    }
    // Scores must reach the budget (higher is better): compare their shortfall with 0.
    for (const [key, label] of [['performance', 'performance'], ['accessibility', 'accessibility'], ['best_practices', 'best practices'], ['seo', 'SEO']]) {
      rows.push([`Lighthouse ${label} of ${rel} (100 − score)`, 100 - lh[key], 100 - b.lighthouse_min_score]);
    }
    rows.push([`Lighthouse CLS of ${rel}`, lh.cls, b.lighthouse_cls_max]);
    rows.push([`Lighthouse LCP of ${rel} (ms)`, lh.lcp_ms, b.lighthouse_lcp_ms_max]);
  }
  if (!r.lighthouse) rows.push(['Lighthouse was run (BENCH_LIGHTHOUSE=0 skipped it)', 1, 0]);
  let over = 0;
  for (const [name, value, budget] of rows) {
    const ok = value <= budget;
    if (!ok) over++;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${Number(value.toFixed ? value.toFixed(3) : value)} (budget ${budget})`);
  }
  const fcp = r.page.first_contentful_paint_ms?.median;
  if (fcp != null) console.log(`info the browser's first paint of the same loads (ms, median): ${Number(fcp.toFixed(1))}`);
  console.log(`${rows.length - over} passed, ${over} failed`);
  process.exit(over ? 1 : 0);
}

async function main() {
  if (process.argv.includes('--check')) return check();
  const server = await spawnServer(ROOT);
  const browser = await launchBrowser();
  try {
    // --compare <root>…: the per-move measure of ROOT and of other builds, interleaved with the
    // floor in the same rounds (to keep or drop a change on a busy machine); writes nothing. A
    // root may carry a query (`dist?pin1=…`): the same build with that link, e.g. with pins.
    const cmp = process.argv.indexOf('--compare');
    if (cmp > 0) {
      const roots = process.argv.slice(cmp + 1);
      const servers = [];
      try {
        for (const r of roots) {
          const [dir, query = ''] = r.split('?');
          servers.push({ name: r, query: query ? `?${query}` : '', ...(await spawnServer(dir)) });
        }
        const rates = (process.env.BENCH_RATES || '4,10').split(',').map(Number);
        await measureThrottled(browser, server.url, servers, rates, Number(process.env.BENCH_ROUNDS || FRAME_ROUNDS));
      } finally {
        for (const x of servers) x.close();
      }
      return;
    }
    // BENCH_ONLY=cpu: only the per-move measure against the floor, merged into the last report.
    if (process.env.BENCH_ONLY === 'cpu') {
      const throttled = await measureThrottled(browser, server.url);
      let report = {};
      try {
        report = JSON.parse(await fsp.readFile(OUT, 'utf8'));
      } catch {
        /* no report yet */
      }
      report.cpu_slowdown = throttled;
      report.cpu_slowdown_date = new Date().toISOString();
      await fsp.mkdir('bench', { recursive: true });
      await fsp.writeFile(OUT, JSON.stringify(report, null, 2));
      console.log(`wrote ${OUT} (cpu_slowdown only)`);
      return;
    }
    const url = `${server.url}index.html`;
    const page = await measureLoads(browser, url);
    const p = await openPage(browser, url);
    await waitReady(p.page);
    const wasm = await measureWasm(p.page);
    const sliders = await measureSliders(p.page);
    const cdp = await p.context.newCDPSession(p.page);
    const memory = await measureMemory(p.page, cdp);
    const errors = p.errors.length;
    await p.close();
    const throttled = await measureThrottled(browser, server.url);
    const lh = process.env.BENCH_LIGHTHOUSE === '0' ? null : await measureLighthouse(server.url);
    const native = {
      slider_move_ms: await criterionMedianMs('slider_move_default_1000_trials'),
      simulate_cold_ms: await criterionMedianMs('simulate_default_1000_trials_cold'),
      reference_per_household_ms: await criterionMedianMs('reference/per_household_reference_1000_trials'),
    };
    const report = {
      date: new Date().toISOString(),
      machine: { note: 'shared 2-core machine; medians and ratios are what to compare' },
      native,
      speedup_fast_over_reference:
        native.reference_per_household_ms && native.slider_move_ms ? native.reference_per_household_ms / native.slider_move_ms : null,
      wasm: { slider_move_ms: stats(wasm.move), simulate_cold_ms: stats(wasm.cold) },
      wasm_over_native_ratio: native.slider_move_ms ? stats(wasm.move).median / native.slider_move_ms : null,
      sliders: {
        moves_per_slider: MOVES_PER_SLIDER,
        all_ms: stats(sliders.all),
        input_to_next_frame_ms: stats(sliders.frames),
        per_slider_ms: Object.fromEntries(Object.entries(sliders.per).map(([k, v]) => [k, stats(v)])),
      },
      page,
      memory,
      cpu_slowdown: throttled,
      lighthouse: lh,
      console_errors: errors,
    };
    await fsp.mkdir('bench', { recursive: true });
    await fsp.writeFile(OUT, JSON.stringify(report, null, 2));
    console.log(JSON.stringify({ native, wasm: report.wasm, sliders: { all_ms: report.sliders.all_ms }, page: { data_ready_ms: page.data_ready_ms, first_contentful_paint_ms: page.first_contentful_paint_ms, gzip: page.bytes.gzip }, memory: { wasm_growth_bytes: memory.wasm_growth_bytes } }, null, 1));
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
