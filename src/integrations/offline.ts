/**
 * Offline reading: a build-time precache manifest and a hand-written service worker.
 *
 * `buildServiceWorker(dir)` (run by ./quality.ts after Starlight has written the Pagefind index,
 * after the CSP step has finished editing the HTML):
 *  - lists every page, stylesheet, script, Pagefind index file and icon in the build, each with a
 *    content hash; the manifest's version is a hash over all of them;
 *  - writes `sw.js` (./offline/sw.js with the manifest inlined, so every new build is a
 *    byte-different worker that the browser installs) and `sw-register.js`, and a copy of the
 *    manifest as `precache-manifest.json` (for tests and for humans; not precached);
 *  - fails when the precache is over the 3 MB budget.
 * `injectRegisterScript(dir)` adds `<script src="/sw-register.js" defer>` to every built page
 * (external, so it needs no CSP hash; only in builds, so `astro dev` never registers a worker).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileToUrl, listFiles } from './htmlFiles.ts';

/** Precache budget: the whole site after one visit must stay under this many bytes. */
export const PRECACHE_BUDGET_BYTES = 3_000_000;

export const NOT_FOUND_URL = '/404.html';
export const REGISTER_SCRIPT = '/sw-register.js';
const REGISTER_TAG = `<script src="${REGISTER_SCRIPT}" defer></script>`;

/** Files of the build that are not precached, and why. */
const EXCLUDE: [RegExp, string][] = [
  [/^404\.html$/, 'a real host answers 404 for it (fails the install); stored best-effort instead'],
  [/^(sw\.js|precache-manifest\.json)$/, 'the worker and its manifest'],
  [/^_(headers|redirects)$/, 'host configuration'],
  [/^sitemap.*\.xml$|^robots\.txt$/, 'for crawlers'],
  [/\.map$/, 'source maps'],
  // The StackBlitz project payloads are only ever posted to stackblitz.com, which needs a network;
  // offline the Run button says so without fetching them. (The example zips are precached.)
  [/^examples\/[^/]+\.json$/, 'StackBlitz payloads: useless offline'],
  // Starlight bundles @pagefind/default-ui itself and loads only pagefind.js, its worker, the
  // wasm and the index files from /pagefind/; the prebuilt UI variants are never requested.
  [/^pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/, 'Pagefind UI bundles Starlight does not use'],
];

export interface PrecacheEntry {
  url: string;
  hash: string;
  bytes: number;
}
export interface PrecacheManifest {
  version: string;
  notFound: string;
  bytes: number;
  entries: [url: string, hash: string, bytes: number][];
}

const hashOf = (buf: Buffer | string) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const here = path.dirname(fileURLToPath(import.meta.url));

export function injectRegisterScript(dir: string): number {
  let n = 0;
  for (const rel of listFiles(dir).filter((f) => f.endsWith('.html'))) {
    const file = path.join(dir, rel);
    const html = fs.readFileSync(file, 'utf8');
    if (html.includes(REGISTER_TAG)) continue;
    if (!html.includes('</head>')) throw new Error(`offline: ${rel} has no </head> for the service worker registration.`);
    fs.writeFileSync(file, html.replace('</head>', `${REGISTER_TAG}</head>`));
    n++;
  }
  return n;
}

/** The precache manifest of a built site (call after every step that edits files in `dir`). */
export function precacheManifest(dir: string): PrecacheManifest {
  // sw-register.js must exist before the manifest is computed: it is precached too.
  const entries: PrecacheManifest['entries'] = [];
  for (const rel of listFiles(dir)) {
    if (EXCLUDE.some(([re]) => re.test(rel))) continue;
    if (rel.endsWith('.html') && !(rel === 'index.html' || rel.endsWith('/index.html'))) continue;
    const buf = fs.readFileSync(path.join(dir, rel));
    entries.push([fileToUrl(rel), hashOf(buf), buf.length]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const version = hashOf(entries.map((e) => `${e[0]} ${e[1]}`).join('\n'));
  const bytes = entries.reduce((s, e) => s + e[2], 0);
  return { version, notFound: NOT_FOUND_URL, bytes, entries };
}

export interface BuildResult extends PrecacheManifest {
  pages: number;
}

export function buildServiceWorker(dir: string): BuildResult {
  fs.copyFileSync(path.join(here, 'offline', 'sw-register.js'), path.join(dir, REGISTER_SCRIPT.slice(1)));
  const manifest = precacheManifest(dir);
  const pages = manifest.entries.filter(([u]) => u.endsWith('/')).length;
  const mustHave = ['/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', REGISTER_SCRIPT];
  for (const u of mustHave) {
    if (!manifest.entries.some(([e]) => e === u)) throw new Error(`offline: ${u} is missing from the precache manifest (did Pagefind run first?).`);
  }
  for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pagefind']) {
    if (!manifest.entries.some(([e]) => e.endsWith(ext))) throw new Error(`offline: no Pagefind ${ext} file in the precache manifest.`);
  }
  if (manifest.bytes > PRECACHE_BUDGET_BYTES) {
    const top = [...manifest.entries].sort((a, b) => b[2] - a[2]).slice(0, 10).map(([u, , b]) => `${(b / 1024).toFixed(1)} KB ${u}`);
    throw new Error(
      `offline: precache is ${(manifest.bytes / 1e6).toFixed(2)} MB, over the ${PRECACHE_BUDGET_BYTES / 1e6} MB budget. Largest files:\n  ${top.join('\n  ')}`,
    );
  }
  const template = fs.readFileSync(path.join(here, 'offline', 'sw.js'), 'utf8');
  if (!template.includes('self.__LL_MANIFEST__')) throw new Error('offline: sw.js template lost its manifest placeholder.');
  const sw = template.replace('self.__LL_MANIFEST__', JSON.stringify({ version: manifest.version, notFound: manifest.notFound, entries: manifest.entries.map(([u, h]) => [u, h]) }));
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  fs.writeFileSync(path.join(dir, 'precache-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { ...manifest, pages };
}
