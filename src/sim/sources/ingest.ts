import { nextFloat } from '../rng/createRng.ts';
import type { SimState } from '../engine/state.ts';
import { SourceEv, type SourceState } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { enqueue } from './segments.ts';
import { poissonCount } from './randomCounts.ts';
import { pushReady } from './fifoGroups.ts';
import { laneOfKey } from './streamShards.ts';

/**
 * Message (record) arrivals, in ticks of `q.tick` seconds (a model, see `ingestTickS`): the tick at
 * k·tick delivers the arrivals of ((k−1)·tick, k·tick], Poisson or evenly spaced, all stamped with the
 * tick's time. SQS standard messages join queue 0; FIFO messages and stream records pick a message
 * group or partition key uniformly, one draw each.
 */
export function ingestTick(s: SimState, t: number): void {
  const q = s.source!;
  const k = Math.round(t / q.tick);
  const n = q.poisson ? poissonCount(s.rng, q.rate * q.tick) : Math.floor(q.rate * k * q.tick + 1e-9) - Math.floor(q.rate * (k - 1) * q.tick + 1e-9);
  if (n > 0) deliver(s, q, t, n);
  const next = (k + 1) * q.tick;
  if (next <= s.cfg.simSeconds) pushSourceEvent(s, next, SourceEv.INGEST);
}

/** Adds n messages (records) at time t. */
export function deliver(s: SimState, q: SourceState, t: number, n: number): void {
  q.messagesIn += n;
  q.visible += n;
  if (q.visible > q.maxBacklog) q.maxBacklog = q.visible;
  if (q.kind === 'sqs') {
    const c = q.sqs!;
    if (!c.fifo) enqueue(q, 0, t, n, 0);
    else {
      const G = c.groups;
      for (let i = 0; i < n; i++) {
        const g = G === 1 ? 0 : Math.floor(nextFloat(s.rng) * G);
        enqueue(q, g, t, 1, 0);
        pushReady(q, g);
      }
    }
    return;
  }
  const c = q.stream!;
  const poison = c.poisonRecords;
  for (let i = 0; i < n; i++) {
    const lane = laneOfKey(q, Math.floor(nextFloat(s.rng) * c.keys));
    let tag = 0;
    if (q.poisonIdx < poison.length && poison[q.poisonIdx] === q.nextRecord) {
      tag = 1;
      q.poisonIdx++;
    }
    q.nextRecord++;
    enqueue(q, lane, t, 1, tag);
  }
}
