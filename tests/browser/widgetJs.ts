/**
 * JavaScript a widget costs, gzip, from the built dist/_astro files: its page entry with every chunk it
 * statically imports, plus the worker(s) it starts, plus chunks it lazy-loads — everything the page
 * can download for it (the same rule as tests/browser/budgets.test.ts, which also subtracts Starlight's
 * baseline). `entryName` is the widget's component name, e.g. 'PricingCalculator'.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.env.LL_DIST || 'dist';

export function widgetJs(entryName: string): { page: number; worker: number; lazy: number; files: string[] } {
  const dir = path.join(dist, '_astro');
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const deps = (f: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(f)) return seen;
    seen.add(f);
    for (const m of read(f).matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) deps(m[1]!, seen);
    return seen;
  };
  const entry = fs.readdirSync(dir).find((f) => f.startsWith(`${entryName}.astro_astro_type_script`));
  if (!entry) throw new Error(`no built entry for ${entryName}`);
  const page = [...deps(entry)];
  const workers = [...new Set(page.flatMap((f) => [...read(f).matchAll(/([\w.-]+(?:\.worker|Worker)-[\w-]+\.js)/g)].map((m) => m[1]!)))];
  const lazyEntries = page.flatMap((f) => [...read(f).matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)].map((m) => m[1]!));
  const lazy = [...new Set(lazyEntries.flatMap((f) => [...deps(f)]))].filter((f) => !page.includes(f));
  const sum = (fs_: string[]) => fs_.reduce((n, f) => n + gz(f), 0);
  return { page: sum(page), worker: sum(workers), lazy: sum(lazy), files: [...page, ...workers, ...lazy] };
}
