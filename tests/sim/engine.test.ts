import { describe, expect, it } from 'vitest';
import {
  createSimulation, step, runUntil, runScenario, summarize, series, envSpans, validateSimConfig, SimConfigError, spikeTraffic,
  type SimConfig,
} from '~/sim/index.ts';

const NO_INIT = { kind: 'const', ms: 0 } as const;
const base: SimConfig = { traffic: { kind: 'poisson', rate: 10 }, duration: { kind: 'exp', meanMs: 200 }, simSeconds: 300 };

describe('engine: exact seeded values', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const a = runScenario({ ...base, seed: 42 }).summary;
    const b = runScenario({ ...base, seed: 42 }).summary;
    const c = runScenario({ ...base, seed: 43 }).summary;
    expect(a).toEqual(b);
    expect(a.invocations).not.toBe(c.invocations);
  });
  it('step() moves time forward one event at a time and reports what happened', () => {
    const s = createSimulation({ ...base, init: NO_INIT, duration: { kind: 'const', ms: 100 }, traffic: { kind: 'constant', rate: 1 } });
    const first = step(s);
    expect(first).toEqual({ kind: 'arrival', t: 0 });
    expect(step(s)).toEqual({ kind: 'complete', t: 0.1, env: 0 });
    expect(step(s)).toEqual({ kind: 'arrival', t: 1 });
    let last = 1;
    for (let i = 0; i < 100; i++) {
      const e = step(s);
      expect(e.t).toBeGreaterThanOrEqual(last);
      last = e.t;
    }
  });
});

describe('concurrency controls', () => {
  it('reserved = 0 throttles everything', () => {
    const { summary } = runScenario({ ...base, reserved: 0 });
    expect(summary.executions).toBe(0);
    expect(summary.throttleRatio).toBe(1);
  });
  it('reserved caps the function below the account limit', () => {
    const { summary } = runScenario({ ...base, traffic: { kind: 'poisson', rate: 100 }, duration: { kind: 'const', ms: 1000 }, reserved: 50, init: NO_INIT });
    expect(summary.peakConcurrency).toBe(50);
    expect(summary.throttles).toBeGreaterThan(0);
  });
  it('provisioned environments serve without cold starts; spillover goes on-demand and can cold start', () => {
    const low = runScenario({ ...base, provisioned: 20, traffic: { kind: 'poisson', rate: 5 } }).summary;
    expect(low.coldStarts).toBe(0);
    expect(low.provisionedExecutions).toBe(low.executions);
    expect(low.cost.pcChargeUsd).toBeGreaterThan(0);
    const high = runScenario({ ...base, provisioned: 2, traffic: { kind: 'poisson', rate: 50 } }).summary;
    expect(high.provisionedExecutions).toBeGreaterThan(0);
    expect(high.coldStarts).toBeGreaterThan(0);
    expect(high.cost.pcDurationChargeUsd).toBeGreaterThan(0);
    expect(high.cost.computeChargeUsd).toBeGreaterThan(0);
  });
  it('validates: reserved must leave 100 unreserved, provisioned ≤ reserved', () => {
    const r = validateSimConfig({ ...base, reserved: 950 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/reserved must be an integer from 0 to 900/);
    const p = validateSimConfig({ ...base, reserved: 10, provisioned: 11 });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors[0]!.field).toBe('provisioned');
  });
});

