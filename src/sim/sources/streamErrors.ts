import type { SimState } from '../engine/state.ts';
import { SourceEv } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { geometricSkip } from './randomCounts.ts';
import { dispatchLane, pollIntervalS, readyToInvoke, setBlocked, takeRecords } from './streamShards.ts';

/**
 * A stream batch finished at t. Each record fails each attempt with probability errorRate; poison
 * records fail every attempt. The lane keeps its order:
 * - success: the records are checkpointed, the lane goes on (at once if a batch is ready);
 * - function error: with ReportBatchItemFailures, the records before the first failure are
 *   checkpointed; with BisectBatchOnFunctionError, a failed batch of more than one record is split in
 *   two and its first half retried (not counted as a retry); otherwise the same records are retried
 *   (counted). After MaximumRetryAttempts retries, or when the oldest record is older than
 *   MaximumRecordAgeInSeconds, the batch goes to the on-failure destination (discarded) and the lane
 *   goes on. https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
 * IteratorAge is the age of the batch's last record when the batch finishes (success or not).
 */
export function streamCompleted(s: SimState, lane: number, t: number): void {
  const q = s.source!;
  const c = q.stream!;
  const n = q.laneBatch[lane]!;
  q.inFlightMsgs -= n;
  // first poison record in the batch, and the arrival time of its last record
  let pos = 0;
  let poisonAt = Infinity;
  let lastT = t;
  for (let i = q.qHead[lane]!; i >= 0 && pos < n; i = q.segNext[i]!) {
    if (q.segTag[i] === 1 && poisonAt === Infinity) poisonAt = pos;
    pos += q.segN[i]!;
    lastT = q.segT[i]!;
  }
  const age = t - lastT;
  if (age > q.maxIterAgeS) q.maxIterAgeS = age;
  const m = Math.floor(t / 60);
  if (m < q.iterByMinute.length && age > q.iterByMinute[m]!) q.iterByMinute[m] = age;
  const b = Math.floor(t / q.bucketS);
  if (b < q.nBuckets && age > q.colIterAge[b]!) q.colIterAge[b] = age;

  const j = Math.min(poisonAt, geometricSkip(s.rng, c.errorRate));
  if (j >= n) {
    takeRecords(q, lane, n);
    q.succeeded += n;
    moveOn(s, lane, t);
    return;
  }
  q.failures++;
  if (b < q.nBuckets) q.colFailures[b]!++;
  setBlocked(q, lane, true, t);
  let left = n;
  if (c.partialBatch && j > 0) {
    takeRecords(q, lane, j);
    q.succeeded += j;
    left = n - j;
  }
  if (c.bisect && left > 1) q.laneBisect[lane] = Math.ceil(left / 2);
  else {
    q.laneTries[lane]!++;
    q.laneBisect[lane] = left;
  }
  const tooOld = c.maxRecordAgeS >= 0 && t - q.segT[q.qHead[lane]!]! > c.maxRecordAgeS;
  if ((c.maxRetries >= 0 && q.laneTries[lane]! > c.maxRetries) || tooOld) {
    takeRecords(q, lane, left);
    q.discarded += left;
    moveOn(s, lane, t);
    return;
  }
  q.laneWait[lane] = 1;
  pushSourceEvent(s, t + pollIntervalS(q), SourceEv.LANE_RETRY, lane);
}

/**
 * After the batch was checkpointed or discarded: retries and bisection reset, the shard is no longer
 * blocked by this lane, and the lane invokes again at once when a batch is ready, else waits for a poll.
 */
function moveOn(s: SimState, lane: number, t: number): void {
  const q = s.source!;
  q.laneTries[lane] = 0;
  q.laneBisect[lane] = 0;
  setBlocked(q, lane, false, t);
  q.qBusy[lane] = 0;
  if (q.qCount[lane]! > 0 && readyToInvoke(q, lane, t)) dispatchLane(s, lane, t);
}
