/**
 * Blocks of a page's text far below the fold are not rendered during the load (src/styles/quality.css,
 * `content-visibility: auto`), and that changes nothing a reader can see:
 * - on the densest page, the widget, the runnable example and the last diagram are skipped after the
 *   load on a phone, and render once scrolled to;
 * - on every page, at 360 and 1280 px, every block sits where it sits with the rule switched off (no
 *   margin stops collapsing, no remembered size goes stale), once the reader has scrolled past it;
 * - a skipped block's estimated height is never less than its real one (a tool that measures inside it,
 *   like axe's target-size check in Lighthouse, lays its content out in place, and content taller than
 *   the box would overlap the next block's links), and a page's height from the estimates is at most 50%
 *   over its real height (the scrollbar, and where a jump far down lands);
 * - nothing inside a block is drawn outside the room its paint containment leaves (the block's box plus
 *   overflow-clip-margin), so no focus ring, shadow or wide table is cut off.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BLOCK_CONTAINMENT_OFF, builtPages, describeBrowser, launchBrowser, openPage, scrollThrough } from './harness.ts';

/** How much taller than its real height a page may be from its blocks' estimated heights (quality.css). */
const MAX_HEIGHT_OVER = 0.5;

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Each content block's top and height, relative to the content's top (px, rounded to 0.5). */
function blockGeometry(page: Page) {
  return page.evaluate(() => {
    const content = document.querySelector('.sl-markdown-content')!;
    const top0 = content.getBoundingClientRect().top;
    const r2 = (v: number) => Math.round(v * 2) / 2;
    // Blocks that draw nothing (scripts, styles) have no position to compare.
    return [...content.children].filter((b) => getComputedStyle(b).display !== 'none').map((b, i) => {
      const r = b.getBoundingClientRect();
      return `${i} ${b.localName}${b.className ? `.${String(b.className).split(' ')[0]}` : ''} top ${r2(r.top - top0)} height ${r2(r.height)}`;
    });
  });
}

/**
 * Each block's height (px, rounded) by index among the content's children, and its name; with
 * `skippedOnly`, only the blocks whose contents are skipped right now (so their height is the estimate).
 */
function blockHeights(page: Page, skippedOnly: true): Promise<Record<string, number>>;
function blockHeights(page: Page): Promise<number[] & { names: string[] }>;
async function blockHeights(page: Page, skippedOnly = false) {
  const r = await page.evaluate((only) => {
    const kids = [...document.querySelector('.sl-markdown-content')!.children];
    const h: Record<string, number> = {};
    kids.forEach((b, i) => {
      const skipped = getComputedStyle(b).contentVisibility === 'auto' && !!b.firstElementChild && !b.firstElementChild.checkVisibility({ contentVisibilityAuto: true });
      if (!only || skipped) h[i] = Math.round(b.getBoundingClientRect().height);
    });
    return { h, names: kids.map((b) => `${b.localName}${b.className ? `.${String(b.className).split(' ')[0]}` : ''}`) };
  }, skippedOnly);
  if (skippedOnly) return r.h;
  return Object.assign(kids(r.h), { names: r.names });
}
const kids = (h: Record<string, number>) => Object.keys(h).map((k) => h[k]!);

/**
 * Elements drawn outside their block's clip: their box, plus 4 px for a focus ring (2 px outline, 2 px
 * offset) on anything focusable, must lie within the block's box plus its overflow-clip-margin. Elements
 * inside a box that scrolls or clips on its own (the block itself included: a wide table) are
 * judged by that box, not here.
 */
function clipped(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const blocks = document.querySelectorAll<HTMLElement>('.sl-markdown-content > *');
    for (const b of blocks) {
      const cs = getComputedStyle(b);
      if (cs.contentVisibility !== 'auto') continue;
      // The room left around the box: overflow-clip-margin as computed ("8px"; "0px" when unset).
      const margin = parseFloat(cs.overflowClipMargin) || 0;
      const br = b.getBoundingClientRect();
      for (const el of b.querySelectorAll<HTMLElement>('*')) {
        const r = el.getBoundingClientRect();
        // Not drawn: empty, or inside a closed <details> (its content is content-visibility: hidden).
        if ((r.width === 0 && r.height === 0) || !el.checkVisibility()) continue;
        let p = el.parentElement;
        let own = false;
        for (; p && !own; p = p === b ? null : p.parentElement) {
          own = getComputedStyle(p).overflowX !== 'visible' || getComputedStyle(p).overflowY !== 'visible';
        }
        if (own) continue;
        const ring = el.matches('a[href], button, input, select, textarea, summary, [tabindex]') ? 4 : 0;
        const over = Math.max(br.left - (r.left - ring), r.right + ring - br.right, br.top - (r.top - ring), r.bottom + ring - br.bottom);
        if (over > margin + 0.5) out.push(`${b.localName}.${String(b.className).split(' ')[0]} > ${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}: ${Math.round(over)} px out`);
      }
    }
    return out.slice(0, 10);
  });
}

