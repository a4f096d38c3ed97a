/**
 * Helpers for browser tests: launch Debian's Chromium through playwright-core with the flags
 * that work as root in this sandbox (../shared/STACK-NOTES.md), open pages of the served site,
 * and record what a reader would never want: console errors, failed requests and requests to
 * any host other than the site itself.
 *
 *   const b = await launchBrowser();
 *   const { page, problems } = await openPage(b, '/lambda/pricing/');
 *   expect(problems()).toEqual([]);
 *   await b.close();
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

export const baseUrl = (): string => inject('baseUrl');
export const chromiumPath = (): string => inject('chromiumPath');

/** `describe` when Chromium exists, else a visibly skipped suite (globalSetup fails first under CI=true). */
export const describeBrowser: typeof describe = ((name: string, fn: () => void) =>
  chromiumPath()
    ? describe(name, fn)
    : describe.skipIf(true)(`${name} [skipped: no Chromium]`, fn)) as typeof describe;

export const CHROMIUM_ARGS = ['--headless', ...CHROMIUM_FLAGS];

/**
 * src/styles/quality.css's `content-visibility: auto` on code blocks, switched off (the same selector).
 * Its paint containment clips what sticks out of a block instead of letting it widen the page, so a
 * test that measures overflow switches it off first (offscreenBlocks.test.ts checks that nothing is
 * clipped).
 */
export const BLOCK_CONTAINMENT_OFF =
  '.sl-markdown-content .expressive-code { content-visibility: visible !important; contain-intrinsic-size: none !important; }';

/**
 * Scrolls a page from top to bottom in steps of most of a screen, so every code block has been
 * rendered once and keeps its real size (`contain-intrinsic-size: auto`) instead of an estimate: for a
 * test that computes scroll distances from where headings are, as a reader who has read the page.
 * Ends at the bottom.
 */
export async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; ; ) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { h, vh } = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, vh: innerHeight }));
    if (y + vh >= h) break;
    y += Math.round(vh * 0.8);
  }
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  serviceWorkers?: 'allow' | 'block';
}

export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserContext & { dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: opts.reducedMotion ?? 'no-preference',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  return Object.assign(ctx, {
    async dispose() {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors, failed requests and third-party requests seen so far. */
  problems(): string[];
  /** Every URL requested by the page so far. */
  requests(): string[];
}

export async function openPage(ctx: BrowserContext, urlPath: string): Promise<OpenedPage> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    requests.push(r.url());
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`third-party request: ${u}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/404.html')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(new URL(urlPath, baseUrl()).href, { waitUntil: 'load' });
  return { page, problems: () => [...problems], requests: () => [...requests] };
}

/** A built page that only redirects elsewhere (src/pages/lambda/index.astro): not a page to test as one. */
export const isRedirectPage = (html: string): boolean => /<meta http-equiv="refresh"/i.test(html);

/** All built HTML pages as site paths ('/', '/lambda/pricing/', ...), 404 and redirect pages excluded. */
export function builtPages(distDir = process.env.LL_DIST || 'dist'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!['_astro', 'pagefind'].includes(e.name)) walk(p);
      } else if (e.name === 'index.html' && !isRedirectPage(fs.readFileSync(p, 'utf8'))) {
        out.push('/' + path.relative(distDir, path.dirname(p)).split(path.sep).join('/') + '/');
      }
    }
  };
  walk(distDir);
  return out.map((p) => p.replace(/\/+/g, '/')).sort();
}
