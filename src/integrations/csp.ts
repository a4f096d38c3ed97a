/**
 * Content-Security-Policy for the built site, computed from the built HTML.
 *
 * After Starlight has written the pages and the search index, this integration reads every
 * built HTML file, hashes each inline <script> (Starlight's theme and sidebar scripts, the small
 * module scripts Astro inlines), and writes one policy for the whole site:
 *  - as a <meta http-equiv="Content-Security-Policy"> tag, first thing after <meta charset>, in
 *    every page (so the policy also holds on hosts that ignore `_headers`);
 *  - in `dist/_headers` (Netlify / Cloudflare Pages format; scripts/serve.mjs applies it, so the
 *    browser tests run under it), together with the directives a meta tag cannot carry.
 * No 'unsafe-inline' for scripts. Inline event-handler attributes and `javascript:` URLs fail the
 * build, since no hash can allow them. Styles keep 'unsafe-inline': Starlight writes style
 * attributes (e.g. `--sl-icon-size`) on many elements.
 * The only third party is StackBlitz, and only after the reader clicks "Run in StackBlitz": a
 * reachability probe (connect-src), then the SDK posts a form (form-action) into the iframe it
 * creates (frame-src). Nothing else may be framed, fetched or loaded from another origin.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './htmlFiles.ts';
import { STACKBLITZ_SDK_INLINE_SCRIPT } from '../lib/stackblitz/sdkInlineScript.ts';

/**
 * Inline scripts that bundled libraries run in documents inheriting this policy, which the built
 * HTML does not show: @stackblitz/sdk writes an about:blank iframe (it inherits the page's CSP)
 * whose one script submits the project form to stackblitz.com.
 */
export const LIBRARY_INLINE_SCRIPTS = [STACKBLITZ_SDK_INLINE_SCRIPT];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const META_RE = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/i;

export const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy, as [directive, value] pairs, for a given set of inline-script hashes. */
export function policyDirectives(scriptHashes: string[]): [string, string][] {
  return [
    ['default-src', "'self'"],
    // 'wasm-unsafe-eval': Pagefind's search runs in WebAssembly (no JS eval is allowed).
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' ')],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    // stackblitz.com: the Run button's reachability probe (a no-cors fetch, only after a click).
    ['connect-src', "'self' https://stackblitz.com"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['frame-src', 'https://stackblitz.com'],
    ['form-action', "'self' https://stackblitz.com"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
  ];
}

/** Directives only honoured in an HTTP header (ignored, with a console warning, in a meta tag). */
const HEADER_ONLY: [string, string][] = [['frame-ancestors', "'none'"]];

const join = (d: [string, string][]) => d.map(([k, v]) => `${k} ${v}`).join('; ');

/** Inline scripts of one HTML document (the exact text between the tags, as the browser hashes it). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/.test(attrs)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase();
    // Data blocks (JSON, ld+json, templates) are not executed and need no hash.
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    out.push(m[2] ?? '');
  }
  return out;
}

export interface CspResult {
  policy: string;
  headerPolicy: string;
  hashes: string[];
  pages: number;
}

/** Hash every inline script in `dir`, inject the meta tag into every page, write `_headers`. */
export function applyCsp(dir: string): CspResult {
  const htmlFiles = listFiles(dir).filter((f) => f.endsWith('.html'));
  const hashes = new Set<string>(LIBRARY_INLINE_SCRIPTS.map(sha256));
  const problems: string[] = [];
  const docs = new Map<string, string>();
  for (const rel of htmlFiles) {
    const html = fs.readFileSync(path.join(dir, rel), 'utf8').replace(META_RE, '');
    docs.set(rel, html);
    for (const s of inlineScripts(html)) hashes.add(sha256(s));
    // Any tag with an on*="…" attribute or a javascript: URL cannot run under the policy.
    for (const m of html.matchAll(/<[a-z][\w-]*\b[^>]*?\son[a-z]+\s*=\s*["'][^>]*>/gi)) {
      problems.push(`${rel}: inline event handler ${m[0].slice(0, 120)}`);
    }
    for (const m of html.matchAll(/\s(?:href|src|action)\s*=\s*["']\s*javascript:[^"']*/gi)) {
      problems.push(`${rel}: javascript: URL ${m[0].trim().slice(0, 120)}`);
    }
  }
  if (problems.length) {
    throw new Error(`Content-Security-Policy: ${problems.length} inline handler(s) cannot be allowed without 'unsafe-inline':\n  ${problems.join('\n  ')}`);
  }
  const sorted = [...hashes].sort();
  const directives = policyDirectives(sorted);
  const policy = join(directives);
  const headerPolicy = join([...directives, ...HEADER_ONLY]);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`;
  for (const [rel, html] of docs) {
    let out: string;
    if (/<meta charset="[^"]*"\s*\/?>/i.test(html)) out = html.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => m + meta);
    else if (/<head[^>]*>/i.test(html)) out = html.replace(/<head[^>]*>/i, (m) => m + meta);
    else throw new Error(`Content-Security-Policy: ${rel} has no <head> to put the policy in.`);
    fs.writeFileSync(path.join(dir, rel), out);
  }
  writeHeaders(dir, headerPolicy);
  return { policy, headerPolicy, hashes: sorted, pages: docs.size };
}

/** `_headers` for static hosts: the CSP and security headers everywhere, caching rules per path. */
function writeHeaders(dir: string, headerPolicy: string) {
  const file = path.join(dir, '_headers');
  const begin = '# --- lambda-lab quality: begin (generated by src/integrations/csp.ts) ---';
  const end = '# --- lambda-lab quality: end ---';
  const block = [
    begin,
    '/*',
    `  Content-Security-Policy: ${headerPolicy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '/sw.js',
    '  Cache-Control: no-cache',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    end,
  ].join('\n');
  // Keep anything else a teammate (or public/_headers) put in the file.
  let existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const i = existing.indexOf(begin);
  const j = existing.indexOf(end);
  if (i >= 0 && j > i) existing = existing.slice(0, i) + existing.slice(j + end.length);
  fs.writeFileSync(file, `${block}\n${existing.trim() ? `${existing.trim()}\n` : ''}`);
}
