import { describe, expect, it } from 'vitest';
import { checkReachable, fallbackMessage, PROBE_TIMEOUT_MS } from '~/lib/stackblitz/reachability.ts';

const never = () => new Promise<never>(() => {});

describe('checkReachable', () => {
  it('says offline at once when navigator.onLine is false, without probing', async () => {
    let probed = false;
    const t0 = performance.now();
    const r = await checkReachable({ onLine: false, probe: async () => (probed = true) });
    expect(r).toBe('offline');
    expect(probed).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('says online when the probe answers', async () => {
    expect(await checkReachable({ onLine: true, probe: async () => 'opaque response' })).toBe('online');
  });

  it('says unreachable when the probe fails (DNS, refused, blocked)', async () => {
    expect(await checkReachable({ onLine: true, probe: async () => Promise.reject(new TypeError('Failed to fetch')) })).toBe('unreachable');
  });

  it('gives up after the timeout, aborting the probe: well within the 2 s the page has', async () => {
    expect(PROBE_TIMEOUT_MS).toBeLessThanOrEqual(1500);
    let aborted = false;
    const t0 = performance.now();
    const r = await checkReachable({
      onLine: true,
      timeoutMs: 100,
      probe: (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return never();
      },
    });
    const elapsed = performance.now() - t0;
    expect(r).toBe('unreachable');
    expect(aborted).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(600);
  });
});

describe('fallbackMessage', () => {
  it('says what happened and that the code still works', () => {
    expect(fallbackMessage('offline')).toMatch(/^You are offline.*run it on your machine/);
    expect(fallbackMessage('unreachable')).toMatch(/cannot be reached/);
    expect(fallbackMessage('failed', 'Timeout: Unable to establish a connection with the StackBlitz VM')).toContain('(Timeout: Unable');
  });
});
