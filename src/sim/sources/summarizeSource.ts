import { windowBill } from '../engine/windowBill.ts';
import { series as engineSeries } from '../engine/series.ts';
import type { SimState } from '../engine/state.ts';
import { sampleBucket } from './sampling.ts';
import type { SqsSeries, SqsSummary, StreamSeries, StreamSummary } from './types.ts';

/** Closes the partial last bucket (levels at `now`). */
function finishBuckets(s: SimState): number {
  const q = s.source!;
  const n = Math.min(q.nBuckets, Math.ceil(s.now / q.bucketS - 1e-9));
  if (n > 0 && s.now < n * q.bucketS) sampleBucket(s, n - 1, s.now);
  return n;
}

/** The engine's per-second concurrency re-binned to the source's buckets (mean and peak). */
function concurrencyColumns(s: SimState, n: number): { mean: Float64Array; peak: Float64Array } {
  const q = s.source!;
  const e = engineSeries(s);
  const mean = new Float64Array(n);
  const peak = new Float64Array(n);
  const f = Math.max(1, Math.round(q.bucketS / e.bucketSeconds));
  for (let i = 0; i < e.length; i++) {
    const k = Math.floor(i / f);
    if (k >= n) break;
    mean[k]! += e.concurrency[i]! / f;
    if (e.concurrencyPeak[i]! > peak[k]!) peak[k] = e.concurrencyPeak[i]!;
  }
  // the last bucket may be partial: its mean is over the part simulated
  if (n > 0) {
    const span = s.now - (n - 1) * q.bucketS;
    if (span > 0 && span < q.bucketS) mean[n - 1] = (mean[n - 1]! * q.bucketS) / span;
  }
  return { mean, peak };
}

function minutes(s: SimState, a: Float64Array): number[] {
  const m = Math.min(a.length, Math.ceil(s.now / 60 - 1e-9));
  return Array.from(a.subarray(0, m));
}

function functionCap(s: SimState): number {
  return s.cfg.reserved ?? s.cfg.concurrencyLimit;
}

/** What both summaries read: closed buckets, the engine's summary, the function's cap, concurrency columns. */
function common(s: SimState) {
  const q = s.source!;
  const n = finishBuckets(s);
  // the engine's counters this summary shares: cold starts, peak concurrency and the bill
  const e = { coldStarts: s.stats.coldStarts, peakConcurrency: s.stats.peakBusy, cost: windowBill(s) };
  const { mean, peak } = concurrencyColumns(s, n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = i * q.bucketS;
  const cut = (a: Float64Array) => a.slice(0, n);
  const runInfo = { cost: e.cost, simSeconds: s.now, events: s.events, seed: s.cfg.seed, truncated: s.truncated, warnings: [...s.warnings] };
  return { n, e, cap: functionCap(s), mean, peak, t, cut, runInfo };
}

export function summarizeSqs(s: SimState): { summary: SqsSummary; series: SqsSeries } {
  const q = s.source!;
  const { n, e, cap, mean, peak, t, cut, runInfo } = common(s);
  return {
    summary: {
      messagesIn: q.messagesIn,
      messagesSucceeded: q.succeeded,
      messagesToDlq: q.dlq,
      messagesLeft: q.visible + q.inFlightMsgs,
      messagesInFlight: q.inFlightMsgs,
      invocations: q.invocations,
      failedInvocations: q.failures,
      throttles: q.throttles,
      coldStarts: e.coldStarts,
      peakConcurrency: e.peakConcurrency,
      concurrencyByMinute: minutes(s, q.byMinute),
      drainedAtS: q.drainedAt >= 0 ? q.drainedAt : null,
      maxBacklog: q.maxBacklog,
      maxMessageAgeS: q.maxAgeS,
      orderViolations: q.sqs!.fifo ? q.orderViolations : null,
      peakPollers: q.peakPollers,
      ...runInfo,
    },
    series: {
      bucketSeconds: q.bucketS, length: n, t,
      backlog: cut(q.colBacklog), inFlight: cut(q.colInFlight), oldestAgeS: cut(q.colAge), concurrency: mean, concurrencyPeak: peak,
      mappingTarget: cut(q.colTarget), functionCap: new Float64Array(n).fill(cap), pollers: cut(q.colPollers),
      succeeded: cut(q.colSucceeded), dlq: cut(q.colDlq), invocations: cut(q.colInvocations), throttles: cut(q.colThrottles),
      failures: cut(q.colFailures),
    },
  };
}

export function summarizeStream(s: SimState): { summary: StreamSummary; series: StreamSeries } {
  const q = s.source!;
  const { n, e, cap, mean, peak, t, cut, runInfo } = common(s);
  // shards still blocked at the end count up to now
  let blocked = q.blockedSeconds;
  for (let k = 0; k < q.shardBlocked.length; k++) if (q.shardBlocked[k]! > 0) blocked += s.now - q.shardBlockedSince[k]!;
  const c = q.stream!;
  return {
    summary: {
      recordsIn: q.messagesIn,
      recordsSucceeded: q.succeeded,
      recordsDiscarded: q.discarded,
      recordsExpired: q.expired,
      recordsLeft: q.visible,
      invocations: q.invocations,
      failedInvocations: q.failures,
      throttles: q.throttles,
      coldStarts: e.coldStarts,
      peakConcurrency: e.peakConcurrency,
      concurrencyCap: c.shards * c.parallelization,
      maxIteratorAgeS: q.maxIterAgeS,
      iteratorAgeByMinute: minutes(s, q.iterByMinute),
      blockedShardSeconds: blocked,
      orderViolations: q.orderViolations,
      ...runInfo,
    },
    series: {
      bucketSeconds: q.bucketS, length: n, t,
      backlog: cut(q.colBacklog), iteratorAgeS: cut(q.colIterAge), concurrency: mean, concurrencyPeak: peak,
      concurrencyCap: new Float64Array(n).fill(c.shards * c.parallelization), functionCap: new Float64Array(n).fill(cap),
      blockedShards: cut(q.colBlocked), succeeded: cut(q.colSucceeded), discarded: cut(q.colDlq), expired: cut(q.colExpired),
      invocations: cut(q.colInvocations), throttles: cut(q.colThrottles), failures: cut(q.colFailures),
    },
  };
}
