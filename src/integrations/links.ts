/**
 * Internal link and anchor check over the built site; fails the build on any broken one.
 *
 * For every built HTML page, every same-site URL in `<a href>`, `<link href>`, `<script src>`,
 * `<img src>`, `<source src>` and `<iframe src>` must resolve to a built file, page links must
 * follow `trailingSlash: 'always'` (`/lambda/x/`, not `/lambda/x`), and every `#fragment` must name
 * an element id (or `<a name>`) on the target page. External links are not fetched (no network
 * at build); `mailto:`, `tel:` and `data:` are ignored.
 *
 * Also usable on its own: `checkLinks(distDir)` returns the list of problems
 * (tests/browser/links.test.ts runs it on dist/ and on a deliberately broken fixture).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeEntities, fileToUrl, listFiles } from './htmlFiles.ts';

const TAG = /<(a|link|script|img|source|iframe)\b([^>]*)>/gi;
const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i');

export interface LinkProblem {
  page: string;
  href: string;
  reason: string;
}

/** Element ids (and `<a name>`s) of one HTML document. */
export function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][\w-]*\b[^>]*?\s(?:id|name)\s*=\s*"([^"]*)"/gi)) ids.add(decodeEntities(m[1] ?? ''));
  return ids;
}

export function checkLinks(dir: string, { site = 'https://lambda-lab.example.org' } = {}): LinkProblem[] {
  const files = listFiles(dir);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const idCache = new Map<string, Set<string>>();
  const ids = (rel: string) => {
    let s = idCache.get(rel);
    if (!s) idCache.set(rel, (s = idsOf(fs.readFileSync(path.join(dir, rel), 'utf8'))));
    return s;
  };
  const siteOrigin = new URL(site).origin;
  const problems: LinkProblem[] = [];

  for (const rel of htmlFiles) {
    const page = rel === '404.html' ? '/404.html' : fileToUrl(rel);
    const html = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const m of html.matchAll(TAG)) {
      const tag = (m[1] ?? '').toLowerCase();
      const attrs = m[2] ?? '';
      const attrName = tag === 'a' || tag === 'link' ? 'href' : 'src';
      const am = ATTR(attrName).exec(attrs);
      if (!am) continue;
      const raw = decodeEntities(am[1] ?? am[2] ?? '').trim();
      // Starlight gives its 404 page a canonical URL of /404/ (the file is /404.html): not a link a reader follows.
      if (rel === '404.html' && tag === 'link' && /\srel\s*=\s*"canonical"/i.test(attrs)) continue;
      if (!raw || /^(mailto:|tel:|data:|blob:|javascript:)/i.test(raw)) continue;
      // <link rel=canonical/alternate/sitemap> point at the public site address: check their path.
      let url: URL;
      try {
        url = new URL(raw, `${siteOrigin}${page}`);
      } catch {
        problems.push({ page, href: raw, reason: 'unparseable URL' });
        continue;
      }
      if (url.origin !== siteOrigin) continue; // external: not checked offline
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        problems.push({ page, href: raw, reason: 'bad percent-encoding' });
        continue;
      }
      let target: string | undefined;
      const relPath = pathname.replace(/^\//, '');
      if (pathname.endsWith('/')) target = fileSet.has(`${relPath}index.html`) ? `${relPath}index.html` : undefined;
      else if (fileSet.has(relPath)) target = relPath;
      else if (fileSet.has(`${relPath}/index.html`)) {
        problems.push({ page, href: raw, reason: 'page link without trailing slash (trailingSlash: always)' });
        continue;
      }
      if (!target) {
        problems.push({ page, href: raw, reason: 'no such page or file' });
        continue;
      }
      if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
        let frag: string;
        try {
          frag = decodeURIComponent(url.hash.slice(1));
        } catch {
          frag = url.hash.slice(1);
        }
        if (!ids(target).has(frag)) problems.push({ page, href: raw, reason: `no element with id "${frag}" on ${fileToUrl(target)}` });
      }
    }
  }
  return problems;
}

export const formatProblems = (ps: LinkProblem[]) => ps.map((p) => `${p.page}: ${p.href} → ${p.reason}`).join('\n  ');
