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

  // Chromium 150 and later report navigator.onLine === true in a page reloaded under offline
  // emulation; whatever a browser reports, a failed probe while the site itself cannot be reached
  // over the network means the reader is offline.
  const fail = async () => Promise.reject(new TypeError('Failed to fetch'));
  const answer = async () => 'response';
  it('says offline when navigator.onLine is true but neither StackBlitz nor this site answers', async () => {
    expect(await checkReachable({ onLine: true, probe: fail, siteProbe: fail })).toBe('offline');
  });

  it('says unreachable when this site answers and StackBlitz does not', async () => {
    expect(await checkReachable({ onLine: true, probe: fail, siteProbe: answer })).toBe('unreachable');
  });

  it('says online when StackBlitz answers, whatever the site probe does', async () => {
    expect(await checkReachable({ onLine: true, probe: answer, siteProbe: fail })).toBe('online');
    expect(await checkReachable({ onLine: true, probe: answer, siteProbe: never })).toBe('online');
  });

  it('says offline when both probes hang until the timeout, within the same time budget', async () => {
    const t0 = performance.now();
    expect(await checkReachable({ onLine: true, timeoutMs: 100, probe: never, siteProbe: never })).toBe('offline');
    expect(performance.now() - t0).toBeLessThan(600);
  });

  it('runs both probes at once: a slow site probe adds nothing to a fast StackBlitz failure', async () => {
    const started: string[] = [];
    const r = await checkReachable({
      onLine: true,
      timeoutMs: 200,
      probe: async () => {
        started.push('stackblitz');
        throw new TypeError('Failed to fetch');
      },
      siteProbe: async () => {
        started.push('site');
        await new Promise((res) => setTimeout(res, 50));
      },
    });
    expect(r).toBe('unreachable');
    expect(started.sort()).toEqual(['site', 'stackblitz']);
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