describe('environment lifecycle', () => {
  it('reclaims idle environments after the idle timeout', () => {
    const s = createSimulation({ ...base, traffic: { kind: 'traceTimes', timesS: Float64Array.from([0, 1, 2]) }, duration: { kind: 'const', ms: 5000 }, init: NO_INIT, idleTimeoutS: 10, simSeconds: 100 });
    runUntil(s, 14.9);
    expect(s.envCount).toBe(3);
    runUntil(s, 15.5);
    expect(s.envCount).toBe(2);
    runUntil(s, 100);
    expect(s.envCount).toBe(0);
    expect(summarize(s).environmentsReclaimed).toBe(3);
  });
  it('recycles environments after max lifetime even under steady load', () => {
    const { summary } = runScenario({ ...base, traffic: { kind: 'constant', rate: 10 }, duration: { kind: 'const', ms: 50 }, init: NO_INIT, maxLifetimeS: 60, simSeconds: 600 });
    expect(summary.environmentsRecycled).toBeGreaterThanOrEqual(9);
    expect(summary.coldStarts).toBeGreaterThanOrEqual(10);
    const off = runScenario({ ...base, traffic: { kind: 'constant', rate: 10 }, duration: { kind: 'const', ms: 50 }, init: NO_INIT, simSeconds: 600 }).summary;
    expect(off.coldStarts).toBe(1);
  });
  it('records capped lifecycle spans for a timeline', () => {
    const s = createSimulation({ ...base, spans: { maxSpans: 5, maxIntervalsPerSpan: 3 }, traffic: { kind: 'poisson', rate: 30 } });
    runUntil(s, 60);
    const { spans, truncated, maxSpans } = envSpans(s);
    expect(maxSpans).toBe(5);
    expect(spans.length).toBe(5);
    expect(truncated).toBe(true);
    const sp = spans[0]!;
    expect(sp.initEnd).toBeGreaterThan(sp.createdAt);
    expect(sp.busy[0]).toBe(sp.createdAt);
    expect(sp.busy.length).toBeLessThanOrEqual(6);
    expect(spans.some((x) => x.busyTruncated)).toBe(true);
  });
  it('weighted alias routing gives each version its own environments', () => {
    const s = createSimulation({ ...base, traffic: { kind: 'poisson', rate: 40 }, routing: { weightB: 0.25, durationB: { kind: 'const', ms: 400 } }, spans: { maxSpans: 100000 } });
    runUntil(s, 300);
    const { spans } = envSpans(s);
    const b = spans.filter((x) => x.version === 1).length;
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(spans.length);
    const sum = summarize(s);
    // E[S] = 0.75·200 + 0.25·400 = 250 ms → mean busy ≈ 40 · (0.25 + init share)
    expect(sum.meanBusy).toBeGreaterThan(9);
    expect(sum.meanBusy).toBeLessThan(12);
  });
});

describe('asynchronous invocations', () => {
  it('queues throttled events and retries them; nothing is lost while ρ < c', () => {
    const { summary } = runScenario({ ...base, invocation: 'async', traffic: { kind: 'poisson', rate: 8 }, duration: { kind: 'exp', meanMs: 1000 }, concurrencyLimit: 10, init: NO_INIT, simSeconds: 3000 });
    expect(summary.throttles).toBeGreaterThan(0);
    expect(summary.async!.retries).toBeGreaterThan(0);
    expect(summary.async!.onFailure).toBe(0);
    const c = summary.conservation;
    expect(c.dropped).toBe(0);
    expect(c.completed + c.inFlight).toBe(c.arrivals);
  });
  it('sends events past the maximum age to the on-failure destination', () => {
    const { summary } = runScenario({ ...base, invocation: 'async', traffic: { kind: 'poisson', rate: 5 }, duration: { kind: 'const', ms: 1000 }, concurrencyLimit: 1, init: NO_INIT, async: { maxEventAgeS: 60 }, simSeconds: 2000 });
    expect(summary.async!.onFailure).toBeGreaterThan(0);
    expect(summary.async!.maxEventAgeS).toBeLessThanOrEqual(61);
  });
  it('retries function errors at most maxRetryAttempts times', () => {
    const { summary } = runScenario({ ...base, invocation: 'async', async: { errorRate: 1, maxRetryAttempts: 2 }, traffic: { kind: 'constant', rate: 1 }, duration: { kind: 'const', ms: 10 }, simSeconds: 1000 });
    // every event runs 3 times (1 + 2 retries, 60 s and 120 s later) and then goes to the destination
    expect(summary.async!.onFailure).toBeGreaterThan(800);
    expect(summary.executions).toBeGreaterThan(2.6 * summary.async!.onFailure);
  });
});

