/**
 * Diagrams as a reader sees them, on every page that has one, at a desktop and two phone widths,
 * in both themes: every label is drawn at 11 CSS px or more (never a shrunken picture), every label
 * sits inside its box, no diagram makes the page scroll sideways, a diagram wider than its column
 * scrolls in its own keyboard-focusable, named container with a visible focus ring, and a diagram
 * that fits is not blown up past its natural size.
 *
 * Rendered size = computed font-size × the SVG's screen scale (getScreenCTM). Fit compares the
 * text's bounding box with its box's in SVG units, so it measures the glyphs of the font the
 * browser actually used. The smallest label size per width is printed.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';

const dist = process.env.LL_DIST || 'dist';
const hasDiagram = (p: string) => fs.readFileSync(`${dist}${p}index.html`, 'utf8').includes('class="ll-diagram');
const diagramPages = builtPages().filter(hasDiagram);
const plainPage = builtPages().find((p) => !hasDiagram(p));
const WIDTHS = [1280, 390, 360] as const;
const THEMES = ['light', 'dark'] as const;
const MIN_PX = 11;
/** A text box may overhang its shape by this much (SVG px): anti-aliasing, not a spill. */
const FIT_TOLERANCE = 1;

interface LabelReport {
  text: string;
  px: number;
  /** How far the text's box overhangs its shape on its worst side (SVG px), or null when it has none. */
  overhang: number | null;
}
interface DiagramReport {
  name: string;
  labels: LabelReport[];
  /** Rendered width / natural (viewBox) width. */
  scale: number;
  scrolls: boolean;
  container: { tabIndex: number; role: string | null; label: string; focused: boolean; outline: string } | null;
}

/** Every diagram on the page, measured in the browser. */
async function measure(page: Page): Promise<{ diagrams: DiagramReport[]; pageOverflow: number }> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    // The shape a label belongs to: the smallest shape in its group whose box holds the label's anchor.
    const shapeFor = (t: SVGTextElement): SVGGraphicsElement | null => {
      const g = t.closest('g.node, g.edge-label, g.subgraph, g.actor, g.note, g.block, g.group');
      if (!g) return null;
      const tb = t.getBBox();
      const cx = tb.x + tb.width / 2;
      const cy = tb.y + tb.height / 2;
      let best: SVGGraphicsElement | null = null;
      let bestArea = Infinity;
      for (const s of g.querySelectorAll<SVGGraphicsElement>('rect, polygon, path, circle, ellipse')) {
        const b = s.getBBox();
        const inside = cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
        if (inside && b.width * b.height < bestArea && b.width > 0 && b.height > 0) {
          best = s;
          bestArea = b.width * b.height;
        }
      }
      return best;
    };
    const diagrams = [...document.querySelectorAll<HTMLElement>('figure.ll-diagram')].map((fig) => {
      const svg = fig.querySelector<SVGSVGElement>('svg')!;
      const name = document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '(unnamed)';
      const ctm = svg.getScreenCTM()!;
      const screenScale = Math.hypot(ctm.a, ctm.b);
      const labels = [...svg.querySelectorAll<SVGTextElement>('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const px = parseFloat(getComputedStyle(t).fontSize) * screenScale;
          const shape = shapeFor(t);
          let overhang: number | null = null;
          if (shape) {
            const tb = t.getBBox();
            const sb = shape.getBBox();
            overhang = Math.max(sb.x - tb.x, tb.x + tb.width - (sb.x + sb.width), sb.y - tb.y, tb.y + tb.height - (sb.y + sb.height));
          }
          return { text: t.textContent!.trim(), px, overhang };
        });
      const viewBox = svg.viewBox.baseVal;
      const scale = svg.getBoundingClientRect().width / viewBox.width;
      // The nearest ancestor inside the figure that clips sideways is the scroll container.
      let box: HTMLElement | null = svg.parentElement;
      while (box && box !== fig.parentElement && !/auto|scroll/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      const scrolls = !!box && box.scrollWidth > box.clientWidth + 1;
      let container: DiagramReport['container'] = null;
      if (box && box !== fig.parentElement) {
        box.focus({ focusVisible: true } as FocusOptions);
        const focused = document.activeElement === box;
        const cs = getComputedStyle(box);
        container = {
          tabIndex: box.tabIndex,
          role: box.getAttribute('role'),
          label: box.getAttribute('aria-label') ?? '',
          focused,
          outline: focused ? `${cs.outlineStyle} ${cs.outlineWidth}` : '',
        };
        box.blur();
      }
      return { name, labels, scale, scrolls, container };
    });
    // What makes the page wider than the window: the diagrams' own boxes (their contents may be
    // wider, inside the scroll box). Other content (widget tables) is checked by its own tests.
    const viewport = document.documentElement.clientWidth;
    const sticksOut = [...document.querySelectorAll('figure.ll-diagram, figure.ll-diagram > *, .ll-diagram__scroll')]
      .map((e) => e.getBoundingClientRect().right - viewport)
      .filter((over) => over > 0.5);
    return { diagrams, pageOverflow: sticksOut.length ? Math.max(...sticksOut) : 0 };
  });
}

