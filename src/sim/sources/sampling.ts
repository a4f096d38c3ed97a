import type { SimState } from '../engine/state.ts';
import type { SourceState } from './sourceState.ts';

/** After an invocation started: the highest concurrency of the current minute. */
export function noteBusy(s: SimState, t: number): void {
  const q = s.source!;
  const m = Math.floor(t / 60);
  if (m < q.byMinute.length && s.busy > q.byMinute[m]!) q.byMinute[m] = s.busy;
}

/** The first time the queue is empty with nothing in flight (after something arrived). */
export function noteDrained(s: SimState, t: number): void {
  const q = s.source!;
  if (q.drainedAt < 0 && q.messagesIn > 0 && q.visible === 0 && q.inFlightMsgs === 0) q.drainedAt = t;
}

/** A minute boundary: the concurrency carried into the new minute counts toward its peak. */
export function minuteTick(s: SimState, t: number): void {
  const q = s.source!;
  const m = Math.round(t / 60);
  if (m < q.byMinute.length && s.busy > q.byMinute[m]!) q.byMinute[m] = s.busy;
}

/** Oldest message or record not yet deleted: heads of the queues and the batches in flight. */
export function oldestArrival(q: SourceState): number {
  let oldest = Infinity;
  const nq = q.qHead.length;
  for (let k = 0; k < nq; k++) {
    const h = q.qHead[k]!;
    if (h >= 0 && q.segT[h]! < oldest) oldest = q.segT[h]!;
  }
  // returned messages (SQS queue 1) are not in arrival order: scan them
  if (q.kind === 'sqs' && !q.sqs!.fifo) for (let i = q.qHead[1]!; i >= 0; i = q.segNext[i]!) if (q.segT[i]! < oldest) oldest = q.segT[i]!;
  if (q.kind === 'sqs') {
    for (let b = 0; b < q.bUsed; b++) {
      if (q.bN[b]! <= 0) continue;
      for (let i = q.bHead[b]!; i >= 0; i = q.segNext[i]!) if (q.segT[i]! < oldest) oldest = q.segT[i]!;
    }
  }
  return oldest;
}

/** Writes bucket i's levels (read at its end, or at `t` for the last, partial bucket). */
export function sampleBucket(s: SimState, i: number, t: number): void {
  const q = s.source!;
  if (i < 0 || i >= q.nBuckets) return;
  q.colBacklog[i] = q.visible;
  q.colInFlight[i] = q.inFlightMsgs;
  const o = oldestArrival(q);
  const age = o === Infinity ? 0 : Math.max(0, t - o);
  if (age > q.colAge[i]!) q.colAge[i] = age;
  if (age > q.maxAgeS) q.maxAgeS = age;
  q.colTarget[i] = q.target;
  q.colPollers[i] = q.pollers;
  q.colSucceeded[i] = q.succeeded;
  q.colDlq[i] = q.kind === 'sqs' ? q.dlq : q.discarded;
  q.colExpired[i] = q.expired;
  q.colBlocked[i] = q.blockedShards;
  if (q.visible > q.maxBacklog) q.maxBacklog = q.visible;
}
