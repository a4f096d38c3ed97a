import type { SourceState } from './sourceState.ts';
import { freeSeg, popHead } from './segments.ts';

/**
 * Redrive: a message that has already been received maxReceiveCount times goes to the dead-letter
 * queue instead of being received again (SQS moves it on the receive that would exceed the count).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 * Moves such segments off the head of queue k; returns how many messages went to the DLQ.
 */
export function redriveHead(q: SourceState, k: number, maxReceiveCount: number): number {
  let moved = 0;
  for (let i = q.qHead[k]!; i >= 0 && q.segTag[i]! >= maxReceiveCount; i = q.qHead[k]!) {
    popHead(q, k);
    const n = q.segN[i]!;
    if (q.segSeq[i] !== q.qDone[k]) q.orderViolations++;
    q.qDone[k] = q.segSeq[i]! + n;
    moved += n;
    freeSeg(q, i);
  }
  if (moved > 0) {
    q.dlq += moved;
    q.visible -= moved;
  }
  return moved;
}
