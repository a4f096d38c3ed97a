import type { Dist } from '../dist/types.ts';
import { distMean } from '../dist/sampleDist.ts';
import { defaultInitDist, DEFAULT_RUNTIME, runtimeKindOf } from '../constants/initDurations.ts';
import { DEFAULT_IDLE_TIMEOUT_S, MIN_UNRESERVED_CONCURRENCY, SCALING_BUCKET, SCALING_REFILL_PER_S } from '../constants/limits.ts';
import { MAX_SIM_SECONDS } from '../engine/simRules.ts';
import { priceMonthly } from '../pricing/priceMonthly.ts';
import { US_EAST_1, type Arch } from '../pricing/rates.ts';
import { isoFromUnix } from '../import/civilTime.ts';
import { formatNumber } from '../format/index.ts';
import { choosePcSchedule } from './choosePcSchedule.ts';
import { fitLognormal } from './fitLognormal.ts';
import { periodModel, scaledMeans, type PeriodModel } from './periodModel.ts';
import { HOURS_PER_MONTH } from './planRules.ts';
import type { PlanInput, PlanOption, PlanOptionKey, PlanResult } from './planTypes.ts';

const nan = (x: number) => (Number.isFinite(x) ? x : NaN);

/**
 * Candidate levels: the given list (sorted, unique, with 0), or `count` levels from 0 to ⌈peak⌉, none
 * above `max` (the account limit less the concurrency that must stay unreserved).
 */
export function candidateLevels(given: readonly number[] | null, count: number, peak: number, max = Infinity): number[] {
  const top = Math.min(Math.ceil(peak), max);
  const raw = given ?? Array.from({ length: count }, (_, i) => (count === 1 ? 0 : Math.round((i * top) / (count - 1))));
  return [...new Set([0, ...raw.filter((x) => x <= max)])].sort((a, b) => a - b);
}

/** Per-period durations fitted to the statistics (see fitLognormal.ts), for the replay. */
export function periodDists(input: Pick<PlanInput, 'table' | 'durationSigma'>): Dist[] {
  const t = input.table;
  const at = (c: Float64Array | null, k: number) => (c ? nan(c[k]!) : NaN);
  return Array.from({ length: t.periods }, (_, k) => fitLognormal(t.durationAvgMs[k]!, at(t.durationP50Ms, k), at(t.durationP90Ms, k), at(t.durationP99Ms, k), input.durationSigma));
}

/**
 * Plans from imported metrics: checks the model against what was observed, then prices on-demand x86_64
 * and arm64, and provisioned concurrency at one level and on an hourly schedule (24 levels, the shape of
 * Application Auto Scaling scheduled actions), chosen to cost least with cold starts within the target.
 *
 * One code path for the numbers: every figure of the plan (peaks, cold starts, throttles, the scaling-rate
 * minutes and every option's cost) comes from the per-period model (`periodModel`), so the page (which
 * ships no engine) and the CLI give the same plan for the same file. The model's cost is linear in each
 * hour's level (first-tier duration rate, no free tier), so the schedule search is exact; the chosen
 * options are then priced in full by `priceMonthly` (tiers and free tier as asked).
 *
 * `input.replay` (the CLI's `--replay-check`) replays every invocation through the engine, up to
 * `fullReplayMaxInvocations` and 31 days, only to check the model: its figures are reported beside the
 * model's in `replayCheck` and change nothing else.
 */
