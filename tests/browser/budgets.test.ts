/**
 * Size budgets, per page type, measured on the build (gzip level 9 sizes, as a host serves them):
 *  - Starlight's baseline: the JavaScript of Starlight itself (its page scripts, its search UI loaded
 *    when idle, table of contents, code-block copy button) plus the service-worker registration;
 *    measured on the 404 page and Starlight's component scripts. Capped, so growth shows.
 *  - A plain page (no widget, no runnable example): no JavaScript beyond that baseline.
 *  - Each widget: its own JavaScript (its script, everything that script can import, and its Web
 *    Worker), minus what the baseline already loads, within 30 KB.
 *  - HTML per page, raw and gzip.
 * A page's JavaScript is everything reachable from the /_astro/ files its HTML references (script
 * tags, module preloads, islands, inline imports), following static imports, dynamic imports and
 * worker URLs — what the page can download, not only what a first paint runs. The table is printed
 * on every run; the test fails when a budget is exceeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages } from './harness.ts';
import { gz, gzipOf as sum, jsClosure as closure, jsFiles, referencedJs, widgetEntries, widgetJs, WIDGET_JS_BUDGET_GZIP } from './widgetJs.ts';

export const BUDGETS = {
  /** Starlight's own JS (about 31 KB gzip, measured on the 404 page) + the SW registration (about 1 KB). */
  baselineJsGzip: 34 * 1024,
  widgetJsGzip: WIDGET_JS_BUDGET_GZIP,
  /** Measured 2026-11-27: the largest page (event-sources, four runnable examples) was 318 KB / 42 KB. */
  htmlRaw: 400 * 1024,
  htmlGzip: 60 * 1024,
};

