#!/usr/bin/env node
// Where a slider move's time goes on a slow phone: a DevTools trace of the built site (dist/) at
// 390×844, DPR 3, CPU slow-down TRACE_RATE (default 10×), while the grant, budget, a mix slider
// and the failure rate are moved as `make bench` moves them. Prints the main thread's time per
// move by kind (script, of which the render; style, layout, prepaint, paint, commit), for our page
// and for the floor page of `make bench` (the same sliders, no handler: what a move costs the
// browser anyway), and writes bench/trace-summary.json. `node tools/trace.mjs [root]`;
// `node tools/trace.mjs dist /tmp/dist-before` traces another build in the same rounds
// (TRACE_ROUNDS, default 1, interleaved with the floor) for a before/after on a busy machine;
// TRACE_RAW=<file> also keeps the first root's raw events (which elements were laid out, painted).

import { promises as fsp } from 'node:fs';
import { launchBrowser, openPage, waitReady } from '../tests/e2e/helpers.mjs';
import { spawnServer } from './serve.mjs';
import { FRAME_SLIDERS as SLIDERS, PHONE, gotoFloor, readSliders } from './floor.mjs';

const ROOT = process.argv[2] || 'dist';
const OTHERS = process.argv.slice(3);
const ROUNDS = Number(process.env.TRACE_ROUNDS || 1);
const RATE = Number(process.env.TRACE_RATE || 10);
const MOVES = Number(process.env.TRACE_MOVES || 40);
const OUT = 'bench/trace-summary.json';

/** Trace event names by the kind of work DevTools' summary files them under. */
const KINDS = {
  FunctionCall: 'script',
  EventDispatch: 'script',
  EvaluateScript: 'script',
  'v8.execute': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'commit',
  Commit: 'commit',
  UpdateLayer: 'paint',
  CompositeLayers: 'commit',
};

/** Self time of the complete events on the renderer's main thread, by kind (nested events of a
 * known kind are taken out of their parent's time). */
function summarize(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // Only what happens between each move's input and its painted frame (console.timeStamp marks).
  const marks = events.filter((e) => e.name === 'TimeStamp' && /move-(start|end)/.test(e.args?.data?.message || '')).sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i].args.data.message === 'move-start' && marks[i + 1].args.data.message === 'move-end') windows.push([marks[i].ts, marks[i + 1].ts]);
  }
  const inMove = (e) => windows.some(([a, b]) => e.ts >= a && e.ts < b);
  const ours = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && KINDS[e.name] && inMove(e));
  ours.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const total = {};
  // The same in the thread's CPU time (tdur): what other processes take from a busy machine
  // is left out, so a before/after holds better there (at 1× especially).
  const cpu = {};
  const stack = [];
  for (const e of ours) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const kind = KINDS[e.name];
    const t = e.tdur ?? e.dur;
    total[kind] = (total[kind] || 0) + e.dur;
    cpu[kind] = (cpu[kind] || 0) + t;
    const parent = stack[stack.length - 1];
    if (parent) {
      total[KINDS[parent.name]] -= e.dur;
      cpu[KINDS[parent.name]] -= t;
    }
    stack.push(e);
  }
  return { total, cpu, moves: windows.length };
}

/** Trace MOVES moves in `p` (a page already loaded and ready); the time per move by kind and
 * the mean render work our page reports. */
