/**
 * The planner's computation (worker and build only, never the page bundle): parse the export, plan,
 * and shape the per-period columns the charts read (at most `MAX_POINTS` points, each the largest
 * value of the periods it covers, so a peak is never averaged away).
 */
import { PLAN_RULES, defaultsOf, parseMetrics, planJson, planTraffic, type PlanJson, type PlanResult } from '~/sim/index.ts';
import type { TrafficState } from './trafficPlannerState.ts';

export const MAX_POINTS = 360;

export interface TrafficPayload {
  text: string;
  name: string;
  state: TrafficState;
}

/** Chart columns: period start (hours from the first period), and per-bucket maxima. */
export interface TrafficColumns {
  hours: Float64Array;
  observedPeak: Float64Array | null;
  simulatedPeak: Float64Array;
  simulatedCold: Float64Array;
  simulatedThrottles: Float64Array;
  observedThrottles: Float64Array | null;
  invocations: Float64Array;
  bucketS: number;
}

export type TrafficOutcome = { ok: true; name: string; plan: PlanJson; columns: TrafficColumns } | { ok: false; name: string; error: string };

function bucketMax(src: ArrayLike<number>, per: number, n: number, sum = false): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  for (let i = 0; i < src.length; i++) {
    const b = Math.floor(i / per);
    const v = src[i]!;
    if (!Number.isFinite(v)) continue;
    out[b] = Number.isNaN(out[b]!) ? v : sum ? out[b]! + v : Math.max(out[b]!, v);
  }
  return out;
}

export function trafficColumns(r: PlanResult, invocations: ArrayLike<number>): TrafficColumns {
  const per = Math.max(1, Math.ceil(r.periods / MAX_POINTS));
  const n = Math.ceil(r.periods / per);
  const hours = Float64Array.from({ length: n }, (_, i) => (i * per * r.periodS) / 3600);
  return {
    hours, bucketS: per * r.periodS,
    observedPeak: r.observedPeak ? bucketMax(r.observedPeak, per, n) : null,
    simulatedPeak: bucketMax(r.simPeak, per, n),
    simulatedCold: bucketMax(r.simColdStarts, per, n, true),
    simulatedThrottles: bucketMax(r.simThrottles, per, n, true),
    observedThrottles: r.observedThrottles ? bucketMax(r.observedThrottles, per, n, true) : null,
    invocations: bucketMax(invocations, per, n, true),
  };
}

export function runTrafficPlan(p: TrafficPayload, progress?: (done: number, total: number) => void): TrafficOutcome {
  const imported = parseMetrics(p.text);
  if (!imported.ok) return { ok: false, name: p.name, error: imported.error };
  const d = defaultsOf(PLAN_RULES);
  const s = p.state;
  const r = planTraffic({
    table: imported.value, memoryMb: s.memoryMb, arch: s.arch, armSpeedFactor: s.armSpeedFactor, coldStartTargetPct: s.coldStartTargetPct,
    concurrencyLimit: s.concurrencyLimit, pcLevels: null, pcLevelCount: d.pcLevelCount!, freeTier: s.freeTier, seed: s.seed,
    durationSigma: d.durationSigma!, fullReplayMaxInvocations: d.fullReplayMaxInvocations!,
    ...(progress ? { onProgress: (f: number) => progress(Math.round(f * 1000), 1000) } : {}),
  });
  return { ok: true, name: p.name, plan: planJson(r), columns: trafficColumns(r, imported.value.invocations) };
}