describe('outputs', () => {
  it('series columns line up, sum to the totals and coarsen instead of growing', () => {
    const { summary, series: ser } = runScenario({ ...base, traffic: spikeTraffic(5, 200, 100, 130), simSeconds: 1000, limits: { maxSeriesBuckets: 64 } });
    expect(ser.length).toBeLessThanOrEqual(64);
    expect(ser.bucketSeconds).toBe(16);
    for (const col of [ser.arrivals, ser.throttles, ser.coldStarts, ser.concurrency, ser.concurrencyPeak, ser.environments]) expect(col.length).toBe(ser.length);
    expect(ser.arrivals.reduce((a, b) => a + b, 0)).toBe(summary.invocations);
    expect(ser.coldStarts.reduce((a, b) => a + b, 0)).toBe(summary.coldStarts);
    const meanBusy = ser.concurrency.reduce((a, b, i) => a + b * Math.min(ser.bucketSeconds, 1000 - ser.t[i]!), 0) / 1000;
    expect(meanBusy).toBeCloseTo(summary.meanBusy, 6);
    const spikeBucket = Math.floor(110 / ser.bucketSeconds);
    expect(ser.arrivals[spikeBucket]!).toBeGreaterThan(ser.arrivals[0]! * 10);
  });
  it('excludes the warm-up from statistics', () => {
    const all = runScenario({ ...base, simSeconds: 200 }).summary;
    const warm = runScenario({ ...base, simSeconds: 200, warmupS: 100 }).summary;
    expect(warm.invocations).toBeLessThan(all.invocations * 0.6);
    expect(warm.coldStarts).toBeLessThan(all.coldStarts);
    expect(warm.windowSeconds).toBe(100);
  });
  it('reports latency percentiles including INIT', () => {
    const { summary } = runScenario({ ...base, duration: { kind: 'const', ms: 100 }, init: { kind: 'const', ms: 900 }, idleTimeoutS: 0 });
    expect(summary.latencyMs.p50).toBe(1000);
    expect(summary.coldStartRatio).toBe(1);
    const warm = runScenario({ ...base, duration: { kind: 'const', ms: 100 } }).summary;
    expect(warm.latencyMs.p50).toBe(100);
  });
});

describe('caps and bad input', () => {
  it('stops at maxEvents and says so', () => {
    const { summary } = runScenario({ ...base, simSeconds: 100000 }, { maxEvents: 1000 });
    expect(summary.truncated).toBe(true);
    expect(summary.events).toBe(1000);
    expect(summary.warnings[0]).toMatch(/maxEvents/);
  });
  it('stops at maxEnvironments and says so', () => {
    const { summary } = runScenario({ ...base, traffic: { kind: 'constant', rate: 1000 }, duration: { kind: 'const', ms: 10000 }, limits: { maxEnvironments: 50 } });
    expect(summary.truncated).toBe(true);
    expect(summary.warnings[0]).toMatch(/maxEnvironments/);
  });
  it('throws a readable SimConfigError, never NaN', () => {
    expect(() => createSimulation({ ...base, traffic: { kind: 'poisson', rate: Number.NaN } })).toThrow(SimConfigError);
    try {
      createSimulation({ ...base, memoryMb: 5, traffic: { kind: 'poisson', rate: -1 } });
    } catch (e) {
      expect((e as SimConfigError).errors.map((x) => x.field)).toEqual(['traffic.rate', 'memoryMb']);
      expect((e as Error).message).toMatch(/traffic.rate must be a number above 0/);
    }
    const v = validateSimConfig({ traffic: { kind: 'poisson', rate: 1 }, duration: 'lognormal:1:9' });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.map((e) => e.field)).toEqual(['duration', 'requests']);
      expect(v.errors[0]!.message).toMatch(/sigma from 0 to 3/);
    }
  });
  it('accepts string distributions and numeric strings from forms', () => {
    const v = validateSimConfig({ traffic: { kind: 'poisson', rate: '5' }, duration: 'exp:100', init: 'const:50', requests: '100' });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.value.duration).toEqual({ kind: 'exp', meanMs: 100 });
  });
  it('uses the runtime table for INIT defaults', () => {
    const v = validateSimConfig({ ...base, runtime: 'python3.13', arch: 'arm64' });
    expect(v.ok && v.value.init).toMatchObject({ kind: 'lognormal', medianMs: 80 });
    const s = createSimulation({ ...base, traffic: { kind: 'poisson', rate: 0.01 }, idleTimeoutS: 0, runtime: 'rust-provided.al2023', simSeconds: 100000 });
    runUntil(s, 100000);
    const sum = summarize(s);
    expect(sum.cost.initBilled).toBe(true);
    expect(sum.latencyMs.p50).toBeGreaterThan(16);
  });
});

