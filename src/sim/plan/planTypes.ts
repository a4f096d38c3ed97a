import type { Bill } from '../pricing/types.ts';
import type { Arch } from '../pricing/rates.ts';
import type { MetricsTable } from '../import/types.ts';
import type { replayMetrics } from './replayMetrics.ts';

export type PlanOptionKey = 'on_demand_x86_64' | 'on_demand_arm64' | 'provisioned_fixed' | 'provisioned_schedule';
export const PLAN_OPTIONS: readonly PlanOptionKey[] = ['on_demand_x86_64', 'on_demand_arm64', 'provisioned_fixed', 'provisioned_schedule'];

/** What `planTraffic` needs besides the metrics (defaults in PLAN_RULES). */
export interface PlanInput {
  table: MetricsTable;
  memoryMb: number;
  /** The architecture the metrics were measured on; the provisioned options keep it. */
  arch: Arch;
  armSpeedFactor: number;
  /** Account concurrency limit (the cap when no reserved concurrency is set). */
  concurrencyLimit: number;
  coldStartTargetPct: number;
  /** Candidate provisioned levels; null → `pcLevelCount` levels from 0 to the peak. */
  pcLevels: number[] | null;
  pcLevelCount: number;
  freeTier: boolean;
  seed: number;
  durationSigma: number;
  fullReplayMaxInvocations: number;
  runtime?: string;
  /**
   * A full replay (`replayMetrics`) to check the model, run up to `fullReplayMaxInvocations`. It never
   * changes the plan's numbers (the model gives them, in every shell), so the page and the CLI agree.
   * Passed in rather than imported so a shell without it (the browser widget) does not bundle the engine.
   */
  replay?: typeof replayMetrics;
  /** Share done (0–1); return true to stop. */
  onProgress?: (fraction: number) => boolean | void;
}

/** A full replay of every invocation through the engine, run to check the model (not for the plan). */
export interface ReplayCheck {
  peakConcurrency: number;
  coldStarts: number;
  throttles: number;
  /** Periods in which the replay's scaling-rate bucket ran dry. */
  scalingThrottledPeriods: number;
  /** Mean |model − replay| / replay per-period peak, over periods where the replay's peak is above 0. */
  peakErrorMean: number;
  cancelled: boolean;
}

export interface PlanOption {
  /** The imported span priced as one billing period (free tier per the input). */
  costUsd: number;
  /** Usage scaled to a 730-hour month. */
  monthlyUsd: number;
  bill: Bill;
  monthlyBill: Bill;
  coldStarts: number;
}

/**
 * A plan: the check of the model against the data, then the options. Per-period columns have one entry
 * per imported period. Counts from the per-period model are expectations (not integers).
 */
export interface PlanResult {
  periods: number;
  periodS: number;
  startS: number;
  invocations: number;
  /** The full replay's figures beside the model's, when a replay check was asked for and affordable. */
  replayCheck: ReplayCheck | null;
  simPeak: Float64Array;
  simColdStarts: Float64Array;
  simThrottles: Float64Array;
  observedPeak: Float64Array | null;
  observedThrottles: Float64Array | null;
  peakConcurrency: number;
  coldStarts: number;
  /** Mean and largest |simulated − observed| / observed peak over periods with an observed peak > 0. */
  concurrencyError: { mean: number; max: number; periods: number } | null;
  throttleCheck: { observed: number; simulated: number } | null;
  options: Record<PlanOptionKey, PlanOption>;
  pcLevels: number[];
  pcFixedLevel: number;
  pcSchedule: number[];
  targetMet: { fixed: boolean; schedule: boolean };
  scheduleExact: boolean;
  /** Reserved concurrency values and the invocations each would have throttled (Erlang-B per period). */
  reserved: { level: number; throttled: number }[];
  /**
   * Where the scaling rate throttles: the ISO start of each period in which it does. With 60-s periods
   * these are the minutes; with longer ones the data cannot say which minute inside, so each such
   * period is listed once, by its first minute.
   */
  throttledMinutes: string[];
  fit: string;
  warnings: string[];
  cancelled: boolean;
}
