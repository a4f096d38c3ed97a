import { createSimulation } from '../engine/createSimulation.ts';
import type { SimConfig } from '../engine/config.ts';
import type { SimState } from '../engine/state.ts';
import { SOURCE_SERIES_BUCKETS, SourceEv, type SourceState } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { deliver } from './ingest.ts';
import { initialTarget, startScaling } from './sqsScaling.ts';
import { sqsPump } from './sqsMapping.ts';
import { PAYLOAD_LIMIT_KB, ingestTickS } from './limits.ts';
import { pollIntervalS } from './streamShards.ts';
import type { ResolvedSqsConfig, ResolvedStreamConfig } from './types.ts';

/** Series bucket width: 1 s up to SOURCE_SERIES_BUCKETS seconds, then the next power of two. */
export function bucketSecondsFor(simSeconds: number): number {
  let w = 1;
  while (simSeconds / w > SOURCE_SERIES_BUCKETS) w *= 2;
  return w;
}

/** The engine's config for a source run: the function side only; the source owns the arrivals. */
function engineConfig(c: ResolvedSqsConfig | ResolvedStreamConfig): SimConfig {
  return {
    traffic: { kind: 'constant', rate: 1 }, duration: c.duration, init: c.init, runtime: c.runtime, seed: c.seed,
    concurrencyLimit: c.concurrencyLimit, reserved: c.reserved, simSeconds: c.simSeconds, memoryMb: c.memoryMb, arch: c.arch,
    limits: { maxEvents: c.maxEvents },
  };
}

function emptySource(kind: 'sqs' | 'stream', nQueues: number, simSeconds: number): SourceState {
  const bucketS = bucketSecondsFor(simSeconds);
  const nBuckets = Math.ceil(simSeconds / bucketS - 1e-9);
  const col = () => new Float64Array(nBuckets);
  const minutes = Math.ceil(simSeconds / 60 - 1e-9);
  const segCap = 1024;
  const bCap = 64;
  return {
    kind, sqs: null, stream: null,
    segT: new Float64Array(segCap), segN: new Float64Array(segCap), segSeq: new Float64Array(segCap), segTag: new Int32Array(segCap),
    segNext: new Int32Array(segCap), segFree: new Int32Array(segCap), segFreeN: 0, segUsed: 0, segLive: 0,
    qHead: new Int32Array(nQueues).fill(-1), qTail: new Int32Array(nQueues).fill(-1), qCount: new Float64Array(nQueues),
    qSeqNext: new Float64Array(nQueues), qDone: new Float64Array(nQueues), qBusy: new Uint8Array(nQueues), qReady: new Uint8Array(nQueues),
    ready: new Int32Array(nQueues), readyHead: 0, readyN: 0,
    bHead: new Int32Array(bCap).fill(-1), bTail: new Int32Array(bCap), bN: new Float64Array(bCap), bQ: new Int32Array(bCap),
    bRecvT: new Float64Array(bCap), bTries: new Int32Array(bCap), bHolds: new Uint8Array(bCap), bFree: new Int32Array(bCap),
    bFreeN: 0, bUsed: 0, bLive: 0,
    tick: 0.1, rate: 0, poisson: true, maxBatch: 1, nextTick: 0, nextRecord: 0, poisonIdx: 0,
    messagesIn: 0, succeeded: 0, dlq: 0, discarded: 0, expired: 0, visible: 0, inFlightMsgs: 0, invocations: 0, failures: 0,
    throttles: 0, orderViolations: 0, maxBacklog: 0, maxAgeS: 0, drainedAt: -1, maxIterAgeS: 0,
    target: 0, pollers: 0, provConc: 0, peakPollers: 0, inFlight: 0, stepPeak: 0, stepInvocations: 0, stepFailures: 0,
    stepThrottles: 0, scaleStarted: false, windowPending: false, windowOpen: false,
    lanes: 0, laneBatch: new Int32Array(0), laneTries: new Int32Array(0), laneBisect: new Int32Array(0), laneWait: new Uint8Array(0),
    laneBlocked: new Uint8Array(0), shardBlocked: new Int32Array(0), shardBlockedSince: new Float64Array(0), blockedShards: 0, blockedSeconds: 0,
    bucketS, nBuckets,
    colBacklog: col(), colInFlight: col(), colAge: col(), colTarget: col(), colPollers: col(), colSucceeded: col(), colDlq: col(),
    colExpired: col(), colBlocked: col(), colInvocations: col(), colThrottles: col(), colFailures: col(), colIterAge: col(),
    byMinute: new Float64Array(minutes), iterByMinute: new Float64Array(minutes),
  };
}

function startClock(s: SimState, q: SourceState): void {
  s.nextArrivalT = Infinity; // no engine arrivals: the source invokes the function
  if (q.rate > 0) pushSourceEvent(s, q.tick, SourceEv.INGEST);
  pushSourceEvent(s, Math.min(q.bucketS, s.cfg.simSeconds), SourceEv.SAMPLE);
  if (60 <= s.cfg.simSeconds) pushSourceEvent(s, 60, SourceEv.MINUTE);
}

/** A simulation whose function is fed by an SQS event source mapping (config already validated). */
export function createSqsSimulation(c: ResolvedSqsConfig): SimState {
  const s = createSimulation(engineConfig(c));
  const q = emptySource('sqs', c.fifo ? c.groups : 2, c.simSeconds);
  q.sqs = c;
  q.rate = c.rate;
  q.poisson = c.arrival === 'poisson';
  q.tick = ingestTickS(c.rate);
  q.maxBatch = Math.max(1, Math.min(c.batchSize, Math.floor(PAYLOAD_LIMIT_KB / c.messageKb)));
  s.source = q;
  initialTarget(q);
  startClock(s, q);
  if (c.mode === 'provisioned') startScaling(s, 0);
  if (c.backlog > 0) {
    deliver(s, q, 0, c.backlog);
    startScaling(s, 0);
    sqsPump(s, 0);
  }
  return s;
}

/** A simulation whose function is fed by a Kinesis or DynamoDB stream (config already validated). */
export function createStreamSimulation(c: ResolvedStreamConfig): SimState {
  const s = createSimulation(engineConfig(c));
  const lanes = c.shards * c.parallelization;
  const q = emptySource('stream', lanes, c.simSeconds);
  q.stream = c;
  q.rate = c.rate;
  q.poisson = c.arrival === 'poisson';
  q.tick = ingestTickS(c.rate);
  q.maxBatch = c.batchSize;
  q.lanes = lanes;
  q.laneBatch = new Int32Array(lanes);
  q.laneTries = new Int32Array(lanes);
  q.laneBisect = new Int32Array(lanes);
  q.laneWait = new Uint8Array(lanes);
  q.laneBlocked = new Uint8Array(lanes);
  q.shardBlocked = new Int32Array(c.shards);
  q.shardBlockedSince = new Float64Array(c.shards);
  q.target = lanes;
  s.source = q;
  startClock(s, q);
  pushSourceEvent(s, pollIntervalS(q), SourceEv.POLL);
  return s;
}
