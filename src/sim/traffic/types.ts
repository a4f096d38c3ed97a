/**
 * Arrival processes as plain data. Rates in requests per second, times in seconds from the start.
 * - `constant`: evenly spaced, first arrival at t = 0.
 * - `poisson`: exponential gaps.
 * - `diurnal`: Poisson with rate mean·(1 + amplitude·cos(2π(t − peakAtS)/periodS)), by thinning.
 * - `steps`: piecewise-constant rate (a spike is three steps); `process` picks Poisson or even spacing.
 * - `traceTimes`: replay of arrival timestamps (seconds, sorted, first one shifted to 0 by `parseTrace`).
 * - `traceCounts`: replay of counts per bin (1 s or 60 s); arrivals placed uniformly at random in each bin.
 */
export type Traffic =
  | { kind: 'constant'; rate: number }
  | { kind: 'poisson'; rate: number }
  | { kind: 'diurnal'; meanRate: number; amplitude: number; periodS: number; peakAtS: number }
  | { kind: 'steps'; steps: { atS: number; rate: number }[]; process: 'poisson' | 'constant' }
  | { kind: 'traceTimes'; timesS: Float64Array }
  | { kind: 'traceCounts'; counts: Float64Array; binS: number };

/** Where the arrival generator stands: plain numbers, kept in the simulation state. */
export interface ArrivalCursor {
  /** Arrivals emitted in the current segment/bin (constant, steps) or index (traceTimes) or bin (traceCounts). */
  k: number;
  /** Current segment (steps). */
  seg: number;
  /** Arrivals left in the current bin (traceCounts). */
  left: number;
  /** Time of the last arrival emitted. */
  last: number;
}

export function newArrivalCursor(): ArrivalCursor {
  return { k: 0, seg: 0, left: -1, last: 0 };
}

/** A spike: `baseRate`, then `peakRate` from `startS` to `endS`, then `baseRate` again. */
export function spikeTraffic(baseRate: number, peakRate: number, startS: number, endS: number, process: 'poisson' | 'constant' = 'poisson'): Traffic {
  return { kind: 'steps', process, steps: [{ atS: 0, rate: baseRate }, { atS: startS, rate: peakRate }, { atS: endS, rate: baseRate }] };
}
