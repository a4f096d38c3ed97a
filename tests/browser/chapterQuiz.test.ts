/**
 * The self-check quiz as a reader uses it, in Chromium: try, reveal (keyboard), mark, progress kept in
 * localStorage across a reload and cleared by reset; nothing sent anywhere; no console errors.
 * The no-JavaScript reading (native <details>) is checked on the HTML by chapterCoverage.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { describeBrowser, launchBrowser, openPage } from './harness.ts';

const ROUTE = '/lambda/summary-and-self-check/';
const KEY = 'lambda-lab:quiz:lambda-chapter-2-6';

describeBrowser('chapter self-check quiz in Chromium', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('reveals with the keyboard, saves marks locally, survives a reload and resets', async () => {
    const { page, problems, requests } = await openPage(browser, ROUTE);
    const first = page.locator('li.ll-q').first();
    const rate = first.locator('[data-q-rate]');
    const progress = page.locator('[data-quiz-progress]');

    await expect.poll(() => progress.isVisible()).toBe(true);
    expect(await progress.textContent()).toMatch(/0 of \d+ known, 0 to review/);
    // Try first: the answer and the marking buttons stay hidden until the reader reveals.
    expect(await rate.isVisible()).toBe(false);
    expect(await first.locator('.ll-q__body').isVisible()).toBe(false);

    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('.ll-q__body').isVisible()).toBe(true);
    await expect.poll(() => rate.isVisible()).toBe(true);

    const knew = rate.getByRole('button', { name: 'I knew it' });
    await knew.focus();
    await page.keyboard.press('Space');
    expect(await knew.getAttribute('aria-pressed')).toBe('true');
    expect(await progress.textContent()).toMatch(/1 of \d+ known, 0 to review/);
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');
    expect(stored).toEqual({ v: 1, marks: { [(await first.getAttribute('data-q'))!]: 'known' } });

    await page.reload();
    await expect.poll(() => progress.textContent()).toMatch(/1 of \d+ known/);
    expect(await first.locator('[data-q-rate]').isVisible()).toBe(true);
    expect(await first.getByRole('button', { name: 'I knew it' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Reset my progress' }).click();
    expect(await progress.textContent()).toMatch(/0 of \d+ known, 0 to review/);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

    const origin = new URL(page.url()).origin;
    expect(requests().filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('labels every attempt box and every marking group', async () => {
    const { page } = await openPage(browser, ROUTE);
    const unlabelled = await page.$$eval('li.ll-q textarea', (els) =>
      els.filter((e) => !(e as HTMLTextAreaElement).labels?.length).length,
    );
    expect(unlabelled).toBe(0);
    const groups = await page.$$eval('li.ll-q [role="group"]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(groups.length).toBeGreaterThanOrEqual(12);
    expect(groups.every((g) => g.startsWith('Mark your answer to: '))).toBe(true);
    await page.close();
  });
});
