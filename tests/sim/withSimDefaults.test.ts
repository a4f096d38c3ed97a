import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, createSimulationFromResolved, runResolvedScenario, runScenario, validateSimConfig, withSimDefaults, type TrustedSimConfig } from '~/sim/index.ts';

const checked = (c: TrustedSimConfig) => {
  const v = validateSimConfig(c);
  if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
  return v.value;
};

const examples: TrustedSimConfig[] = [
  { traffic: { kind: 'poisson', rate: 5 }, duration: { kind: 'exp', meanMs: 100 }, simSeconds: 30 },
  { traffic: { kind: 'poisson', rate: 5 }, duration: { kind: 'const', ms: 120 }, requests: 1000, spans: true, runtime: 'python3.13', arch: 'arm64' },
  {
    traffic: { kind: 'poisson', rate: 20 }, duration: { kind: 'const', ms: 120 }, simSeconds: 600, seed: 7, idleTimeoutS: 300,
    routing: { weightB: 0.1, durationB: { kind: 'const', ms: 200 } }, spans: { maxSpans: 40 }, async: { errorRate: 0.02 },
  },
  {
    traffic: { kind: 'poisson', rate: 3 }, duration: { kind: 'exp', meanMs: 500 }, simSeconds: 90_000, warmupS: 3600, provisioned: 5, memoryMb: 2048,
    concurrencyLimit: 3000, reserved: 50, scaling: false, invocation: 'async', maxLifetimeS: null, requests: null, packaging: 'image',
    limits: { maxEvents: 1e6, maxSeriesBuckets: 101 }, pricing: { initBilling: 'before-2025-08-01' },
  },
  { traffic: { kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 0 }] }, duration: { kind: 'const', ms: 1 }, simSeconds: 10, idleTimeoutS: Infinity, scaling: { bucket: 10, refillPerS: 1 } },
];

describe('withSimDefaults (no validation) equals validateSimConfig on checked configs', () => {
  it.each(examples.map((c, i) => [i, c] as const))('example %i', (_, c) => {
    expect(withSimDefaults(c)).toEqual(checked(c));
  });

  it('for any mix of given and left-out fields (fast-check)', () => {
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const cfg = fc.record({
      rate: fc.double({ min: 0.1, max: 100, noNaN: true }),
      meanMs: fc.integer({ min: 1, max: 5000 }),
      simSeconds: fc.integer({ min: 10, max: 1000 }),
      seed: opt(fc.integer({ min: 0, max: 1000 })),
      memoryMb: opt(fc.integer({ min: 128, max: 10_240 })),
      ephemeralMb: opt(fc.integer({ min: 512, max: 10_240 })),
      provisioned: opt(fc.integer({ min: 0, max: 50 })),
      reserved: opt(fc.option(fc.integer({ min: 50, max: 800 }), { nil: null })),
      idleTimeoutS: opt(fc.integer({ min: 0, max: 3600 })),
      reuse: opt(fc.constantFrom('mru' as const, 'newest' as const, 'lru' as const)),
      invocation: opt(fc.constantFrom('sync' as const, 'async' as const)),
      runtime: opt(fc.constantFrom('nodejs24.x', 'python3.13', 'java21')),
      arch: opt(fc.constantFrom('x86_64' as const, 'arm64' as const)),
      spans: opt(fc.constantFrom(true, false, null)),
      weightB: opt(fc.double({ min: 0, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(cfg, (r) => {
        const c: TrustedSimConfig = {
          traffic: { kind: 'poisson', rate: r.rate }, duration: { kind: 'exp', meanMs: r.meanMs }, simSeconds: r.simSeconds, seed: r.seed,
          memoryMb: r.memoryMb, ephemeralMb: r.ephemeralMb, provisioned: r.reserved != null && r.provisioned !== undefined ? Math.min(r.provisioned, r.reserved) : r.provisioned,
          reserved: r.reserved, idleTimeoutS: r.idleTimeoutS, reuse: r.reuse, invocation: r.invocation, runtime: r.runtime, arch: r.arch, spans: r.spans,
          routing: r.weightB === undefined ? undefined : { weightB: r.weightB },
        };
        for (const k of Object.keys(c) as (keyof TrustedSimConfig)[]) if (c[k] === undefined) delete c[k];
        expect(withSimDefaults(c)).toEqual(checked(c));
      }),
      { numRuns: 200 },
    );
  });

  it('the resolved path runs exactly as the checked one', () => {
    const c = examples[2]!;
    expect(runResolvedScenario(withSimDefaults(c), { maxEvents: 5000 })).toEqual(runScenario(c, { maxEvents: 5000 }));
    const a = createSimulationFromResolved(withSimDefaults(c));
    const b = createSimulation(c);
    expect(a.cfg).toEqual(b.cfg);
  });
});
