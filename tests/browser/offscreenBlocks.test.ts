/**
 * Code blocks far below the fold are not rendered during the load (src/styles/quality.css,
 * `content-visibility: auto`), and that changes nothing a reader can see. On every page, at 360 and
 * 1280 px:
 * - every block of the text sits where it sits with the rule switched off, once the reader has scrolled
 *   past it (no margin stops collapsing, no remembered size goes stale);
 * - nothing inside a contained block is drawn outside the room its paint containment leaves (the box
 *   plus overflow-clip-margin), so no focus ring or shadow is cut off. Without the margin, the focus
 *   ring of a focused code block was.
 * - a block not rendered yet is as tall as it will be (its estimate is computed from its line count,
 *   src/integrations/codeSize.mjs), and a link to any heading of any page lands on that heading. With
 *   one estimate for every block, a long block above a heading grew as it rendered and 10 of 95
 *   heading links at 1280 px landed away from their heading, some with it below the screen.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, BLOCK_CONTAINMENT_OFF, builtPages, describeBrowser, launchBrowser, openPage, scrollThrough } from './harness.ts';

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
 * Elements drawn outside their block's clip: their box, plus 4 px for a focus ring (2 px outline, 2 px
 * offset) on anything focusable, must lie within the block's box plus its overflow-clip-margin. Elements
 * inside a box that scrolls or clips on its own (the block itself included: a wide table) are
 * judged by that box, not here.
 */
function clipped(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const blocks = document.querySelectorAll<HTMLElement>('.sl-markdown-content > *, .sl-markdown-content .expressive-code');
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

describeBrowser('code blocks below the fold are rendered when they come near, and nothing moves or is cut off', () => {
  for (const width of [360, 1280]) {
    it(`every page at ${width} px: each block where it is without the rule, and nothing cut off`, async () => {
      const ctx = await launchBrowser({ viewport: { width, height: 800 } });
      const moved: string[] = [];
      const cut: string[] = [];
      try {
        for (const p of builtPages()) {
          const { page } = await openPage(ctx, p);
          const off = await page.addStyleTag({ content: BLOCK_CONTAINMENT_OFF });
          await page.evaluate(() => document.fonts.ready);
          const before = await blockGeometry(page);
          await off.evaluate((s) => (s as Element).remove());
          await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
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
      expect(moved).toEqual([]);
      expect(cut).toEqual([]);
    }, 300_000);
  }
});

/** Each code block's height as laid out now (px, 2 decimals), in document order. */
const codeHeights = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.sl-markdown-content .expressive-code')].map((b) => Math.round(b.getBoundingClientRect().height * 100) / 100));

describeBrowser('a code block holds its exact place before it is rendered', () => {
  // At 360 px a long title wraps onto a second line (23.76 px) that the line count does not know of.
  for (const [width, tolerance] of [[1280, 1], [360, 24]] as const) {
    it(`every page at ${width} px: each block not rendered yet is as tall as once rendered (within ${tolerance} px)`, async () => {
      const ctx = await launchBrowser({ viewport: { width, height: 800 } });
      const off: string[] = [];
      let skipped = 0;
      try {
        for (const p of builtPages()) {
          const { page } = await openPage(ctx, p);
          await page.evaluate(() => document.fonts.ready);
          // Right after load, blocks far below the fold are skipped: laid out at their estimate.
          // (A skipped block's content reports itself hidden by content-visibility; the block itself does not.)
          skipped += await page.evaluate(
            () => [...document.querySelectorAll('.sl-markdown-content .expressive-code')].filter((b) => b.checkVisibility() && b.firstElementChild && !b.firstElementChild.checkVisibility({ contentVisibilityAuto: true })).length,
          );
          const estimated = await codeHeights(page);
          await page.addStyleTag({ content: BLOCK_CONTAINMENT_OFF });
          const real = await codeHeights(page);
          real.forEach((h, i) => {
            if (Math.abs(h - estimated[i]!) > tolerance) off.push(`${p} code block ${i + 1}: ${estimated[i]} px before rendering, ${h} px rendered`);
          });
          await page.close();
        }
      } finally {
        await ctx.dispose();
      }
      // The check means something only if blocks were skipped when measured.
      expect(skipped).toBeGreaterThan(10);
      expect(off).toEqual([]);
    }, 300_000);
  }

  it('a link to any heading of any page, opened fresh at 1280 px, lands on the heading', async () => {
    const ctx = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    const away: string[] = [];
    let links = 0;
    try {
      const page = await ctx.newPage();
      for (const p of builtPages()) {
        await page.goto(new URL(p, baseUrl()).href);
        const ids = await page.evaluate(() => [...document.querySelectorAll('.sl-markdown-content :is(h2, h3)[id]')].map((h) => h.id));
        for (const id of ids) {
          // A query string makes each a new page load (the server ignores it), as when following a link from elsewhere.
          await page.goto(new URL(`${p}?from=${links++}#${id}`, baseUrl()).href, { waitUntil: 'load' });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const at = await page.evaluate((i) => {
            const top = document.getElementById(i)!.getBoundingClientRect().top;
            const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
            const atEnd = window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1;
            return { top: Math.round(top), padding, atEnd };
          }, id);
          // The heading's top at the scroll padding (under the header), or lower when the page cannot scroll that far.
          if (at.top < at.padding - 1 || (!at.atEnd && at.top > at.padding + 1)) away.push(`${p}#${id}: heading at ${at.top} px, expected ${at.padding} px`);
        }
      }
    } finally {
      await ctx.dispose();
    }
    expect(links).toBeGreaterThan(80);
    expect(away).toEqual([]);
  }, 300_000);
});