const dist = path.resolve(process.env.LL_DIST || 'dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The site-wide scripts outside /_astro/ (the service-worker registration), by URL path. */
function extraJs(html: string): { name: string; gzip: number }[] {
  return [...html.matchAll(/<script[^>]*\ssrc="(\/[^"_][^"]*\.js)"/g)].map((m) => ({ name: m[1]!, gzip: gz(fs.readFileSync(path.join(dist, m[1]!))) }));
}

function pageJs(html: string) {
  const files = closure(referencedJs(html));
  const extra = extraJs(html);
  return { files, gzip: sum(files) + extra.reduce((s, e) => s + e.gzip, 0) };
}

const pages = builtPages(dist);
const htmlOf = (p: string) => fs.readFileSync(path.join(dist, p === '/404.html' ? '404.html' : `${p}index.html`), 'utf8');
const isWidgetPage = (h: string) => /class="(?:[^"]*\s)?ll-widget(?:-placeholder)?(?:\s[^"]*)?"/.test(h);
const isExamplePage = (h: string) => h.includes('<runnable-example');

/**
 * Starlight's baseline: what the 404 page loads (Starlight's page scripts, search UI, Astro's page
 * script, the SW registration), plus the scripts of Starlight's own components that only appear on
 * some pages (table of contents, tabs, …) and Expressive Code's copy button (`ec.*.js`), with
 * everything they import.
 */
const starlightComponents = new Set(
  ['components', 'components-internals', 'user-components'].flatMap((d) => {
    const dir = path.join('node_modules/@astrojs/starlight/dist', d);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.astro')).map((f) => f.replace(/\.astro$/, '')) : [];
  }),
);
const starlightChunks = jsFiles.filter((f) => starlightComponents.has(f.split('.astro_astro_type_script_')[0]!) && f.includes('.astro_astro_type_script_'));
const ecChunks = jsFiles.filter((f) => /^ec\.[\w-]+\.js$/.test(f));
const page404 = pageJs(htmlOf('/404.html'));
const baselineFiles = closure([...page404.files, ...starlightChunks, ...ecChunks]);
const baseline = { files: baselineFiles, gzip: sum(baselineFiles) + extraJs(htmlOf('/404.html')).reduce((s, e) => s + e.gzip, 0) };

const widgetNames = fs
  .readdirSync('src/widgets', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name);

describe('size budgets', () => {
  it("Starlight's baseline JavaScript, measured on the 404 page, stays within its budget", () => {
    console.log(`budgets: Starlight baseline JS ${kb(baseline.gzip)} gzip (404 page: ${kb(page404.gzip)}; ${[...baseline.files].join(', ')}, sw-register.js); budget ${kb(BUDGETS.baselineJsGzip)}`);
    expect(starlightComponents.size).toBeGreaterThan(10);
    expect(baseline.files.size).toBeGreaterThan(0);
    expect(baseline.gzip).toBeLessThanOrEqual(BUDGETS.baselineJsGzip);
  });

  it('per page: HTML within budget; a plain page loads no JavaScript beyond the baseline', () => {
    const rows: string[] = [];
    const over: string[] = [];
    let plain = 0;
    for (const p of [...pages, '/404.html']) {
      const h = htmlOf(p);
      const raw = Buffer.byteLength(h);
      const hgz = gz(h);
      const js = pageJs(h);
      const kind = isWidgetPage(h) ? 'widget' : isExamplePage(h) ? 'example' : 'plain';
      const beyond = [...js.files].filter((f) => !baseline.files.has(f));
      rows.push(
        `  ${p.padEnd(36)} ${kind.padEnd(8)} HTML ${kb(raw).padStart(9)} raw ${kb(hgz).padStart(8)} gzip   JS ${kb(js.gzip).padStart(8)} gzip (beyond baseline ${kb(sum(beyond))})`,
      );
      if (raw > BUDGETS.htmlRaw) over.push(`${p}: HTML ${kb(raw)} raw > ${kb(BUDGETS.htmlRaw)}`);
      if (hgz > BUDGETS.htmlGzip) over.push(`${p}: HTML ${kb(hgz)} gzip > ${kb(BUDGETS.htmlGzip)}`);
      if (kind === 'plain') {
        plain++;
        if (js.gzip > baseline.gzip || beyond.length) over.push(`${p}: plain page loads JS beyond Starlight's baseline: ${beyond.join(', ') || kb(js.gzip)}`);
      }
    }
    console.log(`budgets: per page (HTML ≤ ${kb(BUDGETS.htmlRaw)} raw and ≤ ${kb(BUDGETS.htmlGzip)} gzip; plain pages' JS ≤ baseline ${kb(baseline.gzip)})\n${rows.join('\n')}`);
    expect(plain).toBeGreaterThan(0);
    expect(over).toEqual([]);
  });

  it('each widget ships at most 30 KB of gzip JavaScript (its script, imports and worker, beyond the baseline)', () => {
    const rows: string[] = [];
    const over: string[] = [];
    let measured = 0;
    for (const name of widgetNames) {
      const entries = widgetEntries(name);
      const used = pages.some((p) => htmlOf(p).includes(`${name}.astro_astro_type_script_`));
      if (!entries.length) {
        rows.push(`  ${name.padEnd(20)} no script yet (placeholder or server-only)`);
        continue;
      }
      expect(used, `${name}: its script is built but no page references it`).toBe(true);
      measured++;
      const { files, page, worker, total } = widgetJs(name, baseline.files);
      rows.push(`  ${name.padEnd(20)} ${kb(total).padStart(8)} gzip (main thread ${kb(page)}, worker ${kb(worker)}): ${files.join(', ')}`);
      if (total > WIDGET_JS_BUDGET_GZIP) over.push(`${name}: ${kb(total)} > ${kb(WIDGET_JS_BUDGET_GZIP)}`);
    }
    console.log(`budgets: widgets (≤ ${kb(BUDGETS.widgetJsGzip)} gzip each)\n${rows.join('\n')}`);
    expect(widgetNames.length).toBeGreaterThan(0);
    expect(measured + rows.filter((r) => r.includes('no script yet')).length).toBe(widgetNames.length);
    expect(over).toEqual([]);
  });

  it('the measurement follows imports (a widget entry reaches at least one more file, or none exist yet)', () => {
    const entries = widgetNames.flatMap(widgetEntries);
    if (entries.length) expect(Math.max(...entries.map((e) => closure([e]).size))).toBeGreaterThan(1);
    // The baseline includes the search UI, loaded when the reader reaches for search (a dynamic import).
    expect([...page404.files].some((f) => /ui-core|pagefind/i.test(f))).toBe(true);
  });
});
