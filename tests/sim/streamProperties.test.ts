import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStreamSimulation, runUntil, summarizeStream, validateStreamConfig, type StreamConfig } from '~/sim/index.ts';

const streamConfig: fc.Arbitrary<StreamConfig> = fc.record({
  source: fc.constantFrom('kinesis' as const, 'dynamodb' as const),
  shards: fc.integer({ min: 1, max: 6 }),
  parallelization: fc.integer({ min: 1, max: 10 }),
  rate: fc.double({ min: 0, max: 400, noNaN: true }),
  arrival: fc.constantFrom('poisson' as const, 'constant' as const),
  keys: fc.integer({ min: 1, max: 100 }),
  batchSize: fc.integer({ min: 1, max: 50 }),
  batchWindowS: fc.integer({ min: 0, max: 3 }),
  duration: fc.integer({ min: 0, max: 2_000 }).map((ms) => `const:${ms}`),
  errorRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  poisonRecords: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 4 }),
  maxRetries: fc.integer({ min: -1, max: 5 }),
  maxRecordAgeS: fc.constantFrom(-1, 60, 90),
  bisect: fc.boolean(),
  partialBatch: fc.boolean(),
  reserved: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  simSeconds: fc.integer({ min: 1, max: 200 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

/** Paths of numbers in a summary that are NaN or infinite (JSON would print them as null). */
function nonFinite(v: unknown, path = ''): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
}

describe('stream mapping properties (fast-check)', () => {
  it('every record ends succeeded, discarded, expired or still in the stream; order per key; cap shards × factor', () => {
    fc.assert(
      fc.property(streamConfig, (c) => {
        const v = validateStreamConfig(c);
        if (!v.ok) throw new Error(v.errors[0]!.message);
        const s = createStreamSimulation(v.value);
        for (const f of [0.5, 1]) {
          runUntil(s, c.simSeconds! * f);
          const q = s.source!;
          expect(q.visible).toBeGreaterThanOrEqual(0);
          expect(q.messagesIn).toBe(q.succeeded + q.discarded + q.expired + q.visible);
        }
        const { summary, series } = summarizeStream(s);
        expect(summary.orderViolations).toBe(0);
        expect(summary.peakConcurrency).toBeLessThanOrEqual(Math.min(c.shards! * c.parallelization!, c.reserved ?? Infinity));
        for (const col of [series.backlog, series.iteratorAgeS, series.blockedShards]) for (const x of col) expect(x >= 0 && Number.isFinite(x)).toBe(true);
        expect(nonFinite(summary)).toEqual([]);
      }),
      { numRuns: 40, seed: 20261201 },
    );
  }, 120_000);
  it('same seed, same run', () => {
    fc.assert(
      fc.property(streamConfig, (c) => {
        const run = () => {
          const v = validateStreamConfig(c);
          if (!v.ok) throw new Error(v.errors[0]!.message);
          const s = createStreamSimulation(v.value);
          runUntil(s, c.simSeconds!);
          return JSON.stringify(summarizeStream(s).summary);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 20, seed: 3 },
    );
  }, 120_000);
});
