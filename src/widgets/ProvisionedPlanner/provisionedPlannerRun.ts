/**
 * The planner's engine runs (imported by the worker and at build time; never by the page bundle): one
 * simulated day per provisioned level, the same seed for each level.
 */
import { priceMonthly, runScenario, US_EAST_1 } from '~/sim';
import type { Rates, SimConfig } from '~/sim';
import type { Progress } from '../shared/workerProtocol.ts';
import type { PlannerState } from './provisionedPlannerState.ts';
import { analyticPlan, breakEven, dailyTraffic, planLevels, DAY_S, DAYS_PER_MONTH, WARMUP_S, type LevelResult, type PlanResult } from './provisionedPlannerAnalytic.ts';

/** The engine configuration for one level (exported for tests and the CLI-minded reader). */
export function simConfig(s: PlannerState, pc: number): SimConfig {
  return {
    traffic: dailyTraffic(s),
    duration: { kind: 'exp', meanMs: s.durationMs },
    runtime: s.runtime,
    memoryMb: s.memoryMb,
    arch: s.arch,
    idleTimeoutS: s.idleTimeoutS,
    provisioned: pc,
    simSeconds: DAY_S + WARMUP_S,
    warmupS: WARMUP_S,
    seed: s.seed,
  };
}

/** One simulated day at provisioned level `pc`, scaled to a month and priced with the monthly tiers. */
export function simulateLevel(s: PlannerState, pc: number, onFraction?: (f: number) => void, rates: Rates = US_EAST_1): LevelResult {
  const r = runScenario(simConfig(s, pc), onFraction ? { onProgress: (p) => onFraction(p.fraction ?? 0), progressEverySeconds: 3600 } : {});
  const sum = r.summary;
  const c = sum.cost;
  const gb = s.memoryMb / 1024;
  const m = DAYS_PER_MONTH;
  const pcDurationMs = c.pcRequests > 0 ? (c.pcDurationGbS * 1000) / (c.pcRequests * gb) : 0;
  const initMs = c.initBilled && sum.coldStarts > 0 ? (c.initGbS * 1000) / (sum.coldStarts * gb) : 0;
  const bill = priceMonthly(
    {
      memoryMb: s.memoryMb, arch: s.arch, requests: c.requests * m, durationMs: c.billedDurationMs, durationIsBilled: true, freeTier: false,
      pc, pcHours: m * 24, pcRequests: c.pcRequests * m, pcDurationMs, coldStarts: sum.coldStarts * m, initMs,
    },
    rates,
  );
  return {
    pc,
    monthlyUsd: bill.totalUsd,
    coldStarts: sum.coldStarts * m,
    requests: c.requests * m,
    pcRequests: c.pcRequests * m,
    day: sum,
    pcUtilisation: pc > 0 ? (c.pcDurationGbS / gb) / (pc * DAY_S) : 0,
    bill,
  };
}

/** Everything the widget shows. `progress(done, total)` counts levels (fractional within a level). */
export function runPlan(s: PlannerState, progress: Progress = () => {}): PlanResult {
  const levels = planLevels(s);
  const n = levels.length;
  const sim = levels.map((p, i) => {
    const r = simulateLevel(s, p, (f) => progress(i + f, n));
    progress(i + 1, n);
    return r;
  });
  return { levels, sim, analytic: analyticPlan(s, levels), breakEven: breakEven(s.arch), seed: s.seed };
}
