/**
 * Code blocks far below the fold are not rendered during the load (src/styles/quality.css,
 * `content-visibility: auto`), and that changes nothing a reader can see. On every page, at 360 and
 * 1280 px:
 * - every block of the text sits where it sits with the rule switched off, once the reader has scrolled
 *   past it (no margin stops collapsing, no remembered size goes stale);
 * - nothing inside a contained block is drawn outside the room its paint containment leaves (the box
 *   plus overflow-clip-margin), so no focus ring or shadow is cut off. Without the margin, the focus
 *   ring of a focused code block was.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BLOCK_CONTAINMENT_OFF, builtPages, describeBrowser, launchBrowser, openPage, scrollThrough } from './harness.ts';

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
