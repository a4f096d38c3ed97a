/**
 * Vite plugin (registered in astro.config.mjs): Starlight's search loads Pagefind's UI when the reader
 * first reaches for search, not when the browser is first idle after load.
 *
 * Why: Starlight's `<site-search>` imports Pagefind's UI (≈ 94 KB of script) and renders it into the
 * closed dialog on the first idle callback after DOMContentLoaded, on every page. Under Lighthouse's
 * mobile CPU throttling that is a 300–400 ms task inside the load window of a long page (the insertion
 * re-checks Starlight's `body:has(…:popover-open)` rule), for a dialog most readers never open.
 *
 * How: the one line that picks the idle callback in Starlight's script is replaced, so the callback
 * runs on the first sign the reader wants search: the pointer over or pressed on the search button, the
 * button focused, or Ctrl/⌘+K. A reader who types before Pagefind has arrived types into the stand-in
 * input (src/lib/search/earlySearchInput.ts), which hands text, caret and focus to Pagefind's input.
 * The build fails if Starlight's script no longer contains the line, so an upgrade cannot silently
 * bring the eager load back (tests/browser/search.test.ts also checks no Pagefind file loads with a page).
 */
import type { Plugin } from 'vite';

/** Starlight 0.42's idle scheduler inside `SiteSearch`'s DOMContentLoaded handler (Search.astro). */
export const STARLIGHT_IDLE_LINE = 'const onIdle = window.requestIdleCallback || ((cb) => setTimeout(cb, 1));';

/**
 * Runs `cb` once, on the first intent to search. `openBtn` is in scope where this replaces the idle
 * line (Starlight's constructor). Ctrl/⌘+K is heard on window, as Starlight's own shortcut is.
 */
export const LAZY_LINE =
  'const onIdle = (cb) => { let started = false; const go = () => { if (started) return; started = true; cb(); };' +
  " for (const type of ['pointerenter', 'pointerdown', 'focus']) openBtn.addEventListener(type, go, { once: true, passive: true });" +
  " window.addEventListener('keydown', (e) => { if ((e.metaKey || e.ctrlKey) && e.key === 'k') go(); }); };";

/** True for Starlight's Search component script module, as Astro names it for Vite. */
const isStarlightSearchScript = (id: string) => /@astrojs[\\/]starlight[\\/].*components[\\/]Search\.astro\?astro&type=script/.test(id);

export function lazyPagefind(): Plugin {
  return {
    name: 'lambda-lab:lazy-pagefind',
    enforce: 'pre',
    transform(code, id) {
      if (!isStarlightSearchScript(id)) return null;
      if (!code.includes(STARLIGHT_IDLE_LINE)) {
        this.error(`lazy-pagefind: Starlight's search script no longer contains "${STARLIGHT_IDLE_LINE}"; update src/integrations/lazyPagefind.ts for this Starlight version.`);
      }
      return { code: code.replace(STARLIGHT_IDLE_LINE, LAZY_LINE), map: null };
    },
  };
}
