import { US_EAST_1, type Arch, type Rates } from '../pricing/rates.ts';
import { durationAt, type TuneProfile } from './tuneDuration.ts';
import { invocationCost } from './tuneCost.ts';
import { pickIndex } from './pickStrategy.ts';
import { fitProfile } from './fitProfile.ts';
import type { TuneInput } from './validateTuneInput.ts';
import type { MeasuredPoint, PowerTuningResults } from './parsePowerTuning.ts';

/** One memory size, priced. `sim tune --json` prints these fields snake_case (`memory_mb`, `billed_ms`, …). */
export interface TunePoint {
  memoryMb: number;
  durationMs: number;
  /** duration rounded up to 1 ms */
  billedMs: number;
  /** duration at the architecture's first-tier rate plus the request price */
  costPerInvocationUsd: number;
  /** `requests` invocations in a month, tiers applied, no free tier */
  monthlyCostUsd: number;
}

export interface TuneFit {
  cpuShare: number;
  threads: number;
  threadsRange: [number, number];
  atMemoryMb: number;
  durationMs: number;
  cpuModel: string;
  rmsRelativeError: number;
  maxRelativeError: number;
}

export interface MeasuredRow {
  memoryMb: number;
  durationMs: number;
  /** Power Tuning's average cost (request price excluded), in `currency` */
  reportedCost: number;
  modelDurationMs: number;
  relativeError: number;
}

export interface TuneResult {
  arch: Arch;
  strategy: TuneInput['strategy'];
  balancedWeight: number;
  requests: number;
  /** 'model': durations from the profile; 'measured': Power Tuning's durations at its memory sizes */
  pointsSource: 'model' | 'measured';
  points: TunePoint[];
  cheapest: TunePoint;
  fastest: TunePoint;
  best: TunePoint;
  /** The profile the model used (given, or fitted) */
  profile: { durationMs: number; atMemoryMb: number; cpuShare: number; threads: number; cpuModel: string };
  fit?: TuneFit;
  measured?: MeasuredRow[];
  currency?: string;
  /** Power Tuning's own pick, when its JSON carried one */
  powerTuningPick?: { memoryMb: number; durationMs: number; cost: number };
}

/** Prices each memory size for one architecture at the given durations. */
export function pricePoints(sizes: readonly number[], durations: readonly number[], arch: Arch, requests: number, rates: Rates = US_EAST_1): TunePoint[] {
  return sizes.map((m, i) => {
    const c = invocationCost(m, durations[i]!, arch, requests, rates);
    return { memoryMb: m, durationMs: durations[i]!, billedMs: c.billedMs, costPerInvocationUsd: c.costPerInvocationUsd, monthlyCostUsd: c.monthlyCostUsd };
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
      cpuShare: fit.profile.cpuShare, threads: fit.profile.threads, threadsRange: fit.threadsRange, atMemoryMb: fit.profile.atMemoryMb,
      durationMs: fit.profile.durationMs, cpuModel: input.cpuModel, rmsRelativeError: fit.rmsRelativeError, maxRelativeError: fit.maxRelativeError,
    };
    rows = measured.points.map((p: MeasuredPoint) => {
      const model = durationAt(profile, p.memoryMb);
      return { memoryMb: p.memoryMb, durationMs: p.durationMs, reportedCost: p.costUsd, modelDurationMs: model, relativeError: (model - p.durationMs) / p.durationMs };
    });
    if (!useModelSizes) sizes = measured.points.map((p) => p.memoryMb);
  }
  if (measured && !useModelSizes) durations = measured.points.map((p) => p.durationMs);
  else durations = modelDurations(profile, sizes, input.arch, input.armDurationFactor);
  const points = pricePoints(sizes, durations, input.arch, input.requests, rates);
  const result: TuneResult = {
    arch: input.arch, strategy: input.strategy, balancedWeight: input.balancedWeight, requests: input.requests,
    pointsSource: measured && !useModelSizes ? 'measured' : 'model',
    points,
    cheapest: points[pickIndex(points, 'cost')]!,
    fastest: points[pickIndex(points, 'speed')]!,
    best: points[pickIndex(points, input.strategy, input.balancedWeight)]!,
    profile: { durationMs: profile.durationMs, atMemoryMb: profile.atMemoryMb, cpuShare: profile.cpuShare, threads: profile.threads, cpuModel: input.cpuModel },
  };
  if (fitOut) result.fit = fitOut;
  if (rows) result.measured = rows;
  if (measured) {
    result.currency = measured.currency;
    if (measured.reported) result.powerTuningPick = { memoryMb: measured.reported.memoryMb, durationMs: measured.reported.durationMs, cost: measured.reported.costUsd };
  }
  return result;
}
