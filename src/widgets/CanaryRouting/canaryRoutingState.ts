/**
 * State of the canary-routing widget: its fields, URL prefix, the scenario as the engine sees it and its
 * checks. No engine code, so the element's page chunk can import it (the runs are canaryRoutingRun.ts,
 * in the worker).
 *
 * Inputs (URL prefix `canary`, e.g. ?canary.w=5&canary.errB=3&canary.seed=9).
 * A weighted alias sends a share `weight` of requests to the canary version (Lambda's alias
 * RoutingConfig.AdditionalVersionWeights = weight / 100), the rest to the stable version; each version
 * has its own execution environments. The error probabilities are what-if inputs: the engine has no
 * notion of a failing synchronous request, so the widget draws each request's outcome itself.
 *
 *   simConfig(s, weight) → Poisson traffic on an alias, routing { weightB }, each version with its own
 *                          (fixed) duration and the runtime's default INIT, every environment traced
 *   sweepWeights(s)      → the weights the chart compares (the reader's added)
 *   checkState(s)        → run-size check, naming the range
 */
import { formatNumber, SIM_RULES } from '~/sim';
import type { SimConfig } from '~/sim';
import { fieldFromRule, SEED_FIELD, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const CANARY_PREFIX = 'canary';
/** Largest expected number of requests in one run (rate × time); the weight sweep runs this 8–9 times. */
export const MAX_REQUESTS_PER_RUN = 100_000;

export const canarySchema = {
  weight: { kind: 'number', label: 'Canary weight (%)', min: 0, max: 100, step: 1, control: 'range', unit: '%', default: 10, urlKey: 'w', help: 'AdditionalVersionWeights on the alias (10% = 0.1).' },
  rate: { kind: 'number', label: 'Rate (requests/s)', min: 0, max: 500, step: 1, unit: 'requests/s', default: 20, urlKey: 'rate', help: 'Poisson arrivals on the alias.' },
  windowS: { kind: 'number', label: 'Simulated time (s)', min: 10, max: 3600, step: 60, unit: 's', default: 600, urlKey: 'win' },
  durationA: { kind: 'number', label: 'Stable version: duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 120, urlKey: 'durA' },
  durationB: { kind: 'number', label: 'Canary version: duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 120, urlKey: 'durB' },
  errorA: { kind: 'number', label: 'Stable version: error probability (%)', min: 0, max: 100, step: 0.1, unit: '%', default: 0.5, urlKey: 'errA', help: 'What-if input: the chance a request fails on this version.' },
  errorB: { kind: 'number', label: 'Canary version: error probability (%)', min: 0, max: 100, step: 0.1, unit: '%', default: 2, urlKey: 'errB', help: 'What-if input: say the new code fails more often.' },
  idleTimeoutS: fieldFromRule(SIM_RULES.idleTimeoutS, { label: 'Idle timeout (s)', min: 1, max: 3600, step: 60, urlKey: 'idle', help: 'AWS publishes no number; measured 5–10 minutes.' }),
  seed: SEED_FIELD,
} satisfies Schema;

export type CanaryState = StateOf<typeof canarySchema>;

/** The slider's value in words (its output and aria-valuetext). */
export const weightText = (v: number) => `${v}% to the canary, ${100 - v}% to the stable version`;

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

export function checkState(s: CanaryState): FieldProblem[] {
  const n = s.rate * s.windowS;
  if (n > MAX_REQUESTS_PER_RUN)
    return [{ key: 'windowS', message: `${canarySchema.rate.label} × ${canarySchema.windowS.label} must be at most ${formatNumber(MAX_REQUESTS_PER_RUN)} requests; got ${formatNumber(Math.round(n))}` }];
  return [];
}
