/**
 * The cold-start explorer's engine run: state → one run with the environment span trace → what the view
 * draws. Runs are at most MAX_REQUESTS_PER_RUN requests (about 5–20 ms on this machine), so the element
 * calls it on the main thread: no worker.
 */
import { runScenario } from '~/sim';
import type { EnvSpan } from '~/sim';
import { handlerMs, initMedianMs, simConfig, type ColdStartState } from './coldStartExplorerState.ts';

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
