/**
 * Can the reader reach StackBlitz right now? Decided in at most `timeoutMs` (1.5 s by default), so
 * the page can say so within 2 seconds. The StackBlitz SDK cannot tell us: offline, its iframe just
 * shows the browser's error page and its promise rejects with a string only after ~10.5 s
 * (STACK-NOTES, "StackBlitz").
 *
 * No DOM, no globals: the caller passes `navigator.onLine` and the probe, so tests can drive it.
 */
export type Reachability = 'online' | 'offline' | 'unreachable';

export const STACKBLITZ_ORIGIN = 'https://stackblitz.com';
export const PROBE_TIMEOUT_MS = 1500;

export interface ReachabilityCheck {
  /** `navigator.onLine`: false is definitive; true only means "some network interface is up". */
  onLine: boolean;
  /** Resolves if StackBlitz answered at all, rejects otherwise. */
  probe: (signal: AbortSignal) => Promise<unknown>;
  timeoutMs?: number;
}

export async function checkReachable({ onLine, probe, timeoutMs = PROBE_TIMEOUT_MS }: ReachabilityCheck): Promise<Reachability> {
  if (!onLine) return 'offline';
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  try {
    await Promise.race([probe(controller.signal), timeout]);
    return 'online';
  } catch {
    return 'unreachable';
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
