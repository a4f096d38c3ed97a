/**
 * Offline reading after one visit (src/integrations/offline.ts, src/integrations/offline/sw.js).
 *
 * 1. Visit one page; wait until the service worker controls it and its precache holds every file
 *    of the build's manifest. Stop the server (it is this file's own server, on its own port) and
 *    set the browser offline. Reload; follow sidebar links to three other pages; search and open
 *    a result; use a widget; read an example's code (its StackBlitz button says it is offline);
 *    an unknown URL gets the 404 page. Not one request may fail, and every response must come from
 *    the service worker.
 * 2. A new build replaces the old cache: serve a copy of the build, let the worker install, change
 *    a page and regenerate the manifest (as a new build does); the open page is told an update is
 *    ready, the old cache is gone, and the next navigation shows the new text.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser } from './harness.ts';
import { startServer } from '../../scripts/serve.mjs';
import { buildServiceWorker, PRECACHE_BUDGET_BYTES, type PrecacheManifest } from '../../src/integrations/offline.ts';
import { SITE_PROBE_QUERY, STACKBLITZ_ORIGIN } from '../../src/lib/stackblitz/reachability.ts';

const dist = path.resolve(process.env.LL_DIST || 'dist');
const pages = builtPages();
const html = (p: string) => fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'precache-manifest.json'), 'utf8')) as PrecacheManifest;
const h1 = (p: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html(p))?.[1]?.replace(/<[^>]+>/g, '').trim();
const CACHE = 'lambda-lab-precache-';

type Server = Awaited<ReturnType<typeof startServer>>;

/** Failed requests, HTTP errors, console errors, page errors and third-party requests on a page. */
function record(page: Page, origin: string) {
  const problems: string[] = [];
  const notFromSw: string[] = [];
  let offline = false;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The StackBlitz button's two reachability probes (made only when the reader clicks Run) are
  // expected to fail here; whether Chromium sends them depends on what its version reports as
  // navigator.onLine after an offline reload, so they are neither required nor counted as problems.
  const isProbe = (u: string) => u === `${STACKBLITZ_ORIGIN}/` || u === `${origin}/?${SITE_PROBE_QUERY}`;
  page.on('requestfailed', (r) => {
    if (!isProbe(r.url())) problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url()) && !isProbe(r.url())) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && r.request().resourceType() === 'document' && r.url().includes('/no-such-page/')))
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    if (offline && !r.fromServiceWorker()) notFromSw.push(r.url());
  });
  return {
    problems: () => [...problems],
    notFromSw: () => [...notFromSw],
    goOffline: () => {
      offline = true;
    },
  };
}

async function waitForPrecache(page: Page, expected: PrecacheManifest) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  return page.evaluate(
    async ({ name }) => {
      const names = await caches.keys();
      const cache = await caches.open(name);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    },
    { name: CACHE + expected.version },
  );
}

/** Pages in the sidebar order, other than `except`. */
const otherPages = (except: string) => pages.filter((p) => p !== except && p.startsWith('/lambda/'));

