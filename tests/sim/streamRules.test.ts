import { describe, expect, it } from 'vitest';
import { runStream, validateStreamConfig, POLLS_PER_SECOND } from '~/sim/index.ts';

describe('Kinesis / DynamoDB streams: exact seeded rules', () => {
  it('concurrency = shards × parallelization factor', () => {
    const r = runStream({ shards: 5, parallelization: 3, keys: 10_000, rate: 10_000, batchSize: 10, duration: 'const:1000', simSeconds: 60 });
    expect(r.summary.peakConcurrency).toBe(15);
    expect(r.summary.concurrencyCap).toBe(15);
    expect(r.summary.orderViolations).toBe(0);
  });
  it('per-key order: fewer partition keys than lanes caps concurrency at the keys', () => {
    const r = runStream({ shards: 5, parallelization: 3, keys: 4, rate: 1_000, batchSize: 10, duration: 'const:1000', simSeconds: 60 });
    expect(r.summary.peakConcurrency).toBe(4);
  });
  it('polls Kinesis once a second and DynamoDB Streams 4 times a second', () => {
    expect(POLLS_PER_SECOND).toEqual({ kinesis: 1, dynamodb: 4 });
    const base = { shards: 1, keys: 1, rate: 1, arrival: 'constant', batchSize: 10, duration: 'const:10', simSeconds: 60 } as const;
    expect(runStream({ ...base, source: 'kinesis' }).summary.maxIteratorAgeS).toBeCloseTo(1.1363, 3);
    expect(runStream({ ...base, source: 'dynamodb' }).summary.maxIteratorAgeS).toBeCloseTo(0.3863, 3);
  });
  it('a poison record blocks its shard until it expires (retries −1, age −1), while other shards flow', () => {
    const r = runStream({ shards: 4, parallelization: 2, rate: 100, poisonRecords: [5], batchSize: 10, duration: 'const:100', simSeconds: 600 });
    expect(r.summary.recordsDiscarded).toBe(0);
    expect(r.summary.blockedShardSeconds).toBeCloseTo(598.76, 1);
    expect(r.summary.maxIteratorAgeS).toBeGreaterThan(590);
    expect(r.summary.recordsSucceeded).toBe(52_003);
  });
  it('MaximumRetryAttempts discards the batch to the on-failure destination: 1 attempt + N retries', () => {
    const r = runStream({ shards: 1, keys: 1, rate: 1, arrival: 'constant', poisonRecords: [0], batchSize: 5, batchWindowS: 0, maxRetries: 2, duration: 'const:100', simSeconds: 60 });
    expect(r.summary.failedInvocations).toBe(3);
    expect(r.summary.recordsDiscarded).toBe(1);
    expect(r.summary.recordsSucceeded + r.summary.recordsDiscarded + r.summary.recordsLeft).toBe(r.summary.recordsIn);
  });
  it('bisect isolates the poison record: only it is discarded', () => {
    const base = { shards: 1, keys: 1, rate: 100, arrival: 'constant', poisonRecords: [37], batchSize: 100, batchWindowS: 1, maxRetries: 1, duration: 'const:100', simSeconds: 120 } as const;
    const whole = runStream(base);
    const bisect = runStream({ ...base, bisect: true });
    expect(whole.summary.recordsDiscarded).toBe(100);
    expect(bisect.summary.recordsDiscarded).toBe(1);
  });
  it('partial batch responses checkpoint before the failed record', () => {
    const base = { shards: 1, keys: 1, rate: 100, arrival: 'constant', poisonRecords: [37], batchSize: 100, batchWindowS: 1, maxRetries: 0, duration: 'const:100', simSeconds: 120 } as const;
    const r = runStream({ ...base, partialBatch: true });
    // records 0–36 are checkpointed; the batch from the poison record on is discarded after 0 retries
    expect(r.summary.recordsDiscarded).toBe(100 - 37);
  });
  it('MaximumRecordAgeInSeconds discards a failing batch once its oldest record is that old', () => {
    const r = runStream({ shards: 1, keys: 1, rate: 1, arrival: 'constant', poisonRecords: [0], batchSize: 1, maxRecordAgeS: 60, duration: 'const:100', simSeconds: 300 });
    expect(r.summary.recordsDiscarded).toBe(1);
    // the record arrives at 1 s, is first invoked at the 2 s poll, fails at 2.1 s and is retried at each
    // poll until a failure finds it older than 60 s (at 61.5 s): blocked 61.5 − 2.1 = 59.4 s
    expect(r.summary.blockedShardSeconds).toBeCloseTo(59.4, 6);
  });
  it('retention trims records that were never processed (DynamoDB: always 24 h)', () => {
    expect(validateStreamConfig({ source: 'dynamodb' })).toMatchObject({ ok: true, value: { retentionHours: 24 } });
    const r = runStream({ shards: 1, keys: 1, rate: 0.01, arrival: 'constant', poisonRecords: [0], batchSize: 1, retentionHours: 24, duration: 'const:100', simSeconds: 87_000 });
    expect(r.summary.recordsExpired).toBe(1);
    expect(r.summary.recordsDiscarded).toBe(0);
  }, 60_000); // a day of retries once a second: ~350,000 events, slow on a loaded machine
  it('rejects what AWS rejects', () => {
    const bad = (raw: object) => {
      const v = validateStreamConfig(raw);
      return v.ok ? '' : v.errors[0]!.message;
    };
    expect(bad({ maxRecordAgeS: 30 })).toBe('maxRecordAgeS must be -1 or an integer from 60 to 604,800 (s); got 30');
    expect(bad({ maxRetries: -2 })).toMatch(/^maxRetries must be an integer from -1 to 10,000/);
    expect(bad({ parallelization: 11 })).toMatch(/^parallelization must be an integer from 1 to 10/);
    expect(bad({ source: 'dynamodb', retentionHours: 48 })).toBe('retentionHours must be 24 (hours): DynamoDB Streams keep records 24 hours; got 48');
    expect(bad({ batchWindowS: 301 })).toMatch(/^batchWindowS must be an integer from 0 to 300/);
    expect(bad({ poisonRecords: '1,x' })).toMatch(/^poisonRecords must be a list/);
  });
});

describe('IteratorAge when ingest exceeds processing (closed form)', () => {
  // One lane processes B records every d seconds: μ = B/d records/s. With arrivals at λ > μ, the record
  // processed at time t arrived at μt/λ, so IteratorAge(t) = t·(1 − μ/λ): a straight line of slope 1 − μ/λ.
  it('grows at 1 − μ/λ per second', () => {
    for (const [lambda, parallelization, keys] of [[200, 1, 1], [400, 2, 1000]] as const) {
      const r = runStream({ shards: 1, parallelization, keys, rate: lambda, arrival: 'constant', batchSize: 10, duration: 'const:100', simSeconds: 600 });
      const mu = (parallelization * 10) / 0.1;
      const slope = 1 - mu / lambda;
      r.summary.iteratorAgeByMinute.forEach((age, m) => expect(Math.abs(age - slope * 60 * (m + 1))).toBeLessThan(3));
    }
  });
  it('stays near zero when processing keeps up', () => {
    const r = runStream({ shards: 1, keys: 1, rate: 50, arrival: 'constant', batchSize: 10, duration: 'const:100', simSeconds: 300 });
    expect(r.summary.maxIteratorAgeS).toBeLessThan(2);
  });
});
