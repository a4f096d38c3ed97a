import { US_EAST_1, type Arch, type Rates } from '../pricing/rates.ts';
import { durationAt, type TuneProfile } from './tuneDuration.ts';
import { invocationCost } from './tuneCost.ts';
import { pickIndex } from './pickStrategy.ts';
import { fitProfile } from './fitProfile.ts';
import type { TuneInput } from './validateTuneInput.ts';
import type { MeasuredPoint, PowerTuningResults } from './parsePowerTuning.ts';

/** One memory size, priced (the JSON fields of `sim tune --json`). */
export interface TunePoint {
  memory_mb: number;
  duration_ms: number;
  /** duration rounded up to 1 ms */
  billed_ms: number;
  /** duration at the architecture's first-tier rate plus the request price */
  cost_per_invocation_usd: number;
  /** `requests` invocations in a month, tiers applied, no free tier */
  monthly_cost_usd: number;
}

export interface TuneFit {
  cpu_share: number;
  threads: number;
  threads_range: [number, number];
  at_memory_mb: number;
  duration_ms: number;
  cpu_model: string;
  rms_relative_error: number;
  max_relative_error: number;
}

export interface MeasuredRow {
  memory_mb: number;
  duration_ms: number;
  /** Power Tuning's average cost (request price excluded), in `currency` */
  reported_cost: number;
  model_duration_ms: number;
  relative_error: number;
}

export interface TuneResult {
  arch: Arch;
  strategy: TuneInput['strategy'];
  balanced_weight: number;
  requests: number;
  /** 'model': durations from the profile; 'measured': Power Tuning's durations at its memory sizes */
  points_source: 'model' | 'measured';
  points: TunePoint[];
  cheapest: TunePoint;
  fastest: TunePoint;
  best: TunePoint;
  /** The profile the model used (given, or fitted) */
  profile: { duration_ms: number; at_memory_mb: number; cpu_share: number; threads: number; cpu_model: string };
  fit?: TuneFit;
  measured?: MeasuredRow[];
  currency?: string;
  /** Power Tuning's own pick, when its JSON carried one */
  power_tuning_pick?: { memory_mb: number; duration_ms: number; cost: number };
}

/** Prices each memory size for one architecture at the given durations. */
export function pricePoints(sizes: readonly number[], durations: readonly number[], arch: Arch, requests: number, rates: Rates = US_EAST_1): TunePoint[] {
  return sizes.map((m, i) => {
    const c = invocationCost(m, durations[i]!, arch, requests, rates);
    return { memory_mb: m, duration_ms: durations[i]!, billed_ms: c.billedMs, cost_per_invocation_usd: c.costPerInvocationUsd, monthly_cost_usd: c.monthlyCostUsd };
  });
}

/** Modelled durations at each size for an architecture (arm64 = x86_64 × `armDurationFactor`). */
export function modelDurations(profile: TuneProfile, sizes: readonly number[], arch: Arch, armDurationFactor = 1): number[] {
  const f = arch === 'arm64' ? armDurationFactor : 1;
  return sizes.map((m) => durationAt(profile, m) * f);
}

/**
 * The tuning answer. Without measurements: the profile in `input` at `input.memorySizes`. With Power
 * Tuning results: the model is fitted to them; the points are the measured ones (priced with our rates),
 * unless `useModelSizes` asks for the fitted model at `input.memorySizes` instead.
 */
export function evaluateTuning(input: TuneInput, measured?: PowerTuningResults, useModelSizes = false, rates: Rates = US_EAST_1): TuneResult {
  let profile: TuneProfile = input;
  let fitOut: TuneFit | undefined;
  let rows: MeasuredRow[] | undefined;
  let sizes = input.memorySizes;
  let durations: number[];
  if (measured) {
    const fit = fitProfile(measured.points, input.cpuModel);
    profile = fit.profile;
    fitOut = {
      cpu_share: fit.profile.cpuShare, threads: fit.profile.threads, threads_range: fit.threadsRange, at_memory_mb: fit.profile.atMemoryMb,
      duration_ms: fit.profile.durationMs, cpu_model: input.cpuModel, rms_relative_error: fit.rmsRelativeError, max_relative_error: fit.maxRelativeError,
    };
    rows = measured.points.map((p: MeasuredPoint) => {
      const model = durationAt(profile, p.memoryMb);
      return { memory_mb: p.memoryMb, duration_ms: p.durationMs, reported_cost: p.costUsd, model_duration_ms: model, relative_error: (model - p.durationMs) / p.durationMs };
    });
    if (!useModelSizes) sizes = measured.points.map((p) => p.memoryMb);
  }
  if (measured && !useModelSizes) durations = measured.points.map((p) => p.durationMs);
  else durations = modelDurations(profile, sizes, input.arch, input.armDurationFactor);
  const points = pricePoints(sizes, durations, input.arch, input.requests, rates);
  const result: TuneResult = {
    arch: input.arch, strategy: input.strategy, balanced_weight: input.balancedWeight, requests: input.requests,
    points_source: measured && !useModelSizes ? 'measured' : 'model',
    points,
    cheapest: points[pickIndex(points, 'cost')]!,
    fastest: points[pickIndex(points, 'speed')]!,
    best: points[pickIndex(points, input.strategy, input.balancedWeight)]!,
    profile: { duration_ms: profile.durationMs, at_memory_mb: profile.atMemoryMb, cpu_share: profile.cpuShare, threads: profile.threads, cpu_model: input.cpuModel },
  };
  if (fitOut) result.fit = fitOut;
  if (rows) result.measured = rows;
  if (measured) {
    result.currency = measured.currency;
    if (measured.reported) result.power_tuning_pick = { memory_mb: measured.reported.memoryMb, duration_ms: measured.reported.durationMs, cost: measured.reported.costUsd };
  }
  return result;
}