describe('conservation at the caps', () => {
  it('still balances when a run stops at maxEnvironments (sync and async)', () => {
    for (const invocation of ['sync', 'async'] as const) {
      const { summary } = runScenario({ ...base, invocation, traffic: { kind: 'constant', rate: 1000 }, duration: { kind: 'const', ms: 10000 }, limits: { maxEnvironments: 50 } });
      const c = summary.conservation;
      expect(summary.truncated).toBe(true);
      expect(c.arrivals).toBe(c.completed + c.throttled + c.dropped + c.inFlight);
    }
  });
  it('runUntil ignores NaN and times in the past', () => {
    const s = createSimulation(base);
    runUntil(s, 10);
    expect(runUntil(s, Number.NaN)).toBe(0);
    expect(runUntil(s, 5)).toBe(0);
    expect(s.now).toBe(10);
  });
});

describe('widget-friendly config', () => {
  it('accepts text distributions and spans: true (ENV_TRACE caps)', () => {
    const { spans, summary } = runScenario({ traffic: { kind: 'poisson', rate: 2 }, duration: 'lognormal:120:0.5', init: 'const:250', spans: true, simSeconds: 180, seed: 3 });
    expect(spans.maxSpans).toBe(200);
    expect(spans.spans.length).toBeGreaterThan(0);
    expect(spans.spans[0]!.initEnd - spans.spans[0]!.createdAt).toBeCloseTo(0.25, 9);
    expect(summary.invocations).toBeGreaterThan(250);
  });
});

describe('warm-up boundary', () => {
  it('counts environments and busy ones that already exist when the window opens toward the peaks', () => {
    const { summary } = runScenario({ traffic: { kind: 'traceTimes', timesS: Float64Array.from([0, 0.1, 0.2]) }, duration: 'const:60000', init: 'const:0', warmupS: 10, simSeconds: 20 });
    expect(summary.invocations).toBe(0);
    expect(summary.peakEnvironments).toBe(3);
    expect(summary.peakConcurrency).toBe(3);
    expect(summary.meanBusy).toBeCloseTo(3, 9);
  });
});

describe('runScenario progress', () => {
  it('reports progress in chunks and gives the same result as one call', () => {
    const cfg: SimConfig = { traffic: { kind: 'poisson', rate: 20 }, duration: 'exp:500', simSeconds: 1000, seed: 5 };
    const seen: number[] = [];
    const chunked = runScenario(cfg, { onProgress: (p) => seen.push(p.fraction ?? -1), progressEverySeconds: 100 });
    expect(seen).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((x) => expect.closeTo(x, 9)));
    // same events; the time integrals are split at chunk ends, so they may differ in the last bits
    const one = runScenario(cfg).summary;
    expect({ ...chunked.summary, meanBusy: 0, meanEnvironments: 0 }).toEqual({ ...one, meanBusy: 0, meanEnvironments: 0 });
    expect(chunked.summary.meanBusy).toBeCloseTo(one.meanBusy, 9);
    expect(chunked.summary.meanEnvironments).toBeCloseTo(one.meanEnvironments, 9);
  });
  it('finishes a requests-bounded run with progress too', () => {
    const seen: (number | null)[] = [];
    const r = runScenario({ traffic: { kind: 'poisson', rate: 20 }, duration: 'exp:500', requests: 5000 }, { onProgress: (p) => seen.push(p.fraction) });
    expect(r.summary.invocations).toBe(5000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((x) => x === null)).toBe(true);
  });
});
