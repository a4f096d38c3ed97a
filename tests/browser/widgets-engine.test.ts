/**
 * The three engine-driven widgets in Chromium — Concurrency and throttling, Cold-start explorer, Canary
 * routing: server-rendered default, hydration, input → output in the right direction, a bad value shows
 * its message naming the range (never NaN), URL state round-trips (seed included), Reset and Re-roll,
 * keyboard-only use, the worker's progress/Cancel, theme-following charts, each widget's JavaScript
 * (widgetJs.ts: gzip, worker included) within 30 KB, and the wall time of each
 * default run (logged, and bounded loosely).
 * One browser for the whole file.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';

const dist = process.env.LL_DIST || 'dist';
const pageOf = (tag: string) => builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${tag}`));
const CONC = 'll-concurrency-widget';
const COLD = 'll-cold-start-explorer';
const CANARY = 'll-canary-routing';

async function hydrated(page: Page, tag: string): Promise<Locator> {
  const w = page.locator(tag);
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-hydrated]`);
  return w;
}

/** Waits until the widget is idle and its last run is newer than `since` (data-last-run-ms changes). */
async function settled(w: Locator) {
  await expect.poll(() => w.evaluate((el) => !el.hasAttribute('data-busy')), { timeout: 20_000 }).toBe(true);
}

const out = (w: Locator, key: string) => w.locator(`[data-out="${key}"]`).first();
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

/** The message element an input's aria-describedby points at last (the live error slot). */
async function messageOf(page: Page, input: Locator): Promise<string> {
  const id = (await input.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
  return (await page.locator(`#${id}`).textContent()) ?? '';
}

async function tabTo(page: Page, w: Locator, name: string): Promise<boolean> {
  await w.evaluate((el) => {
    const b = document.createElement('button');
    b.textContent = 'start';
    b.id = 'kbd-start';
    el.before(b);
    b.focus();
  });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)) return true;
  }
  return false;
}

async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement!;
    const cs = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), outline: cs.outlineStyle };
  });
}

const timings: Record<string, { first: number; second: number; where: string }> = {};

