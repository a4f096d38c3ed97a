/**
 * Pure logic of the cold-start explorer: state → engine config (with the SDK-client assumption applied)
 * → one run with the environment span trace → what the view draws.
 *
 * The "initialize outside the handler" model, stated in the widget:
 *   inside:  handler = duration + setup on every request; INIT = the runtime's published INIT
 *   outside: handler = duration; INIT = published INIT + setup (paid once per environment)
 * The runtime's INIT is the core's lognormal fitted to its published median and p90; adding a constant
 * shifts both quantiles by `setup`, so the outside INIT is the lognormal fitted to (median + setup,
 * p90 + setup) — exact at those two quantiles, an approximation between them.
 * Runs are at most MAX_REQUESTS_PER_RUN requests (about 5–20 ms on this machine), so they run inline.
 */
import { runScenario } from '../../sim/engine/runScenario.ts';
import { INIT_MS } from '../../sim/constants/initDurations.ts';
import { lognormalSigmaFromP90 } from '../../sim/dist/lognormal.ts';
import type { Dist } from '../../sim/dist/types.ts';
import type { SimConfig } from '../../sim/engine/config.ts';
import type { EnvSpan } from '../../sim/engine/spans.ts';
import { formatNumber } from '../shared/format.ts';
import type { FieldProblem } from '../shared/fieldSpec.ts';
import { coldStartSchema, MAX_REQUESTS_PER_RUN, type ColdStartState } from './coldStartSchema.ts';

/** Environments recorded by the span trace (the engine's cap), and intervals kept per environment. */
export const TRACE = { maxSpans: 200, maxIntervalsPerSpan: 5000 } as const;

/** Published hello-world INIT (ZIP, x86_64) of the runtime: [median, p90] in ms. */
export const publishedInit = (runtime: string): readonly [number, number] => (INIT_MS[runtime] ?? INIT_MS['nodejs24.x']!)[0];

export function initDist(s: ColdStartState): Dist {
  const [m, p90] = publishedInit(s.runtime);
  const add = s.initOutside ? s.clientSetupMs : 0;
  return { kind: 'lognormal', medianMs: m + add, sigma: lognormalSigmaFromP90(m + add, p90 + add) };
}

/** Every request's handler time (ms). */
export const handlerMs = (s: ColdStartState) => s.durationMs + (s.initOutside ? 0 : s.clientSetupMs);
/** Median INIT (ms) under the model. */
export const initMedianMs = (s: ColdStartState) => publishedInit(s.runtime)[0] + (s.initOutside ? s.clientSetupMs : 0);

export function simConfig(s: ColdStartState): SimConfig {
  return {
    // The core's Poisson and diurnal sources need a rate above 0; no traffic is a single step at 0.
    traffic:
      s.rate <= 0 ? { kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 0 }] }
      : s.shape === 'wave' ? { kind: 'diurnal', meanRate: s.rate, amplitude: 1, periodS: s.windowS, peakAtS: s.windowS / 2 }
      : { kind: 'poisson', rate: s.rate },
    duration: { kind: 'const', ms: handlerMs(s) },
    init: initDist(s),
    runtime: s.runtime,
    idleTimeoutS: s.idleTimeoutS,
    provisioned: s.provisioned,
    simSeconds: s.windowS,
    seed: s.seed,
    spans: TRACE,
  };
}

export function checkState(s: ColdStartState): FieldProblem[] {
  const n = s.rate * s.windowS;
  if (n > MAX_REQUESTS_PER_RUN)
    return [{ key: 'rate', message: `${coldStartSchema.rate.label} × ${coldStartSchema.windowS.label} must be at most ${formatNumber(MAX_REQUESTS_PER_RUN)} requests; got ${formatNumber(Math.round(n))}` }];
  return [];
}

export interface ColdStartResult {
  windowS: number;
  invocations: number;
  coldStarts: number;
  coldStartRatio: number;
  p50: number;
  p99: number;
  /** A warm request's latency (the handler), and a typical cold one (median INIT + handler), ms. */
  warmMs: number;
  coldMedianMs: number;
  /** Environments created (cold starts + provisioned). */
  environments: number;
  reclaimed: number;
  provisionedExecutions: number;
  spans: EnvSpan[];
  spansTruncated: boolean;
  maxSpans: number;
}

export function runColdStart(s: ColdStartState): ColdStartResult {
  const r = runScenario(simConfig(s));
  const sum = r.summary;
  return {
    windowS: s.windowS,
    invocations: sum.invocations,
    coldStarts: sum.coldStarts,
    coldStartRatio: sum.coldStartRatio,
    p50: sum.latencyMs.p50,
    p99: sum.latencyMs.p99,
    warmMs: handlerMs(s),
    coldMedianMs: initMedianMs(s) + handlerMs(s),
    environments: sum.coldStarts + s.provisioned,
    reclaimed: sum.environmentsReclaimed,
    provisionedExecutions: sum.provisionedExecutions,
    spans: r.spans.spans,
    spansTruncated: r.spans.truncated,
    maxSpans: r.spans.maxSpans,
  };
}
