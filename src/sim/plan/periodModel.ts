import { erlangB } from '../stats/erlangB.ts';
import type { MetricsTable } from '../import/types.ts';
import { periodLoad } from './periodLoad.ts';

/**
 * The per-period model over a whole import, aggregated by hour of day (UTC) for the schedule:
 * for level i of `levels` and hour h, the invocations served on provisioned environments (`pcReq`), the
 * billed ms they run (`pcMs`) and the billed ms on demand (`odMs`), and cold starts (`cold`).
 *
 * Cold starts (a model, see periodLoad.ts for the peak): with most-recently-used reuse and an idle
 * timeout T, the environments alive equal the highest busy count of the last T seconds. So a period
 * cold starts what its expected peak above L exceeds the highest peak above L of the periods in the T
 * before it: max(0, (p_k − L)⁺ − (M_k − L)⁺), M_k the largest peak of the previous ⌈T/P⌉ periods.
 * When a period is longer than T, arrivals after an idle gap longer than T add n·q·e^(−λ·q·T), with q the
 * share spilling over L. Billed ms per invocation is the mean + 0.5 ms (each invocation rounds up to 1 ms).
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

export function periodModel(t: MetricsTable, means: Float64Array, levels: readonly number[], idleTimeoutS: number, cap: number, reserved: readonly number[]): PeriodModel {
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
  const w = Math.max(1, Math.ceil(idleTimeoutS / P - 1e-9));
  // monotonic deque of indices for the max peak over the previous w periods
  const dq = new Int32Array(n + 1);
  let head = 0;
  let tail = 0;
  for (let k = 0; k < n; k++) {
    while (head < tail && dq[head]! < k - w) head++;
    const M = head < tail ? out.peak[dq[head]!]! : 0;
    const cnt = t.invocations[k]!;
    const meanMs = means[k]!;
    const a = (cnt * meanMs) / 1000 / P;
    const p = Math.min(cap, periodLoad(a, cnt, levels, spillAt));
    out.peak[k] = p;
    const h = Math.floor((((t.startS + k * P) % 86400) + 86400) % 86400 / 3600);
    out.seconds[h]! += P;
    const billed = meanMs > 0 ? meanMs + 0.5 : 0;
    const lam = cnt / P;
    for (let i = 0; i < m; i++) {
      const L = levels[i]!;
      const share = a > 0 ? 1 - spillAt[i]! : 0;
      const pcReq = cnt * share;
      out.pcReq[h]![i]! += pcReq;
      out.pcMs[h]![i]! += pcReq * billed;
      out.odMs[h]![i]! += (cnt - pcReq) * billed;
      let c = Math.max(0, Math.max(0, p - L) - Math.max(0, M - L));
      if (P > idleTimeoutS && cnt > 0) {
        const q = spillAt[i]!;
        c += cnt * q * Math.exp(-lam * q * idleTimeoutS);
      }
      out.cold[h]![i]! += c;
      if (L === 0) out.cold0[k] = c;
    }
    if (a > 0 && cap < a + 12 * Math.sqrt(a) + 40) out.capThrottled[k] = cnt * erlangB(cap, a);
    for (let r = 0; r < reserved.length; r++) {
      const R = reserved[r]!;
      if (a > 0 && R < a + 12 * Math.sqrt(a) + 40) out.reservedThrottled[r]! += cnt * erlangB(R, a);
    }
    while (head < tail && out.peak[dq[tail - 1]!]! <= p) tail--;
    dq[tail++] = k;
  }
  return out;
}

/** Each period's mean duration (ms), scaled by `factor` (the Arm speed factor); 0 where nothing ran. */
export function scaledMeans(t: MetricsTable, factor: number): Float64Array {
  const out = new Float64Array(t.periods);
  for (let k = 0; k < t.periods; k++) out[k] = t.invocations[k]! > 0 ? t.durationAvgMs[k]! * factor : 0;
  return out;
}
