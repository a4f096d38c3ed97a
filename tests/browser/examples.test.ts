/**
 * Runnable examples on the built pages, as a reader meets them: the code and the run-locally steps
 * are in the HTML (no JS needed); "Run in StackBlitz" loads nothing until clicked; with the network
 * blocked, or StackBlitz unreachable, the page says so within 2 s and the code stays put; when
 * StackBlitz answers, the project the SDK posts is exactly the example's files, under the site's
 * Content-Security-Policy; and the Download zip holds the same files.
 *
 * This machine cannot reach stackblitz.com, so its requests are intercepted: refused, left hanging,
 * or answered by a stub that records the posted project and completes the SDK's handshake.
 */
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exampleNames, examplePayload } from '../../src/components/examples/examplePayload.ts';
import { STACKBLITZ_SDK_INLINE_SCRIPT } from '../../src/lib/stackblitz/sdkInlineScript.ts';
import { STACKBLITZ_ORIGIN } from '../../src/lib/stackblitz/reachability.ts';
import { sha256 } from '../../src/integrations/csp.ts';
import { baseUrl, builtPages, describeBrowser, launchBrowser, openPage } from './harness.ts';

const dist = process.env.LL_DIST || 'dist';
const html = (p: string) => fs.readFileSync(`${dist}${p}index.html`, 'utf8');
const pages = builtPages(dist);
const embedded = (p: string) => [...html(p).matchAll(/<runnable-example[^>]*data-name="([^"]+)"/g)].map((m) => m[1]!);
const pageOf = (name: string) => pages.find((p) => embedded(p).includes(name));

const NAME = 'orders-api';
const STACKBLITZ = 'https://stackblitz.com/**';

