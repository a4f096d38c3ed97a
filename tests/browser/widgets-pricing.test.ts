/**
 * Pricing calculator in Chromium: server-rendered bill, hydration, a known bill, input → output,
 * bad values → message naming the range (never NaN), URL state round-trip, keyboard-only use, and
 * the numbers equal `npm run sim -- price` for the same inputs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';
import { widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';
import { runCli } from '../../src/sim/cli/runCli.ts';
import { formatUsd } from '../../src/sim/index.ts';

const dist = process.env.LL_DIST || 'dist';
const TAG = 'll-pricing-calculator';
const widgetPage = builtPages(dist).find((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes(`<${TAG}`));

function cliTotal(args: string[]): string {
  let out = '';
  runCli(['price', ...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (out += t), readFile: () => '' });
  return formatUsd(JSON.parse(out).total_usd);
}

async function hydrated(page: Page) {
  const w = page.locator(TAG);
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-hydrated]`);
  return w;
}

const total = (page: Page) => page.locator(TAG).getByLabel('Total per month', { exact: true });


describeBrowser('pricing calculator widget', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('stays within the 30 KB gzip budget (page bundle and everything it can load, pricing code included)', () => {
    const js = widgetJs('PricingCalculator');
    expect(js.total).toBeLessThanOrEqual(WIDGET_JS_BUDGET_GZIP);
    expect(js.worker).toBe(0); // pure arithmetic: no worker
  });

  it('is on a built page (the pricing page)', () => {
    expect(widgetPage, `no built page contains <${TAG}>`).toBeTruthy();
  });

  it('renders the default bill on the server, before any JavaScript', () => {
    const page = fs.readFileSync(`${dist}${widgetPage}index.html`, 'utf8');
    const html = page.slice(page.indexOf(`<${TAG}`), page.indexOf(`</${TAG}>`));
    expect(html).toMatch(/data-out="total"[^>]*>\$18\.73</);
    expect(html).toContain('Cost per million invocations by memory size');
    expect(html).not.toMatch(/NaN/);
  });

  it('hydrates, shows the known bill, and recomputes when an input changes', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    // 512 MB x86_64, 3M requests, 1 s, free tier: $0.40 requests + 1,100,000 GB-s × $0.0000166667 = $18.73.
    await expect.poll(() => total(page).textContent()).toBe('$18.73');
    for (const label of ['Memory (MB)', 'Architecture', 'Requests per month', 'Average duration (ms)', 'Ephemeral storage (MB)', 'Include free tier']) {
      await expect(page.locator(TAG).getByLabel(label, { exact: true }).count(), label).resolves.toBe(1);
    }
    await expect(page.locator(TAG).getByLabel('Architecture', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['x86_64', 'arm64']);
    await page.locator(TAG).getByLabel('Memory (MB)', { exact: true }).fill('1024');
    // 3M × 1 s × 1 GB = 3,000,000 GB-s − 400,000 free = 2,600,000 × $0.0000166667 = $43.33 + $0.40.
    await expect.poll(() => total(page).textContent()).toBe('$43.73');
    console.log(`[pricing] recompute (bill + 42-point memory sweep + chart) in the page: ${await w.getAttribute('data-last-run-ms')} ms`);
    expect(await total(page).textContent()).toBe(cliTotal(['--memory', '1024', '--requests', '3000000', '--duration-ms', '1000']));
    await page.locator(TAG).getByLabel('Architecture', { exact: true }).selectOption('arm64');
    await page.locator(TAG).getByLabel('Include free tier', { exact: true }).uncheck();
    const expected = cliTotal(['--memory', '1024', '--arch', 'arm64', '--requests', '3000000', '--duration-ms', '1000', '--no-free-tier']);
    await expect.poll(() => total(page).textContent()).toBe(expected);
    // The itemized lines are there, the last one is the total as the CLI prints it.
    const rows = await w.locator('table.ll-bill tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(3);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('the provisioned-concurrency and cold-start sections change the bill as the CLI does', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    await w.locator('[data-section="pc"] > summary').click();
    await w.getByLabel('Provisioned concurrency (environments)', { exact: true }).fill('5');
    await w.getByLabel('Hours enabled per month', { exact: true }).fill('100');
    await w.getByLabel('Requests served by provisioned environments', { exact: true }).fill('1000000');
    const pcArgs = ['--memory', '512', '--requests', '3000000', '--duration-ms', '1000', '--pc', '5', '--pc-hours', '100', '--pc-requests', '1000000', '--pc-duration-ms', '1000'];
    await expect.poll(() => total(page).textContent()).toBe(cliTotal(pcArgs));
    await w.locator('[data-section="init"] > summary').click();
    await w.getByLabel('Cold starts per month', { exact: true }).fill('20000');
    await w.getByLabel('Average INIT duration (ms)', { exact: true }).fill('800');
    await expect.poll(() => total(page).textContent()).toBe(cliTotal([...pcArgs, '--cold-starts', '20000', '--init-ms', '800']));
    await w.getByLabel('INIT billing rule', { exact: true }).selectOption('before-2025-08-01');
    await expect.poll(() => total(page).textContent()).toBe(cliTotal([...pcArgs, '--cold-starts', '20000', '--init-ms', '800', '--init-billing', 'before-2025-08-01']));
    // SnapStart cannot be combined with provisioned concurrency: the message says so, the bill stays.
    const before = await total(page).textContent();
    await w.getByLabel('SnapStart', { exact: true }).selectOption('python');
    await expect.poll(() => w.textContent()).toContain('Provisioned concurrency (environments) must be 0 when SnapStart is on');
    expect(await total(page).textContent()).toBe(before);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('a bad value shows its message naming the range, keeps the last bill, and never shows NaN', async () => {
    const { page, problems } = await openPage(browser, widgetPage!);
    const w = await hydrated(page);
    const mem = page.locator(TAG).getByLabel('Memory (MB)', { exact: true });
    await mem.fill('64');
    await expect.poll(() => mem.getAttribute('aria-invalid')).toBe('true');
    const msgId = (await mem.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    const msg = page.locator(`#${msgId}`);
    await expect(msg.textContent()).resolves.toBe('Memory (MB) must be an integer from 128 to 10,240 (MB); got "64"');
    expect(await msg.isVisible()).toBe(true);
    expect(await total(page).textContent()).toBe('$18.73');
    await page.locator(TAG).getByLabel('Requests per month', { exact: true }).fill('-5');
    await expect.poll(() => w.textContent()).toContain('Requests per month must be an integer from 0 to 10,000,000,000,000; got "-5"');
    // Malformed text in a number field (the browser reports badInput).
    const dur = page.locator(TAG).getByLabel('Average duration (ms)', { exact: true });
    await dur.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1e');
    await expect.poll(() => w.textContent()).toContain('Average duration (ms) must be a number from 0 to 900,000 (ms); got text that is not a number');
    expect(await w.textContent()).not.toMatch(/NaN|undefined|Infinity/);
    await mem.fill('2048');
    await page.locator(TAG).getByLabel('Requests per month', { exact: true }).fill('3000000');
    await dur.fill('1000');
    await expect.poll(() => mem.getAttribute('aria-invalid')).toBe(null);
    await expect.poll(() => total(page).textContent()).toBe(cliTotal(['--memory', '2048', '--requests', '3000000', '--duration-ms', '1000']));
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('a value accepted from the URL is shown normalised in its input (1,000,000 → 1000000)', async () => {
    const { page } = await openPage(browser, `${widgetPage}?price.req=1,000,000&price.mem=%201024%20`);
    await hydrated(page);
    expect(await page.locator(TAG).getByLabel('Requests per month', { exact: true }).inputValue()).toBe('1000000');
    expect(await page.locator(TAG).getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1024');
    await expect.poll(() => total(page).textContent()).toBe(cliTotal(['--memory', '1024', '--arch', 'x86_64', '--requests', '1000000', '--duration-ms', '1000']));
    expect(await page.locator(`${TAG} [data-notice]`).isHidden()).toBe(true);
    await page.close();
  });

  it('URL state round-trips: a shared link reproduces the bill; Reset clears it', async () => {
    const { page } = await openPage(browser, widgetPage!);
    await hydrated(page);
    await page.locator(TAG).getByLabel('Memory (MB)', { exact: true }).fill('1536');
    await page.locator(TAG).getByLabel('Average duration (ms)', { exact: true }).fill('250');
    await page.locator(TAG).getByLabel('Architecture', { exact: true }).selectOption('arm64');
    const want = cliTotal(['--memory', '1536', '--arch', 'arm64', '--requests', '3000000', '--duration-ms', '250']);
    await expect.poll(() => total(page).textContent()).toBe(want);
    const url = page.url();
    expect(url).toContain('price.mem=1536');
    expect(url).toContain('price.arch=arm64');
    const second = await browser.newPage();
    await second.goto(url);
    await hydrated(second);
    await expect.poll(() => total(second).textContent()).toBe(want);
    expect(await second.locator(TAG).getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1536');
    await second.locator(TAG).getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => total(second).textContent()).toBe('$18.73');
    expect(new URL(second.url()).search).toBe('');
    // A bad value in a link shows its message instead of a broken widget.
    await second.goto(`${url.split('?')[0]}?price.mem=99999`);
    await hydrated(second);
    await expect.poll(() => second.locator(TAG).getByLabel('Memory (MB)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await total(second).textContent()).toBe('$18.73');
    await second.close();
    await page.close();
  });

  it('the chart follows the light/dark theme and respects reduced motion', async () => {
    const strokes: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const b = await launchBrowser({ colorScheme: scheme, reducedMotion: scheme === 'dark' ? 'reduce' : 'no-preference' });
      const { page } = await openPage(b, widgetPage!);
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), scheme);
      await hydrated(page);
      const path = page.locator(`${TAG} .ll-series path.ll-tone-0`).first();
      strokes.push(await path.evaluate((el) => getComputedStyle(el).stroke));
      const anim = await path.evaluate((el) => getComputedStyle(el).animationName);
      expect(anim).toBe(scheme === 'dark' ? 'none' : 'll-fade');
      // The data-table alternative and the text summary are there for screen readers.
      expect(await page.locator(`${TAG} figure.ll-chart details table`).count()).toBe(1);
      expect(await page.locator(`${TAG} svg[role="img"]`).getAttribute('aria-labelledby')).toBe('price-chart-title price-chart-summary');
      await b.dispose();
    }
    expect(strokes[0]).not.toBe(strokes[1]);
  });

  it('pages without a widget load none of the widget code', () => {
    for (const p of builtPages(dist)) {
      const html = fs.readFileSync(`${dist}${p}index.html`, 'utf8');
      if (/<ll-[a-z-]+/.test(html)) continue;
      expect(html, p).not.toMatch(/PricingCalculator\.astro|ProvisionedPlanner\.astro|priceMonthly\.[\w-]+\.js/);
    }
  });

  it('axe finds no violation in the hydrated widget, with a message shown and the data tables open, in both themes', async () => {
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const b = await launchBrowser({ colorScheme: scheme });
      const { page } = await openPage(b, widgetPage!);
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), scheme);
      const w = await hydrated(page);
    await w.locator('[data-section="pc"] > summary').click();
    await w.locator('[data-section="init"] > summary').click();
    await w.getByLabel('Memory (MB)', { exact: true }).fill('64');
    await expect.poll(() => w.getByLabel('Memory (MB)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
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
  });

  it('works with the keyboard alone, with visible focus', async () => {
    const { page } = await openPage(browser, widgetPage!);
    await hydrated(page);
    // Tab from the element before the widget until the memory input has focus.
    await page.locator(TAG).evaluate((el) => {
      const b = document.createElement('button');
      b.textContent = 'start';
      b.id = 'kbd-start';
      el.before(b);
      b.focus();
    });
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'memoryMb');
    }
    expect(reached).toBe(true);
    const focus = await page.evaluate(() => {
      const el = document.activeElement!;
      const cs = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), outline: cs.outlineStyle, width: cs.outlineWidth };
    });
    expect(focus.visible).toBe(true);
    expect(focus.outline).not.toBe('none');
    await page.keyboard.press('ArrowUp'); // step 64: 512 → 576
    await expect.poll(() => page.locator(TAG).getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('576');
    await expect.poll(() => total(page).textContent()).toBe(cliTotal(['--memory', '576', '--requests', '3000000', '--duration-ms', '1000']));
    // On to the Architecture select, change it with the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).toBe('arch');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(TAG).getByLabel('Architecture', { exact: true }).inputValue()).toBe('arm64');
    await expect.poll(() => total(page).textContent()).toBe(cliTotal(['--memory', '576', '--arch', 'arm64', '--requests', '3000000', '--duration-ms', '1000']));
    // Reset is reachable and operable by keyboard.
    await page.locator(TAG).getByRole('button', { name: 'Reset' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => total(page).textContent()).toBe('$18.73');
    await page.close();
  });
});
