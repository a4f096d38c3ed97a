import type { Bill } from '../pricing/types.ts';
import { quantile } from '../stats/latencyHistogram.ts';
import { erlangB } from '../stats/erlangB.ts';
import { distMean } from '../dist/sampleDist.ts';
import type { SimState } from './state.ts';
import { windowBill } from './windowBill.ts';

/**
 * Results over the statistics window [warmupS, end]. `npm run sim -- run --json` prints these fields
 * in snake_case (`coldStartRatio` → `cold_start_ratio`).
 * Ratios are 0 (never NaN) when their denominator is 0.
 */
export interface Summary {
  /** Arrivals (sync requests or async events) in the simulated span. */
  invocations: number;
  /** Executions started (async retries included), provisioned and on-demand. */
  executions: number;
  coldStarts: number;
  coldStartRatio: number;
  throttles: number;
  /** Throttled attempts / attempts (sync: / invocations). */
  throttleRatio: number;
  scalingThrottles: number;
  meanEnvironments: number;
  meanBusy: number;
  peakConcurrency: number;
  peakEnvironments: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  cost: Bill;
  provisionedExecutions: number;
  environmentsReclaimed: number;
  environmentsRecycled: number;
  /** Async only: retried attempts, failed executions, events sent to the on-failure destination, events
   * waiting for a retry at the end, and the age of successfully processed events (arrival to completion). */
  async: {
    retries: number; errors: number; onFailure: number; queuedAtEnd: number; meanEventAgeS: number; maxEventAgeS: number;
    /** Executions started (first attempts and retries), and the event's age when each started (queue to invoke). */
    attempts: number; eventAgeMs: { p50: number; p90: number; p99: number; max: number };
  } | null;
  /** Erlang-B B(c, λ·E[S]) for the configured cap, as a reference (valid for constant-rate Poisson, static cap). */
  erlangBReference: number | null;
  /** Whole run (warmup included): arrivals = completed + throttled + dropped + inFlight. */
  conservation: { arrivals: number; completed: number; throttled: number; dropped: number; inFlight: number };
  simSeconds: number;
  windowSeconds: number;
  events: number;
  seed: number;
  truncated: boolean;
  warnings: string[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export function summarize(s: SimState): Summary {
  const st = s.stats;
  const cfg = s.cfg;
  const end = s.now;
  const win = Math.max(0, end - cfg.warmupS);
  const cost = windowBill(s);
  const inFlight = cfg.invocation === 'async' ? s.asyncLive : s.busy;
  let erlang: number | null = null;
  if (cfg.traffic.kind === 'poisson' && cfg.invocation === 'sync' && !cfg.routing) {
    erlang = erlangB((cfg.reserved ?? cfg.concurrencyLimit), (cfg.traffic.rate * distMean(cfg.duration)) / 1000);
  }
  const h = st.latency;
  return {
    invocations: st.arrivals,
    executions: st.started,
    coldStarts: st.coldStarts,
    coldStartRatio: ratio(st.coldStarts, st.started),
    throttles: st.throttles,
    throttleRatio: ratio(st.throttles, st.attempts),
    scalingThrottles: st.scalingThrottles,
    meanEnvironments: ratio(st.envArea, win),
    meanBusy: ratio(st.busyArea, win),
    peakConcurrency: st.peakBusy,
    peakEnvironments: st.peakEnvs,
    latencyMs: { p50: quantile(h, 0.5), p90: quantile(h, 0.9), p99: quantile(h, 0.99), mean: ratio(h.sum, h.n), max: h.n ? h.max : 0 },
    cost,
    provisionedExecutions: st.pcStarts,
    environmentsReclaimed: st.reclaimed,
    environmentsRecycled: st.recycled,
    async: cfg.invocation === 'async'
      ? {
        retries: st.retries, errors: st.errors, onFailure: st.onFailure, queuedAtEnd: s.queued, meanEventAgeS: ratio(st.eventAgeSum, st.eventAgeN),
        maxEventAgeS: st.eventAgeMax, attempts: st.started,
        eventAgeMs: { p50: quantile(st.asyncAge, 0.5), p90: quantile(st.asyncAge, 0.9), p99: quantile(st.asyncAge, 0.99), max: st.asyncAge.n ? st.asyncAge.max : 0 },
      }
      : null,
    erlangBReference: erlang,
    conservation: { arrivals: s.totals.arrivals, completed: s.totals.completedFinal, throttled: s.totals.throttledSync, dropped: s.totals.dropped, inFlight: inFlight },
    simSeconds: end,
    windowSeconds: win,
    events: s.events,
    seed: cfg.seed,
    truncated: s.truncated,
    warnings: [...s.warnings],
  };
}
