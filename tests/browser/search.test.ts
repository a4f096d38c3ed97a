/**
 * Search quality: realistic queries a learner types, each expecting a given chapter page in the top
 * three results of the built Pagefind index — run through Pagefind's JavaScript API in the page (fast),
 * with the ranking Starlight gives its search UI, and cross-checked against that UI itself. Plus:
 * headings weigh more than body text, and neither diagram sources nor widget controls are indexed.
 *
 * The expected pages are the chapter's files in content/docs/lambda/ (`<slug>.mdx` → `/lambda/<slug>/`).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser } from './harness.ts';

/**
 * query → the page a learner wants, in four kinds. At least 40; the score is printed. The plain-word
 * queries are answered by each page's `searchKeywords` frontmatter (src/content.config.ts); `$LATEST` and
 * `ApplyOn=PublishedVersions` by the rebuilt index (src/integrations/searchIndex.ts).
 */
const QUERIES: [query: string, page: string][] = [
  // Topics in a page's own words
  ['cold start', '/lambda/cold-starts/'],
  ['reserved concurrency', '/lambda/concurrency/'],
  ['dead letter queue', '/lambda/event-sources/'],
  ['canary', '/lambda/versions-and-aliases/'],
  ['ephemeral storage', '/lambda/configuration/'],
  ['SQS batch size', '/lambda/event-sources/'],
  ['15 minutes', '/lambda/configuration/'],
  ['provisioned concurrency cost', '/lambda/pricing/'],
  ['INIT billing', '/lambda/pricing/'],
  ['throttling 429', '/lambda/concurrency/'],
  ['layers', '/lambda/configuration/'],
  ['environment variables', '/lambda/configuration/'],
  ['versions and aliases', '/lambda/versions-and-aliases/'],
  ['free tier', '/lambda/pricing/'],
  ['event source mapping', '/lambda/event-sources/'],
  ['weighted alias', '/lambda/versions-and-aliases/'],
  ['execution role', '/lambda/deploying-with-the-cli/'],
  ['handler context', '/lambda/writing-a-handler/'],
  ['Powertools', '/lambda/best-practices/'],
  ['VPC cold start', '/lambda/cold-starts/'],
  ['burst scaling', '/lambda/concurrency/'],
  ['SnapStart', '/lambda/cold-starts/'],
  ['serverless web application', '/lambda/serverless-architecture/'],
  ['partial batch failure', '/lambda/event-sources/'],
  ['duration tiers', '/lambda/pricing/'],
  ['ordering partition key', '/lambda/event-sources/'],
  ['OpenTelemetry', '/lambda/best-practices/'],
  ['X-Ray', '/lambda/best-practices/'],
  // Identifiers with punctuation: $LATEST, error types as logs print them
  ['$LATEST', '/lambda/versions-and-aliases/'],
  ['$LATEST version', '/lambda/versions-and-aliases/'],
  ['Runtime.ImportModuleError', '/lambda/troubleshooting/'],
  ['Runtime.HandlerNotFound', '/lambda/troubleshooting/'],
  ['Runtime.ExitError', '/lambda/troubleshooting/'],
  ['Unable to import module', '/lambda/troubleshooting/'],
  ['TooManyRequestsException', '/lambda/troubleshooting/'],
  ['ResourceNotFoundException', '/lambda/troubleshooting/'],
  ['AccessDeniedException', '/lambda/troubleshooting/'],
  ['InvalidParameterValueException', '/lambda/deploying-with-the-cli/'],
  ['Task timed out', '/lambda/troubleshooting/'],
  ['Task timed out after 30.03 seconds', '/lambda/troubleshooting/'],
  ['signal: killed', '/lambda/troubleshooting/'],
  ['No space left on device', '/lambda/troubleshooting/'],
  ['Init Duration', '/lambda/cold-starts/'],
  ['batchItemFailures', '/lambda/event-sources/'],
  ['context.aws_request_id', '/lambda/writing-a-handler/'],
  // CLI commands and flags
  ['aws lambda create-function', '/lambda/deploying-with-the-cli/'],
  ['aws lambda update-function-code', '/lambda/deploying-with-the-cli/'],
  ['--cli-binary-format raw-in-base64-out', '/lambda/deploying-with-the-cli/'],
  ['aws lambda wait function-active-v2', '/lambda/deploying-with-the-cli/'],
  ['--reserved-concurrent-executions', '/lambda/concurrency/'],
  ['put-function-concurrency', '/lambda/concurrency/'],
  ['--provisioned-concurrent-executions', '/lambda/concurrency/'],
  ['aws lambda publish-version', '/lambda/versions-and-aliases/'],
  ['AdditionalVersionWeights', '/lambda/versions-and-aliases/'],
  ['create-event-source-mapping --batch-size', '/lambda/connecting-event-sources/'],
  ['ReportBatchItemFailures', '/lambda/event-sources/'],
  ['aws events put-rule', '/lambda/connecting-event-sources/'],
  ['--snap-start ApplyOn=PublishedVersions', '/lambda/cold-starts/'],
  ['--tracing-config Mode=Active', '/lambda/best-practices/'],
  // Plain words a learner types instead of the page's headings
  ['price', '/lambda/pricing/'],
  ['bill', '/lambda/pricing/'],
  ['cost', '/lambda/pricing/'],
  ['how much does lambda cost', '/lambda/pricing/'],
  ['limits', '/lambda/configuration/'],
  ['quota', '/lambda/concurrency/'],
  ['concurrency limit', '/lambda/concurrency/'],
  ['rate limit', '/lambda/concurrency/'],
  ['RAM', '/lambda/configuration/'],
  ['max execution time', '/lambda/configuration/'],
  ['disk space', '/lambda/configuration/'],
  ['cold boot', '/lambda/cold-starts/'],
  ['startup latency', '/lambda/cold-starts/'],
  ['slow first request', '/lambda/cold-starts/'],
  ['keep warm', '/lambda/cold-starts/'],
  ['queue trigger', '/lambda/connecting-event-sources/'],
  ['trigger', '/lambda/connecting-event-sources/'],
  ['cron schedule', '/lambda/connecting-event-sources/'],
  ['S3 bucket notification', '/lambda/connecting-event-sources/'],
  ['wire S3 to Lambda', '/lambda/connecting-event-sources/'],
  ['rollback', '/lambda/versions-and-aliases/'],
  ['roll back a release', '/lambda/versions-and-aliases/'],
  ['blue green deployment', '/lambda/versions-and-aliases/'],
  ['tracing', '/lambda/best-practices/'],
  ['debugging errors', '/lambda/troubleshooting/'],
  ['callback handler', '/lambda/writing-a-handler/'],
  ['IAM role propagation', '/lambda/deploying-with-the-cli/'],
  ['exam revision', '/lambda/summary-and-self-check/'],
  ['cheat sheet', '/lambda/summary-and-self-check/'],
  ['three tier web app', '/lambda/serverless-architecture/'],
];
const MIN_QUERIES = 40;

