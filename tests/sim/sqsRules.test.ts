import { describe, expect, it } from 'vitest';
import { runSqs, validateSqsConfig, SQS_RULES, SQS_SCALE_PER_MINUTE, SQS_MAX_CONCURRENCY_PER_MAPPING } from '~/sim/index.ts';

// Each documented SQS rule as an exact, seeded run. Batches take 30 s (const:30000) where the ramp must
// be seen whole, so the 100,000-message burst outlasts it.
const burst = { backlog: 100_000, duration: 'const:30000', concurrencyLimit: 3_000, simSeconds: 600 } as const;

describe('SQS standard queue: scaling', () => {
  it('starts at 5, adds 300 a minute while messages remain, stops at 1,250 per mapping', () => {
    const r = runSqs(burst);
    expect(r.summary.concurrencyByMinute.slice(0, 7)).toEqual([5, 305, 605, 905, 1205, 1250, 1250]);
    expect(r.summary.peakConcurrency).toBe(SQS_MAX_CONCURRENCY_PER_MAPPING);
    expect(SQS_SCALE_PER_MINUTE).toBe(300);
    expect(r.summary.messagesSucceeded).toBe(100_000);
    expect(r.summary.drainedAtS).toBeCloseTo(420.12, 1);
  });
  it('legacy scaling (before 2023-11-06): +60 a minute up to 1,000', () => {
    const r = runSqs({ ...burst, backlog: 1_000_000, scaling: 'legacy', simSeconds: 1_200 });
    expect(r.summary.concurrencyByMinute.slice(0, 4)).toEqual([5, 65, 125, 185]);
    expect(r.summary.concurrencyByMinute.slice(16, 20)).toEqual([965, 1000, 1000, 1000]);
  });
  it('never goes past the account limit (the mapping scales to it, without throttles)', () => {
    const r = runSqs({ ...burst, concurrencyLimit: 1_000 });
    expect(r.summary.concurrencyByMinute.slice(0, 6)).toEqual([5, 305, 605, 905, 1000, 1000]);
    expect(r.summary.throttles).toBe(0);
  });
  it('stops at MaximumConcurrency', () => {
    const r = runSqs({ ...burst, duration: 'const:1000', maxConcurrency: 50 });
    expect(r.summary.concurrencyByMinute.slice(0, 5)).toEqual([5, 50, 50, 50, 50]);
    expect(r.summary.throttles).toBe(0);
  });
  it('reserved concurrency caps the function, not the mapping: the extra batches are throttled', () => {
    const r = runSqs({ ...burst, duration: 'const:1000', reserved: 100 });
    expect(r.summary.peakConcurrency).toBe(100);
    expect(r.summary.throttles).toBe(3_800);
  });
  it('scales back down to 5 when the queue empties', () => {
    const r = runSqs({ backlog: 100_000, duration: 'const:1000', simSeconds: 600 });
    expect(r.summary.concurrencyByMinute.slice(0, 3)).toEqual([5, 305, 0]);
    const perMinute = Array.from(r.series.mappingTarget.filter((_, i) => i % 60 === 59));
    expect(perMinute.slice(0, 4)).toEqual([305, 305, 5, 5]);
  });
});

describe('SQS: the reserved-concurrency overpull trap emerges from the rules', () => {
  const trap = { backlog: 20_000, reserved: 5, duration: 'const:1000', simSeconds: 600, maxReceiveCount: 3 } as const;
  it('without MaximumConcurrency, healthy messages reach the DLQ', () => {
    const r = runSqs(trap);
    expect(r.summary.failedInvocations).toBe(0);
    expect(r.summary.messagesToDlq).toBe(7_300);
    expect(r.summary.peakConcurrency).toBe(5);
    expect(r.summary.peakPollers).toBe(305);
  });
  it('MaximumConcurrency = reserved concurrency avoids it', () => {
    const r = runSqs({ ...trap, maxConcurrency: 5 });
    expect(r.summary.messagesToDlq).toBe(0);
    expect(r.summary.throttles).toBe(0);
    expect(r.summary.messagesSucceeded).toBe(20_000);
  });
});

