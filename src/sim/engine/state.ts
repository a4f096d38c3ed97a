import type { Rng } from '../rng/createRng.ts';
import type { ArrivalCursor } from '../traffic/types.ts';
import type { LatencyHistogram } from '../stats/latencyHistogram.ts';
import type { ResolvedSimConfig } from './config.ts';
import type { EnvSpan } from './spans.ts';
import type { SourceState } from '../sources/sourceState.ts';

/**
 * Everything a run is, as plain data and typed arrays (safe for structuredClone / postMessage).
 *
 * Lifecycle: `createSimulation(config)` → `step` / `runUntil` (the only things that move `now`) →
 * `summarize` / `series` / `envSpans` read it at any point.
 *
 * Events live in one binary min-heap of (time, payload) in typed arrays; payload = slot << 2 | kind,
 * kind ∈ EventKind. Arrivals are generated lazily (one pending `nextArrivalT`), idle reclamation is read
 * from the bottom of each version's idle list, so neither ever sits in the heap.
 * Environments are slots in struct-of-arrays tables; freed slots are recycled through `freeSlots`.
 */
export interface SimState {
  cfg: ResolvedSimConfig;
  rng: Rng;
  now: number;
  done: boolean;
  truncated: boolean;
  warnings: string[];
  events: number;

  cursor: ArrivalCursor;
  nextArrivalT: number;

  heapT: Float64Array;
  heapP: Int32Array;
  heapN: number;

  envCap: number;
  envState: Uint8Array; // EnvStatus
  envVer: Uint8Array;
  envPc: Uint8Array;
  envCreated: Float64Array;
  envIdleSince: Float64Array;
  envStamp: Int32Array;
  envId: Float64Array;
  envEv: Int32Array; // async event slot being served, or −1
  envSpan: Int32Array; // index in `spans`, or −1
  freeSlots: Int32Array;
  freeN: number;
  nextSlot: number;
  nextEnvId: number;
  stampCounter: number;

  envCount: number;
  busy: number;
  odBusy: number;
  /** On-demand cap: (reserved ?? account limit) − provisioned. */
  odCap: number;
  idle: IdleList[];
  /** Cached earliest idle-timeout reclamation (time, version, slot); recomputed when `reclaimDirty`. */
  reclaimT: number;
  reclaimV: number;
  reclaimSlot: number;
  reclaimDirty: boolean;
  /** Fast paths: Poisson arrival rate (0 when the traffic is not a constant-rate Poisson process). */
  poissonRate: number;
  pcIdle: Int32Array;
  pcIdleN: number;
  tokens: number;
  tokensT: number;

  evArrival: Float64Array;
  evThrottles: Int32Array;
  evErrRetries: Int32Array;
  evFree: Int32Array;
  evFreeN: number;
  evNext: number;
  evCap: number;
  queued: number;
  asyncLive: number;

  lastT: number;
  stats: WindowStats;
  totals: Totals;
  ser: SeriesAcc;
  spans: EnvSpan[] | null;
  spansTruncated: boolean;
  /** An event source mapping (SQS queue or stream) driving the invocations, or null (see src/sim/sources). */
  source: SourceState | null;
}

/** Idle environments of one version, in the order they became idle (bottom = longest idle). */
export interface IdleList {
  slot: Int32Array;
  stamp: Int32Array;
  head: number;
  size: number;
  mask: number;
  count: number;
  /** Max-heap by environment id, for reuse = 'newest' only. */
  hKey: Float64Array;
  hSlot: Int32Array;
  hStamp: Int32Array;
  hN: number;
}

/** Counters over the statistics window (arrivals at or after warmupS). */
export interface WindowStats {
  arrivals: number;
  attempts: number;
  started: number;
  pcStarts: number;
  completed: number;
  coldStarts: number;
  throttles: number;
  scalingThrottles: number;
  retries: number;
  errors: number;
  onFailure: number;
  reclaimed: number;
  recycled: number;
  billedOdMs: number;
  billedPcMs: number;
  billedInitMs: number;
  initMs: number;
  busyArea: number;
  envArea: number;
  peakBusy: number;
  peakEnvs: number;
  latency: LatencyHistogram;
  eventAgeSum: number;
  eventAgeN: number;
  eventAgeMax: number;
  /** Async: age of the event when each execution starts (queue to invoke, ms), as AWS's AsyncEventAge. */
  asyncAge: LatencyHistogram;
}

/** Whole-run counters, for conservation: arrivals = completed + throttled + dropped + running + queued. */
export interface Totals {
  arrivals: number;
  throttledSync: number;
  completedFinal: number;
  dropped: number;
}

/** Per-bucket accumulators; the width doubles (pairs merged) when `cap` buckets are used. */
export interface SeriesAcc {
  w: number;
  idx: number;
  end: number;
  cap: number;
  arrivals: Float64Array;
  throttles: Float64Array;
  coldStarts: Float64Array;
  busyArea: Float64Array;
  envArea: Float64Array;
  peak: Float64Array;
}

export const EnvStatus = { FREE: 0, BUSY: 1, IDLE: 2 } as const;

/** Heap event kinds (low 2 bits of the payload). */
export const EventKind = { COMPLETE: 0, EXPIRE: 1, RETRY: 2, SOURCE: 3 } as const;
