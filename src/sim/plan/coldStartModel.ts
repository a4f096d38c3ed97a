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
 * G(c) = F(c)/π(c) = 1 + (c/a)·G(c − 1), G(0) = 1. The period's count n is known, not Poisson: each
 * of its n arrivals finds c busy (given ≤ c) with probability 1/G(c), so a whole period passes without a
 * crossing with probability (1 − 1/G)^n, and ν·P is taken as −n·ln(1 − 1/G) (≈ n/G for the rare levels;
 * a period with one arrival surely had one busy environment). For levels far below the load ν·P is huge and each
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
  /** Arrivals of each period in the ring. */
  bandN: Float64Array;
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
    bandLo: new Int32Array(ring), bandLen: new Int32Array(ring), bandN: new Float64Array(ring), band: Array.from({ length: ring }, () => new Float64Array(16)),
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

/**
 * Up to this many arrivals in a period, the time of the first crossing inside it is taken from the count
 * (uniform arrivals) rather than from a constant rate, which would put a sure crossing at the period's
 * start and overstate how much of the window earlier periods cover.
 */
const FEW = 12;
const GL_X = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];
const GL_W = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

/** ∫ over [x0, x1] of f (8-point Gauss–Legendre; exact for polynomials up to degree 15). */
function gaussLegendre(f: (x: number) => number, x0: number, x1: number): number {
  if (!(x1 > x0)) return 0;
  const h = (x1 - x0) / 2;
  let s = 0;
  for (let i = 0; i < 8; i++) s += GL_W[i]! * f(x0 + h * (1 + GL_X[i]!));
  return h * s;
}

/** Arrivals of period j (0 outside the ring or before the import). */
function nOf(m: ColdStartModel, j: number): number {
  return j < 0 || j < m.k - m.w - 1 ? 0 : m.bandN[j % m.band.length]!;
}

/** The chance that one arrival of period j crosses threshold c (from ν·P = −n·ln(1 − q)); 1 below its band. */
function qOf(m: ColdStartModel, j: number, c: number): number {
  const n = nOf(m, j);
  if (!(n > 0)) return 0;
  const v = nuP(m, j, c);
  return v >= m.sure ? 1 : -Math.expm1(-v / n);
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
export function coldStartStep(m: ColdStartModel, n: number, a0: number, out: Float64Array): void {
  // an arrival sees the other n − 1 of its period: Poisson((n − 1)·S/P), not Poisson(a)
  const a = n > 0 ? (a0 * (n - 1)) / n : 0;
  const k = m.k;
  const P = m.periodS;
  const ring = m.band.length;
  const slot = k % ring;
  // this period's band: thresholds where NEVER ≤ ν·P < SURE (ν·P = −n·ln(1 − 1/G(c))); below it ν·P ≥ SURE
  let lo = 0;
  let len = 0;
  if (n > 0) {
    const top = Math.min(m.cap - 1, Math.ceil(a + 40 * Math.sqrt(a) + 60));
    let b = m.band[slot]!;
    for (let c0 = Math.max(0, Math.floor(a - 20 * Math.sqrt(a) - 20)); ; c0 = 0) {
      let restart = false;
      // G(c0) ≈ 1/(1 − c0/a) far below the mean (a geometric series); the recursion contracts its error
      let G = c0 === 0 ? 1 : 1 / (1 - c0 / a);
      lo = top + 1;
      len = 0;
      for (let c = c0; c <= top; c++) {
        if (c > c0) G = 1 + (c / a) * G;
        const v = G > 1 ? -n * Math.log1p(-1 / G) : Infinity;
        if (v >= m.sure) continue;
        if (c === c0 && c0 > 0) {
          restart = true; // not sure enough at the start: begin at 0
          break;
        }
        if (v < NEVER) {
          if (len === 0) lo = c;
          break;
        }
        if (len === 0) lo = c;
        b = grow(b, len + 1);
        b[len++] = v;
      }
      if (!restart) break;
    }
    m.band[slot] = b;
  }
  m.bandLo[slot] = lo;
  m.bandLen[slot] = len;
  m.bandN[slot] = n;
  const loOf = (j: number) => (j < 0 ? 0 : m.bandLo[j % ring]!);

  // Thresholds below the lo of a whole period inside the window were surely exceeded within T: skip them.
  // (A partly covered period proves nothing: the crossing inside it may fall outside the window.)
  const w = m.w;
  const r = m.r;
  let floor = 0;
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
      if (n <= FEW) {
        // few arrivals: the first crossing among the n uniform arrivals, each crossing with q, has density
        // (n·q/P)·(1 − q·x/P)^(n−1); a partly covered earlier period j with n_j arrivals had none of them
        // cross in its covered share f with probability (1 − q_j·f)^(n_j)
        const q = qOf(m, k, c);
        const qw = qOf(m, k - w, c);
        const qw1 = qOf(m, k - w - 1, c);
        const nw = nOf(m, k - w);
        const nw1 = nOf(m, k - w - 1);
        const e = Math.exp(-F2);
        const dens = (x: number) => ((n * q) / P) * Math.pow(1 - (q * x) / P, n - 1) * e;
        per[c] = gaussLegendre((x) => dens(x) * Math.pow(1 - qw, nw) * Math.pow(1 - (qw1 * (r - x)) / P, nw1), 0, r) +
          gaussLegendre((x) => dens(x) * Math.pow(1 - (qw * (P - x + r)) / P, nw), r, P);
      } else per[c] = vk * (expIntegral(vw1 * r + vw * P + F2, vk - vw1, 0, r) + expIntegral(vw * (P + r) + F2, vk - vw, r, P));
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
