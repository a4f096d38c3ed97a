/**
 * Provisioned-concurrency planner in Chromium: server-rendered default (engine at build time), hydration
 * without re-running the default, a change re-runs the engine in a Web Worker with the same numbers
 * as Node, Cancel, tiny runs inline, bad values → messages, URL round-trip with seed, keyboard use.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';
import { defaultsOf } from '../../src/widgets/shared/fieldSpec.ts';
import { formatNumber, formatUsd } from '../../src/sim/index.ts';
import { plannerSchema, type PlannerState } from '../../src/widgets/ProvisionedPlanner/provisionedPlannerState.ts';
import { simulateLevel } from '../../src/widgets/ProvisionedPlanner/provisionedPlannerRun.ts';

const dist = process.env.LL_DIST || 'dist';
const TAG = 'll-provisioned-planner';
const widgetPage = builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${TAG}`));
const base = defaultsOf(plannerSchema);
const expected = (o: Partial<PlannerState>) => simulateLevel({ ...base, ...o }, o.pc ?? base.pc);

async function hydrated(page: Page) {
  await page.locator(TAG).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-hydrated]`);
  return page.locator(TAG);
}
const out = (page: Page, name: string) => page.locator(`${TAG} [data-out="${name}"]`);
const idle = (page: Page) => page.waitForFunction((tag) => !document.querySelector(tag)!.hasAttribute('data-busy') && document.querySelector(`${tag} [data-out="cost"]`)?.textContent !== '…', TAG, { timeout: 30_000 });


describeBrowser('provisioned-concurrency planner widget', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('stays within the 30 KB gzip budget (page bundle + worker, simulation code included)', () => {
    const js = widgetJs('ProvisionedPlanner');
    expect(js.total).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    expect(js.worker).toBeGreaterThan(0);
    // The page bundle does not carry the engine: only the worker has it.
    expect(js.files.some((f) => /runScenario/.test(f))).toBe(false);
  });

  it('is on a built page', () => {
    expect(widgetPage, `no built page contains <${TAG}>`).toBeTruthy();
  });

  it('the server rendered the default scenario with real simulated numbers', () => {
    const page = fs.readFileSync(`${dist}${widgetPage}index.html`, 'utf8');
    const html = page.slice(page.indexOf(`<${TAG}`), page.indexOf(`</${TAG}>`));
    const e = expected({});
    expect(html).toContain(`data-out="cost">${formatUsd(e.monthlyUsd)}<`);
    expect(html).toContain(`data-out="cold">${formatNumber(e.coldStarts)}<`);
    expect(html).toContain('Monthly cost is lowest at');
    expect(html).toContain('60.0%');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('hydrates without re-running the default, then re-runs in a worker when an input changes', async () => {
    const { page, problems, requests } = await openPage(browser, widgetPage!);
    await hydrated(page);
    expect(requests().some((u) => u.includes('provisionedPlannerWorker'))).toBe(false);
    await page.locator(TAG).getByLabel('Provisioned concurrency (environments)', { exact: true }).fill('4');
    await page.waitForSelector(`${TAG}[data-busy]`);
    await idle(page);
    const e = expected({ pc: 4 });
    expect(await out(page, 'cost').textContent()).toBe(formatUsd(e.monthlyUsd));
    expect(await out(page, 'cold').textContent()).toBe(formatNumber(e.coldStarts));
    expect(await page.locator(TAG).getAttribute('data-last-run-where')).toBe('worker');
    expect(await page.locator(`${TAG} [data-status]`).textContent()).toMatch(/in a background worker in [\d,]+ ms/);
    expect(requests().some((u) => u.includes('provisionedPlannerWorker'))).toBe(true);
    expect(await page.locator(TAG).textContent()).not.toMatch(/NaN|undefined/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('the default run in the browser worker (seed 2): reports its time', async () => {
    const { page } = await openPage(browser, `${widgetPage}?pcp.seed=2`);
    await hydrated(page);
    await idle(page);
    const ms = Number(await page.locator(TAG).getAttribute('data-last-run-ms'));
    console.log(`[planner] default scenario (seed 2) in the browser worker: ${ms} ms`);
    expect(ms).toBeGreaterThan(0);
    expect(await out(page, 'cost').textContent()).toBe(formatUsd(expected({ seed: 2 }).monthlyUsd));
    await page.close();
  });

  it('Cancel stops a long run without freezing the page', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    await hydrated(page);
    await page.locator(TAG).getByLabel('Peak rate (requests/s)', { exact: true }).fill('90');
    await page.waitForSelector(`${TAG}[data-busy]`);
    // The main thread stays responsive while the worker runs.
    const t0 = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t0).toBeLessThan(500);
    await page.locator(TAG).getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction((tag) => !document.querySelector(tag)!.hasAttribute('data-busy'), TAG);
    expect(await page.locator(`${TAG} [data-status]`).textContent()).toContain('Cancelled');
    expect(await page.locator(TAG).getByRole('button', { name: 'Cancel' }).isHidden()).toBe(true);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('a tiny run also goes to the worker (the engine ships only there) and is quick', async () => {
    const { page } = await openPage(browser, `${widgetPage}?pcp.peak=0.05&pcp.trough=0&pcp.pc=0`);
    await hydrated(page);
    await idle(page);
    expect(await page.locator(TAG).getAttribute('data-last-run-where')).toBe('worker');
    console.log(`[planner] tiny plan (peak 0.05 requests/s) in the worker, start-up included: ${await page.locator(TAG).getAttribute('data-last-run-ms')} ms`);
    expect(await out(page, 'cost').textContent()).toBe(formatUsd(expected({ peakRate: 0.05, troughRate: 0, pc: 0 }).monthlyUsd));
    await page.close();
  });

  it('bad values show messages naming the range (and a trough above the peak is refused)', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    const peak = page.locator(TAG).getByLabel('Peak rate (requests/s)', { exact: true });
    await peak.fill('5000');
    await expect.poll(() => peak.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => w.textContent()).toContain('Peak rate (requests/s) must be a number from 0.01 to 100 (requests/s); got "5000"');
    await peak.fill('4');
    await page.locator(TAG).getByLabel('Trough rate (requests/s)', { exact: true }).fill('9');
    await expect.poll(() => w.textContent()).toContain('Trough rate (requests/s) must be at most the peak rate (4); got 9');
    expect(await page.locator(TAG).getAttribute('data-busy')).toBe(null);
    expect(await w.textContent()).not.toMatch(/NaN|undefined/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('URL state round-trips with the seed; Re-roll changes it; Reset clears the URL', async () => {
    const { page } = await openPage(browser, `${widgetPage}?pcp.pc=6&pcp.seed=7`);
    await hydrated(page);
    await idle(page);
    const e = expected({ pc: 6, seed: 7 });
    expect(await out(page, 'cost').textContent()).toBe(formatUsd(e.monthlyUsd));
    expect(await page.locator(`${TAG} [data-seed]`).textContent()).toBe('7');
    await page.locator(TAG).getByRole('button', { name: 'Re-roll seed' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('pcp.seed')).not.toBe('7');
    const seed = Number(new URL(page.url()).searchParams.get('pcp.seed'));
    expect(await page.locator(`${TAG} [data-seed]`).textContent()).toBe(String(seed));
    await idle(page);
    // The re-rolled link reproduces the same numbers in a fresh page.
    const shown = await out(page, 'cost').textContent();
    const second = await browser.newPage();
    await second.goto(page.url());
    await hydrated(second);
    await idle(second);
    expect(await out(second, 'cost').textContent()).toBe(shown);
    // Changing an input keeps the seed the link carried.
    await second.locator(TAG).getByLabel('Provisioned concurrency (environments)', { exact: true }).fill('4');
    await expect.poll(() => new URL(second.url()).searchParams.get('pcp.pc')).toBe('4');
    expect(new URL(second.url()).searchParams.get('pcp.seed')).toBe(String(seed));
    await idle(second);
    expect(await out(second, 'cost').textContent()).toBe(formatUsd(expected({ pc: 4, seed }).monthlyUsd));
    await second.locator(TAG).getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => new URL(second.url()).search).toBe('');
    await idle(second);
    expect(await out(second, 'cost').textContent()).toBe(formatUsd(expected({}).monthlyUsd));
    await second.close();
    await page.close();
  }, 180_000); // four plans in the worker plus their expected values in Node: minutes on a busy 2-core machine

  it('axe finds no violation in the hydrated widget, with a message shown and the data tables open, in both themes', async () => {
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const b = await launchBrowser({ colorScheme: scheme });
      const { page } = await openPage(b, widgetPage!);
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), scheme);
      const w = await hydrated(page);
    await w.getByLabel('Peak rate (requests/s)', { exact: true }).fill('5000');
    await expect.poll(() => w.getByLabel('Peak rate (requests/s)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      for (const d of await w.locator('figure.ll-chart details > summary').all()) await d.click();
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async (tag) => {
        const ax = (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await ax.run(document.querySelector(tag)!, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, TAG);
      expect(violations, scheme).toEqual([]);
      await b.dispose();
    }
  }, 180_000);

  it('works with the keyboard alone, with visible focus', async () => {
    const { page } = await openPage(browser, widgetPage!);
    await hydrated(page);
    await page.locator(TAG).evaluate((el) => {
      const b = document.createElement('button');
      b.textContent = 'start';
      el.before(b);
      b.focus();
    });
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'peakRate');
    }
    expect(reached).toBe(true);
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible') && getComputedStyle(document.activeElement!).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowUp'); // 4 → 5 requests/s
    await expect.poll(() => page.locator(TAG).getByLabel('Peak rate (requests/s)', { exact: true }).inputValue()).toBe('5');
    await page.waitForSelector(`${TAG}[data-busy]`);
    await idle(page);
    expect(await out(page, 'cost').textContent()).toBe(formatUsd(expected({ peakRate: 5 }).monthlyUsd));
    await page.close();
  });
});
