/**
 * The site platform as a reader meets it: sidebar, asides and heading anchors render from
 * content/docs; diagrams are inline SVG that follow the theme with no extra JavaScript;
 * search finds pages; every page loads with no console error and no third-party request.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';

const pages = builtPages();
const dist = process.env.LL_DIST || 'dist';
const html = (p: string) => fs.readFileSync(`${dist}${p}index.html`, 'utf8');

/** A page with a flowchart and a sequence diagram, and one with no diagram and no widget. */
const diagramPage = pages.find((p) => /data-diagram-type="(flowchart|graph)"/.test(html(p)) && /data-diagram-type="sequenceDiagram"/.test(html(p)));
const plainPage = pages.find((p) => !html(p).includes('ll-diagram') && !/class="expressive-code|data-example|ll-widget|ll-quiz|<ll-|astro-island/.test(html(p)) && p !== '/');

describeBrowser('site platform in Chromium', () => {
  let browser: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it('the build has the chapter pages, a sitemap and a favicon', () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(fs.existsSync(`${dist}/sitemap-index.xml`)).toBe(true);
    expect(fs.existsSync(`${dist}/favicon.svg`)).toBe(true);
  });

  it('/lambda/ (the chapter without a page name) leads to its first page, not a 404', async () => {
    const first = await (async () => {
      const { page } = await openPage(browser, '/');
      const href = await page.locator('nav[aria-label="Main"] a[href^="/lambda/"]').first().getAttribute('href');
      await page.close();
      return href!;
    })();
    for (const address of ['/lambda/', '/lambda']) {
      const { page, problems } = await openPage(browser, address);
      await page.waitForURL((u) => u.pathname === first, { timeout: 10_000 });
      expect((await page.locator('h1').first().textContent())?.trim(), address).toBeTruthy();
      expect(await page.title()).not.toMatch(/not found|404/i);
      expect(problems()).toEqual([]);
      await page.close();
    }
    // Readable without following the refresh: a link to the first page, in a named document.
    const stub = fs.readFileSync(`${dist}/lambda/index.html`, 'utf8');
    expect(stub).toMatch(/<html lang="en"/);
    expect(stub).toContain(`<a href="${first}">`);
    expect(stub).toContain(`content="0; url=${first}"`);
  });

  it('the sidebar lists the chapter pages (content/docs is wired in)', async () => {
    const { page } = await openPage(browser, '/');
    const links = await page.locator('nav[aria-label="Main"] a[href^="/lambda/"]').count();
    expect(links).toBeGreaterThan(0);
    await page.close();
  });

  it('asides and heading anchor links render from Markdown', () => {
    expect(pages.some((p) => html(p).includes('class="starlight-aside'))).toBe(true);
    expect(pages.some((p) => html(p).includes('sl-anchor-link'))).toBe(true);
  });

  it('a page with a flowchart and a sequence diagram shows both as inline, named SVG', async () => {
    expect(diagramPage, 'no page has both a flowchart and a sequence diagram').toBeTruthy();
    const { page, problems } = await openPage(browser, diagramPage!);
    for (const type of ['flowchart|graph', 'sequenceDiagram']) {
      const svg = page.locator(`figure.ll-diagram[data-diagram-type]`).filter({ has: page.locator('svg[role="img"]') });
      expect(await svg.count()).toBeGreaterThan(0);
      const names = await page.$$eval(
        'figure.ll-diagram svg[role="img"]',
        (els, t) =>
          els
            .filter((e) => new RegExp(`^(${t})$`).test(e.closest('figure')!.getAttribute('data-diagram-type') ?? ''))
            .map((e) => document.getElementById(e.getAttribute('aria-labelledby')!)?.textContent ?? ''),
        type,
      );
      expect(names.length, type).toBeGreaterThan(0);
      for (const n of names) expect(n.length).toBeGreaterThan(3);
    }
    // The SVGs are drawn, not empty shells: each has shapes and visible text.
    const drawn = await page.$$eval('figure.ll-diagram svg[role="img"]', (els) =>
      els.map((e) => e.querySelectorAll('rect, path, polyline, line, circle').length > 0 && e.querySelectorAll('text').length > 0),
    );
    expect(drawn.every(Boolean)).toBe(true);
    expect(await page.locator('figure.ll-diagram[data-pagefind-ignore]').count()).toBe(await page.locator('figure.ll-diagram').count());
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('a diagram page loads no more JavaScript than a page without diagrams', async () => {
    expect(plainPage).toBeTruthy();
    const scripts = async (p: string) => {
      const { page, requests } = await openPage(browser, p);
      await page.waitForLoadState('networkidle');
      // Pagefind's search UI loads on idle on every page alike; its timing is not a page's cost.
      const js = [...new Set(requests().filter((u) => /\.m?js(\?|$)/.test(u)).map((u) => new URL(u).pathname))]
        .filter((p) => !p.startsWith('/pagefind/'))
        .sort();
      await page.close();
      return js;
    };
    const withDiagrams = await scripts(diagramPage!);
    const without = await scripts(plainPage!);
    // Scripts the diagram page loads beyond the plain page may only come from the other components
    // it carries (Expressive Code's copy button, a runnable example, a widget, a quiz), never from diagrams.
    const page = html(diagramPage!);
    const explained: RegExp[] = [];
    if (page.includes('class="expressive-code')) explained.push(/\/_astro\/ec\.[\w-]+\.js$/);
    if (/data-example|RunnableExample|ll-runnable/.test(page)) explained.push(/RunnableExample|stackblitz/i);
    if (/ll-widget/.test(page)) {
      // A widget's entry script (Astro names it <Component>.astro_astro_type_script…) and every chunk or worker
      // it imports: the widget's cost, which budgets.test.ts measures, not the diagrams'.
      const widgetScripts = withDiagrams.filter((s) => /\.astro_astro_type_script/.test(s) && /\/_astro\/[A-Z]/.test(s) && !/^\/_astro\/(Search|TableOfContents|MobileTableOfContents|RunnableExample|Quiz)/.test(s));
      const reach = new Set<string>();
      const walk = (rel: string) => {
        if (reach.has(rel)) return;
        reach.add(rel);
        const code = fs.readFileSync(`${dist}${rel}`, 'utf8');
        for (const m of code.matchAll(/["'`](?:\.\/|\/_astro\/)([\w.-]+\.js)["'`]/g)) walk(`/_astro/${m[1]}`);
      };
      widgetScripts.forEach(walk);
      explained.push(...[...reach].map((r) => new RegExp(`^${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
    }
    if (/ll-quiz|QuizQuestion/.test(page)) explained.push(/Quiz/);
    const extra = withDiagrams.filter((s) => !without.includes(s));
    expect(extra.filter((s) => !explained.some((re) => re.test(s)))).toEqual([]);
    expect(withDiagrams.filter((s) => /mermaid|diagram/i.test(s))).toEqual([]);
    // A page whose only extra content is diagrams loads exactly the plain page's scripts.
    const diagramOnly = pages.find((p) => html(p).includes('ll-diagram') && !/class="expressive-code|data-example|ll-widget|ll-quiz|astro-island/.test(html(p)));
    expect(diagramOnly, 'a page with diagrams and no other scripted component').toBeTruthy();
    expect(await scripts(diagramOnly!)).toEqual(without);
  });

  it('diagram text follows the light/dark theme with at least 4.5:1 contrast', async () => {
    const { page } = await openPage(browser, diagramPage!);
    const measure = () =>
      page.evaluate(() => {
        const parse = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!]
            .map((v) => v / 255)
            .map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
            .reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const text = document.querySelector('figure.ll-diagram svg text')!;
        const fill = parse(getComputedStyle(text).fill);
        const bg = parse(getComputedStyle(document.body).backgroundColor);
        const [a, b] = [lum(fill), lum(bg)].sort((x, y) => y - x);
        return { fill: fill.join(','), ratio: (a! + 0.05) / (b! + 0.05) };
      });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await measure();
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    const light = await measure();
    expect(dark.fill).not.toBe(light.fill);
    expect(dark.ratio).toBeGreaterThanOrEqual(4.5);
    expect(light.ratio).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('search finds a page by a phrase from its body', async () => {
    const { page } = await openPage(browser, '/');
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('Hyperplane');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('href')).toMatch(/\/lambda\/cold-starts\//);
    await page.close();
  });

  it('an unknown address shows a helpful 404 page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(new URL('/no-such-page/', (await import('./harness.ts')).baseUrl()).href);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/not part of Lambda Lab/);
    expect(await page.locator('a[href="/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('every page loads with no console error, failed request or third-party request', async () => {
    const found: string[] = [];
    for (const p of pages) {
      const { page, problems } = await openPage(browser, p);
      await page.waitForLoadState('networkidle');
      found.push(...problems().map((x) => `${p}: ${x}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
