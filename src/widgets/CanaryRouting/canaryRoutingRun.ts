/**
 * The canary-routing widget's engine runs (imported by the worker and at build time, never by the page).
 *
 *   (scenario and checks: canaryRoutingState.ts)
 *   versionStats(spans, …)   → per-version requests and cold starts, read from the environment span trace
 *   runCanary(s, progress)   → the reader's weight plus a sweep over weights (what the worker runs)
 *
 * Adapter note: the engine's Summary is not split by version, and synchronous requests never fail in
 * it. So the run records every environment's spans (each span has its version; each busy interval is one
 * request; each on-demand environment is one cold start) and the widget draws each request's outcome
 * with its own seeded generator (what-if error probabilities). Throttles are not split by version.
 */
import { createRng, nextFloat, runScenario } from '~/sim';
import type { EnvSpan, Summary } from '~/sim';
import type { Progress } from '../shared/workerProtocol.ts';
import { simConfig, sweepWeights, type CanaryState } from './canaryRoutingState.ts';

export interface VersionStats {
  requests: number;
  coldStarts: number;
  environments: number;
  errors: number;
  errorRate: number;
  /** True when the trace was capped, so `requests` is a lower bound. */
  approximate: boolean;
}

/** Requests and cold starts of version v (0 = stable, 1 = canary) from the span trace. */
export function versionStats(spans: readonly EnvSpan[], v: number): Omit<VersionStats, 'errors' | 'errorRate'> {
  let requests = 0;
  let cold = 0;
  let envs = 0;
  let approximate = false;
  for (const sp of spans) {
    if (sp.version !== v) continue;
    envs++;
    if (!sp.provisioned) cold++;
    requests += sp.busy.length / 2;
    if (sp.busyTruncated) approximate = true;
  }
  return { requests, coldStarts: cold, environments: envs, approximate };
}

/** Failed requests among n, each with probability p (seeded; one draw per request). */
export function drawErrors(n: number, p: number, seed: number): number {
  const rng = createRng(seed);
  let k = 0;
  for (let i = 0; i < n; i++) if (nextFloat(rng) < p) k++;
  return k;
}

export interface WeightRun {
  weight: number;
  /** The engine's summary of the run at this weight, as the core names it. */
  summary: Summary;
  stable: VersionStats;
  canary: VersionStats;
  truncated: boolean;
}

export function runWeight(s: CanaryState, weightPct: number): WeightRun {
  const r = runScenario(simConfig(s, weightPct));
  const trunc = r.spans.truncated;
  const mk = (v: number, pct: number, salt: number): VersionStats => {
    const st = versionStats(r.spans.spans, v);
    const errors = drawErrors(st.requests, pct / 100, (s.seed ^ salt) >>> 0);
    return { ...st, approximate: st.approximate || trunc, errors, errorRate: st.requests > 0 ? errors / st.requests : 0 };
  };
  return {
    weight: weightPct,
    summary: r.summary,
    stable: mk(0, s.errorA, 0x5eed0001),
    canary: mk(1, s.errorB, 0x5eed0002),
    truncated: r.summary.truncated || trunc,
  };
}

export interface CanaryResult {
  current: WeightRun;
  /** The same traffic and seed with no canary (weight 0). */
  baseline: WeightRun;
  sweep: WeightRun[];
}

export function runCanary(s: CanaryState, progress: Progress = () => {}): CanaryResult {
  const weights = sweepWeights(s);
  const sweep = weights.map((w, i) => {
    const r = runWeight(s, w);
    progress(i + 1, weights.length);
    return r;
  });
  return { current: sweep.find((r) => r.weight === s.weight)!, baseline: sweep[0]!, sweep };
}
