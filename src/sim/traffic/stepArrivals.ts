import type { Rng } from '../rng/createRng.ts';
import type { ArrivalCursor } from './types.ts';
import { nextPoissonArrival } from './poissonArrivals.ts';

/**
 * Piecewise-constant rate. Poisson: draw in the current segment, and if the draw passes the segment end,
 * restart at the boundary with the next rate (exact, by memorylessness). Constant: k/rate within a segment.
 */
export function nextStepArrival(rng: Rng, c: ArrivalCursor, t: number, steps: readonly { atS: number; rate: number }[], poisson: boolean): number {
  for (;;) {
    const seg = steps[c.seg];
    if (!seg) return Infinity;
    const start = Math.max(seg.atS, 0);
    const end = steps[c.seg + 1]?.atS ?? Infinity;
    if (seg.rate > 0) {
      const next = poisson ? nextPoissonArrival(rng, Math.max(t, start), seg.rate) : start + c.k / seg.rate;
      if (next < end) {
        c.k++;
        return next;
      }
    }
    if (end === Infinity) return Infinity;
    c.seg++;
    c.k = 0;
    t = end;
  }
}
