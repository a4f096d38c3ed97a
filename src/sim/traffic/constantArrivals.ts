import type { ArrivalCursor } from './types.ts';

/** Evenly spaced arrivals at k/rate (k = 0, 1, ...), computed from k so no error accumulates. */
export function nextConstantArrival(c: ArrivalCursor, rate: number): number {
  return c.k++ / rate;
}