describeBrowser('engine-driven widgets (concurrency, cold starts, canary)', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
    if (Object.keys(timings).length) console.log('default-run wall time (ms):', JSON.stringify(timings));
  });

  it('each widget is on its page, server-rendered with real numbers', () => {
    for (const [tag, page, must] of [
      [CONC, '/lambda/concurrency/', ["Little's law: rate × duration", 'Concurrency against the limits over time', 'Throttled (429) in one stretch']],
      [COLD, '/lambda/cold-starts/', ['Execution environments over time', 'Cold starts', 'p99 latency']],
      [CANARY, '/lambda/versions-and-aliases/', ['Cold starts by canary weight', 'Error probability set (what-if)', 'Canary weight (%)']],
    ] as const) {
      expect(pageOf(tag), tag).toBe(page);
      const html = fs.readFileSync(`${dist}${page}index.html`, 'utf8');
      const part = html.slice(html.indexOf(`<${tag}`), html.indexOf(`</${tag}>`));
      for (const m of must) expect(part, `${tag}: ${m}`).toContain(m);
      expect(part).not.toMatch(/NaN|undefined|Infinity/);
      expect(part).toMatch(/data-out="[a-z-]+"[^>]*>\d/); // at least one readout with a number
    }
  });

  it('each widget ships at most 30 KB of gzip JavaScript, simulation and worker included', () => {
    for (const name of ['ConcurrencyWidget', 'ColdStartExplorer', 'CanaryRouting']) expect(widgetJs(name).total, name).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    expect(widgetJs('ConcurrencyWidget').workers).not.toEqual([]);
    expect(widgetJs('CanaryRouting').workers).not.toEqual([]);
  });

  it('concurrency: hydrates; reserved concurrency below the load increases throttles; runs in the worker', async () => {
    const { page, problems } = await openPage(browser, pageOf(CONC)!);
    const w = await hydrated(page, CONC);
    const label = (l: string) => page.getByLabel(l, { exact: true });
    // Time the default run: Reset runs the default scenario (in the worker; the first run starts it).
    await w.getByRole('button', { name: 'Reset' }).click();
    await settled(w);
    const first = Number(await w.getAttribute('data-last-run-ms'));
    await w.getByRole('button', { name: 'Reset' }).click();
    await settled(w);
    timings['ConcurrencyWidget'] = { first, second: Number(await w.getAttribute('data-last-run-ms')), where: (await w.getAttribute('data-last-run-where'))! };
    expect(timings['ConcurrencyWidget'].where).toBe('worker');
    expect(first).toBeLessThan(15_000);

    await label('Traffic shape').selectOption('steady');
    await label('Account concurrency limit').fill('1000');
    await label('Simulated time (s)').fill('120');
    await expect.poll(() => out(w, 'throttled').textContent(), { timeout: 20_000 }).toMatch(/^0 \(0\.00%\)/);
    await expect.poll(() => out(w, 'little').textContent()).toBe('100');
    const meanBusy = num(await out(w, 'mean-busy').textContent());
    expect(Math.abs(meanBusy - 100)).toBeLessThan(10); // Little's law beside the simulated mean
    await label('Set reserved concurrency').check();
    await label('Reserved concurrency').fill('80');
    await expect.poll(async () => num(await out(w, 'throttled').textContent()), { timeout: 20_000 }).toBeGreaterThan(0);
    const at80 = num((await out(w, 'throttled').textContent())!.split(' ')[0]!);
    await label('Reserved concurrency').fill('50');
    await expect.poll(async () => num((await out(w, 'throttled').textContent())!.split(' ')[0]!), { timeout: 20_000 }).toBeGreaterThan(at80);
    expect(await out(w, 'erlang').textContent()).toMatch(/^\d+\.\d\d%$/); // Erlang-B beside the simulated ratio (steady)
    expect(await w.getAttribute('data-last-run-where')).toBe('worker');
    expect(await w.locator('[data-out="chart"] svg path').count()).toBeGreaterThan(0);
    expect(await w.textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('concurrency: the ramp preset shows the scaling rate; progress and Cancel work', async () => {
    const { page } = await openPage(browser, pageOf(CONC)!);
    const w = await hydrated(page, CONC);
    const busyAfterClick = await w.evaluate((el) => {
      (el.querySelector('[data-preset="ramp"]') as HTMLButtonElement).click();
      const busy = el.hasAttribute('data-busy') && !el.querySelector('[data-progress]')!.hasAttribute('hidden');
      (el.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
      return busy;
    });
    expect(busyAfterClick).toBe(true);
    await expect.poll(() => w.locator('[data-status]').textContent()).toContain('Cancelled');
    expect(await w.evaluate((el) => el.hasAttribute('data-busy'))).toBe(false);
    // Run it for real: a spike to 30,000 requests/s, most of it throttled by the scaling rate.
    await w.locator('[data-preset="ramp"]').click();
    await settled(w);
    await expect.poll(() => out(w, 'peak').textContent(), { timeout: 20_000 }).toMatch(/^7,\d{3}$/); // 1,000 + 100/s × 60 s (+ base)
    expect(await w.locator('[data-out="throttled"] + .ll-note').textContent()).toContain('by the scaling rate');
    expect(page.url()).toContain('conc.peak=30000');
    await page.close();
  });

  it('concurrency: when Cancel hides itself, focus moves to the first input, not <body>', async () => {
    const { page } = await openPage(browser, pageOf(CONC)!);
    const w = await hydrated(page, CONC);
    await w.locator('[data-preset="ramp"]').click();
    const cancel = w.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => w.locator('[data-status]').textContent()).toContain('Cancelled');
    expect(await cancel.isHidden()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('shape');
    await page.close();
  });

  it('URL state as used: a value the slider rounds and a rejected seed are said so; accepted values are shown normalised', async () => {
    const { page } = await openPage(browser, `${pageOf(CANARY)!}?canary.w=50.4&canary.seed=abc&canary.rate=1e1`);
    const w = await hydrated(page, CANARY);
    const notice = w.locator('[data-notice]');
    await expect.poll(() => notice.textContent()).toContain('Canary weight (%) 50.4 was rounded to 50');
    expect(await notice.textContent()).toContain('Seed must be an integer from 0 to 4,294,967,295; got "abc"; using 1.');
    expect(await notice.isVisible()).toBe(true);
    expect(await w.locator('[data-value-for="weight"]').textContent()).toBe('50% to the canary, 50% to the stable version');
    expect(await page.getByLabel('Rate (requests/s)', { exact: true }).inputValue()).toBe('10');
    await settled(w);
    expect(await w.locator('[data-seed]').textContent()).toBe('1');
    await w.getByRole('button', { name: 'Reset' }).click();
    expect(await notice.isHidden()).toBe(true);
    await page.close();
  });

  it('concurrency: bad values show messages naming the range; URL state round-trips with the seed', async () => {
    const { page } = await openPage(browser, pageOf(CONC)!);
    const w = await hydrated(page, CONC);
    const label = (l: string) => page.getByLabel(l, { exact: true });
    const before = await out(w, 'throttled').textContent();
    const rate = label('Rate (requests/s)');
    await rate.fill('-5');
    await expect.poll(() => rate.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, rate)).toBe('Rate (requests/s) must be a number from 0 to 50,000 (requests/s); got "-5"');
    expect(await out(w, 'throttled').textContent()).toBe(before);
    await rate.fill('100');
    await expect.poll(() => rate.getAttribute('aria-invalid')).toBe(null); // the message is gone (no layout shift under the next click)
    await label('Account concurrency limit').fill('1000');
    await settled(w);
    await label('Set reserved concurrency').check();
    const reserved = label('Reserved concurrency');
    await reserved.fill('950');
    await expect.poll(() => reserved.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, reserved)).toBe('Reserved concurrency must be an integer from 0 to 900 (the account limit minus 100 unreserved); got 950');
    await reserved.fill('300');
    await expect.poll(() => reserved.getAttribute('aria-invalid')).toBe(null);
    await settled(w);
    // Re-roll the seed: the URL carries it, a new page reproduces the scenario.
    await w.getByRole('button', { name: 'Re-roll seed' }).click();
    await settled(w);
    const seed = await w.locator('[data-seed]').textContent();
    await expect.poll(() => page.url()).toContain(`conc.seed=${seed}`);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 20_000 }).toMatch(/^Simulated/);
    const want = { thr: await out(w, 'throttled').textContent(), mean: await out(w, 'mean-busy').textContent(), req: await out(w, 'requests').textContent() };
    const url = page.url();
    expect(url).toContain('conc.res=300');
    const second = await browser.newPage();
    await second.goto(url);
    const w2 = await hydrated(second, CONC);
    await expect.poll(() => out(w2, 'requests').textContent(), { timeout: 20_000 }).toBe(want.req);
    expect(await out(w2, 'throttled').textContent()).toBe(want.thr);
    expect(await out(w2, 'mean-busy').textContent()).toBe(want.mean);
    expect(await w2.locator('[data-seed]').textContent()).toBe(seed);
    expect(await second.getByLabel('Reserved concurrency', { exact: true }).inputValue()).toBe('300');
    await w2.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => new URL(second.url()).search).toBe('');
    await expect.poll(() => second.getByLabel('Traffic shape', { exact: true }).inputValue()).toBe('spike');
    await second.close();
    await page.close();
  });

  it('concurrency: keyboard only, with visible focus; charts follow the theme and reduced motion', async () => {
    const { page } = await openPage(browser, pageOf(CONC)!);
    const w = await hydrated(page, CONC);
    expect(await tabTo(page, w, 'shape')).toBe(true);
    const ring = await focusRing(page);
    expect(ring.visible).toBe(true);
    expect(ring.outline).not.toBe('none');
    await page.keyboard.press('ArrowUp'); // spike → steady
    await expect.poll(() => page.getByLabel('Traffic shape', { exact: true }).inputValue()).toBe('steady');
    // Inputs the steady shape does not use are hidden; Reserved is disabled until its box is ticked.
    expect(await page.getByLabel('Spike starts at (s)', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Spike or peak rate (requests/s)', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByLabel('Reserved concurrency', { exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => out(w, 'erlang').textContent(), { timeout: 20_000 }).toMatch(/%$/);
    // Theme: the series stroke comes from Starlight's variables, so it changes with the theme.
    const stroke = () => w.locator('[data-out="chart"] path.ll-step').first().evaluate((p) => getComputedStyle(p).stroke);
    const light = await stroke();
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    expect(await stroke()).not.toBe(light);
    // Motion: the chart's fade-in only without a reduced-motion preference.
    const anim = () => w.locator('[data-out="chart"] path.ll-step').first().evaluate((p) => getComputedStyle(p).animationName);
    expect(await anim()).toBe('ll-fade');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await anim()).toBe('none');
    await page.close();
  });

  it('cold starts: initializing SDK clients outside the handler lowers p50 latency; PC and idle timeout change the lanes', async () => {
    const { page, problems } = await openPage(browser, pageOf(COLD)!);
    const w = await hydrated(page, COLD);
    await w.getByRole('button', { name: 'Reset' }).click();
    const first = Number(await w.getAttribute('data-last-run-ms'));
    await w.getByRole('button', { name: 'Reset' }).click();
    timings['ColdStartExplorer'] = { first, second: Number(await w.getAttribute('data-last-run-ms')), where: (await w.getAttribute('data-last-run-where'))! };
    expect(first).toBeLessThan(500);
    expect(await out(w, 'p50').textContent()).toBe('180 ms');
    await page.getByLabel('Initialize SDK clients outside the handler', { exact: true }).check();
    await expect.poll(() => out(w, 'p50').textContent()).toBe('100 ms');
    expect(await out(w, 'warm').textContent()).toBe('100 ms');
    const lanes = () => w.locator('[data-out="lanes"] tbody tr').count();
    const inits = () => w.locator('[data-out="lanes"] svg rect.ll-tone-1').count();
    const coldBefore = await inits();
    await page.getByLabel('Provisioned concurrency', { exact: true }).fill('3');
    await expect.poll(async () => (await w.locator('[data-out="lanes"] tbody tr th', { hasText: /^PC / }).count())).toBe(3);
    expect(await inits()).toBeLessThanOrEqual(coldBefore);
    await page.getByLabel('Provisioned concurrency', { exact: true }).fill('0');
    await page.getByLabel('Idle timeout (s)', { exact: true }).fill('3600');
    await expect.poll(() => w.locator('[data-out="lanes"] figcaption').textContent()).toContain('0 reclaimed after 3,600 s idle');
    expect(await lanes()).toBeGreaterThan(0);
    expect(await w.textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('cold starts: bad values show messages; URL round-trip; keyboard toggles the assumption', async () => {
    const { page } = await openPage(browser, pageOf(COLD)!);
    const w = await hydrated(page, COLD);
    const idle = page.getByLabel('Idle timeout (s)', { exact: true });
    await idle.fill('0');
    await expect.poll(() => idle.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, idle)).toBe('Idle timeout (s) must be a number from 1 to 3,600 (s); got "0"');
    await idle.fill('20');
    const rate = page.getByLabel('Average rate (requests/s)', { exact: true });
    await rate.fill('100');
    await expect.poll(() => rate.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, rate)).toBe('Average rate (requests/s) × Simulated time (s) must be at most 15,000 requests; got 30,000');
    await rate.fill('2');
    await page.getByLabel('Runtime (sets the INIT duration)', { exact: true }).selectOption('python3.13');
    await w.getByRole('button', { name: 'Re-roll seed' }).click();
    const seed = await w.locator('[data-seed]').textContent();
    await expect.poll(() => page.url()).toContain(`cold.seed=${seed}`);
    const want = [await out(w, 'cold-pct').textContent(), await out(w, 'p99').textContent(), await w.locator('[data-out="lanes"] figcaption').textContent()];
    const second = await browser.newPage();
    await second.goto(page.url());
    const w2 = await hydrated(second, COLD);
    await expect.poll(() => out(w2, 'p99').textContent()).toBe(want[1]);
    expect([await out(w2, 'cold-pct').textContent(), await out(w2, 'p99').textContent(), await w2.locator('[data-out="lanes"] figcaption').textContent()]).toEqual(want);
    expect(await second.getByLabel('Runtime (sets the INIT duration)', { exact: true }).inputValue()).toBe('python3.13');
    await second.close();
    // Keyboard: reach the checkbox with Tab and toggle it with Space.
    expect(await tabTo(page, w, 'initOutside')).toBe(true);
    expect((await focusRing(page)).visible).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('cold.out=1');
    expect(await out(w, 'warm').textContent()).toMatch(/ms$/);
    await page.close();
  });

  it('canary: weight 0% sends no traffic to the canary; the slider works by keyboard; errors per version', async () => {
    const { page, problems } = await openPage(browser, pageOf(CANARY)!);
    const w = await hydrated(page, CANARY);
    await w.getByRole('button', { name: 'Reset' }).click();
    await settled(w);
    const first = Number(await w.getAttribute('data-last-run-ms'));
    await w.getByRole('button', { name: 'Reset' }).click();
    await settled(w);
    timings['CanaryRouting'] = { first, second: Number(await w.getAttribute('data-last-run-ms')), where: (await w.getAttribute('data-last-run-where'))! };
    expect(timings['CanaryRouting'].where).toBe('worker');
    expect(num(await out(w, 'canary-requests').textContent())).toBeGreaterThan(0);
    expect(await tabTo(page, w, 'weight')).toBe(true);
    expect((await focusRing(page)).visible).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => w.locator('[data-value-for="weight"]').textContent()).toBe('0% to the canary, 100% to the stable version');
    await expect.poll(() => out(w, 'canary-requests').textContent(), { timeout: 20_000 }).toBe('0');
    expect(await out(w, 'canary-cold').textContent()).toBe('0');
    expect(await out(w, 'canary-share').textContent()).toBe('0.0%');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('canary.w=1');
    await expect.poll(async () => num(await out(w, 'canary-requests').textContent()), { timeout: 20_000 }).toBeGreaterThan(0);
    // Each version's observed error rate follows its own what-if probability.
    await page.getByLabel('Rate (requests/s)', { exact: true }).fill('100');
    await page.getByLabel('Simulated time (s)', { exact: true }).fill('900');
    await w.locator('#canary-weight').fill('50');
    await page.getByLabel('Canary version: error probability (%)', { exact: true }).fill('10');
    await expect.poll(async () => num(await out(w, 'canary-error-rate').textContent()), { timeout: 20_000 }).toBeGreaterThan(8);
    expect(num(await out(w, 'canary-error-rate').textContent())).toBeLessThan(12);
    expect(num(await out(w, 'stable-error-rate').textContent())).toBeLessThan(1.5);
    expect(await w.textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('canary: a bad value shows its message; URL state round-trips with the seed', async () => {
    const { page } = await openPage(browser, pageOf(CANARY)!);
    const w = await hydrated(page, CANARY);
    const err = page.getByLabel('Canary version: error probability (%)', { exact: true });
    await err.fill('150');
    await expect.poll(() => err.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, err)).toBe('Canary version: error probability (%) must be a number from 0 to 100 (%); got "150"');
    await err.fill('3');
    await w.locator('#canary-weight').fill('25');
    await w.getByRole('button', { name: 'Re-roll seed' }).click();
    await settled(w);
    const seed = await w.locator('[data-seed]').textContent();
    await expect.poll(() => page.url()).toContain(`canary.seed=${seed}`);
    await expect.poll(() => w.locator('[data-status]').textContent(), { timeout: 20_000 }).toMatch(/^Simulated/);
    const want = [await out(w, 'canary-requests').textContent(), await out(w, 'total-cold').textContent(), await out(w, 'canary-errors').textContent()];
    const second = await browser.newPage();
    await second.goto(page.url());
    const w2 = await hydrated(second, CANARY);
    await expect.poll(() => out(w2, 'canary-requests').textContent(), { timeout: 20_000 }).toBe(want[0]);
    expect([await out(w2, 'canary-requests').textContent(), await out(w2, 'total-cold').textContent(), await out(w2, 'canary-errors').textContent()]).toEqual(want);
    expect(await w2.locator('#canary-weight').inputValue()).toBe('25');
    await second.close();
    await page.close();
  });
});