describe('SQS: batches, visibility timeout and redrive', () => {
  it('a batch stops at the 6 MB payload: 1 MB messages go 6 to an invocation', () => {
    expect(runSqs({ backlog: 60, messageKb: 1024, duration: 'const:100', simSeconds: 60 }).summary.invocations).toBe(10);
    expect(runSqs({ backlog: 60, messageKb: 1, duration: 'const:100', simSeconds: 60 }).summary.invocations).toBe(6);
  });
  it('a batching window gathers messages until the batch is full or the window ends', () => {
    const w = runSqs({ backlog: 0, rate: 10, arrival: 'constant', batchSize: 100, batchWindowS: 5, duration: 'const:100', simSeconds: 60 });
    expect(w.summary.invocations).toBe(11);
    expect(Array.from(w.series.invocations.slice(0, 11))).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const full = runSqs({ backlog: 0, rate: 100, arrival: 'constant', batchSize: 50, batchWindowS: 300, duration: 'const:100', simSeconds: 60 });
    expect(full.summary.invocations).toBe(120);
    const none = runSqs({ backlog: 0, rate: 10, arrival: 'constant', batchSize: 10, duration: 'const:100', simSeconds: 60 });
    expect(none.summary.invocations).toBe(600);
  });
  it('failed messages come back after the visibility timeout and go to the DLQ after maxReceiveCount receives', () => {
    const r = runSqs({ backlog: 10, errorRate: 1, maxReceiveCount: 3, visibilityTimeoutS: 30, duration: 'const:100', simSeconds: 200 });
    expect(r.summary.invocations).toBe(3);
    expect(r.summary.messagesToDlq).toBe(10);
    expect(r.summary.drainedAtS).toBe(90);
  });
  it('rejects what AWS rejects, naming the field and the range', () => {
    const bad = (raw: object) => {
      const v = validateSqsConfig(raw);
      return v.ok ? '' : v.errors[0]!.message;
    };
    expect(bad({ batchSize: 20 })).toBe('batchWindowS must be an integer from 1 to 300 (s) when the batch size is above 10; got 0');
    expect(bad({ batchSize: 10_001, batchWindowS: 1 })).toBe('batchSize must be an integer from 1 to 10,000 (messages); got 10001');
    expect(bad({ maxConcurrency: 1 })).toBe('maxConcurrency must be an integer from 2 to 1000 (concurrent invocations); got 1');
    expect(bad({ fifo: true, batchSize: 11 })).toBe('batchSize must be an integer from 1 to 10 (messages) for a FIFO queue; got 11');
    expect(bad({ fifo: true, batchWindowS: 1 })).toBe('batchWindowS must be 0 (s): FIFO queues take no batching window; got 1');
    expect(bad({ mode: 'provisioned', maxConcurrency: 10 })).toMatch(/^maxConcurrency must be not set in provisioned mode/);
    expect(bad({ minPollers: 300 })).toBe('minPollers must be an integer from 2 to 200 (pollers); got 300');
    expect(bad({ maxPollers: 2001 })).toBe('maxPollers must be an integer from 2 to 2000 (pollers); got 2001');
    expect(bad({ reserved: 950 })).toMatch(/^reserved must be an integer from 0 to 900/);
    expect(bad({ duration: 'fast' })).toMatch(/^duration must be a distribution/);
    expect(SQS_RULES.visibilityTimeoutS.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});

describe('SQS FIFO', () => {
  it('runs at most one batch per active message group, in order', () => {
    const r = runSqs({ backlog: 3_000, fifo: true, groups: 3, duration: 'const:1000', simSeconds: 120 });
    expect(r.summary.peakConcurrency).toBe(3);
    expect(r.summary.concurrencyByMinute).toEqual([3, 3]);
    expect(r.summary.orderViolations).toBe(0);
    expect(r.summary.messagesSucceeded).toBe(3_000);
  });
  it('a failure holds its group until the visibility timeout; order is kept, with and without partial batch responses', () => {
    for (const partialBatch of [false, true]) {
      const r = runSqs({ backlog: 2_000, rate: 10, fifo: true, groups: 3, errorRate: 0.1, partialBatch, duration: 'const:100', simSeconds: 600 });
      expect(r.summary.orderViolations).toBe(0);
      expect(r.summary.peakConcurrency).toBeLessThanOrEqual(3);
      expect(r.summary.messagesIn).toBe(r.summary.messagesSucceeded + r.summary.messagesToDlq + r.summary.messagesLeft);
    }
  });
});

describe('SQS provisioned mode', () => {
  it('starts at the minimum pollers × 10, adds 1,000 concurrency a minute, stops at maximum pollers × 10', () => {
    const r = runSqs({ backlog: 1_000_000, mode: 'provisioned', duration: 'const:30000', concurrencyLimit: 30_000, simSeconds: 300 });
    expect(Array.from(r.series.pollers.slice(0, 5))).toEqual([2, 4, 6, 7, 9]);
    expect(r.summary.concurrencyByMinute).toEqual([1010, 2000, 2000, 2000, 2000]);
    expect(r.summary.peakPollers).toBe(200);
    const small = runSqs({ backlog: 1_000_000, mode: 'provisioned', maxPollers: 50, duration: 'const:30000', concurrencyLimit: 30_000, simSeconds: 120 });
    expect(small.summary.peakConcurrency).toBe(500);
  });
  it('reaches 20,000 with 2,000 pollers', () => {
    const r = runSqs({ backlog: 10_000_000, mode: 'provisioned', maxPollers: 2_000, duration: 'const:60000', concurrencyLimit: 30_000, simSeconds: 1_500 });
    expect(r.summary.peakConcurrency).toBe(20_000);
    expect(r.summary.concurrencyByMinute.slice(0, 3)).toEqual([1010, 2010, 3010]);
  }, 60_000); // 20,000 batches in flight: a few seconds on a loaded machine
});

describe('cost: one batch is one request, priced by the pricing module', () => {
  it('bills each invocation as a request and its billed duration in GB-s', () => {
    const r = runSqs({ backlog: 1_000, batchSize: 10, duration: 'const:100', init: 'const:0', memoryMb: 1024, simSeconds: 60 });
    expect(r.summary.invocations).toBe(100);
    expect(r.summary.cost.requests).toBe(100);
    expect(r.summary.cost.requestChargeUsd).toBeCloseTo(100 * 0.2e-6, 12);
    expect(r.summary.cost.computeGbS).toBeCloseTo(100 * 0.1 * 1, 9);
  });
});

describe('work cap', () => {
  it('a run that reaches maxEvents stops and says so', () => {
    const r = runSqs({ backlog: 100_000, duration: 'const:100', simSeconds: 600 }, { maxEvents: 1_000 });
    expect(r.summary.truncated).toBe(true);
    expect(r.summary.warnings.join(' ')).toMatch(/limits\.maxEvents/);
    expect(r.summary.messagesIn).toBe(r.summary.messagesSucceeded + r.summary.messagesToDlq + r.summary.messagesLeft);
  });
});
