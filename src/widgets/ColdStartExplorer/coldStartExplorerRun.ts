/**
 * The cold-start explorer's engine run: state → one run with the environment span trace → what the view
 * draws. Runs are at most MAX_REQUESTS_PER_RUN requests (about 5–20 ms on this machine), so the element
 * calls it on the main thread: no worker.
 */
import { runScenario } from '~/sim';
import type { EnvSpan, Summary } from '~/sim';
import { handlerMs, initMedianMs, simConfig, type ColdStartState } from './coldStartExplorerState.ts';

export interface ColdStartResult {
  /** The engine's summary of the run, as the core names it. */
  summary: Summary;
  windowS: number;
  /** A warm request's latency (the handler), and a typical cold one (median INIT + handler), ms. */
  warmMs: number;
  coldMedianMs: number;
  /** Environments created (cold starts + provisioned). */
  environments: number;
  spans: EnvSpan[];
  spansTruncated: boolean;
  maxSpans: number;
}

export function runColdStart(s: ColdStartState): ColdStartResult {
  const r = runScenario(simConfig(s));
  const sum = r.summary;
  return {
    summary: sum,
    windowS: s.windowS,
    warmMs: handlerMs(s),
    coldMedianMs: initMedianMs(s) + handlerMs(s),
    environments: sum.coldStarts + s.provisioned,
    spans: r.spans.spans,
    spansTruncated: r.spans.truncated,
    maxSpans: r.spans.maxSpans,
  };
}
