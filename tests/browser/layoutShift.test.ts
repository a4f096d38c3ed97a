/**
 * The desktop table of contents does not jump while a page loads. Starlight puts the contents column
 * before the text in the HTML and moves it right with `order: 2`; a frame painted before the text
 * had arrived showed it at the left edge of the text column, and it then jumped to the right (a
 * layout shift of 0.41 at 1280 × 900, in about half of the loads). That frame depends on when the
 * parser yields, so it is reproduced here on purpose: each page with a contents column is served cut
 * off right after the column (the text not parsed yet), and the column must already sit where it
 * sits on the whole page.
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser } from './harness.ts';

const dist = process.env.LL_DIST || 'dist';
/** From Starlight's lg breakpoint (72rem) up, where the column is beside the text. */
const WIDTHS = [1152, 1280, 1920] as const;
const withToc = builtPages().filter((p) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes('class="right-sidebar-container'));

/** The page's HTML up to the end of the contents column: what the parser has when the column first paints. */
function cutAfterToc(html: string): string {
  const start = html.indexOf('class="right-sidebar-container');
  const end = html.indexOf('</aside>', start);
  if (start < 0 || end < 0) throw new Error('no right-sidebar-container aside in the page');
  return html.slice(0, end + '</aside>'.length);
}

const columnBox = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('.right-sidebar')!.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), height: Math.round(r.height) };
  });

describeBrowser('the desktop contents column while the page arrives', () => {
  it('there are pages with a contents column to check', () => {
    expect(withToc.length).toBeGreaterThanOrEqual(10);
  });

  it.each(WIDTHS)('at %i px it sits in its final place before the text has arrived, on every page', async (width) => {
    const browser = await launchBrowser({ viewport: { width, height: 900 } });
    const page = await browser.newPage();
    const moved: string[] = [];
    for (const path of withToc) {
      const url = new URL(path, baseUrl()).href;
      const whole = fs.readFileSync(`${dist}${path}index.html`, 'utf8');
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cutAfterToc(whole) }));
      await page.goto(url, { waitUntil: 'load' });
      const partial = await columnBox(page);
      // The cut page really has no text yet: otherwise this would not test the early frame.
      expect(await page.locator('.main-pane').count(), path).toBe(0);
      await page.unroute(url);
      await page.goto(url, { waitUntil: 'load' });
      const full = await columnBox(page);
      if (partial.x !== full.x || partial.y !== full.y) moved.push(`${path}: x ${partial.x} → ${full.x}, y ${partial.y} → ${full.y}`);
    }
    expect(moved).toEqual([]);
    await browser.dispose();
  });
});
