/**
 * "Queues and streams" in Chromium, on the event-sources page: server-rendered default (the engine at
 * build time), hydration without a run, each preset moving its output the way its label says (in the
 * Web Worker), a bad value → a message naming the range, URL round-trip with the seed, keyboard only with
 * visible focus, Cancel, the async timeline without a run, the 30 KB budget, and a 360-px phone.
 * One browser for the whole file (plus one phone-sized one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { astroDir, widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';

const dist = process.env.LL_DIST || 'dist';
const TAG = 'll-queues-and-streams';
const widgetPage = builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${TAG}`));

async function hydrated(page: Page): Promise<Locator> {
  const w = page.locator(TAG);
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-hydrated]`);
  return w;
}
const out = (w: Locator, key: string) => w.locator(`[data-out="${key}"]`).first();
const num = async (w: Locator, key: string) => Number(((await out(w, key).textContent()) ?? '').replace(/[^\d.]/g, ''));
const idle = (w: Locator) => expect.poll(() => w.evaluate((el) => !el.hasAttribute('data-busy')), { timeout: 30_000 }).toBe(true);

/** Presses a preset and waits for its run (the status names the worker). */
async function preset(w: Locator, key: string) {
  const before = await w.getAttribute('data-last-run-ms');
  await w.locator(`[data-preset="${key}"]`).click();
  await expect.poll(() => w.getAttribute('data-last-run-ms'), { timeout: 60_000 }).not.toBe(before);
  await idle(w);
  await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 15_000 }).toMatch(/^Simulated .*Web Worker/);
}

