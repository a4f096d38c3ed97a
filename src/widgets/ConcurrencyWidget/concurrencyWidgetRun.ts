/**
 * The concurrency-and-throttling widget's engine run: one run of the scenario
 * (`concurrencyWidgetState.ts`) → the columns the view draws, plus the closed forms shown beside it.
 * Runs in the Web Worker (and at build time for the server render).
 *
 * Little's law: mean busy = λ·E[S] offered, λ(1 − P_throttle)·E[S] carried. Erlang-B B(c, λ·E[S]) is the
 * throttle share of a steady Poisson stream under a static cap c (reserved ?? account limit), when the
 * scaling rate does not bind (Erlang's loss formula; src/sim/stats/erlangB.ts).
 */
import { erlangB, runScenario, SCALING_BUCKET, SCALING_REFILL_PER_S } from '~/sim';
import type { Summary } from '~/sim';
import type { Progress } from '../shared/workerProtocol.ts';
import { capOf, offeredRate, simConfig, type ConcurrencyState } from './concurrencyWidgetState.ts';

/** Points drawn per chart (the engine's 1-s buckets are merged beyond this). */
export const MAX_POINTS = 240;

/** A run of seconds with throttles (gaps under 2 s merged). */
export interface ThrottleRun {
  fromS: number;
  toS: number;
  throttles: number;
}

export interface ConcurrencyResult {
  /** The engine's summary of the run, as the core names it. */
  summary: Summary;
  windowS: number;
  /** Width of one chart point (s). */
  pointS: number;
  t: Float64Array;
  /** Peak busy environments in each point. */
  peak: Float64Array;
  /** Time-averaged busy environments in each point. */
  mean: Float64Array;
  /** Requests per second arriving and throttled, averaged over each point. */
  arrivalsPerS: Float64Array;
  throttlesPerS: Float64Array;
  runs: ThrottleRun[];
  offeredRate: number;
  /** λ·E[S] and λ(1 − P)·E[S]. */
  littleOffered: number;
  littleCarried: number;
  /** B(cap, λ·E[S]) for steady traffic, else null. */
  erlangB: number | null;
  cap: number;
  /**
   * Spike only: the most environments the scaling rate allows after the spike starts — those existing
   * just before it, plus 1,000 at once, plus 100 per second (a full bucket assumed), up to the cap.
   * Drawn when the spike's load (peak rate × duration) is above what exists plus 1,000. Else null.
   */
  scalingLimit: { t: number[]; y: number[] } | null;
}

/** Merges 1-s buckets into at most `MAX_POINTS` points: max of peaks, mean of the rest. */
function downsample(t: Float64Array, cols: { peak: Float64Array; mean: Float64Array; arr: Float64Array; thr: Float64Array }, w: number) {
  const n = t.length;
  const k = Math.max(1, Math.ceil(n / MAX_POINTS));
  const m = Math.ceil(n / k);
  const out = { t: new Float64Array(m), peak: new Float64Array(m), mean: new Float64Array(m), arr: new Float64Array(m), thr: new Float64Array(m), pointS: k * w };
  for (let j = 0; j < m; j++) {
    const lo = j * k;
    const hi = Math.min(n, lo + k);
    let pk = 0;
    let mn = 0;
    let a = 0;
    let th = 0;
    for (let i = lo; i < hi; i++) {
      pk = Math.max(pk, cols.peak[i]!);
      mn += cols.mean[i]!;
      a += cols.arr[i]!;
      th += cols.thr[i]!;
    }
    out.t[j] = t[lo]!;
    out.peak[j] = pk;
    out.mean[j] = mn / (hi - lo);
    out.arr[j] = a / ((hi - lo) * w);
    out.thr[j] = th / ((hi - lo) * w);
  }
  return out;
}

function throttleRuns(t: Float64Array, thr: Float64Array, w: number): ThrottleRun[] {
  const runs: ThrottleRun[] = [];
  for (let i = 0; i < t.length; i++) {
    if (thr[i]! <= 0) continue;
    const last = runs[runs.length - 1];
    if (last && t[i]! - last.toS <= 2) {
      last.toS = t[i]! + w;
      last.throttles += thr[i]!;
    } else runs.push({ fromS: t[i]!, toS: t[i]! + w, throttles: thr[i]! });
  }
  return runs;
}

/** See `ConcurrencyResult.scalingLimit`. */
export function scalingLimitOf(s: ConcurrencyState, environments: Float64Array, w: number, cap: number, peak: number): { t: number[]; y: number[] } | null {
  if (s.shape !== 'spike' || s.spikeStartS >= s.windowS) return null;
  const i = Math.floor(s.spikeStartS / w) - 1;
  const e0 = i >= 0 ? Math.round(environments[i] ?? 0) : s.provisioned;
  const load = (s.peakRate * s.durationMs) / 1000;
  if (load <= e0 + SCALING_BUCKET) return null; // the bucket covers the spike at once: no ramp
  const top = Math.min(cap, Math.max(load, peak) * 1.1);
  const t0 = s.spikeStartS;
  const end = Math.min(s.windowS, s.spikeStartS + s.spikeLengthS);
  const tTop = t0 + Math.max(0, top - e0 - SCALING_BUCKET) / SCALING_REFILL_PER_S;
  const t = [t0, t0];
  const y = [e0, Math.min(top, e0 + SCALING_BUCKET)];
  if (tTop < end) t.push(tTop, end), y.push(top, top);
  else t.push(end), y.push(e0 + SCALING_BUCKET + SCALING_REFILL_PER_S * (end - t0));
  return { t, y };
}

export function runConcurrency(s: ConcurrencyState, progress: Progress = () => {}): ConcurrencyResult {
  const r = runScenario(simConfig(s), { onProgress: (p) => progress(Math.round((p.fraction ?? 0) * 1000), 1000), progressEverySeconds: Math.max(1, s.windowS / 50) });
  const ser = r.series;
  const sum = r.summary;
  const d = downsample(ser.t, { peak: ser.concurrencyPeak, mean: ser.concurrency, arr: ser.arrivals, thr: ser.throttles }, ser.bucketSeconds);
  const lam = offeredRate(s);
  const es = s.durationMs / 1000;
  const cap = capOf(s);
  return {
    summary: sum,
    windowS: s.windowS,
    pointS: d.pointS,
    t: d.t,
    peak: d.peak,
    mean: d.mean,
    arrivalsPerS: d.arr,
    throttlesPerS: d.thr,
    runs: throttleRuns(ser.t, ser.throttles, ser.bucketSeconds),
    offeredRate: lam,
    littleOffered: lam * es,
    littleCarried: lam * (1 - sum.throttleRatio) * es,
    erlangB: s.shape === 'steady' ? erlangB(cap, lam * es) : null,
    cap,
    scalingLimit: scalingLimitOf(s, ser.environments, ser.bucketSeconds, cap, sum.peakConcurrency),
  };
}
