import type { Traffic } from '../traffic/types.ts';
import { MAX_IMPORT_PERIODS, MIN_PERIOD_S } from './importLimits.ts';
import type { ImportResult } from './types.ts';

/**
 * Turns a `--trace` replay (see traffic/parseTrace.ts) into per-minute metrics: arrivals counted in
 * 60 s periods from t = 0 (the trace's own origin, so `startS` is 0). A trace carries no durations, so the
 * caller gives the average duration to use for every period.
 */
export function traceToMetrics(traffic: Traffic, durationAvgMs: number): ImportResult {
  const p = MIN_PERIOD_S;
  let counts: Float64Array;
  if (traffic.kind === 'traceTimes') {
    const ts = traffic.timesS;
    const n = ts.length ? Math.floor(ts[ts.length - 1]! / p) + 1 : 0;
    if (n > MAX_IMPORT_PERIODS) return { ok: false, error: `the trace spans ${n} minutes; at most ${MAX_IMPORT_PERIODS} are accepted` };
    counts = new Float64Array(n);
    for (let i = 0; i < ts.length; i++) counts[Math.floor(ts[i]! / p)]!++;
  } else if (traffic.kind === 'traceCounts') {
    const per = Math.round(p / traffic.binS);
    const n = Math.ceil(traffic.counts.length / per);
    if (n > MAX_IMPORT_PERIODS) return { ok: false, error: `the trace spans ${n} minutes; at most ${MAX_IMPORT_PERIODS} are accepted` };
    counts = new Float64Array(n);
    for (let i = 0; i < traffic.counts.length; i++) counts[Math.floor(i / per)]! += traffic.counts[i]!;
  } else return { ok: false, error: 'a trace must be timestamps or counts per second/minute' };
  if (counts.length === 0) return { ok: false, error: 'the trace has no arrivals' };
  return {
    ok: true,
    value: {
      periodS: p, startS: 0, periods: counts.length, invocations: counts, durationAvgMs: new Float64Array(counts.length).fill(durationAvgMs),
      durationP50Ms: null, durationP90Ms: null, durationP99Ms: null, concurrencyMax: null, throttles: null, gapRows: [], source: 'trace',
      warnings: ['a trace has no durations, concurrency or throttles: every period uses the given average duration, and nothing observed is compared'],
    },
  };
}
