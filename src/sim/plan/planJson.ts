import { isoFromUnix } from '../import/civilTime.ts';
import { PLAN_OPTIONS, type PlanOptionKey, type PlanResult } from './planTypes.ts';

/** The `plan --json` document (snake_case). Counts from the model are rounded to whole invocations. */
export interface PlanJson {
  periods: number;
  period_s: number;
  invocations: number;
  peak_concurrency: number;
  cold_starts: number;
  /** Mean |simulated − observed| / observed per-period peak concurrency; null when nothing was observed. */
  concurrency_error: number | null;
  cost_usd: Record<PlanOptionKey, number>;
  monthly_usd: Record<PlanOptionKey, number>;
  pc_fixed_level: number;
  pc_schedule: number[];
  throttled_minutes: string[];
  details: {
    start: string;
    duration_fit: string;
    concurrency_error_max: number | null;
    throttles_observed: number | null;
    throttles_simulated: number | null;
    cold_starts_by_option: Record<PlanOptionKey, number>;
    target_met: { fixed: boolean; schedule: boolean };
    pc_levels_tried: number[];
    reserved_throttled: { reserved: number; throttled_invocations: number }[];
    warnings: string[];
    /** With `--replay-check`: the full replay's figures beside the model's (the plan is the model's). */
    replay_check: {
      peak_concurrency: number;
      cold_starts: number;
      throttles: number;
      scaling_throttled_periods: number;
      per_period_peak_error: number;
    } | null;
  };
}

const byOption = (f: (k: PlanOptionKey) => number) => Object.fromEntries(PLAN_OPTIONS.map((k) => [k, f(k)])) as Record<PlanOptionKey, number>;

export function planJson(r: PlanResult): PlanJson {
  return {
    periods: r.periods,
    period_s: r.periodS,
    invocations: r.invocations,
    peak_concurrency: Math.round(r.peakConcurrency),
    cold_starts: Math.round(r.coldStarts),
    concurrency_error: r.concurrencyError ? r.concurrencyError.mean : null,
    cost_usd: byOption((k) => r.options[k].costUsd),
    monthly_usd: byOption((k) => r.options[k].monthlyUsd),
    pc_fixed_level: r.pcFixedLevel,
    pc_schedule: r.pcSchedule,
    throttled_minutes: r.throttledMinutes,
    details: {
      start: isoFromUnix(r.startS),
      duration_fit: r.fit,
      concurrency_error_max: r.concurrencyError ? r.concurrencyError.max : null,
      throttles_observed: r.throttleCheck ? r.throttleCheck.observed : null,
      throttles_simulated: r.throttleCheck ? Math.round(r.throttleCheck.simulated) : null,
      cold_starts_by_option: byOption((k) => Math.round(r.options[k].coldStarts)),
      target_met: r.targetMet,
      pc_levels_tried: r.pcLevels,
      reserved_throttled: r.reserved.map((x) => ({ reserved: x.level, throttled_invocations: Math.round(x.throttled) })),
      warnings: r.warnings,
      replay_check: r.replayCheck
        ? {
          peak_concurrency: r.replayCheck.peakConcurrency, cold_starts: r.replayCheck.coldStarts, throttles: r.replayCheck.throttles,
          scaling_throttled_periods: r.replayCheck.scalingThrottledPeriods, per_period_peak_error: r.replayCheck.peakErrorMean,
        }
        : null,
    },
  };
}
