/**
 * Can the reader reach StackBlitz right now, and if not, is it StackBlitz or the reader's whole
 * network? Decided in at most `timeoutMs` (1.5 s by default), so the page can say so within
 * 2 seconds. The StackBlitz SDK cannot tell us: offline, its iframe just shows the browser's error
 * page and its promise rejects with a string only after ~10.5 s.
 *
 * `navigator.onLine === false` is definitive, but `true` proves nothing: Chromium reports true in a
 * page reloaded while offline (and a page served by the service worker loads fine with no network
 * at all). So two probes run side by side — StackBlitz itself and this site's own origin, over the
 * network — and:
 *   StackBlitz answers                           → 'online'
 *   StackBlitz fails, this site fails too         → 'offline'   (no network: nothing answers)
 *   StackBlitz fails, this site answers           → 'unreachable' (StackBlitz blocked or down)
 * The rule depends on what the network does, not on how a browser version reports onLine.
 *
 * No DOM, no globals: the caller passes `navigator.onLine` and both probes, so tests can drive it.
 */
export type Reachability = 'online' | 'offline' | 'unreachable';

export const STACKBLITZ_ORIGIN = 'https://stackblitz.com';
export const PROBE_TIMEOUT_MS = 1500;
/** Query marker of the site probe, so a test can tell it from the page's own requests. */
export const SITE_PROBE_QUERY = 'll-network-check';

export interface ReachabilityCheck {
  /** `navigator.onLine`: false is definitive; true only means "some network interface is up". */
  onLine: boolean;
  /** Resolves if StackBlitz answered at all, rejects otherwise. */
  probe: (signal: AbortSignal) => Promise<unknown>;
  /**
   * Resolves if this site's own host answered over the network (not from the service worker's
   * cache), rejects otherwise. Without it, a failed StackBlitz probe reads as 'unreachable'.
   */
  siteProbe?: (signal: AbortSignal) => Promise<unknown>;
  timeoutMs?: number;
}

/** true if `p` settles successfully before `deadline` rejects. */
const succeeds = (p: Promise<unknown>, deadline: Promise<never>): Promise<boolean> =>
  Promise.race([p, deadline]).then(
    () => true,
    () => false,
  );

export async function checkReachable({ onLine, probe, siteProbe, timeoutMs = PROBE_TIMEOUT_MS }: ReachabilityCheck): Promise<Reachability> {
  if (!onLine) return 'offline';
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  deadline.catch(() => {}); // raced below; never an unhandled rejection
  try {
    // Started together, so the site probe adds no time to the 1.5 s budget.
    const [stackblitz, site] = [probe(controller.signal), siteProbe?.(controller.signal)];
    site?.catch(() => {});
    if (await succeeds(stackblitz, deadline)) return 'online';
    if (!site) return 'unreachable';
    return (await succeeds(site, deadline)) ? 'unreachable' : 'offline';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The browser probe: a no-cors HEAD request resolves (with an opaque response) on any HTTP answer
 * and rejects on a network failure, which is all we need to know; HEAD keeps it to a few hundred
 * bytes. Made only when the reader clicks. (Not /favicon.ico: Chromium treats favicon fetches
 * specially, and automation cannot intercept them.)
 */
export const probeStackBlitz = (signal: AbortSignal): Promise<unknown> =>
  fetch(`${STACKBLITZ_ORIGIN}/`, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal });

/**
 * The site probe: a HEAD request to this site's home page. The service worker answers only GET
 * requests (src/integrations/offline/sw.js), so a HEAD goes to the network even on a page the
 * worker serves: it fails exactly when the reader's network is down (or the site's host is).
 */
export const probeSite = (signal: AbortSignal): Promise<unknown> =>
  fetch(`${location.origin}/?${SITE_PROBE_QUERY}`, { method: 'HEAD', cache: 'no-store', credentials: 'omit', signal });

const STILL_USABLE = 'The code on this page still works: download the example and run it on your machine with the steps below.';

export function fallbackMessage(reason: Exclude<Reachability, 'online'> | 'failed', detail?: string): string {
  switch (reason) {
    case 'offline':
      return `You are offline, so StackBlitz cannot load. ${STILL_USABLE}`;
    case 'unreachable':
      return `StackBlitz cannot be reached from this network right now. ${STILL_USABLE}`;
    case 'failed':
      return `StackBlitz did not start${detail ? ` (${detail})` : ''}. ${STILL_USABLE}`;
  }
}
