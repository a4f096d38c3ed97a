/**
 * State of the cold-start explorer: its fields, URL prefix, the scenario as the engine sees it (with the
 * SDK-client assumption applied) and its run-size check.
 *
 * The "initialize outside the handler" model, stated in the widget:
 *   inside:  handler = duration + setup on every request; INIT = the runtime's published INIT
 *   outside: handler = duration; INIT = published INIT + setup (paid once per environment)
 * The runtime's INIT is the core's lognormal fitted to its published median and p90; adding a constant
 * shifts both quantiles by `setup`, so the outside INIT is the lognormal fitted to (median + setup,
 * p90 + setup) — exact at those two quantiles, an approximation between them.
 *
 * Inputs (URL prefix `cold`, e.g. ?cold.rt=python3.13&cold.out=1&cold.seed=7).
 * The runtime list and its INIT durations come from the core (constants/initDurations.ts, maxday
 * lambda-perf, as of 2026-08). The idle timeout defaults to 20 s — far shorter than the 5–10 minutes
 * measured on AWS (constants/limits.ts) — so reclamation shows within a five-minute window; the help
 * text says so. `clientSetupMs` is a labelled assumption, not a measurement.
 */
import { DEFAULT_IDLE_TIMEOUT_S, DEFAULT_RUNTIME, formatNumber, INIT_MS, lognormalSigmaFromP90, RUNTIMES } from '~/sim';
import type { Dist, SimConfig } from '~/sim';
import { SEED_FIELD, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const COLD_PREFIX = 'cold';
/** Largest expected number of requests in one run (rate × time): keeps a run inline, under ~20 ms. */
export const MAX_REQUESTS_PER_RUN = 15_000;

const runtimeLabels = Object.fromEntries(RUNTIMES.map((r) => [r, `${r} (INIT median ${INIT_MS[r]![0][0]} ms, p90 ${INIT_MS[r]![0][1]} ms)`]));

export const coldStartSchema = {
  shape: { kind: 'enum', label: 'Traffic shape', options: ['wave', 'steady'] as const, optionLabels: { wave: 'Wave (quiet, busy, quiet)', steady: 'Steady (Poisson)' }, default: 'wave', urlKey: 'shape' },
  rate: { kind: 'number', label: 'Average rate (requests/s)', min: 0, max: 100, step: 0.5, unit: 'requests/s', default: 1, urlKey: 'rate', help: 'Wave: the rate rises from 0 to twice this and back over the window.' },
  windowS: { kind: 'number', label: 'Simulated time (s)', min: 10, max: 1800, step: 30, unit: 's', default: 300, urlKey: 'win' },
  durationMs: { kind: 'number', label: 'Handler duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 100, urlKey: 'dur', help: 'The same for every request, SDK client setup not included.' },
  idleTimeoutS: {
    kind: 'number', label: 'Idle timeout (s)', min: 1, max: 3600, step: 5, unit: 's', default: 20, urlKey: 'idle',
    help: `AWS publishes no number; third-party measurements found 5–10 minutes (the simulator's default is ${DEFAULT_IDLE_TIMEOUT_S} s). Shortened here so reclamation shows within a few minutes.`,
  },
  runtime: { kind: 'enum', label: 'Runtime (sets the INIT duration)', options: RUNTIMES as readonly string[], optionLabels: runtimeLabels, default: DEFAULT_RUNTIME, urlKey: 'rt' },
  initOutside: { kind: 'bool', label: 'Initialize SDK clients outside the handler', default: false, urlKey: 'out' },
  clientSetupMs: {
    kind: 'number', label: 'Assumption: SDK client setup (ms)', min: 0, max: 5000, step: 10, unit: 'ms', default: 80, urlKey: 'setup',
    help: 'Not a measurement: the time to create your SDK clients. Inside the handler it is paid on every request; outside, once per environment during INIT.',
  },
  provisioned: { kind: 'number', label: 'Provisioned concurrency', min: 0, max: 50, integer: true, unit: 'environments', default: 0, urlKey: 'pc', help: 'Initialized before t = 0, never reclaimed.' },
  seed: SEED_FIELD,
} satisfies Schema;

export type ColdStartState = StateOf<typeof coldStartSchema>;

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

