import { erlangB } from '../stats/erlangB.ts';
import type { MetricsTable } from '../import/types.ts';
import { periodLoad } from './periodLoad.ts';
import { coldStartStep, createColdStartModel } from './coldStartModel.ts';

/**
 * The per-period model over a whole import, aggregated by hour of day (UTC) for the schedule:
 * for level i of `levels` and hour h, the invocations served on provisioned environments (`pcReq`), the
 * billed ms they run (`pcMs`) and the billed ms on demand (`odMs`), and cold starts (`cold`).
 *
 * Peaks and the provisioned share: periodLoad.ts. Cold starts above each level, including environments
 * reclaimed after T idle and made again under level load: coldStartModel.ts. Billed ms per invocation is
 * the mean + 0.5 ms (each invocation rounds up to 1 ms).
 */
export interface PeriodModel {
  peak: Float64Array;
  cold0: Float64Array;
  pcReq: Float64Array[];
  pcMs: Float64Array[];
  odMs: Float64Array[];
  cold: Float64Array[];
  seconds: Float64Array;
  reservedThrottled: number[];
  capThrottled: Float64Array;
}

/** `withCold` false leaves `cold`/`cold0` at 0 (a first pass that only needs the peaks). */
export function periodModel(t: MetricsTable, means: Float64Array, levels: readonly number[], idleTimeoutS: number, cap: number, reserved: readonly number[], withCold = true): PeriodModel {
  const P = t.periodS;
  const n = t.periods;
  const m = levels.length;
  const H = 24;
  const mk = () => Array.from({ length: H }, () => new Float64Array(m));
  const out: PeriodModel = {
    peak: new Float64Array(n), cold0: new Float64Array(n), pcReq: mk(), pcMs: mk(), odMs: mk(), cold: mk(),
    seconds: new Float64Array(H), reservedThrottled: reserved.map(() => 0), capThrottled: new Float64Array(n),
  };
  const spillAt = new Float64Array(m);
  const coldModel = createColdStartModel(P, idleTimeoutS, levels, cap);
  const coldAt = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const cnt = t.invocations[k]!;
    const meanMs = means[k]!;
    const a = (cnt * meanMs) / 1000 / P;
    const p = Math.min(cap, periodLoad(a, cnt, levels, spillAt));
    out.peak[k] = p;
    const h = Math.floor((((t.startS + k * P) % 86400) + 86400) % 86400 / 3600);
    out.seconds[h]! += P;
    const billed = meanMs > 0 ? meanMs + 0.5 : 0;
    if (withCold) coldStartStep(coldModel, cnt, a, coldAt);
    for (let i = 0; i < m; i++) {
      const L = levels[i]!;
      const share = a > 0 ? 1 - spillAt[i]! : 0;
      const pcReq = cnt * share;
      out.pcReq[h]![i]! += pcReq;
      out.pcMs[h]![i]! += pcReq * billed;
      out.odMs[h]![i]! += (cnt - pcReq) * billed;
      const c = coldAt[i]!;
      out.cold[h]![i]! += c;
      if (L === 0) out.cold0[k] = c;
    }
    if (a > 0 && cap < a + 12 * Math.sqrt(a) + 40) out.capThrottled[k] = cnt * erlangB(cap, a);
    for (let r = 0; r < reserved.length; r++) {
      const R = reserved[r]!;
      if (a > 0 && R < a + 12 * Math.sqrt(a) + 40) out.reservedThrottled[r]! += cnt * erlangB(R, a);
    }
  }
  return out;
}

/** Each period's mean duration (ms), scaled by `factor` (the Arm speed factor); 0 where nothing ran. */
export function scaledMeans(t: MetricsTable, factor: number): Float64Array {
  const out = new Float64Array(t.periods);
  for (let k = 0; k < t.periods; k++) out[k] = t.invocations[k]! > 0 ? t.durationAvgMs[k]! * factor : 0;
  return out;
}