describeBrowser('diagrams a reader can read', () => {
  const smallest: Record<number, { px: number; text: string; where: string }> = {};

  it('there are diagram pages to check', () => {
    expect(diagramPages.length).toBeGreaterThanOrEqual(5);
  });

  it('the font the boxes were measured for comes from the site, as woff2, preloaded, and only where a diagram is', async () => {
    const browser = await launchBrowser();
    const fontsOf = async (path: string) => {
      const { page, requests, problems } = await openPage(browser, path);
      await page.waitForLoadState('networkidle');
      const seen = await page.evaluate(async () => {
        await document.fonts.ready;
        const drawn = [...new Set([...document.querySelectorAll('.ll-diagram text')].map((t) => Number(getComputedStyle(t).fontWeight)))].sort();
        const loaded = [...document.fonts].filter((f) => f.family.includes('Lambda Lab Inter') && f.status === 'loaded').map((f) => Number(f.weight)).sort();
        const preloads = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => ({
          href: l.href,
          crossOrigin: l.crossOrigin,
          beforeCss: !!(l.compareDocumentPosition(document.querySelector('link[rel="stylesheet"]')!) & Node.DOCUMENT_POSITION_FOLLOWING),
        }));
        return { drawn, loaded, preloads };
      });
      const fonts = requests().filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u));
      expect(problems()).toEqual([]);
      await page.close();
      return { ...seen, fonts };
    };
    const fontUrl = new RegExp(`^${new URL(baseUrl()).origin}/_astro/inter-diagram-(400|500|600)\\.[\\w-]+\\.woff2$`);
    for (const path of diagramPages) {
      const f = await fontsOf(path);
      expect(f.drawn.length, path).toBeGreaterThan(0);
      // Every weight the diagrams draw with is loaded, and no other.
      expect(f.loaded, path).toEqual(f.drawn);
      // Each is preloaded (with crossorigin, before the stylesheets) and fetched once: the preload is the request the font uses.
      expect(f.preloads.map((p) => Number(fontUrl.exec(p.href)?.[1])).sort(), path).toEqual(f.drawn);
      for (const p of f.preloads) expect(p, path).toMatchObject({ crossOrigin: 'anonymous', beforeCss: true });
      expect(f.fonts.slice().sort(), path).toEqual(f.preloads.map((p) => p.href).sort());
    }
    expect(plainPage).toBeTruthy();
    const plain = await fontsOf(plainPage!);
    expect(plain.fonts).toEqual([]);
    expect(plain.preloads).toEqual([]);
    await browser.dispose();
  });

  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      describeBrowser(`${width} px, ${theme} theme`, () => {
        let browser: Awaited<ReturnType<typeof launchBrowser>>;
        beforeAll(async () => {
          browser = await launchBrowser({ viewport: { width, height: 900 }, colorScheme: theme });
        });
        afterAll(async () => {
          await browser?.dispose();
        });

        for (const path of diagramPages) {
          it(`${path}: labels ≥ ${MIN_PX} px and inside their boxes, no sideways page scroll from a diagram`, async () => {
            const { page, problems } = await openPage(browser, path);
            await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
            const { diagrams, pageOverflow } = await measure(page);
            for (const d of diagrams) {
              for (const l of d.labels) {
                if (!smallest[width] || l.px < smallest[width].px) smallest[width] = { px: l.px, text: l.text, where: `${path} ${d.name}` };
              }
            }
            expect(diagrams.length).toBeGreaterThan(0);
            // Every failure of every diagram on the page at once, so one run shows the whole picture.
            const failures: string[] = [];
            if (pageOverflow > 0) failures.push(`a diagram makes the page scroll sideways by ${pageOverflow.toFixed(0)} px`);
            for (const d of diagrams) {
              if (d.labels.length === 0) failures.push(`${d.name}: no labels`);
              for (const l of d.labels) {
                if (l.px < MIN_PX - 0.01) failures.push(`${d.name}: "${l.text}" drawn at ${l.px.toFixed(1)} px`);
                if (l.overhang !== null && l.overhang > FIT_TOLERANCE) failures.push(`${d.name}: "${l.text}" spills ${l.overhang.toFixed(1)} px out of its box`);
              }
              if (d.scale > 1.001) failures.push(`${d.name}: drawn at ${d.scale.toFixed(2)}× its natural size`);
              if (d.scrolls) {
                const c = d.container;
                if (!c) failures.push(`${d.name}: scrolls with no container`);
                else {
                  if (c.tabIndex !== 0) failures.push(`${d.name}: scroll container not in the tab order`);
                  if (!c.focused) failures.push(`${d.name}: scroll container cannot take focus`);
                  if (!c.role) failures.push(`${d.name}: scroll container has no role`);
                  if (!c.label.includes(d.name)) failures.push(`${d.name}: scroll container not named after the diagram ("${c.label}")`);
                  if (!/^(solid|auto|dashed|dotted|double) ([2-9]|\d\d)/.test(c.outline)) failures.push(`${d.name}: no visible focus ring ("${c.outline}")`);
                }
              }
            }
            expect(failures).toEqual([]);
            expect(problems()).toEqual([]);
            await page.close();
          });
        }
      });
    }
  }

  afterAll(() => {
    const rows = Object.entries(smallest).map(([w, s]) => `  ${w} px: ${s.px.toFixed(2)} px  "${s.text}"  (${s.where})`);
    console.log(`Smallest diagram label per width:\n${rows.join('\n')}`);
  });
});
