/**
 * Expected cold starts per period from idle reclamation (a model, checked against full replays in
 * tests/sim/plan.test.ts). Fed one period at a time: `coldStartStep(m, n, a, out)`.
 *
 * Why it has this shape. The engine reuses the most recently idled environment and reclaims one idle
 * for T seconds, so the environments alive at t are the largest busy count N over [t − T, t] (the keep-
 * alive identity of the simulation anchors). Hence for every threshold c the (c+1)-th environment exists
 * iff N was above c somewhere in the last T, and a cold start at c+1 is an excursion of N above c that
 * begins more than T after the previous one ended: the (c+1)-th environment was reclaimed and is made
 * again. Summed over c this counts the growth of the fleet and every reclaim-and-recreate under level load
 * (what a model built on per-period peaks alone misses: on steady traffic the largest busy count of the
 * last T wanders, and each time it returns to a level left for T an environment is recreated).
 *
 * Excursions above a high level are rare and short next to T, so they are taken as a Poisson stream
 * (Aldous's Poisson clumping heuristic) of rate ν_c(t); then cold starts at c+1 come at the rate
 * ν_c(t)·exp(−∫_{t−T}^{t} ν_c(s) ds). Within a period N is Poisson(a) (M/G/∞, a = n·S/P) and ν_c is
 * the reciprocal of the mean time from c up to c + 1 in the birth–death chain with arrival rate λ = n/P,
 * which is F(c)/(λ·π(c)) exactly (π, F: Poisson(a) pmf and cdf), so ν_c = λ·π(c)/F(c) = λ/G(c) with
 * G(c) = F(c)/π(c) = 1 + (c/a)·G(c − 1), G(0) = 1. For levels far below the load ν·P is huge and each
 * level is crossed once as load rises (one cold start each); for levels far above, ν ≈ 0. Only the rate
 * model is approximate: durations other than exponential change how excursions cluster, not their rate.
 * Before the first period nothing existed (as in the replay). ν is constant within a period, so the
 * window integral is linear in the time within the period and each period integrates in closed form.
 *
 * Cost: O(levels where 1e-12 < ν·P < 60) per period (about 16·√a + 20), memory O(T/P · that).
 */
export interface ColdStartModel {
  periodS: number;
  idleS: number;
  /** Whole periods inside T (w) and the rest (r = T − w·P). */
  w: number;
  r: number;
  /** Ring of the last w + 2 periods' bands: ν·P for thresholds lo..lo + len − 1. */
  bandLo: Int32Array;
  bandLen: Int32Array;
  band: Float64Array[];
  /** Index of the current period (count of periods fed so far). */
  k: number;
  /** Σ ν·P over the whole periods k − w + 1 … k − 1, by threshold (grown as needed). */
  full: Float64Array;
  /** Cold starts per threshold c in the current period (scratch, by threshold). */
  perLevel: Float64Array;
  /** ν·P from which a period surely crossed a threshold within any window: SURE·P / min(P, T). */
  sure: number;
  /** Provisioned levels (ascending) and the concurrency cap. */
  levels: readonly number[];
  cap: number;
}

/** ν·min(P, T) at or above this makes exp(−…) < 1e-26: that period surely had N above the threshold. */
const SURE = 60;
/** Below this ν·P a period adds nothing that shows in a count. */
const NEVER = 1e-12;

export function createColdStartModel(periodS: number, idleS: number, levels: readonly number[], cap: number): ColdStartModel {
  const w = Math.floor(idleS / periodS + 1e-9);
  const r = Math.max(0, idleS - w * periodS);
  const ring = w + 2;
  return {
    periodS, idleS, w, r, k: 0, levels, cap, sure: (SURE * periodS) / Math.min(periodS, idleS),
    bandLo: new Int32Array(ring), bandLen: new Int32Array(ring), band: Array.from({ length: ring }, () => new Float64Array(16)),
    full: new Float64Array(64), perLevel: new Float64Array(64),
  };
}

