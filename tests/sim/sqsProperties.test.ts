import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSqsSimulation, runUntil, summarizeSqs, validateSqsConfig, type SqsConfig, type SimState } from '~/sim/index.ts';

// Generated small SQS scenarios: every feature on and off, short runs.
const sqsConfig: fc.Arbitrary<SqsConfig> = fc
  .record({
    backlog: fc.integer({ min: 0, max: 3_000 }),
    rate: fc.double({ min: 0, max: 200, noNaN: true }),
    arrival: fc.constantFrom('poisson' as const, 'constant' as const),
    batchSize: fc.integer({ min: 1, max: 40 }),
    window: fc.integer({ min: 0, max: 5 }),
    messageKb: fc.integer({ min: 1, max: 1024 }),
    durationMs: fc.integer({ min: 0, max: 3_000 }),
    mode: fc.constantFrom('standard' as const, 'provisioned' as const),
    maxConcurrency: fc.option(fc.integer({ min: 2, max: 50 }), { nil: null }),
    scaling: fc.constantFrom('current' as const, 'legacy' as const),
    reserved: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    visibilityTimeoutS: fc.integer({ min: 0, max: 60 }),
    maxReceiveCount: fc.integer({ min: 1, max: 6 }),
    errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
    partialBatch: fc.boolean(),
    fifo: fc.boolean(),
    groups: fc.integer({ min: 1, max: 8 }),
    simSeconds: fc.integer({ min: 1, max: 240 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((r) => {
    const batchSize = r.fifo ? Math.min(r.batchSize, 10) : r.batchSize;
    return {
      backlog: r.backlog === 0 && r.rate === 0 ? 1 : r.backlog, rate: r.rate, arrival: r.arrival, batchSize,
      batchWindowS: r.fifo ? 0 : batchSize > 10 ? Math.max(1, r.window) : r.window, messageKb: r.messageKb,
      duration: `const:${r.durationMs}`, mode: r.mode, maxConcurrency: r.mode === 'provisioned' ? null : r.maxConcurrency, scaling: r.scaling,
      reserved: r.reserved, visibilityTimeoutS: r.visibilityTimeoutS, maxReceiveCount: r.maxReceiveCount, errorRate: r.errorRate,
      partialBatch: r.partialBatch, fifo: r.fifo, groups: r.groups, simSeconds: r.simSeconds, seed: r.seed,
    };
  });

function create(c: SqsConfig): SimState {
  const v = validateSqsConfig(c);
  if (!v.ok) throw new Error(v.errors[0]!.message);
  return createSqsSimulation(v.value);
}

/** Paths of numbers in a summary that are NaN or infinite (JSON would print them as null). */
function nonFinite(v: unknown, path = ''): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
}

describe('SQS mapping properties (fast-check)', () => {
  it('every message ends succeeded, in the DLQ, or still queued or in flight; no negative backlog; FIFO keeps order', () => {
    fc.assert(
      fc.property(sqsConfig, fc.integer({ min: 1, max: 5 }), (c, pieces) => {
        const s = create(c);
        for (let k = 1; k <= pieces; k++) {
          runUntil(s, (c.simSeconds! * k) / pieces);
          const q = s.source!;
          expect(q.visible).toBeGreaterThanOrEqual(0);
          expect(q.inFlightMsgs).toBeGreaterThanOrEqual(0);
          expect(q.messagesIn).toBe(q.succeeded + q.dlq + q.visible + q.inFlightMsgs);
          // the queues hold exactly `visible` messages
          let queued = 0;
          for (let i = 0; i < q.qCount.length; i++) queued += q.qCount[i]!;
          expect(queued).toBe(q.visible);
        }
        const { summary, series } = summarizeSqs(s);
        expect(summary.messagesIn).toBe(summary.messagesSucceeded + summary.messagesToDlq + summary.messagesLeft);
        for (const col of [series.backlog, series.inFlight, series.oldestAgeS, series.concurrency, series.dlq]) for (const x of col) expect(x >= 0 && Number.isFinite(x)).toBe(true);
        expect(summary.peakConcurrency).toBeLessThanOrEqual(c.reserved ?? 1000);
        if (c.maxConcurrency) expect(summary.peakConcurrency).toBeLessThanOrEqual(c.maxConcurrency);
        if (c.fifo) {
          expect(summary.orderViolations).toBe(0);
          expect(summary.peakConcurrency).toBeLessThanOrEqual(c.groups!);
        }
        expect(nonFinite(summary)).toEqual([]);
      }),
      { numRuns: 40, seed: 20261201 },
    );
  }, 120_000);
  it('same seed, same run; a structuredClone of a state resumes bit for bit', () => {
    fc.assert(
      fc.property(sqsConfig, (c) => {
        const a = create(c);
        runUntil(a, c.simSeconds!);
        const b = create(c);
        runUntil(b, c.simSeconds! / 2);
        const copy = structuredClone(b);
        runUntil(b, c.simSeconds!);
        runUntil(copy, c.simSeconds!);
        const ja = JSON.stringify(summarizeSqs(a).summary);
        expect(JSON.stringify(summarizeSqs(b).summary)).toBe(ja);
        expect(JSON.stringify(summarizeSqs(copy).summary)).toBe(ja);
      }),
      { numRuns: 20, seed: 7 },
    );
  }, 120_000);
});
