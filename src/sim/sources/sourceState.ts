import type { ResolvedSqsConfig, ResolvedStreamConfig } from './types.ts';

/**
 * The event source mapping actor inside a SimState (`state.source`): plain data and typed arrays, so
 * a run survives structuredClone and resumes. Its events share the engine's heap (EventKind.SOURCE,
 * sub-kind in `SourceEv`), its invocations go through the engine's `attempt` (environments, cold
 * starts, scaling bucket, account and reserved concurrency) and are billed with the engine's counters.
 *
 * - Messages/records live in segment lists (`segments.ts`): SQS standard uses queue 0 (new messages)
 *   and queue 1 (messages back from a failed or throttled batch); FIFO uses one queue per message group;
 *   streams use one queue per lane (shard × parallelization slot).
 * - SQS batches in flight are slots `b*`; stream lanes hold at most one batch (the first `laneBatch`
 *   records of their queue).
 * - Columns `col*` are per series bucket (`bucketS` wide); `byMinute`/`iterByMinute` per whole minute.
 */
export interface SourceState {
  kind: 'sqs' | 'stream';
  sqs: ResolvedSqsConfig | null;
  stream: ResolvedStreamConfig | null;

  segT: Float64Array;
  segN: Float64Array;
  segSeq: Float64Array;
  segTag: Int32Array;
  segNext: Int32Array;
  segFree: Int32Array;
  segFreeN: number;
  segUsed: number;
  segLive: number;

  qHead: Int32Array;
  qTail: Int32Array;
  qCount: Float64Array;
  qSeqNext: Float64Array;
  /** Sequence number of the next message expected to finish, per queue (order check). */
  qDone: Float64Array;
  /** FIFO: group locked (a batch of it in flight or invisible); streams: lane invoking or waiting to retry. */
  qBusy: Uint8Array;
  qReady: Uint8Array;
  ready: Int32Array;
  readyHead: number;
  readyN: number;

  bHead: Int32Array;
  bTail: Int32Array;
  bN: Float64Array;
  bQ: Int32Array;
  bRecvT: Float64Array;
  bTries: Int32Array;
  /** 1 while the batch holds a poller (being invoked, or retrying after throttles). */
  bHolds: Uint8Array;
  bFree: Int32Array;
  bFreeN: number;
  bUsed: number;
  bLive: number;

  // inputs of the run
  tick: number;
  rate: number;
  poisson: boolean;
  maxBatch: number;
  nextTick: number;
  /** Record number of the next record (streams, for poison records) and index of the next poison record. */
  nextRecord: number;
  poisonIdx: number;

  // totals
  messagesIn: number;
  succeeded: number;
  dlq: number;
  discarded: number;
  expired: number;
  visible: number;
  inFlightMsgs: number;
  invocations: number;
  failures: number;
  throttles: number;
  orderViolations: number;
  maxBacklog: number;
  maxAgeS: number;
  drainedAt: number;
  maxIterAgeS: number;

  // SQS mapping scaling
  target: number;
  pollers: number;
  provConc: number;
  peakPollers: number;
  inFlight: number;
  stepPeak: number;
  stepInvocations: number;
  stepFailures: number;
  stepThrottles: number;
  scaleStarted: boolean;
  windowPending: boolean;
  windowOpen: boolean;

  // streams
  lanes: number;
  laneBatch: Int32Array;
  laneTries: Int32Array;
  laneBisect: Int32Array;
  laneWait: Uint8Array;
  laneBlocked: Uint8Array;
  shardBlocked: Int32Array;
  shardBlockedSince: Float64Array;
  blockedShards: number;
  blockedSeconds: number;

  // series
  bucketS: number;
  nBuckets: number;
  colBacklog: Float64Array;
  colInFlight: Float64Array;
  colAge: Float64Array;
  colTarget: Float64Array;
  colPollers: Float64Array;
  colSucceeded: Float64Array;
  colDlq: Float64Array;
  colExpired: Float64Array;
  colBlocked: Float64Array;
  colInvocations: Float64Array;
  colThrottles: Float64Array;
  colFailures: Float64Array;
  colIterAge: Float64Array;
  byMinute: Float64Array;
  iterByMinute: Float64Array;
}

/** Sub-kinds of source events (low 4 bits of the id in the heap payload; the rest is a batch or lane). */
export const SourceEv = {
  INGEST: 0, SCALE: 1, MINUTE: 2, SAMPLE: 3, VIS_RETURN: 4, THROTTLE_RETRY: 5, WINDOW: 6, POLL: 7, LANE_RETRY: 8,
} as const;

/** Most series buckets: runs longer than this many seconds get wider buckets (powers of two). */
export const SOURCE_SERIES_BUCKETS = 2048;