async function traceMoves(p) {
  const cdp = await p.context.newCDPSession(p.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // Scroll to each slider outside the marked windows; only the moves are counted.
  const moves = [];
  for (let i = 0; i < MOVES; i++) moves.push(SLIDERS[i % SLIDERS.length]);
  await cdp.send('Tracing.start', { categories: process.env.TRACE_CATEGORIES || 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  if (process.env.TRACE_PRE) await p.page.evaluate(process.env.TRACE_PRE);
  const r = await p.page.evaluate(async ([ids, pause]) => {
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(0); }));
    const work = [];
    addEventListener('explainer:rendered', (e) => work.push(e.detail.ms));
    const frame = [];
    for (let i = 0; i < ids.length; i++) {
      const el = document.getElementById(ids[i]);
      el.scrollIntoView({ block: 'center' });
      await painted();
      await painted();
      const lo = Number(el.min);
      const hi = Number(el.max);
      console.timeStamp('move-start');
      const t0 = performance.now();
      el.value = String(lo + ((hi - lo) * ((i * 37) % 100)) / 100);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      frame.push((await painted()) - t0);
      console.timeStamp('move-end');
      // TRACE_PAUSE_MS: a reader's pause after each move (the page's idle update runs between
      // moves, and each move is the first of a drag).
      if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return { work, frame };
  }, [moves, Number(process.env.TRACE_PAUSE_MS || 0)]);
  await cdp.send('Tracing.end');
  await done;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const { total, cpu, moves: marked } = summarize(events);
  if (marked !== MOVES) console.warn(`trace: ${marked} of ${MOVES} moves marked in the trace`);
  const perMove = (t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Number((v / 1000 / MOVES).toFixed(2))]));
  const per = perMove(total);
  const frames = [...r.frame].sort((a, b) => a - b);
  return {
    events,
    per,
    cpu: perMove(cpu),
    work: r.work.length ? Number((r.work.reduce((a, b) => a + b, 0) / r.work.length).toFixed(2)) : null,
    frame: Number(frames[Math.floor(frames.length / 2)].toFixed(1)),
  };
}

/** Mean of each kind over several traces' per-move figures. */
function meanPer(list) {
  const out = {};
  for (const per of list) for (const [k, v] of Object.entries(per)) out[k] = (out[k] || 0) + v / list.length;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Number(v.toFixed(2))]));
}
const median = (xs) => Number([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1));

// Other roots (`node tools/trace.mjs dist /tmp/dist-before`) are traced in the same rounds,
// interleaved with ROOT and the floor, to keep or drop a change on a busy machine.
const servers = [await spawnServer(ROOT)];
for (const r of OTHERS) servers.push(await spawnServer(r));
const browser = await launchBrowser();
try {
  const results = servers.map(() => []);
  const floors = [];
  let sliders = null;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with another build, so no build always follows the floor.
    for (const i of servers.map((_, k) => (k + round) % servers.length)) {
      const server = servers[i];
      const p = await openPage(browser, `${server.url}index.html`, PHONE);
      await waitReady(p.page);
      sliders ||= await readSliders(p.page);
      const r = await traceMoves(p);
      await p.close();
      if (i === 0 && round === 0 && process.env.TRACE_RAW) await fsp.writeFile(process.env.TRACE_RAW, JSON.stringify(r.events));
      r.events = null;
      results[i].push(r);
    }
    const f = await openPage(browser, 'about:blank', PHONE);
    await gotoFloor(f.page, `${servers[0].url}__bench-floor.html`, sliders);
    const floor = await traceMoves(f);
    floor.events = null;
    floors.push(floor);
    await f.close();
  }
  const [ours, ...others] = results;
  const summary = {
    rate: RATE,
    moves: MOVES,
    rounds: ROUNDS,
    note: 'main-thread self time per move (ms), from the input event to the task after the next frame, mean of the rounds; floor: the same moves on the bare page of make bench',
    per_move_ms: meanPer(ours.map((r) => r.per)),
    cpu_per_move_ms: meanPer(ours.map((r) => r.cpu)),
    floor_per_move_ms: meanPer(floors.map((r) => r.per)),
    floor_cpu_per_move_ms: meanPer(floors.map((r) => r.cpu)),
    render_work_ms_mean: Number((ours.reduce((a, r) => a + (r.work || 0), 0) / ours.length).toFixed(2)),
    frame_ms_p50: median(ours.map((r) => r.frame)),
    floor_frame_ms_p50: median(floors.map((r) => r.frame)),
    ...(OTHERS.length
      ? {
          compare: Object.fromEntries(
            OTHERS.map((root, i) => [
              root,
              {
                per_move_ms: meanPer(others[i].map((r) => r.per)),
                cpu_per_move_ms: meanPer(others[i].map((r) => r.cpu)),
                render_work_ms_mean: Number((others[i].reduce((a, r) => a + (r.work || 0), 0) / others[i].length).toFixed(2)),
                frame_ms_p50: median(others[i].map((r) => r.frame)),
              },
            ]),
          ),
        }
      : {}),
  };
  await fsp.mkdir('bench', { recursive: true });
  await fsp.writeFile(OUT, JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 1));
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
