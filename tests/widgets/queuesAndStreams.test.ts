import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ASYNC_ERROR_RETRY_DELAYS_S, asyncTimeline, createSimulation, runUntil, summarize, DEFAULT_RUNTIME, defaultInitDist, SQS_RULES, STREAM_RULES, validateSqsConfig, validateStreamConfig } from '~/sim';
import { defaultsOf, fieldFromRule, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { buildSearch, readUrlRaw } from '~/widgets/shared/urlState.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import {
  checkState, expectedItems, fieldApplies, jobOf, MAX_ITEMS_PER_RUN, PRESETS, QS_PREFIX, queuesSchema, sqsConfigOf, streamConfigOf, type QueuesState,
} from '~/widgets/QueuesAndStreams/queuesAndStreamsState.ts';
import { MAX_POINTS, runQueues, type QueuesResult } from '~/widgets/QueuesAndStreams/queuesAndStreamsRun.ts';
import { ageChartSpec, asyncAttemptTimes, asyncTimelineHtml, concurrencyChartSpec, queueChartSpec, readoutHtml } from '~/widgets/QueuesAndStreams/queuesAndStreamsView.ts';
import { stateArb } from './stateArb.ts';

const base = defaultsOf(queuesSchema);
const state = (o: Partial<QueuesState>): QueuesState => ({ ...base, ...o });
const preset = (k: keyof typeof PRESETS) => state(PRESETS[k]!.values);
const run = (s: QueuesState): QueuesResult => runQueues(jobOf(s));
/** What the core's validator makes of the widget's config: ok, and the config it resolves. */
const core = (s: QueuesState) => (s.source === 'sqs' ? validateSqsConfig(sqsConfigOf(s)) : validateStreamConfig(streamConfigOf(s)));
const coreAccepts = (s: QueuesState) => core(s).ok;
/** Highest value of a column over points starting in [from, to). */
const maxIn = (r: QueuesResult, col: ArrayLike<number>, from: number, to: number) => {
  let m = 0;
  for (let i = 0; i < r.t.length; i++) if (r.t[i]! >= from && r.t[i]! < to) m = Math.max(m, col[i]!);
  return m;
};

