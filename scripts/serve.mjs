#!/usr/bin/env node
/**
 * A small static server for the built site (dist/), used by `npm start` and by the browser tests.
 *
 * Why not `astro preview`: it forks (stopping the npx PID leaves a server running, see
 * ../shared/STACK-NOTES.md), and we want the exact behaviour of a static host: directory
 * index.html, `/path` → `/path/` redirects, 404.html with status 404, and the headers of
 * `dist/_headers` (Netlify/Cloudflare format), so the Content-Security-Policy we ship is the one
 * the tests run under.
 *
 * Usage: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--root dist]
 * Module: `startServer({ root, port, host })` → Promise<{ url, port, close() }>.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
  // pagefind index files are binary
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Parse a `_headers` file: blocks of a path pattern followed by indented `Name: value` lines. */
export function parseHeadersFile(text) {
  const rules = [];
  let current = null;
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (/^\s/.test(raw)) {
      if (!current) continue;
      const i = raw.indexOf(':');
      if (i > 0) current.headers.push([raw.slice(0, i).trim(), raw.slice(i + 1).trim()]);
    } else {
      current = { pattern: raw.trim(), headers: [] };
      rules.push(current);
    }
  }
  return rules;
}

function matches(pattern, urlPath) {
  if (pattern.endsWith('*')) return urlPath.startsWith(pattern.slice(0, -1));
  return pattern === urlPath;
}

export function startServer({ root = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const rootDir = path.resolve(root);
  if (!fs.existsSync(path.join(rootDir, 'index.html'))) {
    return Promise.reject(new Error(`No built site in ${rootDir}: run \`npx astro build\` first.`));
  }
  const headersPath = path.join(rootDir, '_headers');
  const rules = fs.existsSync(headersPath) ? parseHeadersFile(fs.readFileSync(headersPath, 'utf8')) : [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let urlPath;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    for (const rule of rules) {
      if (matches(rule.pattern, urlPath)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    }
    let file = path.join(rootDir, urlPath);
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: `${urlPath}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) {
      const notFound = path.join(rootDir, '404.html');
      res.writeHead(404, { 'Content-Type': MIME['.html'] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const cache = urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': cache });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const port = Number(get('port', process.env.PORT ?? 4321));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535 (got ${get('port', '')})`);
    process.exit(2);
  }
  startServer({ root: get('root', 'dist'), port, host: get('host', '127.0.0.1') })
    .then(({ url }) => console.log(`Lambda Lab is being served at ${url.replace('127.0.0.1', 'localhost')}/ (Ctrl+C to stop)`))
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
