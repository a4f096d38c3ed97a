import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, processNext, runScenario, runUntil, summarize, series, type SimConfig, type SimState, type Dist } from '~/sim/index.ts';
import { advanceTo } from '~/sim/engine/clock.ts';

/** runUntil without the fast path: one processNext at a time, then the same clock move at the end. */
function slowRunUntil(s: SimState, tSeconds: number): void {
  const limit = Math.min(tSeconds, s.cfg.simSeconds);
  while (processNext(s, limit) >= 0);
  if (!s.done && limit !== Infinity && limit > s.now) {
    advanceTo(s, limit);
    s.now = limit;
  }
  if (s.now >= s.cfg.simSeconds) s.done = true;
}

// Generated small scenarios: every feature on and off, short runs.
const dist: fc.Arbitrary<Dist> = fc.oneof(
  fc.record({ kind: fc.constant('const' as const), ms: fc.double({ min: 0, max: 5000, noNaN: true }) }),
  fc.record({ kind: fc.constant('exp' as const), meanMs: fc.double({ min: 1, max: 5000, noNaN: true }) }),
  fc.record({ kind: fc.constant('lognormal' as const), medianMs: fc.double({ min: 1, max: 3000, noNaN: true }), sigma: fc.double({ min: 0, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('uniform' as const), minMs: fc.constant(0), maxMs: fc.double({ min: 0, max: 4000, noNaN: true }) }),
);

const config: fc.Arbitrary<SimConfig> = fc
  .record({
    rate: fc.double({ min: 0.05, max: 300, noNaN: true }),
    arrival: fc.constantFrom('poisson' as const, 'constant' as const),
    duration: dist,
    init: dist,
    limit: fc.integer({ min: 1, max: 400 }),
    reservedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    pcShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reuse: fc.constantFrom('mru' as const, 'newest' as const, 'lru' as const),
    idle: fc.double({ min: 0, max: 120, noNaN: true }),
    life: fc.option(fc.double({ min: 1, max: 200, noNaN: true }), { nil: null }),
    invocation: fc.constantFrom('sync' as const, 'async' as const),
    errorRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    routing: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    scaling: fc.option(fc.record({ bucket: fc.integer({ min: 1, max: 50 }), refillPerS: fc.double({ min: 0, max: 20, noNaN: true }) }), { nil: undefined }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map((r) => {
    const maxReserved = Math.max(0, r.limit - 100);
    const reserved = r.reservedShare === null ? null : Math.floor(r.reservedShare * maxReserved);
    const provisioned = Math.floor(r.pcShare * Math.min(reserved ?? maxReserved, 20));
    return {
      traffic: { kind: r.arrival, rate: r.rate }, duration: r.duration, init: r.init, concurrencyLimit: r.limit, reserved, provisioned,
      reuse: r.reuse, idleTimeoutS: r.idle, maxLifetimeS: r.life, invocation: r.invocation, async: { errorRate: r.errorRate, maxEventAgeS: 120 },
      routing: r.routing === null ? null : { weightB: r.routing }, ...(r.scaling ? { scaling: r.scaling } : {}),
      simSeconds: 60, seed: r.seed, limits: { maxEvents: 60_000 },
    } satisfies SimConfig;
  });

describe('engine properties (fast-check)', () => {
  it('conserves requests: arrivals = completed + throttled + dropped + in flight', () => {
    fc.assert(fc.property(config, (cfg) => {
      const { summary } = runScenario(cfg);
      const c = summary.conservation;
      expect(c.arrivals).toBe(c.completed + c.throttled + c.dropped + c.inFlight);
      expect(summary.invocations).toBe(c.arrivals);
    }), { numRuns: 120 });
  }, 60_000);

  it('never exceeds the concurrency cap, the provisioned/on-demand split, the scaling bucket or the environment cap', () => {
    fc.assert(fc.property(config, (cfg) => {
      const s = createSimulation({ ...cfg, limits: { maxEvents: 50_000, maxEnvironments: 300 } });
      const cap = s.cfg.reserved ?? s.cfg.concurrencyLimit;
      while (processNext(s, 60) >= 0) {
        if (s.busy > cap || s.odBusy > s.odCap || s.busy - s.odBusy > s.cfg.provisioned) return false;
        if (s.envCount > 300) return false;
        if (s.cfg.scaling && s.tokens < 0) return false;
        if (s.heapN < 0 || s.queued < 0) return false;
      }
      const sum = summarize(s);
      return sum.peakConcurrency <= cap && Number.isFinite(sum.meanBusy) && Number.isFinite(sum.cost.totalUsd);
    }), { numRuns: 80 });
  }, 60_000);

  it('is deterministic per seed, and structuredClone of a state resumes bit for bit', () => {
    fc.assert(fc.property(config, (cfg) => {
      const a = JSON.stringify(runScenario(cfg).summary);
      const b = JSON.stringify(runScenario(cfg).summary);
      expect(a).toBe(b);
      const s = createSimulation(cfg);
      while (processNext(s, 30) >= 0);
      const copy = structuredClone(s);
      while (processNext(s, 60) >= 0);
      while (processNext(copy, 60) >= 0);
      expect(JSON.stringify(summarize(copy))).toBe(JSON.stringify(summarize(s)));
    }), { numRuns: 40 });
  }, 60_000);

  it('runUntil (with its inline fast path) does exactly what stepping event by event does', () => {
    // Configs the fast path accepts (sync, MRU, Poisson, no PC/routing/recycling), plus the generic ones.
    const eligible = fc.record({
      rate: fc.double({ min: 0.5, max: 400, noNaN: true }),
      duration: dist,
      limit: fc.integer({ min: 1, max: 300 }),
      idle: fc.double({ min: 0, max: 30, noNaN: true }),
      warmupS: fc.double({ min: 0, max: 20, noNaN: true }),
      requests: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
      buckets: fc.integer({ min: 16, max: 64 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    }).map((r): SimConfig => ({
      traffic: { kind: 'poisson', rate: r.rate }, duration: r.duration, concurrencyLimit: r.limit, idleTimeoutS: r.idle, warmupS: r.warmupS,
      simSeconds: 40, seed: r.seed, limits: { maxEvents: 100_000, maxSeriesBuckets: r.buckets }, ...(r.requests ? { requests: r.requests } : {}),
    }));
    fc.assert(fc.property(fc.oneof(eligible, config), (cfg) => {
      const fast = createSimulation(cfg);
      runUntil(fast, 17.5);
      runUntil(fast, 40);
      const slow = createSimulation(cfg);
      slowRunUntil(slow, 17.5);
      slowRunUntil(slow, 40);
      expect(summarize(fast)).toEqual(summarize(slow));
      expect(series(fast)).toEqual(series(slow));
    }), { numRuns: 150 });
  }, 60_000);

  it('produces no NaN anywhere in the summary', () => {
    fc.assert(fc.property(config, (cfg) => {
      const json = JSON.stringify(runScenario(cfg).summary, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `BAD:${v}` : v));
      return !json.includes('BAD:');
    }), { numRuns: 80 });
  }, 60_000);
});
