/**
 * Widget charts a reader can read: every text of every widget chart (axis ticks and titles, mark labels,
 * lane names) renders at 11 CSS px or more at 360, 390 and 1280 px — measured in Chromium as the
 * computed font size times the scale the SVG applies (its screen CTM: a viewBox shrunk to a phone
 * column would scale it down) — and stays inside the widget. Server-rendered charts count (before any
 * run), and so do charts a run redrew. The pricing chart, at an input that pushes durations past the
 * 15-minute limit, says which points are missing and why, and formats money like the bill above it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, openPage } from './harness.ts';

const WIDTHS = [360, 390, 1280] as const;
const MIN_PX = 11;
const WIDGET_PAGES = ['/lambda/pricing/', '/lambda/concurrency/', '/lambda/cold-starts/', '/lambda/versions-and-aliases/', '/lambda/event-sources/'];

/** Every visible chart text in widgets: its rendered font size (px) and whether it sits inside its widget. */
function chartTexts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('.ll-widget svg text')]
      .filter((t) => t.getClientRects().length > 0 && t.textContent!.trim() !== '')
      .map((t) => {
        const m = t.getScreenCTM()!;
        const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        const r = t.getBoundingClientRect();
        const w = t.closest('.ll-widget')!.getBoundingClientRect();
        return { text: t.textContent!, px: Math.round(px * 100) / 100, inside: r.left >= w.left - 0.5 && r.right <= w.right + 0.5 };
      }),
  );
}

describeBrowser('widget charts: text at least 11 CSS px at phone and desktop widths', () => {
  const browsers = new Map<number, BrowserContext & { dispose(): Promise<void> }>();
  beforeAll(async () => {
    for (const w of WIDTHS) browsers.set(w, await launchBrowser({ viewport: { width: w, height: 900 } }));
  });
  afterAll(async () => {
    for (const b of browsers.values()) await b.dispose();
  });

  for (const width of WIDTHS) {
    it(`every chart text in every widget at ${width} px`, async () => {
      const small: string[] = [];
      const outside: string[] = [];
      let counted = 0;
      for (const p of WIDGET_PAGES) {
        const { page } = await openPage(browsers.get(width)!, p);
        const texts = await chartTexts(page);
        counted += texts.length;
        for (const t of texts) {
          if (t.px < MIN_PX) small.push(`${p} "${t.text}" ${t.px}px`);
          if (!t.inside) outside.push(`${p} "${t.text}"`);
        }
        await page.close();
      }
      console.log(`[charts] ${width}px: ${counted} chart texts measured`);
      expect(counted).toBeGreaterThan(50);
      expect(small).toEqual([]);
      expect(outside).toEqual([]);
    }, 120_000);
  }

  it('loading a page animates nothing: a chart fades only once its widget is hydrated', async () => {
    // The fade is a main-thread animation (opacity on SVG paths); on a server-rendered chart it would
    // run during the page load, offscreen or not, for a result nobody asked to redraw.
    let unhydrated = 0;
    const running: string[] = [];
    for (const p of WIDGET_PAGES) {
      const { page } = await openPage(browsers.get(1280)!, p);
      const r = await page.evaluate(() => {
        const paths = [...document.querySelectorAll('.ll-widget:not([data-hydrated]) .ll-series path')];
        return {
          paths: paths.length,
          animated: paths.filter((el) => getComputedStyle(el).animationName !== 'none').length,
          running: document.getAnimations().filter((a) => (a.effect as KeyframeEffect | null)?.target?.closest('.ll-widget:not([data-hydrated])')).length,
        };
      });
      unhydrated += r.paths;
      if (r.animated || r.running) running.push(`${p}: ${r.animated} paths with an animation, ${r.running} running`);
      await page.close();
    }
    expect(unhydrated).toBeGreaterThan(0); // at least one widget was below the fold, not yet hydrated
    expect(running).toEqual([]);
  }, 60_000);

  it('pricing: points past the 15-minute limit are explained, and axis money is grouped like the bill', async () => {
    // 100% CPU-bound at 10,240 MB and 6 threads for 600,000 ms: at 128 MB the same work takes far over 15 minutes.
    const { page } = await openPage(browsers.get(390)!, '/lambda/pricing/?price.mem=10240&price.dur=600000&price.cpu=100&price.thr=6&price.req=100000000');
    await page.evaluate(() => (document.querySelector('ll-pricing-calculator') as HTMLElement & { hydrate(): void }).hydrate());
    const caption = page.locator('ll-pricing-calculator #price-chart-summary');
    await expect.poll(() => caption.textContent()).toMatch(/No point at 128 MB, .*: the assumed duration there is beyond Lambda's 15-minute limit \(900,000 ms\)\./);
    const ticks = await page.locator('ll-pricing-calculator .ll-chart-svg .ll-axis text[text-anchor="end"]').allTextContents();
    expect(ticks.some((t) => /^\$\d{1,3}(,\d{3})+$/.test(t)), ticks.join(' | ')).toBe(true);
    expect(ticks.every((t) => !/\d{4}/.test(t)), ticks.join(' | ')).toBe(true);
    await page.close();
  });
});
