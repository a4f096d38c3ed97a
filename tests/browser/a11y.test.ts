/**
 * Accessibility: axe-core over every built page (404 included), in both Starlight themes, with
 * zero violations — including those coming from Starlight's own components — plus a keyboard
 * walk-through of every widget on every page: each of its controls is reached with Tab, in order,
 * and shows a visible focus indicator.
 *
 * The theme is chosen the way a reader chooses it: Starlight's theme picker stores it in
 * localStorage['starlight-theme'], and its inline head script applies it before first paint.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser } from './harness.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dist = process.env.LL_DIST || 'dist';
const pages = [...builtPages(), '/404.html'];
const html = (p: string) => fs.readFileSync(p === '/404.html' ? `${dist}/404.html` : `${dist}${p}index.html`, 'utf8');
const WIDGET = '.ll-widget, [data-widget]';
const widgetPages = builtPages().filter((p) => /class="ll-widget[ "]|data-widget=/.test(html(p)));

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe rules whose outcome can depend on the theme's colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function axe(page: Page, only?: string[]): Promise<AxeResult[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (rules) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } };
    // target-size (WCAG 2.2) is off in axe by default; Lighthouse turns it on, and so does this check.
    const r = await w.axe.run(
      document,
      rules ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } },
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, only);
}

describeBrowser('accessibility', () => {
  let ctx: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    ctx = await launchBrowser({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await ctx?.dispose();
  });

  // Each theme in its own browser profile (localStorage is per profile). The themes differ only in
  // CSS custom properties (colours), so the light pass runs every axe rule and the dark pass the
  // rules that depend on colour; the page markup is byte-for-byte the same in both.
  for (const theme of ['light', 'dark'] as const) {
    it(`axe finds no violation on any page in the ${theme} theme`, async () => {
      const own = await launchBrowser({ reducedMotion: 'reduce', colorScheme: theme });
      const page = await own.newPage();
      await page.goto(new URL('/', baseUrl()).href);
      await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
      const found: string[] = [];
      for (const p of pages) {
        await page.goto(new URL(p, baseUrl()).href, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.dataset.theme), p).toBe(theme);
        for (const v of await axe(page, theme === 'dark' ? COLOUR_RULES : undefined)) {
          for (const n of v.nodes) found.push(`${p} [${theme}] ${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
        }
      }
      await own.dispose();
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('axe finds no violation on any page at a phone width (390 px: mobile menu, search button, tables)', async () => {
    const own = await launchBrowser({ reducedMotion: 'reduce', viewport: { width: 390, height: 844 } });
    const page = await own.newPage();
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(new URL(p, baseUrl()).href, { waitUntil: 'load' });
      for (const v of await axe(page)) for (const n of v.nodes) found.push(`${p} [390px] ${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`);
    }
    // Below Starlight's md breakpoint the search button shows only its icon; its name must survive.
    expect(await page.getByRole('button', { name: 'Search', exact: true }).count()).toBe(1);
    await own.dispose();
    expect(found).toEqual([]);
  }, 120_000);

  it('every widget can be walked with the keyboard: each control is reached by Tab, in order, with a visible focus ring', async () => {
    expect(widgetPages.length, 'no page has a widget').toBeGreaterThan(0);
    const page = await ctx.newPage();
    const problems: string[] = [];
    let widgets = 0;
    for (const p of widgetPages) {
      await page.goto(new URL(p, baseUrl()).href, { waitUntil: 'load' });
      const count = await page.locator(WIDGET).count();
      for (let i = 0; i < count; i++) {
        widgets++;
        const widget = page.locator(WIDGET).nth(i);
        await widget.scrollIntoViewIfNeeded();
        await page.waitForTimeout(50); // widgets hydrate when visible
        // The controls a keyboard user must be able to reach, in document order.
        const controls = await widget.evaluate((root) => {
          const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
          // Reachable: enabled, not tabindex=-1, rendered (checkVisibility is false inside a closed <details>).
          const els = [...root.querySelectorAll<HTMLElement>(sel)].filter(
            (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }),
          );
          // A radio group is one Tab stop (arrow keys move inside it): all its radios share one index.
          const groups = new Map<string, number>();
          let k = 0;
          for (const el of els) {
            const group = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? el.name : '';
            if (group && groups.has(group)) {
              el.dataset.llKbd = String(groups.get(group));
              continue;
            }
            if (group) groups.set(group, k);
            el.dataset.llKbd = String(k++);
          }
          return k;
        });
        // Start just before the widget and Tab through it.
        await widget.evaluate((root) => {
          const before = document.createElement('button');
          before.textContent = 'before';
          before.id = 'll-kbd-start';
          root.before(before);
          before.focus();
        });
        const reached: number[] = [];
        for (let k = 0; k < controls + 1; k++) {
          await page.keyboard.press('Tab');
          const state = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el.dataset.llKbd === undefined) return null;
            const cs = getComputedStyle(el);
            const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow && cs.boxShadow !== 'none');
            return { k: Number(el.dataset.llKbd), ring, name: el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') };
          });
          if (!state) break;
          reached.push(state.k);
          if (!state.ring) problems.push(`${p} widget ${i}: ${state.name} has no visible focus indicator`);
        }
        const expected = Array.from({ length: controls }, (_, k) => k);
        if (JSON.stringify(reached) !== JSON.stringify(expected)) problems.push(`${p} widget ${i}: Tab reached controls ${JSON.stringify(reached)}, expected ${JSON.stringify(expected)}`);
        await page.evaluate(() => document.getElementById('ll-kbd-start')?.remove());
      }
    }
    expect(widgets).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
