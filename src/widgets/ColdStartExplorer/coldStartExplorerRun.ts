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
    coldStarts: sum.cold_starts,
    coldStartRatio: sum.cold_start_ratio,
    p50: sum.latency_ms.p50,
    p99: sum.latency_ms.p99,
    warmMs: handlerMs(s),
    coldMedianMs: initMedianMs(s) + handlerMs(s),
    environments: sum.cold_starts + s.provisioned,
    reclaimed: sum.environments_reclaimed,
    provisionedExecutions: sum.provisioned_executions,
    spans: r.spans.spans,
    spansTruncated: r.spans.truncated,
    maxSpans: r.spans.maxSpans,
  };
}
