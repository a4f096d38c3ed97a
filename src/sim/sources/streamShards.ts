import { attempt } from '../engine/invoke.ts';
import type { SimState } from '../engine/state.ts';
import { SourceEv, type SourceState } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { freeSeg, popHead } from './segments.ts';
import { noteBusy } from './sampling.ts';
import { POLLS_PER_SECOND } from './limits.ts';

/**
 * Kinesis / DynamoDB Streams shards. Each shard has `parallelization` lanes; a partition key always
 * maps to the same lane, so records of one key stay in order, and each lane runs one batch at a time:
 * concurrency is at most shards × parallelization factor. Model: key k goes to shard k mod shards and
 * lane ⌊k / shards⌋ mod factor (Kinesis hashes keys to shards; any fixed mapping keeps per-key order).
 */
export function laneOfKey(q: SourceState, key: number): number {
  const c = q.stream!;
  return (key % c.shards) * c.parallelization + (Math.floor(key / c.shards) % c.parallelization);
}

export function pollIntervalS(q: SourceState): number {
  return 1 / POLLS_PER_SECOND[q.stream!.source];
}

/** A poll of every shard: each idle lane with records invokes when its batch is full, or the window is over. */
export function streamPoll(s: SimState, t: number): void {
  const q = s.source!;
  for (let lane = 0; lane < q.lanes; lane++) if (q.qBusy[lane] === 0 && q.qCount[lane]! > 0 && readyToInvoke(q, lane, t)) dispatchLane(s, lane, t);
  const next = t + pollIntervalS(q);
  if (next <= s.cfg.simSeconds) pushSourceEvent(s, next, SourceEv.POLL);
}

export function readyToInvoke(q: SourceState, lane: number, t: number): boolean {
  const c = q.stream!;
  if (c.batchWindowS === 0 || q.laneBisect[lane]! > 0 || q.qCount[lane]! >= q.maxBatch) return true;
  return t - q.segT[q.qHead[lane]!]! >= c.batchWindowS;
}

/** Invokes the lane's next batch (the first records of its queue), after trimming expired records. */
export function dispatchLane(s: SimState, lane: number, t: number): void {
  const q = s.source!;
  expireHead(q, lane, t);
  const count = q.qCount[lane]!;
  if (count <= 0) {
    q.qBusy[lane] = 0;
    return;
  }
  const limit = q.laneBisect[lane]! > 0 ? q.laneBisect[lane]! : q.maxBatch;
  const n = Math.min(count, limit);
  q.laneBatch[lane] = n;
  q.qBusy[lane] = 1;
  const i = Math.floor(t / q.bucketS);
  if (attempt(s, 0, t, -2 - lane)) {
    q.invocations++;
    q.inFlightMsgs += n;
    if (i < q.nBuckets) q.colInvocations[i]!++;
    noteBusy(s, t);
    return;
  }
  // throttled (reserved or account concurrency): retried at the next poll; not a retry attempt
  q.throttles++;
  if (i < q.nBuckets) q.colThrottles[i]!++;
  s.ser.throttles[s.ser.idx]!++;
  if (t >= s.cfg.warmupS) s.stats.throttles++;
  q.laneWait[lane] = 1;
  pushSourceEvent(s, t + pollIntervalS(q), SourceEv.LANE_RETRY, lane);
}

export function laneRetry(s: SimState, lane: number, t: number): void {
  const q = s.source!;
  q.laneWait[lane] = 0;
  dispatchLane(s, lane, t);
}

/** Records older than the stream's retention are trimmed: lost, neither processed nor discarded. */
function expireHead(q: SourceState, lane: number, t: number): void {
  const cutoff = t - q.stream!.retentionHours * 3600;
  let gone = 0;
  for (let i = q.qHead[lane]!; i >= 0 && q.segT[i]! < cutoff; i = q.qHead[lane]!) {
    popHead(q, lane);
    gone += q.segN[i]!;
    q.qDone[lane] = q.segSeq[i]! + q.segN[i]!;
    freeSeg(q, i);
  }
  if (gone > 0) {
    q.expired += gone;
    q.visible -= gone;
    q.laneTries[lane] = 0;
    q.laneBisect[lane] = 0;
    setBlocked(q, lane, false, t);
  }
}

/**
 * Removes the first n records of the lane as processed (succeeded or discarded), checking that they
 * are the next ones in order; returns nothing, updates `visible`.
 */
export function takeRecords(q: SourceState, lane: number, n: number): void {
  let left = n;
  while (left > 0) {
    const i = q.qHead[lane]!;
    const m = q.segN[i]!;
    if (q.segSeq[i] !== q.qDone[lane]) q.orderViolations++;
    if (m <= left) {
      popHead(q, lane);
      q.qDone[lane] = q.segSeq[i]! + m;
      left -= m;
      freeSeg(q, i);
    } else {
      q.segN[i]! -= left;
      q.segSeq[i]! += left;
      q.qCount[lane]! -= left;
      q.qDone[lane] = q.segSeq[i]!;
      left = 0;
    }
  }
  q.visible -= n;
}

/** Marks a lane blocked by a failing batch (or not), keeping the per-shard blocked time. */
export function setBlocked(q: SourceState, lane: number, blocked: boolean, t: number): void {
  if ((q.laneBlocked[lane] === 1) === blocked) return;
  q.laneBlocked[lane] = blocked ? 1 : 0;
  const shard = Math.floor(lane / q.stream!.parallelization);
  if (blocked) {
    if (q.shardBlocked[shard]!++ === 0) {
      q.shardBlockedSince[shard] = t;
      q.blockedShards++;
    }
  } else if (--q.shardBlocked[shard]! === 0) {
    q.blockedSeconds += t - q.shardBlockedSince[shard]!;
    q.blockedShards--;
  }
}