export function planTraffic(input: PlanInput): PlanResult {
  const t = input.table;
  const P = t.periodS;
  const spanS = t.periods * P;
  const warnings = [...t.warnings];
  let invocations = 0;
  for (let k = 0; k < t.periods; k++) invocations += t.invocations[k]!;
  const runtime = input.runtime ?? DEFAULT_RUNTIME;
  const gb = input.memoryMb / 1024;
  const idle = DEFAULT_IDLE_TIMEOUT_S;
  const cap = input.concurrencyLimit;

  // 1. The model: peaks first (to place the automatic levels), then every level.
  const means = scaledMeans(t, 1);
  let peakMax = 0;
  const first = periodModel(t, means, [0], idle, cap, [], false);
  for (let k = 0; k < t.periods; k++) peakMax = Math.max(peakMax, first.peak[k]!);
  const maxLevel = cap - MIN_UNRESERVED_CONCURRENCY;
  const levels = candidateLevels(input.pcLevels, input.pcLevelCount, peakMax, maxLevel);
  if (input.pcLevels?.some((x) => x > maxLevel)) warnings.push(`provisioned levels above ${maxLevel} were left out: ${MIN_UNRESERVED_CONCURRENCY} of the account limit of ${cap} must stay unreserved`);
  const reservedLevels = [...new Set([0.25, 0.5, 0.75, 0.9, 1].map((f) => Math.max(1, Math.round(f * peakMax))))];
  const model: PeriodModel = periodModel(t, means, levels, idle, cap, reservedLevels);

  // 2. Throttles: the account cap by Erlang-B (in the model); the scaling rate (a token bucket) against
  // the model's new environments per period.
  const simPeak = model.peak;
  const simCold = model.cold0;
  const simThrottles = model.capThrottled;
  const scalingPeriods: number[] = [];
  let tokens: number = SCALING_BUCKET;
  for (let k = 0; k < t.periods; k++) {
    tokens = Math.min(SCALING_BUCKET, tokens + SCALING_REFILL_PER_S * P);
    const need = model.cold0[k]!;
    if (need > tokens + 1e-9) scalingPeriods.push(k);
    tokens = Math.max(0, tokens - need);
  }
  let peakConcurrency = 0;
  let coldStarts = 0;
  for (let k = 0; k < t.periods; k++) {
    peakConcurrency = Math.max(peakConcurrency, simPeak[k]!);
    coldStarts += simCold[k]!;
  }

  // The optional full replay, as a check of the model only.
  let replayCheck: PlanResult['replayCheck'] = null;
  let cancelled = false;
  if (input.replay) {
    if (invocations <= input.fullReplayMaxInvocations && spanS <= MAX_SIM_SECONDS) {
      const r = input.replay(t, periodDists(input), {
        memoryMb: input.memoryMb, arch: input.arch, seed: input.seed, runtime, concurrencyLimit: cap,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
      cancelled = r.cancelled;
      let e = 0;
      let cnt = 0;
      let scaling = 0;
      for (let k = 0; k < t.periods; k++) {
        if (r.peak[k]! > 0) {
          e += Math.abs(simPeak[k]! - r.peak[k]!) / r.peak[k]!;
          cnt++;
        }
        if (r.scalingThrottles[k]! > 0) scaling++;
      }
      replayCheck = {
        peakConcurrency: r.summary.peakConcurrency, coldStarts: r.summary.coldStarts, throttles: r.summary.throttles,
        scalingThrottledPeriods: scaling, peakErrorMean: cnt ? e / cnt : 0, cancelled: r.cancelled,
      };
    } else warnings.push(`the replay check was skipped: it replays at most ${formatNumber(input.fullReplayMaxInvocations)} invocations over at most ${formatNumber(MAX_SIM_SECONDS / 86400)} days, and this import has ${formatNumber(invocations)} over ${formatNumber(spanS / 86400, 1)}`);
  }
  if (!input.replay || !replayCheck) input.onProgress?.(1);

  // 3. Check against the data.
  let concurrencyError: PlanResult['concurrencyError'] = null;
  if (t.concurrencyMax) {
    let sum = 0;
    let max = 0;
    let cnt = 0;
    for (let k = 0; k < t.periods; k++) {
      const o = t.concurrencyMax[k]!;
      if (!(o > 0)) continue;
      const e = Math.abs(simPeak[k]! - o) / o;
      sum += e;
      max = Math.max(max, e);
      cnt++;
    }
    if (cnt) concurrencyError = { mean: sum / cnt, max, periods: cnt };
  }
  let throttleCheck: PlanResult['throttleCheck'] = null;
  if (t.throttles) {
    let o = 0;
    let s = 0;
    for (let k = 0; k < t.periods; k++) {
      if (Number.isFinite(t.throttles[k]!)) o += t.throttles[k]!;
      s += simThrottles[k]!;
    }
    throttleCheck = { observed: o, simulated: s };
    if (o > 0 && s === 0) warnings.push(`the data shows ${o} throttles that the model does not: the account may run other functions, or a reserved concurrency was set`);
  }

  // 4. Options.
  const initDist = (arch: Arch) => defaultInitDist(runtime, 'zip', arch);
  const initMs = (arch: Arch) => distMean(initDist(arch));
  const rates = US_EAST_1;
  const tier1 = (arch: Arch) => rates[arch].durationTiers[0]!.usdPerGbs;
  const scale = (HOURS_PER_MONTH * 3600) / spanS;
  const price = (arch: Arch, odMs: number, pcReq: number, pcMs: number, cold: number, levelSeconds: number): PlanOption => {
    const odReq = invocations - pcReq;
    const bill = (f: number) => priceMonthly({
      memoryMb: input.memoryMb, arch, requests: invocations * f, durationMs: odReq > 0 ? odMs / odReq : 0, durationIsBilled: true,
      freeTier: input.freeTier, pc: levelSeconds > 0 ? 1 : 0, pcHours: (levelSeconds * f) / 3600, pcRequests: pcReq * f,
      pcDurationMs: pcReq > 0 ? pcMs / pcReq : 0, coldStarts: cold * f, initMs: initMs(arch), packaging: 'zip', runtimeKind: runtimeKindOf(runtime),
    }, rates);
    const b = bill(1);
    const mb = bill(scale);
    return { costUsd: b.totalUsd, monthlyUsd: mb.totalUsd, bill: b, monthlyBill: mb, coldStarts: cold };
  };
  let odMs = 0;
  for (let h = 0; h < 24; h++) odMs += model.odMs[h]![0]!;
  const options = {} as Record<PlanOptionKey, PlanOption>;
  const other: Arch = input.arch === 'x86_64' ? 'arm64' : 'x86_64';
  // arm64 = factor × x86_64 duration; the measured architecture keeps the measured durations
  const toOther = input.arch === 'x86_64' ? input.armSpeedFactor : 1 / input.armSpeedFactor;
  options[`on_demand_${input.arch}`] = price(input.arch, odMs, 0, 0, coldStarts, 0);
  options[`on_demand_${other}`] = price(other, odMs * toOther + (0.5 - 0.5 * toOther) * invocations, 0, 0, coldStarts, 0);

  // Linear cost of level i in hour h (requests are the same for every choice, so left out).
  const initBilled = true; // zip on a managed runtime since 2025-08-01, and always for custom runtimes
  const a = rates[input.arch];
  const costOf = (h: number, i: number) =>
    levels[i]! * model.seconds[h]! * gb * a.pcUsdPerGbs +
    (model.pcMs[h]![i]! / 1000) * gb * a.pcDurationUsdPerGbs +
    (model.odMs[h]![i]! / 1000) * gb * tier1(input.arch) +
    (initBilled ? (model.cold[h]![i]! * initMs(input.arch) * gb * tier1(input.arch)) / 1000 : 0);
  const costH = Array.from({ length: 24 }, (_, h) => Float64Array.from(levels, (_, i) => costOf(h, i)));
  const budget = (input.coldStartTargetPct / 100) * invocations;
  // fixed: one level all day
  let fixed = -1;
  let fewest = 0;
  const totals = levels.map((_, i) => {
    let c = 0;
    let cold = 0;
    for (let h = 0; h < 24; h++) {
      c += costH[h]![i]!;
      cold += model.cold[h]![i]!;
    }
    return { c, cold };
  });
  for (let i = 0; i < levels.length; i++) {
    if (totals[i]!.cold < totals[fewest]!.cold) fewest = i;
    if (totals[i]!.cold <= budget + 1e-9 && (fixed < 0 || totals[i]!.c < totals[fixed]!.c)) fixed = i;
  }
  const fixedMet = fixed >= 0;
  if (!fixedMet) fixed = fewest;
  const sched = choosePcSchedule(costH, model.cold, budget);
  const option = (choice: (h: number) => number): PlanOption => {
    let pcReq = 0;
    let pcMs = 0;
    let od = 0;
    let cold = 0;
    let lvlS = 0;
    for (let h = 0; h < 24; h++) {
      const i = choice(h);
      pcReq += model.pcReq[h]![i]!;
      pcMs += model.pcMs[h]![i]!;
      od += model.odMs[h]![i]!;
      cold += model.cold[h]![i]!;
      lvlS += levels[i]! * model.seconds[h]!;
    }
    return price(input.arch, od, pcReq, pcMs, cold, lvlS);
  };
  options.provisioned_fixed = option(() => fixed);
  options.provisioned_schedule = option((h) => sched.choice[h]!);
  if (!fixedMet) warnings.push(`no single provisioned level among ${levels.join(', ')} meets the cold-start target of ${input.coldStartTargetPct}%; the level with the fewest cold starts is shown`);
  if (!sched.met) warnings.push(`no hourly schedule over ${levels.join(', ')} meets the cold-start target of ${input.coldStartTargetPct}%; the schedule with the fewest cold starts is shown`);
  if (P > 3600) warnings.push(`periods of ${P} s are longer than an hour: every hour of a period gets the level of the hour it starts in`);

  const fitText = t.durationP50Ms || t.durationP90Ms || t.durationP99Ms
    ? 'lognormal per period: mean kept exactly, σ averaged from the percentiles present (ln(p90/p50)/1.2816, ln(p99/p50)/2.3263, √(2·ln(mean/p50)))'
    : `lognormal per period: mean kept exactly, σ = ${input.durationSigma} (no percentiles in the export; a model choice)`;
  return {
    periods: t.periods, periodS: P, startS: t.startS, invocations, replayCheck,
    simPeak, simColdStarts: simCold, simThrottles, observedPeak: t.concurrencyMax, observedThrottles: t.throttles,
    peakConcurrency, coldStarts, concurrencyError, throttleCheck, options, pcLevels: levels,
    pcFixedLevel: levels[fixed]!, pcSchedule: sched.choice.map((i) => levels[i]!), targetMet: { fixed: fixedMet, schedule: sched.met },
    scheduleExact: sched.exact,
    reserved: reservedLevels.map((level, r) => ({ level, throttled: model.reservedThrottled[r]! })),
    throttledMinutes: scalingPeriods.map((k) => isoFromUnix(t.startS + k * P)),
    fit: fitText, warnings, cancelled,
  };
}
