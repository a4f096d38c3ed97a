/**
 * The "Queues and streams" widget's engine run: one SQS or stream mapping run of a job
 * (`jobOf(state)` in queuesAndStreamsState.ts: the core's resolved config) → the columns the view draws
 * and the summary figures it prints, in one shape for both sources. Runs in the Web Worker (and at build
 * time for the server render).
 *
 * It drives the core's lower-level API (create…Simulation, runUntil, summarize…) rather than
 * runSqs/runStream: those validate raw input, and the validators with their rules tables would add
 * about a third to the worker. The page's checkState is the gate instead (it equals the core's rules,
 * and the job equals what the validators resolve: tests/widgets/queuesAndStreams.test.ts).
 *
 * Columns are the core's series buckets, merged to at most MAX_POINTS points (peaks and ages by max,
 * levels at the end of the merged point, counts summed). 20 points keep the ramp's minute steps visible
 * and the server-rendered data tables small: the event-sources page also carries four examples' code and
 * must stay under 4,000 elements (tests/browser/examples.test.ts). Queue age is the age of the oldest message not
 * yet deleted (SQS) or the IteratorAge the mapping reports when a batch finishes (streams).
 *
 * Work-arounds for what the core's series does not carry: the mapping's maximum concurrency and the
 * per-mapping ceiling are constants of the config (drawn as flat lines here); in provisioned mode the
 * poller capacity is pollers × PROVISIONED_INVOKES_PER_POLLER, derived here from the `pollers` column.
 */
import {
  createSqsSimulation, createStreamSimulation, DEFAULT_RUNTIME, defaultInitDist, runSourceUntil, SQS_LEGACY_MAX_CONCURRENCY, SQS_MAX_CONCURRENCY_PER_MAPPING, summarizeSqs, summarizeStream,
} from '~/sim';
import type { SimState } from '~/sim';
import type { Progress } from '../shared/workerProtocol.ts';
import type { QueuesJob } from './queuesAndStreamsState.ts';

/** Points drawn per chart. */
export const MAX_POINTS = 20;

export interface QueuesResult {
  kind: 'sqs' | 'stream';
  windowS: number;
  /** Width of one chart point (s). */
  pointS: number;
  t: Float64Array;
  /** Messages or records waiting (level at the end of the point). */
  backlog: Float64Array;
  /** Oldest message age (SQS) or highest IteratorAge (streams) in the point, s. */
  ageS: Float64Array;
  /** Peak function concurrency in the point. */
  concurrency: Float64Array;
  /** SQS: the mapping's scaling target. Streams: shards × parallelization factor. */
  target: Float64Array;
  /** Reserved concurrency, else the account limit. */
  functionCap: Float64Array;
  /** Provisioned mode: event pollers (level); empty otherwise. */
  pollers: Float64Array;
  /** Cumulative: succeeded; sent to the DLQ (SQS) or the on-failure destination (streams). */
  succeeded: Float64Array;
  failedOut: Float64Array;
  /** Per point: throttled invocation attempts. */
  throttles: Float64Array;
  /** Streams: shards blocked by a failing batch (level); empty for SQS. */
  blockedShards: Float64Array;
  /** The mapping's own fixed caps: MaximumConcurrency (null = unset) and the per-mapping ceiling of the scaling rule. */
  maxConcurrency: number | null;
  mappingCeiling: number;
  provisioned: boolean;
  fifo: boolean;
  itemsIn: number;
  succeededTotal: number;
  /** DLQ (SQS) or on-failure destination (streams). */
  failedOutTotal: number;
  /** Streams: trimmed by retention before processing. */
  expired: number;
  left: number;
  invocations: number;
  failedInvocations: number;
  throttlesTotal: number;
  coldStarts: number;
  peakConcurrency: number;
  maxBacklog: number;
  maxAgeS: number;
  drainedAtS: number | null;
  orderViolations: number | null;
  peakPollers: number;
  /** Streams: shards × factor, and the shard-seconds spent blocked. */
  concurrencyCap: number;
  blockedShardSeconds: number;
  /** What the window would cost, as billed (one batch = one request). */
  costUsd: number;
  truncated: boolean;
  warnings: string[];
}

type Reducer = 'max' | 'last' | 'sum';

function maxOf(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, a[i]!);
  return m;
}

/** Merges `cols` into at most MAX_POINTS points of k buckets each. */
function merge(n: number, cols: Record<string, { src: ArrayLike<number>; how: Reducer }>): { k: number; m: number; out: Record<string, Float64Array> } {
  const k = Math.max(1, Math.ceil(n / MAX_POINTS));
  const m = Math.ceil(n / k);
  const out: Record<string, Float64Array> = {};
  for (const [name, { src, how }] of Object.entries(cols)) {
    const o = new Float64Array(src.length ? m : 0);
    if (src.length)
      for (let j = 0; j < m; j++) {
        const lo = j * k;
        const hi = Math.min(n, lo + k);
        let v = how === 'max' ? -Infinity : 0;
        for (let i = lo; i < hi; i++) {
          const x = src[i]!;
          if (how === 'max') v = Math.max(v, x);
          else if (how === 'sum') v += x;
          else v = x;
        }
        o[j] = v;
      }
    out[name] = o;
  }
  return { k, m, out };
}

