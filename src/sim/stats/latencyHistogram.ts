/**
 * Fixed-size log-bucket histogram of latencies in ms, memory independent of the sample count.
 * Buckets are read straight from the bits of the float64: exponent plus the top SUB_BITS mantissa bits, so
 * each power of two is split in 128 buckets (relative width 1/128 ≈ 0.8%) with no Math.log per sample.
 * Range 2^-10 ms (≈1 µs) to 2^30 ms (≈12 days); values outside are clamped into the end buckets, and
 * exact min/max are kept separately so quantiles never leave [min, max].
 *
 * Each bucket also keeps the sum of its values, and a quantile returns the mean of the values in its
 * bucket: exact when a bucket holds one distinct value (constant durations), within 0.8% otherwise.
 *
 * Shape: `{ counts: Float64Array(5120), sums: Float64Array(5120), n, sum, min, max }` — plain data.
 */
export interface LatencyHistogram {
  counts: Float64Array;
  sums: Float64Array;
  n: number;
  sum: number;
  min: number;
  max: number;
}

const SUB_BITS = 7;
const MIN_EXP = -10;
const OCTAVES = 40;
const BUCKETS = OCTAVES << SUB_BITS;
const BASE = (1023 + MIN_EXP) << SUB_BITS;
const SHIFT = 20 - SUB_BITS;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// index of the high 32-bit word (1 on little-endian hosts, which is every platform in practice)
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function createLatencyHistogram(): LatencyHistogram {
  return { counts: new Float64Array(BUCKETS), sums: new Float64Array(BUCKETS), n: 0, sum: 0, min: Infinity, max: -Infinity };
}

function bucketOf(ms: number): number {
  f64[0] = ms;
  const i = (u32[HI]! >>> SHIFT) - BASE;
  return i < 0 ? 0 : i >= BUCKETS ? BUCKETS - 1 : i;
}

/** Smallest value that falls in bucket i (bucket i covers [lowerBound(i), lowerBound(i + 1))). */
export function bucketLowerBound(i: number): number {
  u32[HI] = (i + BASE) << SHIFT;
  u32[1 - HI] = 0;
  return f64[0]!;
}

export function recordLatency(h: LatencyHistogram, ms: number): void {
  const i = bucketOf(ms);
  h.counts[i]!++;
  h.sums[i]! += ms;
  h.n++;
  h.sum += ms;
  if (ms < h.min) h.min = ms;
  if (ms > h.max) h.max = ms;
}

/** q in [0, 1]: the mean of the values in the bucket holding the q-quantile; NaN-free: 0 when empty. */
export function quantile(h: LatencyHistogram, q: number): number {
  if (h.n === 0) return 0;
  const target = Math.max(1, Math.ceil(q * h.n));
  let cum = 0;
  const c = h.counts;
  for (let i = 0; i < BUCKETS; i++) {
    const k = c[i]!;
    if (k === 0) continue;
    if (cum + k >= target) return Math.min(h.max, Math.max(h.min, h.sums[i]! / k));
    cum += k;
  }
  return h.max;
}

export function mergeHistogram(into: LatencyHistogram, from: LatencyHistogram): void {
  for (let i = 0; i < BUCKETS; i++) {
    into.counts[i]! += from.counts[i]!;
    into.sums[i]! += from.sums[i]!;
  }
  into.n += from.n;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
}
