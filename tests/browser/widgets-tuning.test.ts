/**
 * Memory tuning widget in Chromium: the server-rendered default, hydration, a preset, a pasted Power
 * Tuning URL → measured points and the fit, a broken paste → its message, a file chosen from disk,
 * keyboard-only use, the URL round-trip (measurements included), and the 30 KB budget.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';
import { TWO_THREAD_POINTS, visualizationUrl, stateMachineOutput } from '../sim/powerTuningFixture.ts';

const dist = process.env.LL_DIST || 'dist';
const TAG = 'll-memory-tuning';
const widgetPage = builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${TAG}`));
const PASTE = 'Power Tuning results (output JSON or visualization URL)';

async function hydrated(page: Page) {
  const w = page.locator(TAG);
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-hydrated]`);
  return w;
}

const summary = (page: Page) => page.locator(`${TAG} [data-out="summary"]`).textContent();

describeBrowser('memory tuning widget', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('stays within the 30 KB gzip budget and needs no worker', () => {
    const js = widgetJs('MemoryTuning');
    console.log(`[size] MemoryTuning: ${(js.total / 1024).toFixed(1)} KB gzip (page ${(js.page / 1024).toFixed(1)} KB + worker ${(js.worker / 1024).toFixed(1)} KB)`);
    expect(js.total).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    expect(js.worker).toBe(0);
    expect(js.files.some((f) => f.startsWith('runScenario'))).toBe(false); // the engine stays out
  });

  it('is on the configuration page, server-rendered with the default scenario', () => {
    expect(widgetPage).toBe('/lambda/configuration/');
    const page = fs.readFileSync(`${dist}${widgetPage}index.html`, 'utf8');
    const html = page.slice(page.indexOf(`<${TAG}`), page.indexOf(`</${TAG}>`));
    expect(html).toContain('1,000 ms at 128 MB, 80% of it CPU work on 1 thread.');
    expect(html).toContain('Average duration by memory size');
    expect(html).toContain('1 vCPU');
    expect(html).not.toMatch(/NaN/);
  });

  it('hydrates, applies a preset, and recomputes on input', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.getByRole('button', { name: "AWS's prime-number example" }).click();
    await expect.poll(() => w.getByLabel('Measured average duration (ms)', { exact: true }).inputValue()).toBe('11722');
    await expect.poll(() => summary(page)).toContain('11,722 ms at 128 MB, 100% of it CPU work');
    const row1024 = w.locator('[data-out-table="points"] tbody tr', { hasText: /^1,024/ });
    await expect.poll(() => row1024.locator('td').first().textContent()).toBe('1,465.3');
    await w.getByLabel('Threads the CPU work can use', { exact: true }).fill('4');
    await expect.poll(() => summary(page)).toContain('Past 7,076 MB (4 vCPUs for 4 threads)');
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('a pasted Power Tuning URL shows the measured points and the fit; a broken one shows a message', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.locator('[data-section="import"] > summary').click();
    await w.getByLabel(PASTE, { exact: true }).fill(visualizationUrl(TWO_THREAD_POINTS));
    await w.getByRole('button', { name: 'Use these results' }).click();
    await expect.poll(() => w.locator('[data-out="fit"]').textContent()).toMatch(/threads 2\. Fit error: RMS 0\.0%/);
    expect(await w.locator('[data-out-table="measured"] tbody tr').count()).toBe(7);
    expect(await w.locator('[data-out="duration-chart"] circle.ll-point').count()).toBe(7);
    await expect.poll(() => w.getByLabel('Threads the CPU work can use', { exact: true }).inputValue()).toBe('2');
    expect(page.url()).toContain('tune.pt=');
    // Broken: the costs field cut short. The message says so; the last good results stay.
    const good = visualizationUrl(TWO_THREAD_POINTS);
    await w.getByLabel(PASTE, { exact: true }).fill(good.slice(0, good.length - 6));
    await w.getByRole('button', { name: 'Use these results' }).click();
    const status = w.locator('[data-out="import-status"]');
    await expect.poll(() => status.textContent()).toMatch(/^Could not read these results: the costs field (has \d+ bytes, not a multiple of 4|is not valid base64)/);
    expect(await status.getAttribute('data-error')).not.toBeNull();
    expect(await w.locator('[data-out-table="measured"] tbody tr').count()).toBe(7);
    await w.getByLabel(PASTE, { exact: true }).fill('{"foo": 1}');
    await w.getByRole('button', { name: 'Use these results' }).click();
    await expect.poll(() => status.textContent()).toBe('Could not read these results: Power Tuning JSON has no "results" object (expected the state machine output).');
    expect(await w.textContent()).not.toMatch(/NaN|undefined/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('reads a results file chosen from disk (nothing is uploaded)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-pt-'));
    const file = path.join(dir, 'results.json');
    fs.writeFileSync(file, stateMachineOutput(TWO_THREAD_POINTS, TWO_THREAD_POINTS[4]));
    const { page, problems, requests } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.locator('[data-section="import"] > summary').click();
    const before = requests().length;
    await w.getByLabel('Or choose a results file', { exact: true }).setInputFiles(file);
    await expect.poll(() => w.locator('[data-out="measured-picks"]').textContent()).toContain('Power Tuning picked 1,536 MB');
    expect(requests().slice(before)).toEqual([]);
    expect(problems()).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('works from the keyboard alone', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.getByRole('button', { name: 'CPU-bound, single thread' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Multi-threaded"
    await expect.poll(() => summary(page)).toContain('on 4 threads');
    const share = w.getByLabel('CPU share of the duration (0–1)', { exact: true });
    await share.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.5');
    await expect.poll(() => summary(page)).toContain('50% of it CPU work');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('threads');
    // The import area: summary opens with Enter, the text area takes a paste, the button applies it.
    const imp = w.locator('[data-section="import"] > summary');
    await imp.focus();
    await page.keyboard.press('Enter');
    await w.getByLabel(PASTE, { exact: true }).focus();
    await page.keyboard.insertText(visualizationUrl(TWO_THREAD_POINTS));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Use these results');
    await page.keyboard.press('Enter');
    await expect.poll(() => w.locator('[data-out="fit"]').textContent()).toContain('threads 2.');
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('URL state round-trips, measurements included; Reset clears it', async () => {
    const { page } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.locator('[data-section="import"] > summary').click();
    await w.getByLabel(PASTE, { exact: true }).fill(visualizationUrl(TWO_THREAD_POINTS));
    await w.getByRole('button', { name: 'Use these results' }).click();
    await w.getByLabel('Strategy', { exact: true }).selectOption('speed');
    await expect.poll(() => page.url()).toContain('tune.strat=speed');
    const want = await summary(page);
    const fit = await w.locator('[data-out="fit"]').textContent();
    const second = await browser.newPage();
    await second.goto(page.url());
    const w2 = await hydrated(second);
    await expect.poll(() => summary(second)).toBe(want);
    await expect.poll(() => w2.locator('[data-out="fit"]').textContent()).toBe(fit);
    expect(await w2.getByLabel('Strategy', { exact: true }).inputValue()).toBe('speed');
    await w2.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => summary(second)).toContain('1,000 ms at 128 MB, 80% of it CPU work on 1 thread.');
    expect(new URL(second.url()).search).toBe('');
    expect(await w2.locator('[data-out-table="measured"]').count()).toBe(0);
    // A broken link: a bad field shows its message, broken measurements say so; the widget still works.
    await second.goto(`${page.url().split('?')[0]}?tune.thr=9&tune.pt=AAA;BBB`);
    const w3 = await hydrated(second);
    await expect.poll(() => w3.getByLabel('Threads the CPU work can use', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => w3.locator('[data-out="import-status"]').textContent()).toContain("The link's measurements could not be read");
    expect(await w3.textContent()).not.toMatch(/NaN/);
    await second.close();
    await page.close();
  });

  it('fits a 360 px phone without widening the page', async () => {
    const b = await launchBrowser({ viewport: { width: 360, height: 800 } });
    const { page } = await openPage(b, widgetPage!);
    await hydrated(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await b.dispose();
  });
});
