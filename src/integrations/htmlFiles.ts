/**
 * Small helpers shared by the build-time quality integrations (csp, links, offline):
 * walk the built site and map files to the URLs a browser asks for.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as POSIX paths relative to it ('index.html', '_astro/x.js', …), sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** 'lambda/x/index.html' → '/lambda/x/', 'index.html' → '/', '_astro/a.js' → '/_astro/a.js'. */
export function fileToUrl(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Decode the few HTML entities Astro writes into attribute values. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