/**
 * The ranking Starlight passes to its Pagefind UI: Starlight's defaults (src/schemas/pagefind.ts in
 * @astrojs/starlight 0.42), since astro.config.mjs sets no `pagefind` option. The last test below
 * checks the UI and this API agree.
 */
const STARLIGHT_RANKING = { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 };

const dist = process.env.LL_DIST || 'dist';
const pages = builtPages();
const html = (p: string) => fs.readFileSync(`${dist}${p}index.html`, 'utf8');

interface Hit {
  url: string;
  score: number;
  maxWeight: number;
}

/**
 * Runs in the page. A string, not a function: vitest (Vite) would rewrite a dynamic `import()` in
 * test source into its own loader, which does not exist in the browser.
 */
const IN_PAGE = `
  window.__pf ??= import(location.origin + '/pagefind/pagefind.js').then(async (pf) => {
    await pf.options({ ranking: ${JSON.stringify(STARLIGHT_RANKING)} });
    await pf.init();
    return pf;
  });
  window.__search = async (queries) => {
    const pf = await window.__pf;
    const out = {};
    for (const q of queries) {
      const r = await pf.search(q);
      out[q] = await Promise.all(r.results.slice(0, 3).map(async (x) => {
        const d = await x.data();
        return { url: d.url, score: x.score, maxWeight: Math.max(0, ...d.weighted_locations.map((l) => l.weight)) };
      }));
    }
    return out;
  };
  window.__indexed = async () => {
    const pf = await window.__pf;
    const all = await pf.search(null);
    return Promise.all(all.results.map(async (r) => { const d = await r.data(); return { url: d.url, content: d.content }; }));
  };
`;

type PageFns = { __search(q: string[]): Promise<Record<string, Hit[]>>; __indexed(): Promise<{ url: string; content: string }[]> };

async function searchAll(page: Page, queries: string[]): Promise<Record<string, Hit[]>> {
  await page.evaluate(IN_PAGE);
  return page.evaluate((qs) => (window as unknown as PageFns).__search(qs), queries);
}

