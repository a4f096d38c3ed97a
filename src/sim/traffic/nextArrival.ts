import type { Rng } from '../rng/createRng.ts';
import type { ArrivalCursor, Traffic } from './types.ts';
import { nextConstantArrival } from './constantArrivals.ts';
import { nextPoissonArrival } from './poissonArrivals.ts';
import { nextDiurnalArrival } from './diurnalArrivals.ts';
import { nextStepArrival } from './stepArrivals.ts';
import { nextTraceCount, nextTraceTime } from './traceArrivals.ts';

/** Time of the next arrival after `t` (the previous one), or Infinity when the source is exhausted. */
export function nextArrival(rng: Rng, c: ArrivalCursor, tr: Traffic, t: number): number {
  switch (tr.kind) {
    case 'poisson':
      return tr.rate > 0 ? nextPoissonArrival(rng, t, tr.rate) : Infinity;
    case 'constant':
      return tr.rate > 0 ? nextConstantArrival(c, tr.rate) : Infinity;
    case 'diurnal':
      return nextDiurnalArrival(rng, t, tr.meanRate, tr.amplitude, tr.periodS, tr.peakAtS);
    case 'steps':
      return nextStepArrival(rng, c, t, tr.steps, tr.process === 'poisson');
    case 'traceTimes':
      return nextTraceTime(c, tr.timesS);
    case 'traceCounts':
      return nextTraceCount(rng, c, tr.counts, tr.binS);
  }
}

/** Long-run mean rate (req/s), for reports and validation; traces: count / span. */
export function meanRate(tr: Traffic): number {
  switch (tr.kind) {
    case 'poisson':
    case 'constant':
      return tr.rate;
    case 'diurnal':
      return tr.meanRate;
    case 'steps':
      return tr.steps.reduce((m, s) => Math.max(m, s.rate), 0);
    case 'traceTimes': {
      const n = tr.timesS.length;
      return n > 1 ? n / (tr.timesS[n - 1]! - tr.timesS[0]! || 1) : n;
    }
    case 'traceCounts': {
      let sum = 0;
      for (const x of tr.counts) sum += x;
      return tr.counts.length ? sum / (tr.counts.length * tr.binS) : 0;
    }
  }
}