/** Collects CSP violations from the first byte of every document. */
async function watchCsp(ctx: BrowserContext) {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI || 'inline'}`));
  });
}
const SDK_SCRIPT_HASH = sha256(STACKBLITZ_SDK_INLINE_SCRIPT);
const metaPolicy = (h: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(h)?.[1] ?? '';

/**
 * Serve `pagePath` with SDK_SCRIPT_HASH in its script-src if the built policy lacks it (reported by
 * its own test below), so the payload test checks the payload whatever the policy's state.
 */
async function allowSdkScript(ctx: BrowserContext, pagePath: string) {
  const url = new URL(pagePath, baseUrl()).href;
  const add = (policy: string) => (policy.includes(SDK_SCRIPT_HASH) ? policy : policy.replace("script-src 'self'", `script-src 'self' ${SDK_SCRIPT_HASH}`));
  const handler = async (route: Route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    if (headers['content-security-policy']) headers['content-security-policy'] = add(headers['content-security-policy']);
    const body = (await res.text()).replace(/(http-equiv="Content-Security-Policy" content=")([^"]*)/, (_, a: string, p: string) => a + add(p));
    await route.fulfill({ response: res, headers, body });
  };
  await ctx.route(url, handler);
  return () => ctx.unroute(url, handler);
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The example block of `name` on `page`, scrolled into view. */
async function block(page: Page, name = NAME) {
  const el = page.locator(`runnable-example[data-name="${name}"]`).first();
  await el.scrollIntoViewIfNeeded();
  return el;
}

/** Tab from the example's caption to its Run button; proves it is reachable by keyboard. */
async function tabToRunButton(page: Page, name = NAME) {
  const el = await block(page, name);
  await el.locator('.caption').click();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await el.locator('button[data-run]').evaluate((b) => b === document.activeElement)) return el;
  }
  throw new Error('the Run in StackBlitz button was not reachable with Tab');
}

/**
 * Starts an in-page clock for `el`: from the click (or Enter) on its Run button to the first error
 * message in its status line. Measured by the page itself, so a busy test machine's automation
 * round trips do not count against the 2 s the reader is promised. Call the returned function after
 * the message is shown.
 */
async function messageClock(el: Awaited<ReturnType<typeof block>>): Promise<() => Promise<number>> {
  await el.evaluate((node) => {
    const w = window as unknown as { __runAt?: number; __msgAt?: number };
    w.__runAt = w.__msgAt = undefined;
    const status = node.querySelector<HTMLElement>('[data-status]')!;
    node.querySelector('button[data-run]')!.addEventListener('click', () => (w.__runAt = performance.now()), { capture: true, once: true });
    new MutationObserver(() => {
      if (status.dataset.kind === 'error' && w.__msgAt === undefined) w.__msgAt = performance.now();
    }).observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  return () => el.evaluate(() => {
    const w = window as unknown as { __runAt?: number; __msgAt?: number };
    return (w.__msgAt ?? Infinity) - (w.__runAt ?? 0);
  });
}

/**
 * With the network cut: press Enter on the focused Run button; the page must say "offline" within 2 s,
 * and focus stays on the button. Returns the status element.
 */
async function pressRunExpectOffline(page: Page, el: Awaited<ReturnType<typeof block>>) {
  const elapsed = await messageClock(el);
  await page.keyboard.press('Enter');
  const status = el.locator('[data-status][data-kind="error"]');
  await status.waitFor({ timeout: 5000 });
  expect(await elapsed()).toBeLessThan(2000);
  expect(await status.textContent()).toMatch(/^You are offline, so StackBlitz cannot load\./);
  // Focus never fell to <body>: the reader pressed Enter on the button and is still on it.
  expect(await el.locator('button[data-run]').evaluate((b) => b === document.activeElement)).toBe(true);
  return status;
}

describeBrowser('runnable examples', () => {
  let ctx: BrowserContext & { dispose(): Promise<void> };
  beforeAll(async () => {
    ctx = await launchBrowser();
    await watchCsp(ctx);
  });
  afterAll(async () => {
    await ctx?.dispose();
  });

  it('every example is embedded on a chapter page', () => {
    for (const name of exampleNames()) expect(pageOf(name), `no page embeds <RunnableExample name="${name}">`).toBeTruthy();
  });

  it.each(exampleNames())('%s: the HTML alone has its code, the download link and the steps; the Run button waits for JS', (name) => {
    const h = html(pageOf(name)!);
    const start = h.indexOf(`<runnable-example`, h.indexOf(`data-name="${name}"`) - 200);
    const fragment = h.slice(start, h.indexOf('</runnable-example>', start));
    expect(fragment).toContain(`data-name="${name}"`);
    expect(fragment).toMatch(new RegExp(`examples/${name}/(src|events|test)/`)); // at least one file, titled with its path
    expect(fragment).toMatch(new RegExp(`<a[^>]*href="/examples/${name}\\.zip"[^>]*download`));
    expect(fragment).toContain('npm install');
    expect(fragment).toMatch(/<button[^>]*data-run[^>]*hidden/);
    expect(fragment).toMatch(/role="status"/);
  });

  it('a page of examples stays light (under 4,000 elements: event-sources had 5,604 with four examples), and every file the page shows is in its HTML as text', () => {
    const decode = (t: string) => t.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const p of pages.filter((x) => embedded(x).length > 0)) {
      const h = html(p);
      const elements = h.match(/<[a-zA-Z][^>]*>/g)?.length ?? 0;
      console.log(`${p}: ${elements} elements, ${(h.length / 1024).toFixed(0)} KB HTML, ${embedded(p).length} example(s)`);
      expect(elements, p).toBeLessThan(4000);
      // Without JavaScript nothing is missing: the text of each shown file (collapsed or not) is there.
      const text = decode(h).replace(/\s+/g, ' ');
      for (const name of embedded(p)) {
        const files = examplePayload(name);
        const titles = [...h.matchAll(new RegExp(`examples/${name}/([\\w./-]+)`, 'g'))].map((m) => m[1]!).filter((f) => f in files);
        expect(titles.length, `${p} ${name}`).toBeGreaterThan(0);
        for (const f of new Set(titles)) {
          const firstLines = files[f]!.split('\n').filter((l) => l.trim().length > 8).slice(0, 3);
          for (const line of firstLines) expect(text, `${p}: ${name}/${f}: "${line.trim()}"`).toContain(line.trim().replace(/\s+/g, ' '));
        }
      }
    }
  });

  it('loads with no third-party request; the button is shown, labeled and keyboard-focusable with a visible focus ring', async () => {
    const { page, problems, requests } = await openPage(ctx, pageOf(NAME)!);
    const el = await tabToRunButton(page);
    const button = el.locator('button[data-run]');
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('type')).toBe('button');
    expect((await button.textContent())?.trim()).toBe('Run in StackBlitz');
    const outline = await button.evaluate((b) => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth);
    expect(outline).not.toMatch(/^none|0px$/);
    expect(requests().filter((u) => u.includes('stackblitz'))).toEqual([]);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('offline: pressing Run says so within 2 s, requests nothing, and the code stays', async () => {
    const { page, requests } = await openPage(ctx, pageOf(NAME)!);
    const el = await tabToRunButton(page);
    const codeBlocks = await el.locator('pre').count();
    await ctx.setOffline(true);
    try {
      const status = await pressRunExpectOffline(page, el);
      expect(await status.getAttribute('role')).toBe('status');
      // The message is outside the element the SDK would replace, and nothing was replaced.
      expect(await el.locator('.embed [data-status]').count()).toBe(0);
      expect(await el.locator('iframe').count()).toBe(0);
      expect(await el.locator('pre').count()).toBe(codeBlocks);
      expect(await el.locator('a.download').isVisible()).toBe(true);
      expect(await el.locator('button[data-run]').isEnabled()).toBe(true);
      // Nothing beyond the reachability probe (which Chromium sends or not depending on what its
      // version reports as navigator.onLine): no SDK, no project posted.
      expect(requests().filter((u) => !u.startsWith(baseUrl()) && u !== `${STACKBLITZ_ORIGIN}/`)).toEqual([]);
    } finally {
      await ctx.setOffline(false);
      await page.close();
    }
  });

  it.each([true, false])(
    'offline with navigator.onLine reading %s (browsers differ after an offline reload): the page says "offline" within 2 s',
    async (onLine) => {
      const other = await launchBrowser();
      await other.addInitScript((v) => Object.defineProperty(Navigator.prototype, 'onLine', { get: () => v, configurable: true }), onLine);
      const page = await other.newPage();
      try {
        await page.goto(new URL(pageOf(NAME)!, baseUrl()).href);
        const el = await tabToRunButton(page);
        await other.setOffline(true);
        await pressRunExpectOffline(page, el);
      } finally {
        await other.dispose();
      }
    },
  );

  it('StackBlitz unreachable (network up, host unreachable): the page says so within 2 s', async () => {
    const refuse = (route: Route) => route.abort('connectionrefused');
    await ctx.route(STACKBLITZ, refuse);
    const { page } = await openPage(ctx, pageOf(NAME)!);
    try {
      const el = await block(page);
      const elapsed = await messageClock(el);
      await el.locator('button[data-run]').click();
      const status = el.locator('[data-status][data-kind="error"]');
      await status.waitFor({ timeout: 5000 });
      expect(await elapsed()).toBeLessThan(2000);
      expect(await status.textContent()).toContain('StackBlitz cannot be reached');
      expect(await el.locator('iframe').count()).toBe(0);
      // While busy the button announced itself unavailable, and it is usable again with focus on it.
      const button = el.locator('button[data-run]');
      expect(await button.getAttribute('aria-disabled')).toBeNull();
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    } finally {
      await ctx.unroute(STACKBLITZ, refuse);
      await page.close();
    }
  });

  it('StackBlitz hanging (no answer): the probe gives up and the page says so within 2 s', async () => {
    const hang = () => new Promise<void>(() => {});
    await ctx.route(STACKBLITZ, hang);
    const { page } = await openPage(ctx, pageOf(NAME)!);
    try {
      const el = await block(page);
      const elapsed = await messageClock(el);
      const button = el.locator('button[data-run]');
      await button.click();
      // Busy: said so, still focused (a disabled button would have dropped focus to <body>).
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      await el.locator('[data-status][data-kind="error"]').waitFor({ timeout: 5000 });
      expect(await elapsed()).toBeLessThan(2000);
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    } finally {
      await ctx.unroute(STACKBLITZ, hang);
      await page.close();
    }
  });

  it("the site's CSP lets the StackBlitz SDK submit its project (the SDK's one inline script is hashed)", () => {
    const policy = metaPolicy(html(pageOf(NAME)!));
    expect(policy, 'no CSP meta tag').not.toBe('');
    expect(
      policy,
      `script-src must include ${SDK_SCRIPT_HASH}, the hash of STACKBLITZ_SDK_INLINE_SCRIPT (src/lib/stackblitz/sdkInlineScript.ts): ` +
        'without it the embed iframe never posts the project and StackBlitz never loads',
    ).toContain(SDK_SCRIPT_HASH);
    expect(policy).toMatch(/frame-src [^;]*https:\/\/stackblitz\.com/);
    expect(policy).toMatch(/form-action [^;]*https:\/\/stackblitz\.com/);
    expect(policy).toMatch(/connect-src [^;]*https:\/\/stackblitz\.com/);
  });

  it('StackBlitz reachable (stubbed): the SDK loads on click and the project it posts is exactly the example folder', async () => {
    let posted: URLSearchParams | undefined;
    let postedUrl = '';
    // Stands in for stackblitz.com: answers the probe, records the project form the SDK posts into
    // its iframe, and completes the SDK's handshake like the real editor does.
    const stub = async (route: Route) => {
      const req = route.request();
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/run') {
        posted = new URLSearchParams(req.postData() ?? '');
        postedUrl = req.url();
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>stub</title><script>
            addEventListener('message', (e) => {
              if (e.data && e.data.action === 'SDK_INIT') {
                const ch = new MessageChannel();
                e.source.postMessage({ action: 'SDK_INIT_SUCCESS', id: e.data.id, payload: {} }, '*', [ch.port2]);
              }
            });</script>`,
        });
      }
      return route.fulfill({ status: 200, contentType: 'image/x-icon', body: '' });
    };
    await ctx.route(STACKBLITZ, stub);
    const unrouteCsp = await allowSdkScript(ctx, pageOf(NAME)!);
    const { page, requests } = await openPage(ctx, pageOf(NAME)!);
    try {
      const el = await block(page);
      const before = requests().length;
      expect(requests().some((u) => u.includes('sdk'))).toBe(false); // the SDK is not loaded with the page
      await el.locator('button[data-run]').click();
      await el.locator('[data-status]', { hasText: 'Running in StackBlitz below' }).waitFor({ timeout: 10_000 });
      expect(requests().slice(before).some((u) => u.startsWith(baseUrl()) && /sdk/.test(u))).toBe(true);
      expect(await el.locator('.embed iframe').count()).toBe(1);

      expect(posted, 'the SDK posted no project').toBeTruthy();
      const files: Record<string, string> = {};
      for (const [k, v] of posted!) {
        const m = /^project\[files\]\[(.+)\]$/.exec(k);
        // Form submission turns every line break into CRLF (HTML spec, "newline normalization").
        if (m) files[m[1]!.replace(/%5B/g, '[').replace(/%5D/g, ']')] = v.replace(/\r\n/g, '\n');
      }
      expect(files).toEqual(examplePayload(NAME));
      expect(posted!.get('project[template]')).toBe('node');
      const url = new URL(postedUrl);
      expect(url.searchParams.get('view')).toBe('editor');
      expect(url.searchParams.get('file')).toBe('src/handler.ts');
      expect(await cspViolations(page)).toEqual([]);
    } finally {
      await ctx.unroute(STACKBLITZ, stub);
      await unrouteCsp();
      await page.close();
    }
  });

  it.each(exampleNames())('%s: the Download zip and the StackBlitz JSON served by the site hold the example files', async (name) => {
    const files = examplePayload(name);
    const zip = await fetch(new URL(`/examples/${name}.zip`, baseUrl()));
    expect(zip.status).toBe(200);
    const unzipped = Object.fromEntries(
      Object.entries(unzipSync(new Uint8Array(await zip.arrayBuffer()))).map(([p, b]) => [p.replace(`${name}/`, ''), strFromU8(b)]),
    );
    expect(unzipped).toEqual(files);
    const json = (await (await fetch(new URL(`/examples/${name}.json`, baseUrl()))).json()) as { files: Record<string, string> };
    expect(json.files).toEqual(files);
  });
});