async function messageOf(page: Page, input: Locator): Promise<string> {
  const id = (await input.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
  return (await page.locator(`#${id}`).textContent()) ?? '';
}

describeBrowser('queues and streams widget', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  let phone: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
    phone = await launchBrowser({ viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => {
    await browser?.dispose();
    await phone?.dispose();
  });

  it('is on the event-sources page, server-rendered with the real numbers of the default burst', () => {
    expect(widgetPage).toBe('/lambda/event-sources/');
    const html = fs.readFileSync(`${dist}${widgetPage}index.html`, 'utf8');
    const part = html.slice(html.indexOf(`<${TAG}`), html.indexOf(`</${TAG}>`));
    expect(part).toContain('data-out="items-in">100,000<');
    expect(part).toContain('data-out="peak">605<'); // 5, +300, +300 before the queue drains
    expect(part).toMatch(/data-out="drained">2\.\d min</);
    expect(part).toContain('Default scenario, simulated at build time');
    for (const title of ['Backlog, successes and the dead-letter queue', 'Age of the oldest message', 'Concurrency against its caps']) expect(part).toContain(title);
    expect(part.match(/<figcaption/g)).toHaveLength(3);
    expect(part.match(/<table/g)).toHaveLength(3);
    expect(part).toContain('+3 min');
    expect(part).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('stays within the 30 KB gzip budget (page bundle + worker, simulation included), and its page script carries no rules table', () => {
    const js = widgetJs('QueuesAndStreams');
    console.log(`[size] QueuesAndStreams: page ${(js.page / 1024).toFixed(1)} KB + worker ${(js.worker / 1024).toFixed(1)} KB = ${(js.total / 1024).toFixed(1)} KB gzip`);
    expect(js.worker).toBeGreaterThan(0);
    expect(js.total).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    // the fields come from the page's JSON (built from SQS_RULES and STREAM_RULES at build time), not the tables:
    // a rule's help text or AWS source in the page's script would mean a rules table is back in it
    const page = js.files.filter((f) => !js.workers.includes(f)).map((f) => fs.readFileSync(path.join(astroDir, f), 'utf8')).join('\n');
    expect(page).not.toContain('services-sqs-parameters.html');
    expect(page).not.toContain('a simulator cap, not an AWS limit');
    expect(page).toContain('data-page-data');
  });

  it('hydrates without a run; each preset moves its output the documented way, in the worker', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    expect(await w.getAttribute('data-last-run-ms')).toBe(null); // the default was server-rendered
    await preset(w, 'maxConcurrencyCap');
    expect(await num(w, 'failed-out')).toBe(0);
    expect(await num(w, 'peak')).toBeLessThanOrEqual(10);
    expect(await w.getAttribute('data-last-run-where')).toBe('worker');
    await preset(w, 'reservedCap'); // the overpull trap: healthy messages reach the DLQ
    expect(await num(w, 'failed-out')).toBeGreaterThan(1000);
    expect(await out(w, 'concurrency-chart').textContent()).toContain('does not see reserved concurrency');
    await preset(w, 'poisonWhole');
    const whole = await num(w, 'failed-out');
    await preset(w, 'poisonPartial');
    expect(await num(w, 'failed-out')).toBeLessThan(whole / 10);
    await preset(w, 'fifoFewGroups');
    expect(await num(w, 'peak')).toBeLessThanOrEqual(3);
    expect(await num(w, 'order')).toBe(0);
    await preset(w, 'shardBlocked');
    expect(await out(w, 'max-age').textContent()).toMatch(/min$/);
    expect(await num(w, 'failed-out')).toBe(0);
    expect(await page.getByLabel('Shards', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel('Messages waiting at the start', { exact: true }).isVisible()).toBe(false);
    await preset(w, 'shardBisect');
    expect(await num(w, 'failed-out')).toBe(1);
    expect(await out(w, 'max-age').textContent()).toMatch(/ s$/);
    await preset(w, 'provisionedMode');
    expect(await num(w, 'pollers')).toBeGreaterThan(2);
    expect(await num(w, 'peak')).toBeGreaterThan(605);
    expect(await page.getByLabel('Maximum pollers', { exact: true }).isVisible()).toBe(true);
    expect(await w.textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems()).toEqual([]);
    await page.close();
  }, 120_000);

  it('a bad value shows a message naming the range and keeps the last good output', async () => {
    const { page } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    const before = await out(w, 'items-in').textContent();
    const batch = page.getByLabel('Batch size (messages)', { exact: true });
    await batch.fill('20000');
    await expect.poll(() => batch.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await messageOf(page, batch)).toBe('Batch size (messages) must be an integer from 1 to 10,000 (messages); got "20000"');
    expect(await out(w, 'items-in').textContent()).toBe(before);
    await batch.fill('100'); // above 10 needs a batching window: the message names the window's range
    const win = page.getByLabel('Batching window (s)', { exact: true });
    await expect.poll(() => win.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await messageOf(page, win)).toBe('Batching window (s) must be an integer from 1 to 300 (s) when the batch size is above 10; got 0');
    await win.fill('1');
    await expect.poll(() => win.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe(null);
    await page.close();
  });

  it('URL state round-trips with the seed', async () => {
    const { page } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await preset(w, 'poisonWhole');
    await w.getByRole('button', { name: 'Re-roll seed' }).click();
    await idle(w);
    const seed = await w.locator('[data-seed]').textContent();
    await expect.poll(() => page.url()).toContain(`qs.seed=${seed}`);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 30_000 }).toMatch(/^Simulated/);
    const want = [await out(w, 'succeeded').textContent(), await out(w, 'failed-out').textContent(), await out(w, 'invocations').textContent()];
    const url = page.url();
    expect(url).toContain('qs.err=0.05');
    const second = await browser.newPage();
    await second.goto(url);
    const w2 = await hydrated(second);
    await expect.poll(() => out(w2, 'succeeded').textContent(), { timeout: 30_000 }).toBe(want[0]);
    expect([await out(w2, 'succeeded').textContent(), await out(w2, 'failed-out').textContent(), await out(w2, 'invocations').textContent()]).toEqual(want);
    expect(await w2.locator('[data-seed]').textContent()).toBe(seed);
    await w2.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => new URL(second.url()).search, { timeout: 15_000 }).toBe('');
    await second.close();
    await page.close();
  });

  it('keyboard only, with visible focus: a preset, the source select, the timeline', async () => {
    const { page } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.evaluate((el) => {
      const b = document.createElement('button');
      b.textContent = 'start';
      el.before(b);
      b.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['preset'])).toBe('burst');
    const ring = await page.evaluate(() => ({ visible: document.activeElement!.matches(':focus-visible'), outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(ring).toEqual({ visible: true, outline: 'solid' });
    await page.keyboard.press('Tab'); // the reserved-concurrency preset
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('qs.res_on=1');
    await idle(w);
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name === 'source');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('ArrowDown'); // SQS → Kinesis
    await expect.poll(() => page.getByLabel('Event source', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('kinesis');
    expect(await page.getByLabel('Parallelization factor', { exact: true }).isVisible()).toBe(true);
    await idle(w);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 30_000 }).toContain('records');
    // The async timeline redraws without a run.
    const runs = await w.getAttribute('data-last-run-ms');
    const retries = page.getByLabel('Async retry attempts', { exact: true });
    await retries.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => w.locator('[data-out="async-steps"] li').count(), { timeout: 15_000 }).toBe(3);
    expect(await w.locator('[data-out="async-steps"]').textContent()).toContain('+1 min');
    expect(await w.getAttribute('data-last-run-ms')).toBe(runs);
    await page.close();
  });

  it('Cancel stops a run and keeps focus in the widget', async () => {
    const { page } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    const busyAfterClick = await w.evaluate((el) => {
      (el.querySelector('[data-preset="provisionedMode"]') as HTMLButtonElement).click();
      const busy = el.hasAttribute('data-busy') && !el.querySelector('[data-progress]')!.hasAttribute('hidden');
      const cancel = el.querySelector('[data-action="cancel"]') as HTMLButtonElement;
      cancel.focus();
      cancel.click();
      return busy;
    });
    expect(busyAfterClick).toBe(true);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 15_000 }).toContain('Cancelled');
    expect(await w.evaluate((el) => el.hasAttribute('data-busy'))).toBe(false);
    expect(await w.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await out(w, 'items-in').textContent()).toBe('100,000'); // the last good output stays
    await page.close();
  });

  it('at 360 px: no sideways page scroll, tables scroll in their own focusable box, chart text ≥ 11 px', async () => {
    const { page } = await openPage(phone, `${widgetPage!}?qs.src=kinesis&qs.poison=500`);
    const w = await hydrated(page);
    await idle(w);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 30_000 }).toContain('records');
    for (const d of await w.locator('details.ll-chart-table').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const boxes = await w.locator('.ll-scroll').evaluateAll((els) => els.map((e) => ({ tab: e.getAttribute('tabindex'), label: e.getAttribute('aria-label') })));
    expect(boxes.length).toBe(3);
    for (const b of boxes) expect(b).toEqual({ tab: '0', label: expect.stringMatching(/^Data table/) });
    const sizes = await w.locator('svg text').evaluateAll((ts) =>
      ts.filter((t) => t.getClientRects().length && t.textContent!.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * Math.hypot((t as SVGTextElement).getScreenCTM()!.a, (t as SVGTextElement).getScreenCTM()!.b)),
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    await page.close();
  });
});
