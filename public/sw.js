/* Development stand-in for the service worker. `astro build` replaces dist/sw.js with the real one
 * (src/integrations/offline.ts). Under `astro dev` this file is what /sw.js serves: if a browser
 * still has the built site's worker for this origin (say after `npm start` on the same port), its
 * update check installs this one, which removes the offline caches, unregisters itself and reloads
 * the open pages, so the dev server's pages are never hidden behind a stale cache. */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k.startsWith('lambda-lab-')) await caches.delete(k);
      await self.registration.unregister();
      for (const c of await self.clients.matchAll({ type: 'window' })) c.navigate(c.url).catch(() => {});
    })(),
  );
});
