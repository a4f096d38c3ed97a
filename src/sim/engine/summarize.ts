import { priceMonthly } from '../pricing/priceMonthly.ts';
import type { Bill } from '../pricing/types.ts';
import { quantile } from '../stats/latencyHistogram.ts';
import { erlangB } from '../stats/erlangB.ts';
import { distMean } from '../dist/sampleDist.ts';
import type { SimState } from './state.ts';

/**
 * Results over the statistics window [warmupS, end]. Field names match the CLI `run --json` output.
 * Ratios are 0 (never NaN) when their denominator is 0.
 */
export interface Summary {
  /** Arrivals (sync requests or async events) in the simulated span. */
  invocations: number;
  /** Executions started (async retries included), provisioned and on-demand. */
  executions: number;
  cold_starts: number;
  cold_start_ratio: number;
  throttles: number;
  /** Throttled attempts / attempts (sync: / invocations). */
  throttle_ratio: number;
  scaling_throttles: number;
  mean_environments: number;
  mean_busy: number;
  peak_concurrency: number;
  peak_environments: number;
  latency_ms: { p50: number; p90: number; p99: number; mean: number; max: number };
  cost: Bill;
  provisioned_executions: number;
  environments_reclaimed: number;
  environments_recycled: number;
  /** Async only: retried attempts, failed executions, events sent to the on-failure destination, events
   * waiting for a retry at the end, and the age of successfully processed events (arrival to completion). */
  async: {
    retries: number; errors: number; on_failure: number; queued_at_end: number; mean_event_age_s: number; max_event_age_s: number;
    /** Executions started (first attempts and retries), and the event's age when each started (queue to invoke). */
    attempts: number; event_age_ms: { p50: number; p90: number; p99: number; max: number };
  } | null;
  /** Erlang-B B(c, λ·E[S]) for the configured cap, as a reference (valid for constant-rate Poisson, static cap). */
  erlang_b_reference: number | null;
  /** Whole run (warmup included): arrivals = completed + throttled + dropped + in_flight. */
  conservation: { arrivals: number; completed: number; throttled: number; dropped: number; in_flight: number };
  sim_seconds: number;
  window_seconds: number;
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
  const odStarts = st.started - st.pcStarts;
  const cost = priceMonthly(
    {
      memoryMb: cfg.memoryMb, arch: cfg.arch, requests: st.started, durationMs: ratio(st.billedOdMs, odStarts), durationIsBilled: true,
      ephemeralMb: cfg.ephemeralMb, freeTier: false, pc: cfg.provisioned, pcHours: win / 3600, pcRequests: st.pcStarts,
      pcDurationMs: ratio(st.billedPcMs, st.pcStarts), coldStarts: st.coldStarts, initMs: ratio(st.billedInitMs, st.coldStarts),
      packaging: cfg.packaging, runtimeKind: cfg.pricing.runtimeKind, initBilling: cfg.pricing.initBilling,
    },
    cfg.pricing.rates,
  );
  const inFlight = cfg.invocation === 'async' ? s.asyncLive : s.busy;
  let erlang: number | null = null;
  if (cfg.traffic.kind === 'poisson' && cfg.invocation === 'sync' && !cfg.routing) {
    erlang = erlangB((cfg.reserved ?? cfg.concurrencyLimit), (cfg.traffic.rate * distMean(cfg.duration)) / 1000);
  }
  const h = st.latency;
  return {
    invocations: st.arrivals,
    executions: st.started,
    cold_starts: st.coldStarts,
    cold_start_ratio: ratio(st.coldStarts, st.started),
    throttles: st.throttles,
    throttle_ratio: ratio(st.throttles, st.attempts),
    scaling_throttles: st.scalingThrottles,
    mean_environments: ratio(st.envArea, win),
    mean_busy: ratio(st.busyArea, win),
    peak_concurrency: st.peakBusy,
    peak_environments: st.peakEnvs,
    latency_ms: { p50: quantile(h, 0.5), p90: quantile(h, 0.9), p99: quantile(h, 0.99), mean: ratio(h.sum, h.n), max: h.n ? h.max : 0 },
    cost,
    provisioned_executions: st.pcStarts,
    environments_reclaimed: st.reclaimed,
    environments_recycled: st.recycled,
    async: cfg.invocation === 'async'
      ? {
        retries: st.retries, errors: st.errors, on_failure: st.onFailure, queued_at_end: s.queued, mean_event_age_s: ratio(st.eventAgeSum, st.eventAgeN),
        max_event_age_s: st.eventAgeMax, attempts: st.started,
        event_age_ms: { p50: quantile(st.asyncAge, 0.5), p90: quantile(st.asyncAge, 0.9), p99: quantile(st.asyncAge, 0.99), max: st.asyncAge.n ? st.asyncAge.max : 0 },
      }
      : null,
    erlang_b_reference: erlang,
    conservation: { arrivals: s.totals.arrivals, completed: s.totals.completedFinal, throttled: s.totals.throttledSync, dropped: s.totals.dropped, in_flight: inFlight },
    sim_seconds: end,
    window_seconds: win,
    events: s.events,
    seed: cfg.seed,
    truncated: s.truncated,
    warnings: [...s.warnings],
  };
}