describeBrowser('blocks below the fold are rendered when they come near, and nothing moves or is cut off', () => {
  let phone: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    // Lighthouse's phone: the audit this work is for (README "Quality").
    phone = await launchBrowser({ viewport: { width: 412, height: 823 } });
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it('the densest page leaves its widget, runnable example and last diagram unrendered until the reader gets there', async () => {
    const { page } = await openPage(phone, '/lambda/event-sources/');
    await frames(page);
    const rendered = (sel: string) => page.evaluate((s) => document.querySelector(s)!.checkVisibility({ contentVisibilityAuto: true }), sel);
    const far = ['.ll-widget fieldset', 'runnable-example .expressive-code', '.ll-diagram:last-of-type svg'];
    for (const sel of far) expect(await rendered(sel), `${sel} rendered during the load`).toBe(false);
    expect(await rendered('.sl-markdown-content > p'), 'the first paragraph').toBe(true);
    // Most blocks wait: count the blocks whose contents were skipped.
    const skipped = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.sl-markdown-content > *')].filter((b) => b.firstElementChild && getComputedStyle(b).contentVisibility === 'auto');
      return { all: blocks.length, skipped: blocks.filter((b) => !b.firstElementChild!.checkVisibility({ contentVisibilityAuto: true })).length };
    });
    expect(skipped.skipped, `${skipped.skipped} of ${skipped.all} blocks skipped`).toBeGreaterThan(skipped.all * 0.6);
    for (const sel of far) {
      await page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'center', behavior: 'instant' }), sel);
      await frames(page);
      expect(await rendered(sel), `${sel} once scrolled to`).toBe(true);
    }
    await page.close();
  });

  it('a link to a section far down lands on its heading, which stays put while the blocks around it render', async () => {
    const id = 'what-each-preset-shows-and-the-rules-behind-it'; // after the widget, near the end
    const { page } = await openPage(phone, `/lambda/event-sources/#${id}`);
    const top = () => page.evaluate((i) => Math.round(document.getElementById(i)!.getBoundingClientRect().top), id);
    await frames(page);
    const first = await top();
    await page.waitForTimeout(1_000);
    await frames(page);
    const later = await top();
    // Under the header and the "On this page" bar (scroll-padding-top), on the first screen.
    expect(first, 'heading top after the jump').toBeGreaterThan(0);
    expect(first, 'heading top after the jump').toBeLessThan(250);
    expect(Math.abs(later - first), `heading moved from ${first} to ${later} px`).toBeLessThanOrEqual(1);
    await page.close();
  });

  for (const width of [360, 1280]) {
    it(`every page at ${width} px: each block where it is without the rule, and nothing cut off`, async () => {
      const ctx = await launchBrowser({ viewport: { width, height: 800 } });
      const moved: string[] = [];
      const cut: string[] = [];
      const off_by: string[] = [];
      const under: string[] = [];
      const heights: string[] = [];
      try {
        for (const p of builtPages()) {
          const { page } = await openPage(ctx, p);
          const off = await page.addStyleTag({ content: BLOCK_CONTAINMENT_OFF });
          await page.evaluate(() => document.fonts.ready);
          const before = await blockGeometry(page);
          const height = () => page.evaluate(() => document.documentElement.scrollHeight);
          const real = await height();
          const realBlocks = await blockHeights(page);
          await off.evaluate((s) => (s as Element).remove());
          await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
          await frames(page);
          // Nothing below the first screens is rendered yet: skipped blocks have their estimated height.
          const estimated = await height();
          heights.push(`${p} ${Math.round((estimated / real - 1) * 100)}%`);
          if (estimated / real - 1 > MAX_HEIGHT_OVER) off_by.push(`${p}: ${estimated} px estimated, ${real} px real`);
          for (const [i, est] of Object.entries(await blockHeights(page, true))) {
            if (est < realBlocks[Number(i)]! - 1) under.push(`${p}: block ${i} (${realBlocks.names[Number(i)]}) estimated ${est} px, ${realBlocks[Number(i)]} px real`);
          }
          await scrollThrough(page);
          const after = await blockGeometry(page);
          const diff = after.map((a, i) => (a === before[i] ? '' : `${a} (was ${before[i]?.replace(/^\d+ \S+ /, '')})`)).filter(Boolean);
          if (diff.length) moved.push(`${p}: ${diff.slice(0, 3).join('; ')}`);
          for (const c of await clipped(page)) cut.push(`${p}: ${c}`);
          await page.close();
        }
      } finally {
        await ctx.dispose();
      }
      console.log(`[offscreen] ${width} px, page height from the estimates vs real: ${heights.join(', ')}`);
      expect(moved).toEqual([]);
      expect(cut).toEqual([]);
      expect(under).toEqual([]);
      expect(off_by).toEqual([]);
    }, 300_000);
  }
});
