/**
 * "On this page": the table of contents marks the section being read (src/lib/toc/tocElement.ts, which
 * replaces Starlight's script with one that observes only the headings). Checked as a reader uses it:
 * scrolling at desktop width, following a link, and the mobile summary that names the current section.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, openPage, scrollThrough } from './harness.ts';

const PAGE = '/lambda/event-sources/';

/** The href of the table-of-contents link currently marked, in the given table (desktop or mobile). */
const currentHref = (page: Page, host: 'starlight-toc' | 'mobile-starlight-toc') =>
  page.locator(`${host} a[aria-current="true"]`).getAttribute('href');

/**
 * Turns the mouse wheel by `dy` px and waits until the page has scrolled that far and stopped. The wheel
 * scrolls smoothly after `mouse.wheel` returns: on a slow machine a check (or the next scroll) could
 * otherwise run before the wheel's scroll is applied.
 */
async function wheelAndSettle(page: Page, dy: number): Promise<void> {
  const [before, max] = await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - window.innerHeight]);
  await page.mouse.wheel(0, dy);
  await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThanOrEqual(Math.min(before! + dy, max!) - 1);
  let last = NaN;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(window.scrollY)))));
      const still = y === last;
      last = y;
      return still;
    }, { timeout: 5_000 })
    .toBe(true);
}

/** Scrolls so that heading `id` sits `offset` px below the viewport top. */
const scrollHeadingTo = (page: Page, id: string, offset: number) =>
  page.evaluate(
    ([i, o]) => {
      const h = document.getElementById(i as string)!;
      window.scrollTo({ top: window.scrollY + h.getBoundingClientRect().top - (o as number), behavior: 'instant' });
    },
    [id, offset],
  );

describeBrowser('table of contents', () => {
  let desktop: BrowserContext & { dispose(): Promise<void> };
  let phone: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await desktop?.dispose();
    await phone?.dispose();
  });

  it('desktop: the link of the section under the header is marked as the reader scrolls, and the title at the top', async () => {
    const { page, problems } = await openPage(desktop, PAGE);
    const ids = await page.locator('starlight-toc a').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    expect(ids.length).toBeGreaterThan(8);
    // Code blocks far down are sized by an estimate until first rendered (content-visibility, quality.css), and
    // the half-way distances below are computed from heading positions: read the page once first.
    await scrollThrough(page);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => currentHref(page, 'starlight-toc'), { timeout: 10_000 }).toBe('#_top');
    // Three sections down the page, each brought just under the header (64 px) and then further into it.
    for (const i of [2, Math.floor(ids.length / 2), ids.length - 2]) {
      const id = ids[i]!;
      await scrollHeadingTo(page, id, 70);
      await expect.poll(() => currentHref(page, 'starlight-toc'), { timeout: 5_000, message: id }).toBe(`#${encodeURIComponent(id)}`);
      // Half-way to the next heading: still that section.
      const gap = await page.evaluate(([a, b]) => document.getElementById(b!)!.getBoundingClientRect().top - document.getElementById(a!)!.getBoundingClientRect().top, [id, ids[i + 1]!]);
      await wheelAndSettle(page, Math.floor(gap / 2));
      await expect.poll(() => currentHref(page, 'starlight-toc'), { timeout: 5_000, message: `${id} + ${Math.floor(gap / 2)} px` }).toBe(`#${encodeURIComponent(id)}`);
    }
    // A jump far up (no heading crosses the line inside the viewport on the way) still updates.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => currentHref(page, 'starlight-toc'), { timeout: 5_000 }).toBe('#_top');
    // Following a link in the table marks that link.
    const target = ids[ids.length - 3]!;
    await page.locator(`starlight-toc a[href="#${encodeURIComponent(target)}"]`).click();
    await expect.poll(() => currentHref(page, 'starlight-toc'), { timeout: 5_000 }).toBe(`#${encodeURIComponent(target)}`);
    expect(await page.locator('starlight-toc a[aria-current="true"]').count()).toBe(1);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('phone: the summary names the current section, and the menu closes on a link and on Escape', async () => {
    const { page, problems } = await openPage(phone, PAGE);
    const toc = page.locator('mobile-starlight-toc');
    const ids = await toc.locator('a').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    const id = ids[Math.floor(ids.length / 2)]!;
    // Below the header (64 px) and the summary bar: 160 px is inside the section.
    await scrollHeadingTo(page, id, 140);
    const headingText = (await page.locator(`[id="${id}"]`).innerText()).trim();
    await expect.poll(() => toc.locator('.display-current').innerText(), { timeout: 5_000 }).toBe(headingText);
    await expect.poll(() => currentHref(page, 'mobile-starlight-toc')).toBe(`#${encodeURIComponent(id)}`);
    // Open, Escape closes and focus returns to the summary.
    await toc.locator('summary').click();
    expect(await toc.locator('details').getAttribute('open')).not.toBeNull();
    await toc.locator('a').first().focus();
    await page.keyboard.press('Escape');
    expect(await toc.locator('details').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    // Open, follow a link: closed, and that section is current.
    await toc.locator('summary').click();
    const other = ids[2]!;
    await toc.locator(`a[href="#${encodeURIComponent(other)}"]`).click();
    expect(await toc.locator('details').getAttribute('open')).toBeNull();
    await expect.poll(() => currentHref(page, 'mobile-starlight-toc'), { timeout: 5_000 }).toBe(`#${encodeURIComponent(other)}`);
    expect(problems()).toEqual([]);
    await page.close();
  });
});
