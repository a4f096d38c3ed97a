/**
 * No page scrolls sideways on a phone: every built page at 360 and 390 CSS px wide, with every widget
 * hydrated and its `<details>` (data tables, optional sections) opened, and the widget pages again with
 * extreme states from the URL (the largest numbers the inputs accept make the longest table cells and
 * labels). Wide tables must scroll inside their own box (html.ts `scrollBox`), never widen the page.
 * On failure the message names the elements that stick out past the viewport.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BLOCK_CONTAINMENT_OFF, builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';

const WIDTHS = [360, 390] as const;

/** Extreme but accepted states, one link per widget page (runs stay small enough for a test). */
const EXTREME: Record<string, string> = {
  '/lambda/pricing/':
    '?price.mem=10240&price.req=10000000000000&price.dur=899999.5&price.eph=10240&price.free=0&price.pc=1000000&price.pch=744&price.pcr=10000000000000&price.pcd=900000&price.cs=10000000000000&price.init=900000&price.pkg=image&price.cpu=100&price.thr=6',
  '/lambda/concurrency/':
    '?conc.shape=steady&conc.rate=50000&conc.win=100&conc.dur=60000&conc.acct=100000&conc.res_on=1&conc.res=99900&conc.pc=99900&conc.seed=4294967295' +
    '&pcp.peak=0.01&pcp.trough=0&pcp.mem=10240&pcp.pc=900&pcp.dur=10000&pcp.seed=4294967295',
  '/lambda/cold-starts/': '?cold.shape=steady&cold.rate=50&cold.win=300&cold.dur=10000&cold.idle=3600&cold.pc=50&cold.setup=5000&cold.seed=4294967295',
  '/lambda/event-sources/': '?qs.backlog=1000000&qs.acct=1000000&qs.mode=provisioned&qs.minp=200&qs.maxp=2000&qs.dur=900000&qs.mrc=1000&qs.vis=43200&qs.time=604800&qs.seed=4294967295',
  '/lambda/versions-and-aliases/': '?canary.w=50&canary.rate=166&canary.win=600&canary.durA=10000&canary.durB=10000&canary.errA=100&canary.errB=99.9&canary.idle=3600&canary.seed=4294967295',
};

/** Hydrates every widget, waits until none is busy, and opens every `<details>` inside widgets. */
async function settleWidgets(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const w of document.querySelectorAll<HTMLElement & { hydrate?: () => void }>('.ll-widget')) w.hydrate?.();
  });
  await page.waitForFunction(() => [...document.querySelectorAll('.ll-widget')].every((w) => w.hasAttribute('data-hydrated') && !w.hasAttribute('data-busy')), null, { timeout: 60_000 });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('.ll-widget details')) d.open = true;
  });
}

/**
 * The page's sideways overflow in px (0 when none), and the outermost elements past the right edge.
 * Block containment is switched off first: it would clip a too-wide element instead of letting it
 * widen the page, and a clipped element is as much a failure as a page that scrolls sideways.
 */
async function overflow(page: Page) {
  await page.addStyleTag({ content: BLOCK_CONTAINMENT_OFF });
  return page.evaluate(() => {
    const root = document.documentElement;
    const vw = root.clientWidth;
    const over: string[] = [];
    const listed = new Set<Element>();
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5) continue;
      // Skip descendants of an element already listed or of a box that scrolls on its own.
      let p = el.parentElement;
      let inside = false;
      while (p && !inside) {
        const cs = getComputedStyle(p);
        inside = listed.has(p) || ['auto', 'scroll', 'hidden', 'clip'].includes(cs.overflowX);
        p = p.parentElement;
      }
      if (inside) continue;
      listed.add(el);
      over.push(`${el.localName}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(r.right)}`);
    }
    return { excess: root.scrollWidth - vw, over: over.slice(0, 8) };
  });
}

describeBrowser('no page scrolls sideways on a phone', () => {
  const browsers = new Map<number, BrowserContext & { dispose(): Promise<void> }>();
  beforeAll(async () => {
    for (const w of WIDTHS) browsers.set(w, await launchBrowser({ viewport: { width: w, height: 800 } }));
  });
  afterAll(async () => {
    for (const b of browsers.values()) await b.dispose();
  });

  const pages = builtPages();

  it('the pages exist, and every widget page has an extreme state to try', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const p of Object.keys(EXTREME)) expect(pages, p).toContain(p);
  });

  for (const width of WIDTHS) {
    it(`every page at ${width} px, widgets hydrated and their tables opened`, async () => {
      const bad: string[] = [];
      for (const p of pages) {
        const { page } = await openPage(browsers.get(width)!, p);
        await settleWidgets(page);
        const o = await overflow(page);
        if (o.excess > 0) bad.push(`${p}: ${o.excess}px wider than the screen: ${o.over.join(', ')}`);
        await page.close();
      }
      expect(bad).toEqual([]);
    }, 300_000);

    it(`widget pages at ${width} px with extreme states from the URL`, async () => {
      const bad: string[] = [];
      for (const [p, search] of Object.entries(EXTREME)) {
        const { page } = await openPage(browsers.get(width)!, `${p}${search}`);
        await settleWidgets(page);
        const o = await overflow(page);
        if (o.excess > 0) bad.push(`${p}${search}: ${o.excess}px wider than the screen: ${o.over.join(', ')}`);
        await page.close();
      }
      expect(bad).toEqual([]);
    }, 300_000);
  }
});
