/* Registers the Lambda Lab service worker (offline reading) and tells the reader when a newer
 * version of the site has taken over. External file on purpose: the site's CSP allows no inline
 * script beyond Starlight's hashed ones. Added to every built page by src/integrations/offline.ts. */
(() => {
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
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
})();
