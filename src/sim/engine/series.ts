import type { SimState } from './state.ts';

/**
 * Per-bucket columns for charts, Observable-Plot style: `t[i]` is the start of bucket i (s), every other
 * column has the same length. Buckets are 1 s until the run outgrows `limits.maxSeriesBuckets`, then
 * pairs are merged (2 s, 4 s, ...): `bucketSeconds` says which. The last bucket may be partial (its means
 * are over the part simulated so far).
 * - arrivals, throttles, coldStarts: counts in the bucket
 * - concurrency: time-averaged busy environments; concurrencyPeak: the maximum
 * - environments: time-averaged existing environments (busy + idle, provisioned included)
 */
export interface Series {
  bucketSeconds: number;
  length: number;
  t: Float64Array;
  arrivals: Float64Array;
  throttles: Float64Array;
  coldStarts: Float64Array;
  concurrency: Float64Array;
  concurrencyPeak: Float64Array;
  environments: Float64Array;
}

export function series(s: SimState): Series {
  const ser = s.ser;
  const w = ser.w;
  const partial = s.now > ser.idx * w;
  const n = ser.idx + (partial ? 1 : 0);
  const t = new Float64Array(n);
  const concurrency = new Float64Array(n);
  const environments = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = i * w;
    const span = i === ser.idx ? s.now - i * w : w;
    concurrency[i] = span > 0 ? ser.busyArea[i]! / span : 0;
    environments[i] = span > 0 ? ser.envArea[i]! / span : 0;
  }
  return {
    bucketSeconds: w,
    length: n,
    t,
    arrivals: ser.arrivals.slice(0, n),
    throttles: ser.throttles.slice(0, n),
    coldStarts: ser.coldStarts.slice(0, n),
    concurrency,
    concurrencyPeak: ser.peak.slice(0, n),
    environments,
  };
}
