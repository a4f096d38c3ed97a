/**
 * The planner's closed forms, cheap enough for the page (the element draws them at once, before the
 * worker's engine runs arrive).
 *
 *   planLevels(state)        → the PC levels to compare (0 … a bit above the peak concurrency; ≤ 9 levels)
 *   breakEven(arch)          → the utilisation above which a provisioned environment is cheaper, from the rates
 *   analyticPlan(state, ps)  → expected monthly cost per level and the busy share of the k-th environment
 *                              (Erlang-B over the day: instant; no cold starts, no INIT)
 *   (provisionedPlannerRun.ts holds the engine runs: simulateLevel, runPlan — kept apart so the page
 *   bundle does not carry the engine; only the worker does.)
 *
 * Month = 30 days: a simulated day (after a 1-hour warm-up, so the day starts with the environments the
 * previous night left) × 30, priced with `priceMonthly` (monthly tiers apply to the month). The free tier
 * is left out: AWS does not apply it to functions that use provisioned concurrency.
 */
import { DEFAULT_ACCOUNT_CONCURRENCY, MIN_UNRESERVED_CONCURRENCY, priceMonthly, US_EAST_1 } from '~/sim';
import type { Arch, Bill, Rates, Summary, Traffic } from '~/sim';
import type { PlannerState } from './provisionedPlannerState.ts';

/** Largest provisioned level the engine accepts under the default account limit (same as the schema's `pc.max`). */
const MAX_PROVISIONED = DEFAULT_ACCOUNT_CONCURRENCY - MIN_UNRESERVED_CONCURRENCY;

export const DAYS_PER_MONTH = 30;
export const DAY_S = 86_400;
export const WARMUP_S = 3600;
export const MAX_LEVELS = 9;
export const MIN_LEVELS = 4;
/** Invocations a plan may simulate before it uses fewer levels (≈ 10–20 s in a worker). */
export const PLAN_INVOCATION_BUDGET = 20e6;
/**
 * Engine speed for this kind of run (low-rate diurnal traffic, idle reclaims) measured on this project's
 * 2-core machines: about 1.2–1.7 M invocations per wall-clock second; the lower figure errs toward the worker.
 */
export const ENGINE_INVOCATIONS_PER_S = 1.2e6;

/** The core's diurnal traffic for a trough/peak pair: mean·(1 + amplitude·cos(2π(t − peak)/day)). */
export function dailyTraffic(s: PlannerState): Traffic {
  const mean = (s.peakRate + s.troughRate) / 2;
  const amplitude = mean > 0 ? (s.peakRate - s.troughRate) / (s.peakRate + s.troughRate) : 0;
  // The warm-up hour is simulated before the statistics window: shift so the peak lands at peakHour of the window.
  return { kind: 'diurnal', meanRate: mean, amplitude, periodS: DAY_S, peakAtS: s.peakHour * 3600 + WARMUP_S };
}

/** Rate at time t (s) of the day, from the same formula. */
export function rateAt(s: PlannerState, t: number): number {
  const mean = (s.peakRate + s.troughRate) / 2;
  const amp = mean > 0 ? (s.peakRate - s.troughRate) / (s.peakRate + s.troughRate) : 0;
  return mean * (1 + amp * Math.cos((2 * Math.PI * (t - s.peakHour * 3600)) / DAY_S));
}

/** Peak offered load (Erlangs = busy environments on average at the peak): peak rate × mean duration. */
export const peakLoad = (s: PlannerState) => (s.peakRate * s.durationMs) / 1000;

/**
 * PC levels to compare: 0 … max(reader's level, peak load + 4√load + 2) — far enough into the rare
 * concurrency peaks that cold starts visibly fall — capped at the largest allowed provisioned level;
 * evenly spaced, the top and the reader's level included. MAX_LEVELS of them, fewer (down to
 * MIN_LEVELS) when a day of traffic is large, to keep the plan within PLAN_INVOCATION_BUDGET.
 */
export function planLevels(s: PlannerState): number[] {
  const a = peakLoad(s);
  const top = Math.min(MAX_PROVISIONED, Math.max(s.pc, Math.ceil(a + 4 * Math.sqrt(a) + 2)));
  const perLevel = ((s.peakRate + s.troughRate) / 2) * (DAY_S + WARMUP_S);
  const count = Math.max(MIN_LEVELS, Math.min(MAX_LEVELS, Math.floor(PLAN_INVOCATION_BUDGET / Math.max(1, perLevel))));
  const step = Math.max(1, Math.ceil((top + 1) / count));
  const out = new Set<number>();
  for (let p = 0; p <= top; p += step) out.add(p);
  out.add(top);
  out.add(s.pc);
  return [...out].sort((x, y) => x - y);
}

export interface BreakEven {
  arch: Arch;
  pcUsdPerGbs: number;
  pcDurationUsdPerGbs: number;
  onDemandUsdPerGbs: number;
  /** pc / (onDemand − pcDuration): a provisioned environment busy more than this share is cheaper. */
  utilisation: number;
}

