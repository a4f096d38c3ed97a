/* Registers the Lambda Lab service worker (offline reading) and tells the reader when a newer
 * version of the site has taken over. External file on purpose: the site's CSP allows no inline
 * script beyond Starlight's hashed ones. Added to every built page by src/integrations/offline.ts. */
(() => {
  /** How long after `load` the worker is registered (see the end of this file). */
  const REGISTER_DELAY_MS = 3000;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  // Only a page that was already controlled by an older worker has something to update.
  let hadController = !!sw.controller;
  let shown = false;

  function showNotice() {
    if (shown || !document.body) return;
    shown = true;
    const box = document.createElement('div');
    box.className = 'll-update-notice';
    box.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = 'Lambda Lab has been updated. Reload to read the latest version (it also applies on your next page).';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', () => location.reload());
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => box.remove());
    box.append(text, reload, dismiss);
    document.body.append(box);
  }

  sw.addEventListener('controllerchange', () => {
    if (hadController) showNotice();
    hadController = true;
  });

  const register = () =>
    sw.register('/sw.js', { scope: '/' }).then((reg) => {
      // Long-lived tabs: look for a new build when the reader comes back to the tab.
      let last = Date.now();
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && Date.now() - last > 30 * 60 * 1000) {
          last = Date.now();
          reg.update().catch(() => {});
        }
      });
    }).catch((e) => console.warn('Offline reading is unavailable:', e));
  // Not at `load`: the first install downloads and caches the whole site (about 2.6 MB, six requests
  // at a time) in this page's renderer process. Started at load, it ran alongside the page's own
  // rendering and widget start-up (a Lighthouse trace of the overview page: the worker thread busy
  // from load to 2.2 s on a 2-core machine). So: a few seconds after load, when the browser is idle.
  // A reader who goes offline within those seconds of the first visit has no offline copy yet.
  const idle = window.requestIdleCallback || ((cb) => setTimeout(cb, 1));
  const later = () => setTimeout(() => idle(register, { timeout: 10000 }), REGISTER_DELAY_MS);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
})();
