/**
 * "Plan from your own traffic" in Chromium: budget (the parser and engine only in the worker), the
 * server-rendered plan of the synthetic example, the examples and a dropped/picked file planned in the
 * worker with the same numbers as Node, a bad file's message naming the line, keyboard use, Cancel.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { WIDGET_JS_BUDGET_GZIP, widgetJs } from './widgetJs.ts';
import { defaultsOf } from '../../src/widgets/shared/fieldSpec.ts';
import { formatUsd } from '../../src/sim/format/index.ts';
import { trafficSchema } from '../../src/widgets/TrafficPlanner/trafficPlannerState.ts';
import { runTrafficPlan } from '../../src/widgets/TrafficPlanner/trafficPlannerRun.ts';
import { EXAMPLES } from '../../src/widgets/TrafficPlanner/trafficPlannerState.ts';
import { runCli } from '../../src/sim/cli/runCli.ts';
import { PLAN_OPTIONS } from '../../src/sim/plan/planTypes.ts';
import type { PlanJson } from '../../src/sim/plan/planJson.ts';

/** `npm run sim -- plan --cloudwatch FILE --json` with the CLI's defaults, run in this process. */
const cliPlan = (file: string): PlanJson => {
  const out: string[] = [];
  const code = runCli(['plan', '--cloudwatch', file, '--json'], {
    stdout: (t) => out.push(t), stderr: (t) => out.push(t),
    readFile: (p) => fs.readFileSync(p, 'utf8'), statFile: (p) => ({ isFile: true, size: fs.statSync(p).size }),
  });
  if (code !== 0) throw new Error(out.join(''));
  return JSON.parse(out.join('')) as PlanJson;
};

const dist = process.env.LL_DIST || 'dist';
const TAG = 'll-traffic-planner';
const widgetPage = builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${TAG}`));
const state = defaultsOf(trafficSchema);
const plan = (file: string, name = file) => {
  const r = runTrafficPlan({ text: fs.readFileSync(file, 'utf8'), name, state });
  if (!r.ok) throw new Error(r.error);
  return r.plan;
};

async function hydrated(page: Page) {
  await page.locator(TAG).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-hydrated]`);
  return page.locator(TAG);
}
const idle = (page: Page) => page.waitForFunction((tag) => !document.querySelector(tag)!.hasAttribute('data-busy'), TAG, { timeout: 60_000 });
const monthlyCell = (page: Page, row: number) => page.locator(`${TAG} [data-out="plan-table"] tbody tr`).nth(row).locator('td').nth(1);