describe('queues widget: fields come from the rules tables', () => {
  it('ranges, units and defaults are the rules’ (the widget only narrows a run-size cap)', () => {
    expect(queuesSchema.batchSize).toMatchObject({ min: SQS_RULES.batchSize.min, max: SQS_RULES.batchSize.max, default: SQS_RULES.batchSize.default, integer: true, unit: 'messages' });
    expect(queuesSchema.streamBatchSize).toMatchObject({ min: STREAM_RULES.batchSize.min, max: STREAM_RULES.batchSize.max, default: STREAM_RULES.batchSize.default });
    expect(queuesSchema.maxRetries).toMatchObject({ min: -1, max: STREAM_RULES.maxRetries.max, default: STREAM_RULES.maxRetries.default });
    expect(queuesSchema.visibilityTimeoutS.max).toBe(SQS_RULES.visibilityTimeoutS.max);
    expect(queuesSchema.backlog.max).toBe(MAX_ITEMS_PER_RUN);
    expect(queuesSchema.backlog.default).toBe(SQS_RULES.backlog.default);
  });
  it('a rule whose default is "off" needs the widget’s default, and a range may only narrow', () => {
    expect(() => fieldFromRule(SQS_RULES.reserved, { label: 'Reserved', urlKey: 'r' })).toThrow(/no default/);
    expect(() => fieldFromRule(SQS_RULES.maxConcurrency, { label: 'Max', urlKey: 'm', default: 10, max: 5_000 })).toThrow(/wider than the core's 2–1000/);
    expect(fieldFromRule(SQS_RULES.maxConcurrency, { label: 'Max', urlKey: 'm', default: 10, max: 500 }).max).toBe(500);
  });
  it('a bad value gets a message naming the label and the range', () => {
    const { errors } = parseFields(queuesSchema, { batchSize: '20000', parallelization: '11' });
    expect(errors.map((e) => e.message)).toEqual([
      'Batch size (messages) must be an integer from 1 to 10,000 (messages); got "20000"',
      'Parallelization factor must be an integer from 1 to 10 (batches per shard); got "11"',
    ]);
  });
});

describe('queues widget: presets and checks', () => {
  it('the default is the burst preset, and it and every preset are accepted by the core', () => {
    expect(state(PRESETS['burst']!.values)).toEqual(base);
    expect(checkState(base)).toEqual([]);
    for (const [k, p] of Object.entries(PRESETS)) {
      const s = state(p.values);
      expect(checkState(s), k).toEqual([]);
      expect(coreAccepts(s), k).toBe(true);
    }
  });
  it('cross-field messages name the rule and the range', () => {
    expect(checkState(state({ fifo: true, batchSize: 20, batchWindowS: 1 }))[0]!.message).toBe('Batch size (messages) must be an integer from 1 to 10 (messages) for a FIFO queue; got 20');
    expect(checkState(state({ batchSize: 100, batchWindowS: 0 }))[0]!.message).toBe('Batching window (s) must be an integer from 1 to 300 (s) when the batch size is above 10; got 0');
    expect(checkState(state({ useReserved: true, reserved: 950 }))[0]!.message).toBe('Reserved concurrency must be an integer from 0 to 900 (the account limit minus 100 unreserved); got 950');
    expect(checkState(state({ source: 'kinesis', maxRecordAgeS: 30 }))[0]!.key).toBe('maxRecordAgeS');
    expect(checkState(state({ backlog: 0, rate: 0 }))[0]!.key).toBe('backlog');
    expect(checkState(state({ rate: 10_000, simSeconds: 3600 }))[0]!.message).toMatch(/must be at most 5,000,000 per run .*; got 36,100,000$/);
  });
  it('for generated in-range states, checkState passes exactly when the core accepts the config', () => {
    fc.assert(
      fc.property(stateArb(queuesSchema), (raw) => {
        const s = raw as QueuesState;
        const runSizeOk = expectedItems(s) <= MAX_ITEMS_PER_RUN;
        const ok = checkState(s).length === 0;
        expect(ok).toBe(coreAccepts(s) && runSizeOk);
        // The job the worker runs without validating is exactly what the validator resolves.
        const v = core(s);
        if (v.ok) expect({ ...jobOf(s).config, runtime: DEFAULT_RUNTIME, init: defaultInitDist(DEFAULT_RUNTIME) }).toEqual(v.value);
      }),
      { numRuns: 400, seed: 12 },
    );
  });
  it('each source shows only its inputs', () => {
    expect(fieldApplies(base, 'backlog')).toBe(true);
    expect(fieldApplies(base, 'shards')).toBe(false);
    expect(fieldApplies(base, 'groups')).toBe(false);
    expect(fieldApplies({ ...base, fifo: true }, 'groups')).toBe(true);
    expect(fieldApplies({ ...base, mode: 'provisioned' }, 'maxPollers')).toBe(true);
    expect(fieldApplies({ ...base, mode: 'provisioned' }, 'maxConcurrency')).toBe(false);
    expect(fieldApplies({ ...base, source: 'kinesis' }, 'backlog')).toBe(false);
    expect(fieldApplies({ ...base, source: 'kinesis' }, 'reserved')).toBe(true);
  });
  it('the URL round-trips every field, seed included', () => {
    const s = state({ ...PRESETS['shardBisect']!.values, seed: 4242 });
    const search = buildSearch(QS_PREFIX, queuesSchema, s, '');
    const back = parseFields(queuesSchema, readUrlRaw(QS_PREFIX, queuesSchema, search) as Record<string, string>);
    expect(back.errors).toEqual([]);
    expect(back.value).toEqual(s);
  });
});

describe('queues widget: each preset teaches its lesson (seeded runs)', () => {
  const burst = run(base);
  it('burst: concurrency starts at 5 and the mapping adds 300 a minute until the queue drains', () => {
    // Points are 15 s wide and levels are read at a point's end: stay one point clear of each minute.
    expect(burst.pointS).toBe(15);
    expect(maxIn(burst, burst.target, 0, 45)).toBe(5);
    expect(maxIn(burst, burst.target, 60, 105)).toBe(305);
    expect(maxIn(burst, burst.target, 120, 165)).toBe(605);
    expect(burst.succeededTotal).toBe(100_000);
    expect(burst.drainedAtS).toBeGreaterThan(120);
    expect(burst.drainedAtS).toBeLessThan(180);
    expect(burst.t.length).toBeLessThanOrEqual(MAX_POINTS);
  });
  it('reserved concurrency (not maximum concurrency) sends healthy messages to the DLQ', () => {
    const reserved = run(preset('reservedCap'));
    const maxConc = run(preset('maxConcurrencyCap'));
    expect(reserved.failedOutTotal).toBeGreaterThan(0);
    expect(reserved.throttlesTotal).toBeGreaterThan(0);
    expect(maxConc.failedOutTotal).toBe(0);
    expect(maxConc.throttlesTotal).toBe(0);
    expect(maxConc.peakConcurrency).toBeLessThanOrEqual(10);
  }, 30_000);
  it('partial batch responses keep healthy messages out of the DLQ', () => {
    const whole = run(preset('poisonWhole'));
    const partial = run(preset('poisonPartial'));
    // p = 0.05, 3 receives, batches of 10: whole batch ≈ (1 − 0.95^10)^3 ≈ 6.5% at most; partial ≈ 0.05^3.
    expect(whole.failedOutTotal / whole.itemsIn).toBeGreaterThan(0.02);
    expect(partial.failedOutTotal / partial.itemsIn).toBeLessThan(0.002);
  }, 30_000);
  it('FIFO with 3 message groups runs at most 3 batches at once, in order', () => {
    const r = run(preset('fifoFewGroups'));
    expect(r.peakConcurrency).toBeLessThanOrEqual(3);
    expect(r.orderViolations).toBe(0);
  });
  it('a poison record blocks its shard (iterator age climbs); bisect with retries discards only it', () => {
    const blocked = run(preset('shardBlocked'));
    const bisect = run(preset('shardBisect'));
    expect(blocked.blockedShardSeconds).toBeGreaterThan(300);
    expect(blocked.maxAgeS).toBeGreaterThan(300);
    expect(blocked.failedOutTotal).toBe(0);
    expect(bisect.failedOutTotal).toBe(1);
    expect(bisect.maxAgeS).toBeLessThan(60);
  }, 30_000);
  it('provisioned mode scales faster than the on-demand ramp', () => {
    const prov = run(preset('provisionedMode'));
    expect(prov.peakPollers).toBeGreaterThan(2);
    expect(maxIn(prov, prov.concurrency, 0, 60)).toBeGreaterThan(maxIn(burst, burst.concurrency, 0, 60));
    expect(prov.pollers.length).toBe(prov.t.length);
  }, 30_000);
});

describe('queues widget: views', () => {
  it('async retry timeline: attempts at 0, +1 min, +3 min, then the destination (from the documented delays)', () => {
    expect(asyncAttemptTimes(2)).toEqual([0, ASYNC_ERROR_RETRY_DELAYS_S[0], ASYNC_ERROR_RETRY_DELAYS_S[0] + ASYNC_ERROR_RETRY_DELAYS_S[1]]);
    expect(asyncAttemptTimes(2)).toEqual([0, 60, 180]);
    expect(asyncAttemptTimes(0)).toEqual([0]);
    // The same times as the engine's own run of one always-failing async event (attempts, then the destination).
    for (const retries of [0, 1, 2]) {
      const tl = asyncTimeline({ errorRate: 1, maxRetryAttempts: retries });
      expect(tl.filter((e) => e.kind === 'attempt').map((e) => e.t)).toEqual(asyncAttemptTimes(retries));
      expect(tl.at(-1)).toEqual({ t: asyncAttemptTimes(retries).at(-1), kind: 'destination' });
      // and a run bounded by a request count (as `sim run --requests 1`) runs to the same last attempt, not only to the arrival
      const s = createSimulation({ traffic: { kind: 'constant', rate: 1 }, requests: 1, duration: 'const:0', init: 'const:0', invocation: 'async', async: { errorRate: 1, maxRetryAttempts: retries } });
      runUntil(s, Infinity);
      expect(summarize(s).async).toMatchObject({ attempts: retries + 1, retries, onFailure: 1 });
      expect(s.now).toBe(asyncAttemptTimes(retries).at(-1));
    }
    const html = asyncTimelineHtml(2);
    expect(html.match(/<li>/g)).toHaveLength(4);
    expect(html).toContain('+3 min');
    expect(asyncTimelineHtml(0).match(/<li>/g)).toHaveLength(2);
  });
  it('every preset renders charts with a summary and data table, without NaN', () => {
    for (const k of Object.keys(PRESETS)) {
      const s = preset(k);
      const r = run(s);
      const html = [queueChartSpec(r), ageChartSpec(r), concurrencyChartSpec(s, r)].map(renderChartFigure).join('') + readoutHtml(r);
      expect(html, k).not.toMatch(/NaN|undefined|Infinity/);
      expect(html.match(/<table/g), k).toHaveLength(3);
    }
  }, 60_000); // nine seeded runs: room for a busy machine
  it('the overpull summary names the trap; the stream summary names shards × factor', () => {
    const s = preset('reservedCap');
    expect(concurrencyChartSpec(s, run(s)).summary).toMatch(/does not see reserved concurrency/);
    const k = preset('shardBlocked');
    expect(concurrencyChartSpec(k, run(k)).summary).toMatch(/shards × parallelization factor = 4/);
  });
});
