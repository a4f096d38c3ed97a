import type { SourceState } from './sourceState.ts';

/**
 * FIFO message groups ready to be received: a ring of group ids, each in it at most once. A group is
 * ready when it has visible messages and no batch of it is in flight or waiting out its visibility
 * timeout, so at most one batch per group runs at a time and each group is processed in order.
 */
export function pushReady(q: SourceState, g: number): void {
  if (q.qReady[g] === 1 || q.qBusy[g] === 1) return;
  q.qReady[g] = 1;
  const cap = q.ready.length;
  q.ready[(q.readyHead + q.readyN) % cap] = g;
  q.readyN++;
}

export function popReady(q: SourceState): number {
  const g = q.ready[q.readyHead]!;
  q.readyHead = (q.readyHead + 1) % q.ready.length;
  q.readyN--;
  q.qReady[g] = 0;
  return g;
}
