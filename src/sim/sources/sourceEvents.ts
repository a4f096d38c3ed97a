import { heapPush } from '../engine/heap.ts';
import { EventKind, type SimState } from '../engine/state.ts';

/** Puts a source event (sub-kind `ev`, batch or lane `x`) in the engine's heap at time t. */
export function pushSourceEvent(s: SimState, t: number, ev: number, x = 0): void {
  heapPush(s, t, (((x << 4) | ev) << 2) | EventKind.SOURCE);
}
