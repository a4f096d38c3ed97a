/**
 * The canary widget's scenario as the engine sees it, and its checks — no engine code, so the page chunk
 * can import it (the runs themselves are `canaryModel.ts`, in the worker).
 *
 *   simConfig(s, weight) → Poisson traffic on an alias, routing { weightB }, each version with its own
 *                          (fixed) duration and the runtime's default INIT, every environment traced
 *   sweepWeights(s)      → the weights the chart compares (the reader's added)
 *   checkState(s)        → run-size check, naming the range
 */
import type { SimConfig } from '../../sim/engine/config.ts';
import { formatNumber } from '../shared/format.ts';
import type { FieldProblem } from '../shared/fieldSpec.ts';
import { canarySchema, MAX_REQUESTS_PER_RUN, type CanaryState } from './canarySchema.ts';

/** Weights (%) of the sweep chart; the reader's weight is added. */
export const SWEEP_WEIGHTS = [0, 1, 5, 10, 25, 50, 75, 100] as const;
/** Span trace: every environment, every request (one busy interval each). */
export const TRACE = { maxSpans: 20_000, maxIntervalsPerSpan: MAX_REQUESTS_PER_RUN } as const;

export function simConfig(s: CanaryState, weightPct: number): SimConfig {
  return {
    // The core's Poisson source needs a rate above 0; no traffic is a single step at 0.
    traffic: s.rate > 0 ? { kind: 'poisson', rate: s.rate } : { kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 0 }] },
    duration: { kind: 'const', ms: s.durationA },
    routing: { weightB: weightPct / 100, durationB: { kind: 'const', ms: s.durationB } },
    idleTimeoutS: s.idleTimeoutS,
    simSeconds: s.windowS,
    seed: s.seed,
    spans: TRACE,
  };
}

export function sweepWeights(s: CanaryState): number[] {
  return [...new Set<number>([...SWEEP_WEIGHTS, s.weight])].sort((a, b) => a - b);
}

/** Engine speed with every span recorded (requests per wall-clock second), measured here. */
export const ENGINE_REQUESTS_PER_S = 1e6;
/** Rough wall time of `runCanary` (all weights of the sweep), ms. */
export const estimateMs = (s: CanaryState) => ((s.rate * s.windowS * sweepWeights(s).length) / ENGINE_REQUESTS_PER_S) * 1000;

export function checkState(s: CanaryState): FieldProblem[] {
  const n = s.rate * s.windowS;
  if (n > MAX_REQUESTS_PER_RUN)
    return [{ key: 'windowS', message: `${canarySchema.rate.label} × ${canarySchema.windowS.label} must be at most ${formatNumber(MAX_REQUESTS_PER_RUN)} requests; got ${formatNumber(Math.round(n))}` }];
  return [];
}
