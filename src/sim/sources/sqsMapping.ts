import { nextFloat } from '../rng/createRng.ts';
import { attempt } from '../engine/invoke.ts';
import type { SimState } from '../engine/state.ts';
import { SourceEv, type SourceState } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { receiveBatch } from './sqsReceive.ts';
import { releaseBatch } from './batches.ts';
import { freeList, spliceHead, spliceTail, splitFront } from './segments.ts';
import { geometricSkip } from './randomCounts.ts';
import { popReady, pushReady } from './fifoGroups.ts';
import { noteBusy, noteDrained } from './sampling.ts';
import { SQS_THROTTLE_RETRY_FIRST_S } from './limits.ts';

/**
 * The SQS event source mapping as an actor of the engine: pollers receive batches while the mapping's
 * concurrency target allows (`pump`), each batch is one invocation through the engine's `attempt`, and
 * its completion, throttling and visibility timeout are events in the engine's heap.
 *
 * The mapping does not know the function's reserved concurrency: with MaximumConcurrency unset its
 * target grows past it, the extra batches are throttled, wait out their visibility timeout and come
 * back with a higher receive count, and enough of that redrives healthy messages to the DLQ (the
 * "overpull" trap follows from these rules; nothing scripts it).
 */
export function sqsPump(s: SimState, t: number): void {
  const q = s.source!;
  const c = q.sqs!;
  if (c.fifo) {
    while (q.inFlight < q.target && q.readyN > 0) {
      const g = popReady(q);
      const b = receiveBatch(q, t, g, g, c.maxReceiveCount);
      if (b < 0) continue;
      q.qBusy[g] = 1;
      startBatch(s, q, b, t);
    }
    return;
  }
  const w = c.batchWindowS;
  while (q.inFlight < q.target && q.visible > 0) {
    if (w > 0 && q.visible < q.maxBatch && !q.windowOpen) {
      // batching window: wait for a full batch or the end of the window, whichever comes first
      if (!q.windowPending) {
        q.windowPending = true;
        pushSourceEvent(s, t + w, SourceEv.WINDOW);
      }
      return;
    }
    const b = receiveBatch(q, t, 1, 0, c.maxReceiveCount);
    q.windowOpen = false;
    if (b < 0) break;
    startBatch(s, q, b, t);
  }
  noteDrained(s, t);
}

function startBatch(s: SimState, q: SourceState, b: number, t: number): void {
  q.inFlight++;
  if (q.inFlight > q.stepPeak) q.stepPeak = q.inFlight;
  invoke(s, q, b, t);
}

function invoke(s: SimState, q: SourceState, b: number, t: number): void {
  const i = Math.floor(t / q.bucketS);
  if (attempt(s, 0, t, -2 - b)) {
    q.invocations++;
    q.stepInvocations++;
    if (i < q.nBuckets) q.colInvocations[i]!++;
    noteBusy(s, t);
    return;
  }
  // throttled: the poller keeps the batch and retries (model: 1 s, then doubling) while it is invisible
  q.throttles++;
  q.stepThrottles++;
  if (i < q.nBuckets) q.colThrottles[i]!++;
  s.ser.throttles[s.ser.idx]!++;
  if (t >= s.cfg.warmupS) s.stats.throttles++;
  const tries = ++q.bTries[b]!;
  const next = t + SQS_THROTTLE_RETRY_FIRST_S * 2 ** Math.min(tries - 1, 30);
  const visibleAt = q.bRecvT[b]! + q.sqs!.visibilityTimeoutS;
  if (next < visibleAt) pushSourceEvent(s, next, SourceEv.THROTTLE_RETRY, b);
  else pushSourceEvent(s, visibleAt, SourceEv.VIS_RETURN, b);
}

export function sqsThrottleRetry(s: SimState, b: number, t: number): void {
  invoke(s, s.source!, b, t);
}

