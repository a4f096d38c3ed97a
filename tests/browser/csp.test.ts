/**
 * The built site under its Content-Security-Policy (src/integrations/csp.ts): every page carries
 * the policy as a meta tag and gets it as a header from `_headers` (scripts/serve.mjs applies that
 * file, like a static host), the policy allows no inline script except by hash, and no page causes a
 * single CSP violation — including search (Pagefind's WebAssembly and worker) and the service worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, builtPages, describeBrowser, launchBrowser } from './harness.ts';
import { applyCsp, inlineScripts, sha256 } from '../../src/integrations/csp.ts';
import { parseHeadersFile } from '../../scripts/serve.mjs';

const dist = process.env.LL_DIST || 'dist';
const pages = builtPages();
const html = (p: string) => fs.readFileSync(`${dist}${p}index.html`, 'utf8');
const metaPolicy = (h: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(h)?.[1];
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1) ?? '';

/** Records CSP violations (DOM events and console reports) from the first byte of every document. */
async function watch(ctx: BrowserContext) {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

describeBrowser('Content-Security-Policy', () => {
  let ctx: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    ctx = await launchBrowser({ serviceWorkers: 'allow' });
    await watch(ctx);
  });
  afterAll(async () => {
    await ctx?.dispose();
  });

  it('every page has the same policy in a meta tag, with hashes for each of its inline scripts and no unsafe-inline script', () => {
    expect(pages.length).toBeGreaterThan(1);
    const policies = new Set<string>();
    for (const p of [...pages, '/404.html']) {
      const h = p === '/404.html' ? fs.readFileSync(`${dist}/404.html`, 'utf8') : html(p);
      const policy = metaPolicy(h);
      expect(policy, `${p} has no CSP meta tag`).toBeTruthy();
      policies.add(policy!);
      // The meta tag must come before any script, or the scripts before it escape the policy.
      expect(h.indexOf('http-equiv="Content-Security-Policy"'), p).toBeLessThan(h.indexOf('<script'));
      const scriptSrc = directive(policy!, 'script-src');
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(scriptSrc).not.toMatch(/(^|\s)(\*|https?:|data:|blob:)(\s|$)/);
      for (const s of inlineScripts(h)) expect(scriptSrc, `${p}: inline script not hashed: ${s.slice(0, 80)}`).toContain(sha256(s));
    }
    expect(policies.size).toBe(1);
    const policy = [...policies][0]!;
    expect(directive(policy, 'frame-src')).toBe('https://stackblitz.com');
    expect(directive(policy, 'object-src')).toBe("'none'");
    expect(directive(policy, 'default-src')).toBe("'self'");
  });

  it('the build step hashes exactly the inline scripts it finds and refuses inline event handlers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csp-'));
    try {
      const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"/><script>one()</script></head><body>${body}</body></html>`;
      fs.writeFileSync(path.join(dir, 'index.html'), page('<script type="module">two()</script><script type="application/json">{"x":1}</script><script src="/a.js"></script>'));
      const r = applyCsp(dir);
      for (const s of ['one()', 'two()']) expect(r.hashes).toContain(sha256(s));
      expect(r.hashes).not.toContain(sha256('{"x":1}'));
      const out = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(out).toContain(`<meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="${r.policy}"/>`);
      expect(fs.readFileSync(path.join(dir, '_headers'), 'utf8')).toContain(`Content-Security-Policy: ${r.headerPolicy}`);
      fs.writeFileSync(path.join(dir, 'index.html'), page('<button type="button" onclick="go()">Go</button>'));
      expect(() => applyCsp(dir)).toThrow(/inline event handler/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('_headers ships the same policy (plus frame-ancestors) and the server sends it', async () => {
    const rules = parseHeadersFile(fs.readFileSync(`${dist}/_headers`, 'utf8'));
    const header = rules.find((r: { pattern: string }) => r.pattern === '/*')?.headers.find(([k]: [string]) => k === 'Content-Security-Policy')?.[1];
    expect(header).toBe(`${metaPolicy(html('/'))}; frame-ancestors 'none'`);
    const res = await fetch(new URL('/', baseUrl()).href);
    expect(res.headers.get('content-security-policy')).toBe(header);
  });

  it('the policy is enforced: an injected inline script does not run and is reported', async () => {
    const page = await ctx.newPage();
    await page.goto(new URL('/', baseUrl()).href);
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });

  it('no page causes a CSP violation: every page, search with its WebAssembly and worker, the service worker', async () => {
    const page = await ctx.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) consoleCsp.push(`${page.url()}: ${m.text()}`);
    });
    const found: string[] = [];
    for (const p of pages) {
      await page.goto(new URL(p, baseUrl()).href, { waitUntil: 'load' });
      // No third-party frame on load: the StackBlitz iframe only ever appears after a click.
      expect(await page.locator('iframe').count(), p).toBe(0);
      // Widgets hydrate when visible; nudge one input each so their scripts and workers run too.
      const widgets = page.locator('.ll-widget');
      for (let i = 0; i < (await widgets.count()); i++) {
        const w = widgets.nth(i);
        await w.scrollIntoViewIfNeeded();
        const input = w.locator('form input[type="number"]').first();
        if (await input.count()) {
          await input.fill(String(Number(await input.inputValue()) + Number((await input.getAttribute('step')) === 'any' ? 1 : (await input.getAttribute('step')) || 1)));
          await input.dispatchEvent('change');
        }
      }
      if (await widgets.count()) await page.waitForTimeout(1000);
      for (const v of await violations(page)) found.push(`${p}: ${v}`);
    }
    // Search: Pagefind loads WebAssembly ('wasm-unsafe-eval') and a worker ('self').
    await page.goto(new URL('/', baseUrl()).href);
    // Pagefind's UI loads when the reader reaches for search (src/integrations/lazyPagefind.ts).
    await page.locator('button[data-open-modal]').click();
    await page.locator('.pagefind-ui__search-input').fill('concurrency');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller || navigator.serviceWorker.ready.then(() => true))).toBe(true);
    for (const v of await violations(page)) found.push(`/ (search): ${v}`);
    expect([...found, ...consoleCsp]).toEqual([]);
    await page.close();
  }, 120_000);
});