describeBrowser('search quality', () => {
  let ctx: BrowserContext & { dispose(): Promise<void> };
  let page: Page;
  let results: Record<string, Hit[]>;
  beforeAll(async () => {
    ctx = await launchBrowser();
    page = await ctx.newPage();
    await page.goto(new URL('/', baseUrl()).href);
    results = await searchAll(page, QUERIES.map(([q]) => q));
  });
  afterAll(async () => {
    await ctx?.dispose();
  });

  it(`at least ${MIN_QUERIES} realistic queries each find their page in the top three`, () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    for (const [, p] of QUERIES) expect(pages, `expected page ${p} is not in the build`).toContain(p);
    const rows = QUERIES.map(([q, p]) => {
      const top = results[q] ?? [];
      const rank = top.findIndex((h) => h.url === p) + 1;
      return { q, p, rank, top: top.map((h) => h.url.replace('/lambda/', '')).join(', ') };
    });
    const hits = rows.filter((r) => r.rank > 0).length;
    console.log(
      `search: ${hits}/${rows.length} queries find their page in the top 3\n` +
        rows.map((r) => `  ${r.rank ? `#${r.rank}` : '✗ '} ${r.q.padEnd(40)} → ${r.p.padEnd(34)} top 3: ${r.top}`).join('\n'),
    );
    expect(rows.filter((r) => r.rank === 0).map((r) => `${r.q} → ${r.p} (got ${r.top || 'nothing'})`)).toEqual([]);
  });

  it("pages' searchKeywords are indexed but never shown: a hidden, weighted block inside the indexed <main>", async () => {
    let blocks = 0;
    for (const p of pages) {
      const h = html(p);
      const m = /<p hidden data-pagefind-weight="2" data-ll-search-keywords[^>]*>([^<]+)<\/p>/.exec(h);
      if (!m) continue;
      blocks++;
      const main = h.indexOf('<main data-pagefind-body');
      expect(main, p).toBeGreaterThan(-1);
      expect(m.index, `${p}: keywords outside <main data-pagefind-body>`).toBeGreaterThan(main);
      expect(m.index).toBeLessThan(h.indexOf('</main>'));
    }
    expect(blocks).toBeGreaterThanOrEqual(5);
    const kw = await ctx.newPage();
    await kw.goto(new URL('/lambda/pricing/', baseUrl()).href);
    expect(await kw.locator('[data-ll-search-keywords]').isVisible()).toBe(false);
    expect(await kw.getByText('cheap or expensive').count()).toBe(1); // in the DOM, for the index…
    expect(await kw.getByRole('paragraph').filter({ hasText: 'cheap or expensive' }).count()).toBe(0); // …not in the accessibility tree
    await kw.close();
  });

  it('headings weigh more than body text (Pagefind heading weights are in the index)', () => {
    // Queries that are the title of their page: the best match must carry a heading weight (h1 = 7,
    // h2 = 6, …), body text is 1.
    for (const q of ['event source mapping', 'versions and aliases', 'cold start']) {
      const top = results[q]?.[0];
      expect(top, q).toBeTruthy();
      expect(top!.maxWeight, q).toBeGreaterThanOrEqual(5);
    }
  });

  it('diagram sources and widget controls are not indexed', async () => {
    // In the HTML: every diagram and every widget sits inside data-pagefind-ignore.
    let diagrams = 0;
    let widgets = 0;
    for (const p of pages) {
      const h = html(p);
      for (const m of h.matchAll(/<figure\b[^>]*class="(?:[^"]*\s)?ll-diagram(?:\s[^"]*)?"[^>]*>/g)) {
        diagrams++;
        expect(m[0], `${p}: diagram without data-pagefind-ignore`).toContain('data-pagefind-ignore');
      }
      for (const m of h.matchAll(/<[a-z][\w-]*\b[^>]*class="(?:[^"]*\s)?ll-widget(?:-placeholder)?(?:\s[^"]*)?"[^>]*>/g)) {
        widgets++;
        expect(m[0], `${p}: widget without data-pagefind-ignore`).toContain('data-pagefind-ignore');
      }
    }
    expect(diagrams).toBeGreaterThan(0);
    expect(widgets).toBeGreaterThan(0);
    // In the index: no page's indexed text holds Mermaid source or a widget's control labels.
    const indexed = await page.evaluate(() => (window as unknown as PageFns).__indexed());
    // Every chapter page is in the index (and nothing that is not a page).
    const urls = indexed.map((d) => d.url);
    for (const p of pages.filter((x) => x.startsWith('/lambda/'))) expect(urls, p).toContain(p);
    for (const u of urls) expect(pages, u).toContain(u);
    expect(indexed.filter((d) => d.content.length < 200).map((d) => d.url)).toEqual([]);
    const leaks: string[] = [];
    for (const { url, content } of indexed) {
      for (const needle of ['accTitle', 'accDescr', 'sequenceDiagram', 'stateDiagram', 'flowchart LR', 'flowchart TD', 'Re-roll seed', 'Simulation progress']) {
        if (content.includes(needle)) leaks.push(`${url}: "${needle}"`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('Ctrl+K pressed before Pagefind has loaded: the cursor ends in the search box, with what was typed, and it searches', async () => {
    // Hold back Pagefind's UI bundle (imported on the reader's first move toward search, here Ctrl+K)
    // until the reader has pressed Ctrl+K and typed.
    const uiChunk = fs.readdirSync(`${dist}/_astro`).find((f) => f.endsWith('.js') && fs.readFileSync(`${dist}/_astro/${f}`, 'utf8').includes('pagefind-ui__search-input'));
    expect(uiChunk, "Pagefind's UI bundle in dist/_astro").toBeTruthy();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const early = await ctx.newPage();
    await early.route(`**/_astro/${uiChunk}`, async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await early.goto(new URL('/lambda/overview/', baseUrl()).href);
      await early.locator('button[data-open-modal]:not([disabled])').waitFor();
      expect(await early.locator('.pagefind-ui__search-input').count()).toBe(0);
      await early.keyboard.press('Control+k');
      expect(await early.locator('site-search dialog[open]').count()).toBe(1);
      await early.keyboard.type('cold sta');
      await early.keyboard.type('rt');
      release();
      const input = early.locator('.pagefind-ui__search-input');
      await input.waitFor({ timeout: 15_000 });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
      expect(await input.inputValue()).toBe('cold start');
      await expect.poll(() => early.locator('.pagefind-ui__message').innerText(), { timeout: 10_000 }).toMatch(/for cold start/i);
      // Typing goes on in the same box.
      await early.keyboard.type('s');
      expect(await input.inputValue()).toBe('cold starts');
      expect(await early.locator('.ll-search-standin').count()).toBe(0);
    } finally {
      release();
      await early.close();
    }
  });

  it("Pagefind's UI is not downloaded with a page: the pointer over the search button, or keyboard focus on it, loads it", async () => {
    const uiChunk = fs.readdirSync(`${dist}/_astro`).find((f) => f.endsWith('.js') && fs.readFileSync(`${dist}/_astro/${f}`, 'utf8').includes('pagefind-ui__search-input'));
    expect(uiChunk).toBeTruthy();
    for (const how of ['hover', 'focus'] as const) {
      const lazy = await ctx.newPage();
      const fetched: string[] = [];
      lazy.on('request', (r) => {
        const u = new URL(r.url()).pathname;
        if (u.includes(uiChunk!) || u.startsWith('/pagefind/')) fetched.push(u);
      });
      try {
        await lazy.goto(new URL('/lambda/event-sources/', baseUrl()).href, { waitUntil: 'load' });
        await lazy.locator('button[data-open-modal]:not([disabled])').waitFor();
        // Well past the first idle moment, when Starlight alone would have imported it.
        await lazy.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 1500))));
        expect(fetched, `${how}: nothing of Pagefind before the reader reaches for search`).toEqual([]);
        expect(await lazy.locator('.pagefind-ui__search-input').count()).toBe(0);
        if (how === 'hover') await lazy.locator('button[data-open-modal]').hover();
        else await lazy.locator('button[data-open-modal]').focus();
        await lazy.waitForSelector('.pagefind-ui__search-input', { state: 'attached', timeout: 15_000 });
        expect(fetched.some((u) => u.includes(uiChunk!)), how).toBe(true);
        // Still closed: hovering or focusing prepares the search, it does not open it.
        expect(await lazy.locator('site-search dialog[open]').count()).toBe(0);
      } finally {
        await lazy.close();
      }
    }
  });

  it("Starlight's search box returns what the API returns (same ranking), and opening a result works", async () => {
    const ui = await ctx.newPage();
    await ui.goto(new URL('/lambda/overview/', baseUrl()).href);
    await ui.locator('button[data-open-modal]').click();
    await ui.waitForSelector('.pagefind-ui__search-input', { state: 'attached', timeout: 15_000 });
    for (const q of ['reserved concurrency', 'canary', 'INIT billing']) {
      await ui.locator('.pagefind-ui__search-input').fill(q);
      await expect.poll(() => ui.locator('.pagefind-ui__message').innerText(), { timeout: 10_000 }).toMatch(new RegExp(`for ${q}`, 'i'));
      const first = ui.locator('.pagefind-ui__result-link').first();
      await first.waitFor();
      // The UI fills its list progressively (the message can update before the list on a busy machine).
      await expect
        .poll(async () => new URL((await first.getAttribute('href'))!, baseUrl()).pathname, { timeout: 10_000, message: q })
        .toBe(results[q]![0]!.url);
    }
    await ui.locator('.pagefind-ui__result-link').first().click();
    await ui.waitForURL((u) => u.pathname === results['INIT billing']![0]!.url);
    await ui.close();
  });
});