function grow(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** ν·P of period j (by absolute index) at threshold c: SURE below its band, 0 above it or before the import. */
function nuP(m: ColdStartModel, j: number, c: number): number {
  if (j < 0 || j < m.k - m.w - 1) return 0;
  const slot = j % m.band.length;
  const lo = m.bandLo[slot]!;
  if (c < lo) return m.sure;
  const i = c - lo;
  return i < m.bandLen[slot]! ? m.band[slot]![i]! : 0;
}

/** ∫ over [x0, x1] of exp(−(A + B·x)) dx, stable for any sign of B. */
function expIntegral(A: number, B: number, x0: number, x1: number): number {
  const w0 = A + B * x0;
  const d = x1 - x0;
  if (!(d > 0)) return 0;
  if (Math.abs(B * d) < 1e-6) return Math.exp(-w0) * d * (1 - (B * d) / 2);
  return (Math.exp(-w0) * -Math.expm1(-B * d)) / B;
}

/**
 * Feeds period k (n arrivals, mean load a in Erlangs) and writes into `out[i]` the expected cold starts
 * of on-demand environments above provisioned level `levels[i]` (capped at `cap` environments).
 */
export function coldStartStep(m: ColdStartModel, n: number, a: number, out: Float64Array): void {
  const k = m.k;
  const P = m.periodS;
  const ring = m.band.length;
  const slot = k % ring;
  // this period's band: thresholds where NEVER ≤ ν·P < SURE (ν·P = n / G(c)); below it ν·P ≥ SURE
  let lo = 0;
  let len = 0;
  if (n > 0 && a > 0) {
    const top = Math.min(m.cap - 1, Math.ceil(a + 40 * Math.sqrt(a) + 60));
    let b = m.band[slot]!;
    for (let c0 = Math.max(0, Math.floor(a - 20 * Math.sqrt(a) - 20)); ; c0 = 0) {
      // G(c0) ≈ 1/(1 − c0/a) far below the mean (a geometric series); the recursion contracts its error
      let G = c0 === 0 ? 1 : 1 / (1 - c0 / a);
      lo = top + 1;
      len = 0;
      for (let c = c0; c <= top; c++) {
        if (c > c0) G = 1 + (c / a) * G;
        const v = n / G;
        if (v >= m.sure) continue;
        if (c === c0 && c0 > 0) break; // not sure enough at the start: begin at 0
        if (v < NEVER) {
          if (len === 0) lo = c;
          break;
        }
        if (len === 0) lo = c;
        b = grow(b, len + 1);
        b[len++] = v;
      }
      if (c0 === 0 || lo > c0 || len > 0) break;
    }
    m.band[slot] = b;
  }
  m.bandLo[slot] = lo;
  m.bandLen[slot] = len;
  const loOf = (j: number) => (j < 0 ? 0 : m.bandLo[j % ring]!);

  // Thresholds below every lo of the periods the window touches were surely exceeded within T: skip them.
  const w = m.w;
  const r = m.r;
  let floor = Math.min(lo, loOf(k - Math.max(w, 1)), r > 0 || w === 0 ? loOf(k - w - 1) : Infinity);
  for (let j = k - w + 1; j < k; j++) floor = Math.max(floor, loOf(j));
  const top = Math.min(m.cap - 1, len > 0 ? lo + len - 1 : lo - 1); // above it this period's ν is 0
  m.full = grow(m.full, Math.max(top + 2, lo + len + 1));
  const full = m.full;
  m.perLevel = grow(m.perLevel, top + 2);
  const per = m.perLevel;
  for (let c = floor; c <= top; c++) {
    const vk = nuP(m, k, c) / P;
    if (w === 0) {
      // P > T: for x < T the window holds T − x of period k − 1, then only this period, for T
      const vp = nuP(m, k - 1, c) / P;
      per[c] = vk * (expIntegral(vp * r, vk - vp, 0, r) + Math.exp(-vk * r) * (P - r));
    } else {
      const F2 = full[c]!; // whole periods k − w + 1 … k − 1
      const vw = nuP(m, k - w, c) / P;
      const vw1 = nuP(m, k - w - 1, c) / P;
      // x in [0, r): period k − w − 1 for r − x and k − w whole; x in [r, P): k − w for P − x + r
      per[c] = vk * (expIntegral(vw1 * r + vw * P + F2, vk - vw1, 0, r) + expIntegral(vw * (P + r) + F2, vk - vw, r, P));
    }
  }
  // out[i] = Σ over thresholds c ≥ levels[i] (the on-demand environment c + 1 is above the level)
  let acc = 0;
  let i = m.levels.length - 1;
  for (let c = top; c >= floor - 1 && i >= 0; c--) {
    while (i >= 0 && m.levels[i]! > c) out[i--] = acc;
    if (c >= floor) acc += per[c]!;
  }
  while (i >= 0) out[i--] = acc;

  // slide the whole-period sums for k + 1 (periods k − w + 2 … k): add k, drop k − w + 1
  if (w >= 2) {
    const add = (j: number, sign: number) => {
      if (j < 0) return;
      const s = j % ring;
      const l = m.bandLo[s]!;
      const bb = m.band[s]!;
      for (let q = 0; q < m.bandLen[s]!; q++) full[l + q] = full[l + q]! + sign * bb[q]!;
    };
    add(k, 1);
    add(k - w + 1, -1);
  }
  m.k = k + 1;
}