describeBrowser('offline after one visit', () => {
  let server: Server | undefined;
  let ctx: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    ctx = await launchBrowser({ serviceWorkers: 'allow' });
  });
  afterAll(async () => {
    await ctx?.dispose();
    await server?.close();
  });

  it('the precache manifest lists every page and the Pagefind index, under the 3 MB budget', () => {
    const urls = new Set(manifest.entries.map(([u]) => u));
    for (const p of pages) expect(urls, p).toContain(p);
    expect(urls).not.toContain('/404.html');
    for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pagefind'])
      expect([...urls].filter((u) => u.endsWith(ext)).length, ext).toBeGreaterThan(0);
    expect(urls).toContain('/pagefind/pagefind.js');
    expect(urls).toContain('/pagefind/pagefind-entry.json');
    expect(urls).toContain('/favicon.svg');
    // Every built CSS and JS file is there, except the Pagefind UI bundles Starlight does not load.
    const assets = fs.readdirSync(path.join(dist, '_astro')).filter((f) => /\.(css|js)$/.test(f));
    for (const a of assets) expect(urls, a).toContain(`/_astro/${a}`);
    const bytes = manifest.entries.reduce((s, [, , b]) => s + b, 0);
    expect(bytes).toBe(manifest.bytes);
    console.log(`precache: ${manifest.entries.length} files, ${(bytes / 1e6).toFixed(2)} MB (budget ${PRECACHE_BUDGET_BYTES / 1e6} MB)`);
    expect(bytes).toBeLessThan(PRECACHE_BUDGET_BYTES);
    // sw.js carries this very manifest, so a new build is a new worker.
    expect(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')).toContain(`"version":"${manifest.version}"`);
  });

  it('the build fails when the precache would exceed 3 MB', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-budget-'));
    try {
      fs.mkdirSync(path.join(dir, 'pagefind/index'), { recursive: true });
      fs.mkdirSync(path.join(dir, '_astro'));
      fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body></body></html>');
      for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/p.pf_meta', 'pagefind/index/p.pf_index', 'pagefind/p.pf_fragment', 'pagefind/wasm.en.pagefind'])
        fs.writeFileSync(path.join(dir, f), 'x');
      fs.writeFileSync(path.join(dir, '_astro/big.js'), Buffer.alloc(PRECACHE_BUDGET_BYTES - 10_000, 1));
      expect(buildServiceWorker(dir).bytes).toBeLessThan(PRECACHE_BUDGET_BYTES);
      fs.writeFileSync(path.join(dir, '_astro/more.js'), Buffer.alloc(20_000, 2));
      expect(() => buildServiceWorker(dir)).toThrow(/over the 3 MB budget/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the worker is registered a few seconds after load, not during it (its first install downloads the whole site)', async () => {
    const fresh = await launchBrowser({ serviceWorkers: 'allow' });
    try {
      const page = await fresh.newPage();
      await page.goto(new URL('/lambda/overview/', baseUrl()).href, { waitUntil: 'load' });
      // In the page: how long after the load event the registration first exists (polled every 100 ms).
      const registeredAfterLoad = await page.evaluate(async () => {
        const loadEnd = performance.getEntriesByType('navigation')[0]!.toJSON().loadEventEnd as number;
        for (;;) {
          if (await navigator.serviceWorker.getRegistration()) return performance.now() - loadEnd;
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      // REGISTER_DELAY_MS (3 s) after load, then the next idle moment; and it does get registered.
      expect(registeredAfterLoad).toBeGreaterThanOrEqual(2900);
      expect(registeredAfterLoad).toBeLessThan(15_000);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.close();
    } finally {
      await fresh.dispose();
    }
  });

  it('reload, three other pages, search, a widget and an example all work with the server gone and the browser offline', async () => {
    server = await startServer({ root: dist, port: 0 });
    const origin = server.url;
    const first = pages.includes('/lambda/overview/') ? '/lambda/overview/' : pages.find((p) => p.startsWith('/lambda/'))!;
    const page = await ctx.newPage();
    const rec = record(page, origin);
    await page.goto(origin + first);
    const { names, urls } = await waitForPrecache(page, manifest);
    expect(names).toContain(CACHE + manifest.version);
    expect(new Set(urls)).toEqual(new Set([...manifest.entries.map(([u]) => u), manifest.notFound]));

    // Stop serving, and cut the network.
    await server.close();
    server = undefined;
    await ctx.setOffline(true);
    await expect(fetch(origin + first)).rejects.toThrow();
    rec.goOffline();

    await page.reload();
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(h1(first));

    // Follow sidebar links to three other pages.
    const visited: string[] = [];
    for (const p of otherPages(first).slice(0, 3)) {
      await page.locator(`nav[aria-label="Main"] a[href="${p}"]`).click();
      await page.waitForURL(origin + p);
      expect((await page.locator('h1').first().textContent())?.trim()).toBe(h1(p));
      visited.push(p);
    }
    expect(visited).toHaveLength(3);

    // Search with Starlight's UI (Pagefind: entry JSON with ?ts=, wasm, worker, index, fragments).
    await page.locator('button[data-open-modal]').click();
    await page.waitForSelector('.pagefind-ui__search-input', { state: 'attached', timeout: 15_000 });
    await page.locator('.pagefind-ui__search-input').fill('reserved concurrency');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const href = await result.getAttribute('href');
    expect(href).toMatch(/^\/lambda\//);
    await result.click();
    await page.waitForURL((u) => u.pathname === new URL(href!, origin).pathname);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();

    // A widget: a real one gets a new input value and redraws; a placeholder still shows its text.
    const widgetPage = pages.find((p) => /class="ll-widget[ "]|data-widget=/.test(html(p)));
    expect(widgetPage, 'no page has a widget').toBeTruthy();
    await page.goto(origin + widgetPage!);
    const widget = page.locator('.ll-widget, [data-widget]').first();
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.isVisible()).toBe(true);
    const input = widget.locator('form input[type="number"], form input[type="range"]').first();
    if (await input.count()) {
      const out = widget.locator('[data-out]').first();
      await expect.poll(() => out.innerText(), { timeout: 5_000 }).not.toBe(''); // rendered (see the pricing check below)
      const before = await out.innerText();
      const step = Number((await input.getAttribute('step')) || 1) || 1;
      const max = Number(await input.getAttribute('max'));
      const cur = Number(await input.inputValue());
      const next = Number.isFinite(max) && cur + step > max ? cur - step : cur + step;
      await input.fill(String(next));
      await input.dispatchEvent('change');
      await expect.poll(() => out.innerText(), { timeout: 10_000 }).not.toBe(before);
    } else {
      expect((await widget.innerText()).trim().length).toBeGreaterThan(10);
    }

    // The pricing calculator, offline: a new request count gives a new monthly total.
    const pricingPage = pages.find((p) => html(p).includes('<ll-pricing-calculator'));
    if (pricingPage) {
      await page.goto(origin + pricingPage);
      const calc = page.locator('ll-pricing-calculator');
      await calc.scrollIntoViewIfNeeded();
      const total = calc.locator('[data-out="total"]');
      // Wait for the rendered total (innerText is empty for anything not rendered yet).
      await expect.poll(() => total.innerText(), { timeout: 5_000 }).toMatch(/\$/);
      const before = await total.innerText();
      const requests = calc.getByLabel('Requests per month');
      await requests.fill(String(Number(await requests.inputValue()) * 2 + 1_000_000));
      await requests.dispatchEvent('change');
      await expect.poll(() => total.innerText(), { timeout: 10_000 }).not.toBe(before);
      expect(await total.innerText()).toMatch(/\$/);
    }

    // An example's code, and its StackBlitz button saying it is offline.
    const examplePage = pages.find((p) => html(p).includes('<runnable-example'));
    expect(examplePage, 'no page shows a runnable example').toBeTruthy();
    await page.goto(origin + examplePage!);
    const example = page.locator('runnable-example').first();
    const pre = example.locator('pre').first();
    // Brought to the top, as a link to it would: aligned at the bottom instead, the blocks above it that
    // render on the way (sized by an estimate until then, quality.css) could push it off the screen.
    await example.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await expect.poll(async () => (await pre.innerText()).trim().length).toBeGreaterThan(50);
    const code = (await pre.innerText()).trim();
    expect(code.length).toBeGreaterThan(50);
    const run = example.locator('button[data-run]');
    await run.scrollIntoViewIfNeeded();
    await run.click();
    const status = example.locator('[data-status][data-kind="error"]');
    await status.waitFor({ timeout: 5_000 });
    // "offline", not "cannot be reached", whatever navigator.onLine says after the offline reload.
    expect(await status.innerText()).toMatch(/^You are offline, so StackBlitz cannot load\./);
    expect(await run.evaluate((b) => b === document.activeElement)).toBe(true);
    // Its Download zip works offline too (precached).
    const zipHref = await example.locator('a[download]').first().getAttribute('href');
    expect(zipHref).toMatch(/\.zip$/);
    const zip = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { ok: r.ok, bytes: (await r.arrayBuffer()).byteLength };
    }, zipHref!);
    expect(zip.ok).toBe(true);
    expect(zip.bytes).toBeGreaterThan(1000);
    expect(await page.locator('iframe').count()).toBe(0);

    // A page address without its trailing slash is redirected, as the host does.
    await page.goto(origin + first.replace(/\/$/, ''));
    expect(new URL(page.url()).pathname).toBe(first);
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(h1(first));

    // The chapter's address without a page name leads to its first page, offline too.
    await page.goto(`${origin}/lambda/`);
    await page.waitForURL((u) => u.pathname !== '/lambda/' && u.pathname.startsWith('/lambda/'), { timeout: 10_000 });
    expect(await page.locator('h1').first().textContent()).toBeTruthy();

    expect(rec.problems()).toEqual([]);
    // An unknown page: the 404 page, from the cache, with status 404 (Chromium logs that 404).
    const res = await page.goto(`${origin}/no-such-page/`);
    expect(res?.status()).toBe(404);
    const h1of404 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(fs.readFileSync(path.join(dist, '404.html'), 'utf8'))?.[1]?.replace(/<[^>]+>/g, '').trim();
    expect(h1of404).toBeTruthy();
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(h1of404);

    expect(rec.problems()).toEqual(['console error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    expect(rec.notFromSw()).toEqual([]);
    await ctx.setOffline(false);
    await page.close();
  }, 120_000);

  it('a new build replaces the old cache and the open page is told an update is ready', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'll-offline-'));
    fs.cpSync(dist, copy, { recursive: true });
    const other = await launchBrowser({ serviceWorkers: 'allow' });
    const srv = await startServer({ root: copy, port: 0 });
    try {
      const page = await other.newPage();
      const rec = record(page, srv.url);
      await page.goto(`${srv.url}/`);
      const v1 = manifest.version;
      expect((await waitForPrecache(page, manifest)).names).toContain(CACHE + v1);

      // "A new build": a page changes, the manifest and sw.js are regenerated.
      const index = path.join(copy, 'index.html');
      fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</main>', '<p id="ll-new-build">Fresh from the new build.</p></main>'));
      const v2 = buildServiceWorker(copy);
      expect(v2.version).not.toBe(v1);

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const notice = page.locator('.ll-update-notice');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.getAttribute('role')).toBe('status');
      expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
      // The notice itself passes axe (contrast, names) in the theme the reader has.
      await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const axeViolations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run(ctx: Element): Promise<{ violations: { id: string }[] }> } };
        return (await w.axe.run(document.querySelector('.ll-update-notice')!)).violations.map((v) => v.id);
      });
      expect(axeViolations).toEqual([]);
      // The new worker deletes the old cache while it activates (just after it takes control).
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 }).not.toContain(CACHE + v1);
      expect(await page.evaluate(() => caches.keys())).toContain(CACHE + v2.version);

      // The stale page is still on screen until the reader reloads or navigates.
      expect(await page.locator('#ll-new-build').count()).toBe(0);
      await notice.getByRole('button', { name: 'Reload' }).click();
      await page.locator('#ll-new-build').waitFor({ timeout: 10_000 });
      expect(rec.problems()).toEqual([]);
    } finally {
      await other.dispose();
      await srv.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