/**
 * Per GB-s of capacity, an always-on provisioned environment busy a share u of the time costs
 * pc + u·pcDuration; the same work on demand costs u·onDemand (first-tier rate). Equal at
 * u* = pc / (onDemand − pcDuration). Requests cost the same either way; INIT of on-demand cold starts
 * (billed since 2025-08-01) tilts it slightly further toward provisioned.
 */
export function breakEven(arch: Arch, rates: Rates = US_EAST_1): BreakEven {
  const r = rates[arch];
  const od = r.durationTiers[0]!.usdPerGbs;
  return { arch, pcUsdPerGbs: r.pcUsdPerGbs, pcDurationUsdPerGbs: r.pcDurationUsdPerGbs, onDemandUsdPerGbs: od, utilisation: r.pcUsdPerGbs / (od - r.pcDurationUsdPerGbs) };
}

export interface AnalyticPlan {
  levels: number[];
  /** Expected monthly cost per level (no cold starts, so no INIT). */
  monthlyUsd: number[];
  /** Expected share of requests served by provisioned environments, per level. */
  pcShare: number[];
  /** busyShare[k-1]: share of the day the k-th provisioned environment is busy (k = 1 … max level + 1). */
  busyShare: number[];
  /** Largest k whose k-th environment is busy at least the break-even share (the cheapest level). */
  cheapestLevel: number;
}

const SLICES = 288; // 5-minute slices of the day

/**
 * Expected cost per level. Requests go to a free provisioned environment first; the provisioned ones then
 * form an Erlang loss system, so a share B(p, a) of requests spills to on-demand (insensitive to the
 * duration law; quasi-static over 5-minute slices, fine when durations are much shorter than that). The
 * k-th provisioned environment is busy a·(B(k−1, a) − B(k, a)) of the time (ordered hunting).
 */
export function analyticPlan(s: PlannerState, levels: number[], rates: Rates = US_EAST_1): AnalyticPlan {
  const maxK = Math.max(...levels, 0) + 1;
  const dt = DAY_S / SLICES;
  let dayRequests = 0;
  const pcReq = new Array<number>(levels.length).fill(0);
  const busy = new Array<number>(maxK).fill(0);
  for (let i = 0; i < SLICES; i++) {
    const lam = rateAt(s, (i + 0.5) * dt);
    const a = (lam * s.durationMs) / 1000;
    dayRequests += lam * dt;
    const b: number[] = [1];
    // b[k] = B(k, a) by the same recursion as src/sim/stats/erlangB.ts (all k at once; tests compare them)
    for (let k = 1; k <= maxK; k++) b.push((a * b[k - 1]!) / (k + a * b[k - 1]!));
    levels.forEach((p, j) => (pcReq[j]! += lam * dt * (1 - b[p]!)));
    for (let k = 1; k <= maxK; k++) busy[k - 1]! += (a * (b[k - 1]! - b[k]!)) / SLICES;
  }
  const be = breakEven(s.arch, rates);
  let cheapestLevel = 0;
  while (cheapestLevel < busy.length && busy[cheapestLevel]! >= be.utilisation) cheapestLevel++;
  const monthlyUsd = levels.map((p, j) => {
    const requests = Math.round(dayRequests * DAYS_PER_MONTH);
    const pcRequests = Math.min(requests, Math.round(pcReq[j]! * DAYS_PER_MONTH));
    return priceMonthly(
      { memoryMb: s.memoryMb, arch: s.arch, requests, durationMs: s.durationMs, durationIsBilled: true, freeTier: false, pc: p, pcHours: DAYS_PER_MONTH * 24, pcRequests, pcDurationMs: s.durationMs },
      rates,
    ).totalUsd;
  });
  return { levels, monthlyUsd, pcShare: levels.map((_, j) => (dayRequests > 0 ? pcReq[j]! / dayRequests : 0)), busyShare: busy, cheapestLevel };
}

export interface LevelResult {
  pc: number;
  /** Per month (a simulated day × 30). */
  monthlyUsd: number;
  coldStarts: number;
  requests: number;
  pcRequests: number;
  /** The simulated day, as the engine summarised it (names as the core gives them). */
  day: Summary;
  /** Share of the provisioned GB-s that did work. */
  pcUtilisation: number;
  bill: Bill;
}

export interface PlanResult {
  levels: number[];
  sim: LevelResult[];
  analytic: AnalyticPlan;
  breakEven: BreakEven;
  seed: number;
  /** Wall-clock ms of the engine runs (set by the caller that timed it). */
  ms?: number;
}

/** Invocations the engine will simulate for this plan (all levels, warm-up included). */
export function planInvocations(s: PlannerState): number {
  return ((s.peakRate + s.troughRate) / 2) * (DAY_S + WARMUP_S) * planLevels(s).length;
}

export const estimatePlanMs = (s: PlannerState) => (planInvocations(s) / ENGINE_INVOCATIONS_PER_S) * 1000;