describeBrowser('traffic planner widget', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('stays within the 30 KB gzip budget, with the parser and engine only in the worker', () => {
    const js = widgetJs('TrafficPlanner');
    console.log(`[size] TrafficPlanner: page ${(js.page / 1024).toFixed(1)} KB + worker ${(js.worker / 1024).toFixed(1)} KB gzip`);
    expect(js.total).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    expect(js.worker).toBeGreaterThan(0);
    // the page bundle carries neither the parser nor the planner: they are only in the worker
    expect(js.files.filter((f) => !/worker/i.test(f)).some((f) => /runScenario|planTraffic|parseMetrics/.test(f))).toBe(false);
  });

  it('is on the "Your traffic" page, server-rendered with the synthetic example planned', () => {
    expect(widgetPage).toBe('/lambda/your-traffic/');
    const html = fs.readFileSync(`${dist}${widgetPage}index.html`, 'utf8');
    const w = html.slice(html.indexOf(`<${TAG}`), html.indexOf(`</${TAG}>`));
    const p = plan('public/traffic/synthetic-diurnal-api.json');
    expect(w).toContain(formatUsd(p.monthly_usd.on_demand_arm64));
    expect(w).toContain('Synthetic diurnal API');
    expect(w).toContain('Peak concurrency per period: observed and simulated');
    expect(w).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('plans the spiky batch example in the worker, with the numbers Node gets, by keyboard', async () => {
    const { page, problems, requests } = await openPage(browser, widgetPage!);
    await hydrated(page);
    expect(requests().some((u) => u.includes('trafficPlannerWorker'))).toBe(false); // nothing loaded until used
    const btn = page.locator(TAG).getByRole('button', { name: 'Example: spiky batch job (synthetic)' });
    await btn.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${TAG}[data-busy]`);
    await idle(page);
    const p = plan('public/traffic/synthetic-spiky-batch.csv');
    expect(await monthlyCell(page, 0).textContent()).toBe(formatUsd(p.monthly_usd.on_demand_x86_64));
    expect(await monthlyCell(page, 3).textContent()).toBe(formatUsd(p.monthly_usd.provisioned_schedule));
    expect(await page.locator(`${TAG} [data-out="check-text"]`).textContent()).toContain('Synthetic spiky batch job');
    expect(await page.locator(`${TAG} [data-out="warnings"]`).textContent()).toContain('gaps: Invocations has no datapoint');
    expect(requests().some((u) => u.includes('trafficPlannerWorker'))).toBe(true);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it("shows the CLI's plan for each synthetic example: every option's cost, the fixed level and the schedule", async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    await hydrated(page);
    const examples = [['diurnal', 'Example: diurnal API (synthetic)'], ['batch', 'Example: spiky batch job (synthetic)']] as const;
    for (const [key, button] of examples) {
      const j = cliPlan(`public/${EXAMPLES[key].file}`);
      await page.locator(TAG).getByRole('button', { name: button }).click();
      // wait for this example's own result (the other one may be on screen first)
      await expect.poll(() => page.locator(`${TAG} [data-out="check-text"]`).textContent(), { timeout: 60_000 }).toContain(EXAMPLES[key].label.split(' (')[0]!);
      await idle(page);
      for (const [row, k] of PLAN_OPTIONS.entries()) {
        const cells = page.locator(`${TAG} [data-out="plan-table"] tbody tr`).nth(row).locator('td');
        expect(await cells.nth(0).textContent()).toBe(formatUsd(j.cost_usd[k]));
        expect(await cells.nth(1).textContent()).toBe(formatUsd(j.monthly_usd[k]));
      }
      expect(await page.locator(`${TAG} [data-out="fixed-level"]`).textContent()).toBe(String(j.pc_fixed_level));
      expect(await page.locator(`${TAG} [data-out="schedule"] tbody td`).allTextContents()).toEqual(j.pc_schedule.map(String));
    }
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('plans a picked file, and names the line of a bad one', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    await hydrated(page);
    const input = page.locator(TAG).getByLabel('Metrics export (get-metric-data JSON or console CSV)');
    await input.setInputFiles('tests/sim/fixtures/cloudwatch/console-graph.csv');
    await idle(page);
    await expect.poll(() => page.locator(`${TAG} [data-out="check-text"]`).textContent()).toContain('console-graph.csv');
    const p = plan('tests/sim/fixtures/cloudwatch/console-graph.csv');
    expect(await monthlyCell(page, 1).textContent()).toBe(formatUsd(p.monthly_usd.on_demand_arm64));
    await input.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Time,Invocations,Duration\n2026-11-02 14:00:00,1,2\nlater,1,2\n') });
    const err = page.locator(`${TAG} [data-out="data-error"]`);
    await expect.poll(() => err.textContent()).toBe('broken.csv: line 3: timestamp "later" does not parse (expected ISO 8601 such as 2026-11-02T14:05:00Z, or epoch seconds)');
    expect(await err.getAttribute('role')).toBe('alert');
    // the last good plan stays on screen
    expect(await page.locator(`${TAG} [data-out="check-text"]`).textContent()).toContain('console-graph.csv');
    await page.locator(TAG).getByRole('button', { name: 'Plan the pasted text' }).click();
    await expect.poll(() => err.textContent()).toContain('The text box is empty');
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('an input re-plans the same data; Cancel stops a long plan', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    await hydrated(page);
    const slow = runTrafficPlan({ text: fs.readFileSync('public/traffic/synthetic-diurnal-api.json', 'utf8'), name: 'x', state: { ...state, armSpeedFactor: 2 } });
    if (!slow.ok) throw new Error(slow.error);
    const before = await monthlyCell(page, 1).textContent();
    expect(before).not.toBe(formatUsd(slow.plan.monthly_usd.on_demand_arm64));
    await page.locator(TAG).getByLabel('Arm speed factor (arm64 ÷ x86_64 duration)', { exact: true }).fill('2');
    // A small plan can finish between two polls, so wait for its result rather than for the busy flag.
    await expect.poll(() => monthlyCell(page, 1).textContent(), { timeout: 30_000 }).toBe(formatUsd(slow.plan.monthly_usd.on_demand_arm64));
    await idle(page);
    // 90 days of per-minute data at 10,000 requests/s of 1 s: a long plan, cancelled midway
    const csv = (days: number, perMin: number, ms: number) => {
      const rows = ['Timestamp,Invocations,Duration'];
      const t0 = Date.UTC(2026, 9, 1);
      for (let k = 0; k < days * 1440; k++) rows.push(`${new Date(t0 + k * 60_000).toISOString()},${perMin + (k % 7)},${ms}`);
      return Buffer.from(rows.join('\n'));
    };
    const input = page.locator(TAG).getByLabel('Metrics export (get-metric-data JSON or console CSV)');
    await input.setInputFiles({ name: 'heavy.csv', mimeType: 'text/csv', buffer: csv(90, 600_000, 1000) });
    await page.waitForSelector(`${TAG}[data-busy]`);
    await page.locator(TAG).getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction((tag) => !document.querySelector(tag)!.hasAttribute('data-busy'), TAG);
    expect(await page.locator(`${TAG} [data-status]`).textContent()).toContain('Cancelled');
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('plans 30 days of per-minute data at 1,000 requests/s (2.6 billion invocations) in the worker', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    await hydrated(page);
    const rows = ['Timestamp,Invocations,Duration'];
    const t0 = Date.UTC(2026, 9, 1);
    for (let k = 0; k < 30 * 1440; k++) rows.push(`${new Date(t0 + k * 60_000).toISOString()},${Math.round(60_000 * (1 + 0.5 * Math.sin((2 * Math.PI * k) / 1440)))},120`);
    await page.locator(TAG).getByLabel('Metrics export (get-metric-data JSON or console CSV)').setInputFiles({ name: 'month.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.waitForSelector(`${TAG}[data-busy]`);
    await idle(page);
    console.log(`[traffic] 30 days × 1,440 periods at 1,000 requests/s planned in the browser worker in ${await page.locator(TAG).getAttribute('data-last-run-ms')} ms (machine load varies)`);
    expect(await page.locator(`${TAG} [data-out="check-text"]`).textContent()).toContain('2,592,000,000 invocations');
    expect(problems()).toEqual([]);
    await page.close();
  }, 180_000);
});
