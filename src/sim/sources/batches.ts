import type { SourceState } from './sourceState.ts';
import { growTyped } from '../engine/growTyped.ts';

/** SQS batch slots (in flight, or failed and waiting for the visibility timeout); recycled. */
export function allocBatch(q: SourceState): number {
  if (q.bFreeN > 0) {
    q.bLive++;
    return q.bFree[--q.bFreeN]!;
  }
  if (q.bUsed === q.bHead.length) growBatches(q);
  q.bLive++;
  return q.bUsed++;
}

export function releaseBatch(q: SourceState, b: number): void {
  q.bFree[q.bFreeN++] = b;
  q.bLive--;
  q.bHead[b] = -1;
  q.bN[b] = 0;
}

function growBatches(q: SourceState): void {
  const n = q.bHead.length * 2;
  q.bHead = growTyped(q.bHead, n);
  q.bTail = growTyped(q.bTail, n);
  q.bQ = growTyped(q.bQ, n);
  q.bTries = growTyped(q.bTries, n);
  q.bFree = growTyped(q.bFree, n);
  q.bN = growTyped(q.bN, n);
  q.bRecvT = growTyped(q.bRecvT, n);
  q.bHolds = growTyped(q.bHolds, n);
}
