import { chromium } from 'playwright-core';
import { startServer } from './scripts/serve.mjs';
const srv = await startServer({ root: 'dist', port: 0, host: '127.0.0.1' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const pages = [['pricing', '/lambda/pricing/', 'll-pricing-calculator'], ['conc', '/lambda/concurrency/', 'll-concurrency-widget'], ['pcp', '/lambda/concurrency/', 'll-provisioned-planner'], ['cold', '/lambda/cold-starts/', 'll-cold-start-explorer'], ['canary', '/lambda/versions-and-aliases/?canary.w=50.4&canary.seed=abc', 'll-canary-routing']];
for (const [w, theme] of [[360, 'light'], [390, 'dark'], [1280, 'dark'], [1280, 'light']]) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 } });
  for (const [name, url, tag] of pages) {
    const p = await ctx.newPage();
    await p.goto(srv.url.replace(/\/$/, '') + url);
    await p.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    await p.evaluate((tag) => { const el = document.querySelector(tag); el.hydrate(); el.querySelectorAll('details').forEach((d) => (d.open = true)); }, tag);
    await p.waitForTimeout(300);
    await p.locator(tag).screenshot({ path: `/tmp/cw/shots/${name}-${w}-${theme}.png` });
    await p.close();
  }
  await ctx.close();
}
await b.close(); await srv.close();
console.log('done');
