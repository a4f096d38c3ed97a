/**
 * The one measure of what JavaScript costs, shared by budgets.test.ts and the widget tests: gzip (level 9,
 * as a host serves it) of built dist/_astro files, following every file a file names — static imports,
 * dynamic imports and worker URLs alike — so it counts everything a page can download, not only what a
 * first paint runs. `widgetJs('PricingCalculator')` is a widget's own cost: its page script, everything
 * that script can reach, and its Web Worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Each widget's JavaScript (page script + imports + worker, beyond Starlight's baseline), gzip. */
export const WIDGET_JS_BUDGET_GZIP = 30 * 1024;

const dist = path.resolve(process.env.LL_DIST || 'dist');
export const astroDir = path.join(dist, '_astro');
export const jsFiles = fs.existsSync(astroDir) ? fs.readdirSync(astroDir).filter((f) => f.endsWith('.js')) : [];
export const gz = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 9 }).length;
const jsGzip = new Map(jsFiles.map((f) => [f, gz(fs.readFileSync(path.join(astroDir, f)))]));

/** /_astro/*.js files named in a text (HTML or JS), by base name. */
export function referencedJs(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/([\w.@-]+\.js)\b/g)) if (jsGzip.has(m[1]!)) out.add(m[1]!);
  return [...out];
}

/** Every JS file reachable from `roots`, following imports, dynamic imports and worker URLs. */
export function jsClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const d of referencedJs(fs.readFileSync(path.join(astroDir, f), 'utf8'))) stack.push(d);
  }
  return seen;
}

/** Summed gzip size of built JS files. */
export const gzipOf = (files: Iterable<string>) => [...files].reduce((s, f) => s + (jsGzip.get(f) ?? 0), 0);

/** The built page scripts of a widget (its `.astro` file's `<script>`). */
export const widgetEntries = (name: string) => jsFiles.filter((f) => f.startsWith(`${name}.astro_astro_type_script_`));

/**
 * A widget's JavaScript: `files` reachable from its page script (minus `exclude`, e.g. the baseline),
 * the worker files among them, and gzip totals: main thread, worker, all.
 */
export function widgetJs(name: string, exclude: ReadonlySet<string> = new Set()) {
  const entries = widgetEntries(name);
  if (!entries.length) throw new Error(`no built page script for ${name}`);
  const files = [...jsClosure(entries)].filter((f) => !exclude.has(f));
  const workers = files.filter((f) => /worker/i.test(f));
  const worker = gzipOf(workers);
  const total = gzipOf(files);
  return { files, workers, page: total - worker, worker, total };
}
