#!/usr/bin/env node
// Where a slider move's time goes on a slow phone: a DevTools trace of the built site (dist/) at
// 390×844, DPR 3, CPU slow-down TRACE_RATE (default 10×), while the grant, budget, a mix slider
// and the failure rate are moved as `make bench` moves them. Prints the main thread's time per
// move by kind (script, of which the render; style, layout, prepaint, paint, commit) and writes
// bench/trace-summary.json. `node tools/trace.mjs [root]`.

import { promises as fsp } from 'node:fs';
import { launchBrowser, openPage, waitReady } from '../tests/e2e/helpers.mjs';
import { spawnServer } from './serve.mjs';

const ROOT = process.argv[2] || 'dist';
const RATE = Number(process.env.TRACE_RATE || 10);
const MOVES = Number(process.env.TRACE_MOVES || 40);
const SLIDERS = ['in-grant', 'in-budget', 'in-mix-0', 'in-fail'];
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
  const stack = [];
  for (const e of ours) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const kind = KINDS[e.name];
    total[kind] = (total[kind] || 0) + e.dur;
    const parent = stack[stack.length - 1];
    if (parent) total[KINDS[parent.name]] -= e.dur;
    stack.push(e);
  }
  return { total, moves: windows.length };
}

const server = await spawnServer(ROOT);
const browser = await launchBrowser();
try {
  const p = await openPage(browser, `${server.url}index.html`, { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true });
  await waitReady(p.page);
  const cdp = await p.context.newCDPSession(p.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const work = [];
  // Scroll to each slider outside the trace; trace only the moves.
  const moves = [];
  for (let i = 0; i < MOVES; i++) moves.push(SLIDERS[i % SLIDERS.length]);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const r = await p.page.evaluate(async (ids) => {
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
    }
    return { work, frame };
  }, moves);
  await cdp.send('Tracing.end');
  await done;
  work.push(...r.work);
  const { total, moves: marked } = summarize(events);
  if (marked !== MOVES) console.warn(`trace: ${marked} of ${MOVES} moves marked in the trace`);
  const per = Object.fromEntries(Object.entries(total).map(([k, v]) => [k, Number((v / 1000 / MOVES).toFixed(2))]));
  const renderMs = work.reduce((a, b) => a + b, 0) / Math.max(1, work.length);
  const frames = [...r.frame].sort((a, b) => a - b);
  const summary = {
    rate: RATE,
    moves: MOVES,
    note: 'main-thread self time per move (ms), from the input event to the task after the next frame',
    per_move_ms: per,
    render_work_ms_mean: Number(renderMs.toFixed(2)),
    frame_ms_p50: Number(frames[Math.floor(frames.length / 2)].toFixed(1)),
  };
  await fsp.mkdir('bench', { recursive: true });
  await fsp.writeFile(OUT, JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 1));
  await p.close();
} finally {
  await browser.close();
  server.close();
}
