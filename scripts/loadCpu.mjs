#!/usr/bin/env node
/**
 * `npm run bench:load`: how much main-thread CPU a page's load costs the browser, in thread time (the
 * CPU the renderer's main thread actually used, not wall time), as a median of N loads per build.
 *
 * Why not only `npm run audit`: Lighthouse scores wall-clock task lengths (×4, ×2 for layout tasks),
 * and on a 2-core machine the renderer's main thread gets only part of the wall clock while the page
 * loads (the browser process and the compositor thread, busy with Lighthouse's tracing and
 * screenshots, take the rest): in one audited load of /lambda/event-sources/ the main thread's longest
 * task lasted 110 ms and used 57 ms of CPU. Thread time moves only when the page's own work does, so
 * it shows a change that a handful of Lighthouse runs cannot tell from noise.
 *
 *   npm run bench:load                                  # dist/, /lambda/event-sources/, 9 loads
 *   npm run bench:load -- --page /lambda/overview/ --runs 15
 *   npm run bench:load -- dist /tmp/other-build         # compare builds (loads interleaved)
 *
 * Prints, per build: total main-thread CPU of the load, and its style, layout, parse and paint parts
 * (ms), and the layout objects laid out. Phone viewport as Lighthouse's (412×823, DPR 1.75), no service
 * worker, served by scripts/serve.mjs, Chromium from scripts/chromium.mjs.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const page = opt('page', '/lambda/event-sources/');
const runs = Math.max(1, Number(opt('runs', 9)));
const dists = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dists.length) dists.push('dist');

const chromePath = findChromium();
if (!chromePath) {
  console.error('No Chromium found: set CHROME_PATH or `apt-get install -y chromium`.');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
const servers = await Promise.all(dists.map((root) => startServer({ root, port: 0 })));

/** One load under a trace; the main thread's CPU (thread time, ms) by kind of work. */
async function load(url) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await p.goto(url, { waitUntil: 'load' });
  await p.waitForTimeout(800); // what runs right after load (deferred module scripts, first idle callbacks)
  await cdp.send('Tracing.end');
  await done;
  await ctx.close();
  // The page's renderer: the CrRendererMain thread with the most tasks.
  let main;
  let most = 0;
  for (const t of events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').length;
    if (n > most) [main, most] = [t, n];
  }
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const cpu = (...names) => mine.filter((e) => names.includes(e.name)).reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000;
  return {
    cpu: cpu('RunTask'),
    style: cpu('UpdateLayoutTree'),
    layout: cpu('Layout'),
    parse: cpu('ParseHTML'),
    paint: cpu('Paint', 'PrePaint'),
    objects: mine.filter((e) => e.name === 'Layout').reduce((s, e) => s + (e.args?.beginData?.dirtyObjects ?? 0), 0),
  };
}

const results = dists.map(() => []);
try {
  for (let i = 0; i < runs; i++) for (let d = 0; d < dists.length; d++) results[d].push(await load(servers[d].url + page));
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`Main-thread CPU of loading ${page}, median of ${runs} loads (ms of thread time; objects: layout objects laid out)`);
for (let d = 0; d < dists.length; d++) {
  const r = results[d];
  console.log(`  ${dists[d]}: ${Object.keys(r[0]).map((k) => `${k} ${median(r.map((x) => x[k])).toFixed(0)}`).join(', ')}`);
}