/** Runs to the end of the window, reporting progress about 50 times (as runSqs does with onProgress). */
function drive(sim: SimState, end: number, progress: Progress): void {
  const chunk = Math.max(1, end / 50);
  let t = 0;
  while (!sim.done && t < end) {
    t = Math.min(t + chunk, end);
    runSourceUntil(sim, t);
    progress(Math.round((Math.min(1, sim.now / end)) * 1000), 1000);
  }
}

export function runQueues(job: QueuesJob, progress: Progress = () => {}): QueuesResult {
  const fn = { runtime: DEFAULT_RUNTIME, init: defaultInitDist(DEFAULT_RUNTIME, 'zip', job.config.arch) };
  if (job.kind === 'sqs') {
    const cfg = { ...job.config, ...fn };
    const sim = createSqsSimulation(cfg);
    drive(sim, cfg.simSeconds, progress);
    const { series: ser, summary: sum } = summarizeSqs(sim);
    const prov = cfg.mode === 'provisioned';
    const { k, out } = merge(ser.length, {
      t: { src: ser.t, how: 'last' }, backlog: { src: ser.backlog, how: 'last' }, age: { src: ser.oldestAgeS, how: 'max' },
      conc: { src: ser.concurrencyPeak, how: 'max' }, target: { src: ser.mappingTarget, how: 'max' }, cap: { src: ser.functionCap, how: 'last' },
      pollers: { src: prov ? ser.pollers : [], how: 'max' }, ok: { src: ser.succeeded, how: 'last' }, dlq: { src: ser.dlq, how: 'last' },
      thr: { src: ser.throttles, how: 'sum' },
    });
    // `t` is each point's start: take the first bucket's time.
    for (let j = 0; j < out['t']!.length; j++) out['t']![j] = ser.t[j * k]!;
    return {
      kind: 'sqs', windowS: cfg.simSeconds, pointS: k * ser.bucketSeconds, t: out['t']!, backlog: out['backlog']!, ageS: out['age']!, concurrency: out['conc']!,
      target: out['target']!, functionCap: out['cap']!, pollers: out['pollers']!, succeeded: out['ok']!, failedOut: out['dlq']!, throttles: out['thr']!,
      blockedShards: new Float64Array(0),
      maxConcurrency: cfg.maxConcurrency, mappingCeiling: cfg.scaling === 'legacy' ? SQS_LEGACY_MAX_CONCURRENCY : SQS_MAX_CONCURRENCY_PER_MAPPING,
      provisioned: prov, fifo: cfg.fifo,
      itemsIn: sum.messagesIn, succeededTotal: sum.messagesSucceeded, failedOutTotal: sum.messagesToDlq, expired: 0, left: sum.messagesLeft,
      invocations: sum.invocations, failedInvocations: sum.failedInvocations, throttlesTotal: sum.throttles, coldStarts: sum.coldStarts,
      peakConcurrency: sum.peakConcurrency, maxBacklog: sum.maxBacklog, maxAgeS: sum.maxMessageAgeS, drainedAtS: sum.drainedAtS,
      orderViolations: sum.orderViolations, peakPollers: prov ? sum.peakPollers : 0, concurrencyCap: 0, blockedShardSeconds: 0,
      costUsd: sum.cost.totalUsd, truncated: sum.truncated, warnings: sum.warnings,
    };
  }
  const cfg = { ...job.config, ...fn };
  const sim = createStreamSimulation(cfg);
  drive(sim, cfg.simSeconds, progress);
  const { series: ser, summary: sum } = summarizeStream(sim);
  const { k, out } = merge(ser.length, {
    t: { src: ser.t, how: 'last' }, backlog: { src: ser.backlog, how: 'last' }, age: { src: ser.iteratorAgeS, how: 'max' },
    conc: { src: ser.concurrencyPeak, how: 'max' }, target: { src: ser.concurrencyCap, how: 'last' }, cap: { src: ser.functionCap, how: 'last' },
    ok: { src: ser.succeeded, how: 'last' }, out: { src: ser.discarded, how: 'last' }, thr: { src: ser.throttles, how: 'sum' }, blocked: { src: ser.blockedShards, how: 'max' },
  });
  for (let j = 0; j < out['t']!.length; j++) out['t']![j] = ser.t[j * k]!;
  return {
    kind: 'stream', windowS: cfg.simSeconds, pointS: k * ser.bucketSeconds, t: out['t']!, backlog: out['backlog']!, ageS: out['age']!, concurrency: out['conc']!,
    target: out['target']!, functionCap: out['cap']!, pollers: new Float64Array(0), succeeded: out['ok']!, failedOut: out['out']!, throttles: out['thr']!,
    blockedShards: out['blocked']!, maxConcurrency: null, mappingCeiling: sum.concurrencyCap, provisioned: false, fifo: false,
    itemsIn: sum.recordsIn, succeededTotal: sum.recordsSucceeded, failedOutTotal: sum.recordsDiscarded, expired: sum.recordsExpired, left: sum.recordsLeft,
    invocations: sum.invocations, failedInvocations: sum.failedInvocations, throttlesTotal: sum.throttles, coldStarts: sum.coldStarts,
    peakConcurrency: sum.peakConcurrency, maxBacklog: maxOf(ser.backlog), maxAgeS: sum.maxIteratorAgeS, drainedAtS: null,
    orderViolations: sum.orderViolations, peakPollers: 0, concurrencyCap: sum.concurrencyCap, blockedShardSeconds: sum.blockedShardSeconds,
    costUsd: sum.cost.totalUsd, truncated: sum.truncated, warnings: sum.warnings,
  };
}
