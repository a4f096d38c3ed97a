import type { SourceState } from './sourceState.ts';
import { growTyped } from '../engine/growTyped.ts';

/**
 * Queues of messages as linked lists of SEGMENTS in one pooled set of typed arrays: a segment is
 * `count` messages that arrived at the same time `t`, share a tag (SQS: receive count; streams: 1 for a
 * poison record) and carry consecutive sequence numbers from `seq` within their queue. A queue is a
 * (head, tail) pair; an in-flight batch owns a detached list. Memory grows with the number of distinct
 * segments alive, never with the number of messages (20 M messages waiting at t = 0 are one segment).
 */
export function allocSeg(q: SourceState, t: number, n: number, tag: number, seq: number): number {
  let i: number;
  if (q.segFreeN > 0) i = q.segFree[--q.segFreeN]!;
  else {
    if (q.segUsed === q.segT.length) growSegs(q);
    i = q.segUsed++;
  }
  q.segT[i] = t;
  q.segN[i] = n;
  q.segTag[i] = tag;
  q.segSeq[i] = seq;
  q.segNext[i] = -1;
  q.segLive++;
  return i;
}

export function freeSeg(q: SourceState, i: number): void {
  if (q.segFreeN === q.segFree.length) {
    const f = new Int32Array(q.segFree.length * 2);
    f.set(q.segFree);
    q.segFree = f;
  }
  q.segFree[q.segFreeN++] = i;
  q.segLive--;
}

/** Frees a whole detached list. */
export function freeList(q: SourceState, head: number): void {
  for (let i = head; i >= 0; ) {
    const nx = q.segNext[i]!;
    freeSeg(q, i);
    i = nx;
  }
}

function growSegs(q: SourceState): void {
  const n = q.segT.length * 2;
  q.segT = growTyped(q.segT, n);
  q.segN = growTyped(q.segN, n);
  q.segSeq = growTyped(q.segSeq, n);
  q.segTag = growTyped(q.segTag, n);
  q.segNext = growTyped(q.segNext, n);
}

/** Appends n new messages (tag, next sequence numbers) to queue k, merging into the tail segment when it has the same time and tag. */
export function enqueue(q: SourceState, k: number, t: number, n: number, tag: number): void {
  const tail = q.qTail[k]!;
  const seq = q.qSeqNext[k]!;
  q.qSeqNext[k] = seq + n;
  q.qCount[k]! += n;
  if (tail >= 0 && q.segT[tail] === t && q.segTag[tail] === tag && tag === 0 && q.segSeq[tail]! + q.segN[tail]! === seq) {
    q.segN[tail]! += n;
    return;
  }
  const i = allocSeg(q, t, n, tag, seq);
  if (tail >= 0) q.segNext[tail] = i;
  else q.qHead[k] = i;
  q.qTail[k] = i;
}

/** Appends a detached list (head…tail, `count` messages) at the back of queue k. */
export function spliceTail(q: SourceState, k: number, head: number, tail: number, count: number): void {
  if (head < 0) return;
  q.segNext[tail] = -1;
  const t = q.qTail[k]!;
  if (t >= 0) q.segNext[t] = head;
  else q.qHead[k] = head;
  q.qTail[k] = tail;
  q.qCount[k]! += count;
}

/** Puts a detached list back at the front of queue k (FIFO groups keep their order). */
export function spliceHead(q: SourceState, k: number, head: number, tail: number, count: number): void {
  if (head < 0) return;
  const h = q.qHead[k]!;
  q.segNext[tail] = h;
  if (h < 0) q.qTail[k] = tail;
  q.qHead[k] = head;
  q.qCount[k]! += count;
}

/** Removes the head segment of queue k (the caller reads it first). */
export function popHead(q: SourceState, k: number): number {
  const i = q.qHead[k]!;
  const nx = q.segNext[i]!;
  q.qHead[k] = nx;
  if (nx < 0) q.qTail[k] = -1;
  q.qCount[k]! -= q.segN[i]!;
  q.segNext[i] = -1;
  return i;
}

/** Splits the first `n` messages off segment i (n < its count) into a new detached segment. */
export function splitFront(q: SourceState, i: number, n: number): number {
  const j = allocSeg(q, q.segT[i]!, n, q.segTag[i]!, q.segSeq[i]!);
  q.segN[i]! -= n;
  q.segSeq[i]! += n;
  return j;
}
