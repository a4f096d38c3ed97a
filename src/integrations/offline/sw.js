/* Lambda Lab service worker (generated at build by src/integrations/offline.ts; do not edit dist/sw.js).
 *
 * Precaches every page, stylesheet, script, Pagefind index file and icon listed in the build's
 * manifest, so that after one visit the whole site works offline, search included.
 *  - A new build means a new manifest, so a new sw.js (byte-different), so the browser installs it:
 *    files whose hash did not change are copied from the old cache, the rest are fetched; then it
 *    takes over at once (skipWaiting + clients.claim) and deletes the old cache. Open pages get a
 *    "site updated" notice (sw-register.js); the next navigation is served from the new cache.
 *  - Query strings are ignored for precached files: Pagefind asks for pagefind-entry.json?ts=<now>,
 *    and widget pages keep their state in the URL.
 *  - 404.html is not precached (a real host answers 404 for it, which would fail the install); it
 *    is stored best-effort and served, with status 404, for unknown pages when offline.
 */
const MANIFEST = self.__LL_MANIFEST__;
const PREFIX = 'lambda-lab-precache-';
const CACHE = PREFIX + MANIFEST.version;
const HASH_HEADER = 'x-ll-hash';
const HASHES = new Map(MANIFEST.entries.map(([url, hash]) => [url, hash]));

function stamp(res, hash) {
  const headers = new Headers(res.headers);
  headers.set(HASH_HEADER, hash);
  return res.blob().then((body) => new Response(body, { status: res.status, statusText: res.statusText, headers }));
}

async function precacheOne(cache, oldCaches, url, hash) {
  const have = await cache.match(url);
  if (have && have.headers.get(HASH_HEADER) === hash) return;
  for (const old of oldCaches) {
    const r = await old.match(url);
    if (r && r.headers.get(HASH_HEADER) === hash) return cache.put(url, r);
  }
  const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`precache: ${url} answered ${res.status}`);
  return cache.put(url, await stamp(res, hash));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const oldNames = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      const oldCaches = await Promise.all(oldNames.map((k) => caches.open(k)));
      const queue = MANIFEST.entries.slice();
      const worker = async () => {
        for (let e = queue.shift(); e; e = queue.shift()) await precacheOne(cache, oldCaches, e[0], e[1]);
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      try {
        const nf = await fetch(MANIFEST.notFound, { cache: 'no-cache', credentials: 'same-origin' });
        if (nf.status === 200 || nf.status === 404) await cache.put(MANIFEST.notFound, await stamp(nf, ''));
      } catch {
        /* offline page for unknown URLs is a nice-to-have */
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k.startsWith(PREFIX) && k !== CACHE) await caches.delete(k);
      await self.clients.claim();
    })(),
  );
});

/** The manifest URL for a request path, ignoring the query string; null when not precached. */
function precachedPath(pathname) {
  if (HASHES.has(pathname)) return pathname;
  if (pathname.endsWith('/index.html') && HASHES.has(pathname.slice(0, -10))) return pathname.slice(0, -10);
  return null;
}

async function fromCache(path, request) {
  const hit = await caches.match(path, { cacheName: CACHE });
  if (hit) return hit;
  return fetch(request);
}

async function unknownPage(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const nf = await caches.match(MANIFEST.notFound, { cacheName: CACHE });
    if (!nf) throw err;
    return new Response(nf.body, { status: 404, statusText: 'Not Found', headers: nf.headers });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = precachedPath(url.pathname);
  if (path) {
    event.respondWith(fromCache(path, request));
  } else if (request.mode === 'navigate') {
    // trailingSlash: 'always' — answer /page like the host does, with a redirect to /page/.
    if (!url.pathname.endsWith('/') && HASHES.has(`${url.pathname}/`)) {
      event.respondWith(Response.redirect(`${url.pathname}/${url.search}${url.hash}`, 301));
    } else {
      event.respondWith(unknownPage(request));
    }
  }
});

self.addEventListener('message', (event) => {
  if (event.data === 'll:version' && event.ports[0]) event.ports[0].postMessage({ version: MANIFEST.version, entries: MANIFEST.entries.length });
});
