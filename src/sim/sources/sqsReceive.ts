import type { SourceState } from './sourceState.ts';
import { popHead, splitFront } from './segments.ts';
import { allocBatch } from './batches.ts';
import { redriveHead } from './dlq.ts';

/**
 * One ReceiveMessage by a poller at time t: up to `q.maxBatch` visible messages into a new batch slot,
 * each with its receive count raised; messages already received maxReceiveCount times are redriven to
 * the DLQ on the way. Standard queues take returned messages (queue 1) before new ones (queue 0), a
 * model (SQS does not promise an order); a FIFO batch takes the head of one message group.
 * Returns the batch slot, or −1 when nothing was left to receive.
 */
export function receiveBatch(q: SourceState, t: number, first: number, last: number, maxReceiveCount: number): number {
  let need = q.maxBatch;
  let head = -1;
  let tail = -1;
  for (let k = first; need > 0 && k >= last; k--) {
    redriveHead(q, k, maxReceiveCount);
    while (need > 0 && q.qHead[k]! >= 0) {
      let i = q.qHead[k]!;
      if (q.segTag[i]! >= maxReceiveCount) {
        redriveHead(q, k, maxReceiveCount);
        continue;
      }
      const n = q.segN[i]!;
      if (n <= need) popHead(q, k);
      else {
        i = splitFront(q, i, need);
        q.qCount[k]! -= need;
      }
      const m = q.segN[i]!;
      need -= m;
      q.segTag[i]!++;
      const age = t - q.segT[i]!;
      if (age > q.maxAgeS) q.maxAgeS = age;
      if (tail >= 0) q.segNext[tail] = i;
      else head = i;
      tail = i;
    }
  }
  if (head < 0) return -1;
  q.segNext[tail] = -1;
  const n = q.maxBatch - need;
  const b = allocBatch(q);
  q.bHead[b] = head;
  q.bTail[b] = tail;
  q.bN[b] = n;
  q.bQ[b] = last;
  q.bRecvT[b] = t;
  q.bTries[b] = 0;
  q.bHolds[b] = 1;
  q.visible -= n;
  q.inFlightMsgs += n;
  return b;
}