/** A batch's invocation finished at t: decide which messages failed (each attempt independently). */
export function sqsCompleted(s: SimState, b: number, t: number): void {
  const q = s.source!;
  const c = q.sqs!;
  const n = q.bN[b]!;
  q.bHolds[b] = 0;
  q.inFlight--;
  const p = c.errorRate;
  let failedHead = -1;
  let failedTail = -1;
  let failedN = 0;
  if (p > 0) {
    if (!c.partialBatch) {
      // any failed message fails the whole batch: all of it comes back after the visibility timeout
      if (nextFloat(s.rng) < 1 - (1 - p) ** n) {
        failedHead = q.bHead[b]!;
        failedTail = q.bTail[b]!;
        failedN = n;
      }
    } else if (c.fifo) {
      // ReportBatchItemFailures on FIFO: processing stops at the first failure; it and the rest come back
      const j = geometricSkip(s.rng, p);
      if (j < n) {
        let ok = j;
        let i = q.bHead[b]!;
        let prev = -1;
        while (ok > 0) {
          const m = q.segN[i]!;
          if (m <= ok) {
            ok -= m;
            prev = i;
            i = q.segNext[i]!;
          } else {
            const front = splitFront(q, i, ok);
            q.segNext[front] = i;
            if (prev >= 0) q.segNext[prev] = front;
            else q.bHead[b] = front;
            prev = front;
            ok = 0;
          }
        }
        failedHead = i;
        failedTail = q.bTail[b]!;
        failedN = n - j;
        if (prev >= 0) q.segNext[prev] = -1;
      }
    } else {
      // ReportBatchItemFailures: only the failed messages come back
      let pos = geometricSkip(s.rng, p);
      let base = 0;
      for (let i = q.bHead[b]!; i >= 0 && pos < n; i = q.segNext[i]!) {
        const m = q.segN[i]!;
        let f = 0;
        while (pos < base + m) {
          f++;
          pos += 1 + geometricSkip(s.rng, p);
        }
        base += m;
        if (f > 0) {
          const j = splitFront(q, i, f);
          if (failedTail >= 0) q.segNext[failedTail] = j;
          else failedHead = j;
          failedTail = j;
          failedN += f;
        }
      }
      if (failedTail >= 0) q.segNext[failedTail] = -1;
    }
  }
  const okN = n - failedN;
  // what succeeded: the whole list, nothing (whole-batch failure), the list minus split-offs (standard
  // partial: zero-count segments are freed too), or the front of the list (FIFO partial)
  const okHead = failedN === 0 || (c.partialBatch && !c.fifo) ? q.bHead[b]! : failedN === n ? -1 : q.bHead[b]!;
  if (okN > 0) {
    q.succeeded += okN;
    q.inFlightMsgs -= okN;
    if (c.fifo) {
      const g = q.bQ[b]!;
      if (q.segSeq[okHead] !== q.qDone[g]) q.orderViolations++;
      q.qDone[g] = q.segSeq[okHead]! + okN;
    }
  }
  if (okHead >= 0 && okHead !== failedHead) freeList(q, okHead);
  if (failedN > 0) {
    q.failures++;
    q.stepFailures++;
    const k = Math.floor(t / q.bucketS);
    if (k < q.nBuckets) q.colFailures[k]!++;
    q.bHead[b] = failedHead;
    q.bTail[b] = failedTail;
    q.bN[b] = failedN;
    pushSourceEvent(s, Math.max(t, q.bRecvT[b]! + c.visibilityTimeoutS), SourceEv.VIS_RETURN, b);
  } else {
    if (c.fifo) unlockGroup(q, q.bQ[b]!);
    releaseBatch(q, b);
  }
  noteDrained(s, t);
  sqsPump(s, t);
}

/** The batch's messages become visible again (their receive count already counts this receive). */
export function sqsVisibilityReturn(s: SimState, b: number, t: number): void {
  const q = s.source!;
  const n = q.bN[b]!;
  if (q.bHolds[b] === 1) {
    q.bHolds[b] = 0;
    q.inFlight--;
  }
  q.inFlightMsgs -= n;
  q.visible += n;
  if (q.visible > q.maxBacklog) q.maxBacklog = q.visible;
  if (q.sqs!.fifo) {
    const g = q.bQ[b]!;
    spliceHead(q, g, q.bHead[b]!, q.bTail[b]!, n);
    unlockGroup(q, g);
  } else spliceTail(q, 1, q.bHead[b]!, q.bTail[b]!, n);
  releaseBatch(q, b);
  sqsPump(s, t);
}

function unlockGroup(q: SourceState, g: number): void {
  q.qBusy[g] = 0;
  if (q.qCount[g]! > 0) pushReady(q, g);
}

/** The batching window ended: the next free poller invokes with whatever it has. */
export function sqsWindow(s: SimState, t: number): void {
  const q = s.source!;
  q.windowPending = false;
  q.windowOpen = true;
  sqsPump(s, t);
}
