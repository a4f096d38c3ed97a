import type { ResolvedSimConfig, SimConfig } from './config.ts';
import { createSimulation } from './createSimulation.ts';
import { createSimulationFromResolved } from './createSimulationFromResolved.ts';
import { runUntil } from './step.ts';
import { summarize, type Summary } from './summarize.ts';
import { series, type Series } from './series.ts';
import { envSpans, type EnvSpans } from './spans.ts';
import type { SimState } from './state.ts';

export interface RunOptions {
  /** Overrides config.limits.maxEvents. */
  maxEvents?: number;
  /** Called every `progressEverySeconds` of simulated time with the fraction done (0..1) when known. */
  onProgress?: (p: { now: number; events: number; fraction: number | null }) => void;
  progressEverySeconds?: number;
}

export interface ScenarioResult {
  summary: Summary;
  series: Series;
  spans: EnvSpans;
}

/** createSimulation + runUntil(end) + summarize/series/envSpans, in chunks so progress can be reported. */
export function runScenario(config: SimConfig, opts: RunOptions = {}): ScenarioResult {
  const cfg: SimConfig = opts.maxEvents !== undefined ? { ...config, limits: { ...config.limits, maxEvents: opts.maxEvents } } : config;
  return runSimulation(createSimulation(cfg), opts);
}

/**
 * As runScenario, for a config that is already resolved and checked (see withSimDefaults): no validation,
 * so a Web Worker running it does not bundle the rules tables. `opts.maxEvents` is taken as given.
 */
export function runResolvedScenario(config: ResolvedSimConfig, opts: RunOptions = {}): ScenarioResult {
  const cfg = opts.maxEvents !== undefined ? { ...config, limits: { ...config.limits, maxEvents: opts.maxEvents } } : config;
  return runSimulation(createSimulationFromResolved(cfg), opts);
}

function runSimulation(s: SimState, opts: RunOptions): ScenarioResult {
  const end = s.cfg.simSeconds;
  if (!opts.onProgress) runUntil(s, end);
  else {
    const chunk = opts.progressEverySeconds ?? (end !== Infinity ? Math.max(end / 100, 1) : 60);
    let t = 0;
    while (!s.done) {
      t += chunk;
      const n = runUntil(s, Math.min(t, end));
      opts.onProgress({ now: s.now, events: s.events, fraction: end !== Infinity ? Math.min(1, s.now / end) : null });
      if (t >= end) break;
      if (n === 0 && s.heapN === 0 && s.nextArrivalT === Infinity) break; // nothing left to happen
    }
  }
  return { summary: summarize(s), series: series(s), spans: envSpans(s) };
}
