import type { SourceState } from './sourceState.ts';

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
  const i32 = (a: Int32Array) => { const x = new Int32Array(n); x.set(a); return x; };
  const f64 = (a: Float64Array) => { const x = new Float64Array(n); x.set(a); return x; };
  const u8 = (a: Uint8Array) => { const x = new Uint8Array(n); x.set(a); return x; };
  q.bHead = i32(q.bHead);
  q.bTail = i32(q.bTail);
  q.bQ = i32(q.bQ);
  q.bTries = i32(q.bTries);
  q.bFree = i32(q.bFree);
  q.bN = f64(q.bN);
  q.bRecvT = f64(q.bRecvT);
  q.bHolds = u8(q.bHolds);
}
