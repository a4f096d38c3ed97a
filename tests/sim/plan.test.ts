import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  choosePcSchedule, distMean, fitLognormal, periodDists, periodModel, planTraffic, priceMonthly, replayMetrics, defaultInitDist,
  PLAN_RULES, defaultsOf, US_EAST_1, createRng, nextFloat, type MetricsTable, type PlanInput,
} from '~/sim/index.ts';

/** A table of per-period counts with one mean duration (and p50 = 0.88·mean, a lognormal of σ ≈ 0.5). */
function table(counts: number[], meanMs: number, periodS = 60, startS = 0): MetricsTable {
  const n = counts.length;
  return {
    periodS, startS, periods: n, invocations: Float64Array.from(counts), durationAvgMs: new Float64Array(n).fill(meanMs),
    durationP50Ms: new Float64Array(n).fill(meanMs * 0.88), durationP90Ms: null, durationP99Ms: null, concurrencyMax: null, throttles: null,
    gapRows: [], source: 'trace', warnings: [],
  };
}
const D = defaultsOf(PLAN_RULES);
const input = (t: MetricsTable, over: Partial<PlanInput> = {}): PlanInput => ({
  table: t, memoryMb: 1024, arch: 'x86_64', armSpeedFactor: 1, concurrencyLimit: D.concurrencyLimit!, coldStartTargetPct: D.coldStartTargetPct!, pcLevels: null, pcLevelCount: D.pcLevelCount!,
  freeTier: false, seed: 1, durationSigma: D.durationSigma!, fullReplayMaxInvocations: D.fullReplayMaxInvocations!, replay: replayMetrics, ...over,
});
const means = (t: MetricsTable) => Float64Array.from(t.durationAvgMs, (x, k) => (t.invocations[k]! > 0 ? x : 0));

describe('fitLognormal', () => {
  it('keeps the mean exactly and recovers σ from exact lognormal percentiles', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 5000, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), (median, sigma) => {
      const mean = median * Math.exp((sigma * sigma) / 2);
      const d = fitLognormal(mean, median, median * Math.exp(1.2815515655446004 * sigma), median * Math.exp(2.3263478740408408 * sigma), 0.5);
      expect(d.kind).toBe('lognormal');
      if (d.kind !== 'lognormal') return;
      expect(d.sigma).toBeCloseTo(sigma, 9);
      expect(distMean(d) / mean).toBeCloseTo(1, 12);
    }));
  });
  it('falls back to the given σ without percentiles, and to 0 ms without a mean', () => {
    expect(fitLognormal(100, NaN, NaN, NaN, 0.5)).toEqual({ kind: 'lognormal', medianMs: 100 * Math.exp(-0.125), sigma: 0.5 });
    expect(fitLognormal(NaN, NaN, NaN, NaN, 0.5)).toEqual({ kind: 'const', ms: 0 });
  });
});

describe('replay through the engine', () => {
  it('simulates every imported invocation exactly once (conservation)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 5, max: 3000 }), fc.integer({ min: 1, max: 1e6 }), (counts, ms, seed) => {
      const t = table(counts, ms);
      const r = replayMetrics(t, periodDists({ table: t, durationSigma: 0.5 }), { memoryMb: 512, arch: 'x86_64', seed });
      const total = counts.reduce((a, b) => a + b, 0);
      const c = r.summary.conservation;
      expect(r.summary.invocations).toBe(total);
      expect(c.arrivals).toBe(total);
      expect(c.completed + c.throttled + c.dropped + c.inFlight).toBe(total);
      expect(r.coldStarts.reduce((a, b) => a + b, 0)).toBe(r.summary.coldStarts);
      expect(Math.max(...r.peak)).toBe(r.summary.peakConcurrency);
    }), { numRuns: 25 });
  }, 60_000);
  it('draws each period from its own duration distribution', () => {
    const t = table([120, 80], 0);
    const r = replayMetrics(t, [{ kind: 'const', ms: 100 }, { kind: 'const', ms: 1000 }], { memoryMb: 1024, arch: 'x86_64', seed: 4 });
    // every duration is whole ms, so the billed total is exactly Σ count·duration
    expect(r.summary.cost.billedDurationMs * (r.summary.cost.onDemandRequests)).toBeCloseTo(120 * 100 + 80 * 1000, 6);
  });
  it('gives exact seeded per-period values', () => {
    const t = table([600, 1200, 0, 300], 250);
    const r = replayMetrics(t, periodDists({ table: t, durationSigma: 0.5 }), { memoryMb: 1024, arch: 'x86_64', seed: 1 });
    expect([...r.peak]).toMatchInlineSnapshot(`
      [
        8,
        15,
        3,
        7,
      ]
    `);
    expect([...r.coldStarts]).toMatchInlineSnapshot(`
      [
        8,
        7,
        0,
        0,
      ]
    `);
  });
});

describe('the per-period model against the full replay (the approximation and its error)', () => {
  // Excerpts: steady 50 req/s for 2 h, and a day shape from 20 to 300 req/s over 2 h, both 1-minute periods.
  const steady = table(Array.from({ length: 120 }, () => 3000), 200);
  const wave = table(Array.from({ length: 120 }, (_, k) => Math.round(60 * (110 + 90 * Math.sin((2 * Math.PI * k) / 120)))), 120);
  const levels = [0, 5, 20];
  for (const [name, t] of [['steady', steady], ['wave', wave]] as const) {
    const m = periodModel(t, means(t), levels, 600, 1000, []);
    const dists = periodDists({ table: t, durationSigma: 0.5 });
    const memo = new Map<number, ReturnType<typeof replayMetrics>>();
    const run = (pc: number) => memo.get(pc) ?? memo.set(pc, replayMetrics(t, dists, { memoryMb: 1024, arch: 'x86_64', seed: 11, provisioned: pc })).get(pc)!;
    const r0 = run(0);
    it(`${name}: per-period peak concurrency within 10% on average`, () => {
      let e = 0;
      for (let k = 0; k < t.periods; k++) e += Math.abs(m.peak[k]! - r0.peak[k]!) / r0.peak[k]!;
      expect(e / t.periods).toBeLessThan(0.1);
    });
    it(`${name}: invocations served by provisioned concurrency within 1% (Erlang-B spill-over)`, () => {
      for (const [i, L] of levels.entries()) {
        if (L === 0) continue;
        const model = m.pcReq.reduce((s, h) => s + h[i]!, 0);
        expect(Math.abs(model - run(L).summary.provisionedExecutions) / model).toBeLessThan(0.01);
      }
    }, 120_000);
  }
});

describe('the cold-start model against the full replay (reclaimed and recreated environments)', () => {
  // Two-day excerpts: long enough that the replay counts hundreds of cold starts, so its own seed noise
  // (about 1/√count) is well inside the bound. Steady traffic is where reclaim-and-recreate dominates.
  const day = (k: number) => Math.cos((2 * Math.PI * (k / 60 - 15)) / 24);
  const excerpts: [string, MetricsTable, number[]][] = [
    ['steady, 1-minute periods (5 req/s × 2 s, a = 10)', table(Array.from({ length: 2880 }, () => 300), 2000), [0, 5]],
    ['steady, 10-minute periods (the idle timeout)', table(Array.from({ length: 288 }, () => 3000), 2000, 600), [0]],
    ['diurnal, 1-minute periods (5 req/s ± 70%, 1 s)', table(Array.from({ length: 2880 }, (_, k) => Math.round(300 * (1 + 0.7 * day(k)))), 1000), [0, 5]],
    ['spiky, 1-minute periods (hourly bursts of 20,000 over a wavering trickle)', table(Array.from({ length: 2880 }, (_, k) => (k % 60 === 10 ? 20000 : k % 60 === 11 ? 3000 : Math.round(30 + 20 * Math.sin(k / 7)))), 1500), [0, 5]],
  ];
  for (const [name, t, levels] of excerpts) {
    it(`${name}: cold starts within 10% of the replay at provisioned ${levels.join(' and ')}`, () => {
      const m = periodModel(t, means(t), levels, 600, 1000, []);
      const dists = periodDists({ table: t, durationSigma: 0.5 });
      for (const [i, L] of levels.entries()) {
        const sim = replayMetrics(t, dists, { memoryMb: 1024, arch: 'x86_64', seed: 11, provisioned: L }).summary.coldStarts;
        const model = m.cold.reduce((s, h) => s + h[i]!, 0);
        expect(sim).toBeGreaterThan(250);
        expect(Math.abs(model - sim) / sim).toBeLessThan(0.1);
      }
    }, 120_000);
  }
  it('is finite, never negative, falls with the provisioned level and never exceeds the invocations', () => {
    const counts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(counts, fc.integer({ min: 1, max: 30_000 }), fc.constantFrom(60, 300, 600, 3600), fc.integer({ min: 100, max: 3000 }), (cs, ms, P, cap) => {
      const t = table(cs, ms, P);
      const levels = [0, 1, 7, 50, 400];
      const m = periodModel(t, means(t), levels, 600, cap, []);
      const total = levels.map((_, i) => m.cold.reduce((s, h) => s + h[i]!, 0));
      for (let i = 0; i < levels.length; i++) {
        expect(Number.isFinite(total[i]!) && total[i]! >= 0).toBe(true);
        if (i > 0) expect(total[i]!).toBeLessThanOrEqual(total[i - 1]! + 1e-9);
      }
      expect(total[0]!).toBeLessThanOrEqual(cs.reduce((a, b) => a + b, 0) + 1e-6);
      for (const c of m.cold0) expect(c).toBeGreaterThanOrEqual(0);
    }), { numRuns: 150 });
  });
  it('at a vanishing duration it gives the closed form e^(−λT) per arrival', () => {
    // S → 0: a cold start iff no arrival in the last T. Poisson arrivals at λ = 1/300 s, T = 600 s, over
    // 60 days of 1-minute counts (each drawn Poisson(0.2)): e^(−2) = 0.1353; ~17,000 arrivals, so the
    // realised counts move the share by about ±0.003.
    const lam = 1 / 300;
    const rng = createRng(5);
    const counts = Array.from({ length: 86400 }, () => {
      let k = 0;
      for (let p = Math.exp(-lam * 60), u = nextFloat(rng), s = p; u > s; s += p) p *= (lam * 60) / ++k;
      return k;
    });
    const t = table(counts, 1e-6);
    const m = periodModel(t, means(t), [0], 600, 1000, []);
    const n = counts.reduce((a, b) => a + b, 0);
    expect(Math.abs(m.cold.reduce((s, h) => s + h[0]!, 0) / n - Math.exp(-lam * 600))).toBeLessThan(0.01);
  });
});

describe('choosing provisioned concurrency', () => {
  const brute = (cost: number[][], cold: number[][], budget: number) => {
    const H = cost.length;
    const m = cost[0]!.length;
    let best = { cost: Infinity, cold: Infinity };
    let fewest = { cost: Infinity, cold: Infinity };
    const rec = (h: number, c: number, k: number) => {
      if (h === H) {
        if (k <= budget + 1e-9 && c < best.cost) best = { cost: c, cold: k };
        if (k < fewest.cold - 1e-12 || (Math.abs(k - fewest.cold) <= 1e-12 && c < fewest.cost)) fewest = { cost: c, cold: k };
        return;
      }
      for (let i = 0; i < m; i++) rec(h + 1, c + cost[h]![i]!, k + cold[h]![i]!);
    };
    rec(0, 0, 0);
    return { best, fewest };
  };
  it('the schedule search equals a brute-force oracle', () => {
    const cell = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.array(cell, { minLength: 40, maxLength: 40 }), fc.array(cell, { minLength: 40, maxLength: 40 }), fc.double({ min: 0, max: 300, noNaN: true }), (H, m, cs, ks, budget) => {
      const cost = Array.from({ length: H }, (_, h) => cs.slice(h * m, h * m + m));
      const cold = Array.from({ length: H }, (_, h) => ks.slice(h * m, h * m + m));
      const got = choosePcSchedule(cost, cold, budget);
      const o = brute(cost, cold, budget);
      expect(got.exact).toBe(true);
      if (o.best.cost < Infinity) {
        expect(got.met).toBe(true);
        expect(got.cost).toBeCloseTo(o.best.cost, 9);
        expect(got.cold).toBeLessThanOrEqual(budget + 1e-9);
      } else {
        expect(got.met).toBe(false);
        expect(got.cold).toBeCloseTo(o.fewest.cold, 9);
      }
      // the choice is what it claims
      expect(got.choice.reduce((s, i, h) => s + cost[h]![i]!, 0)).toBeCloseTo(got.cost, 9);
    }), { numRuns: 200 });
  });
  it("the plan's fixed level and schedule are the cheapest priced options under the target (brute force over priced bills)", () => {
    // 4 busy hours of one day (traffic only in hours 0–3), 3 levels → 81 schedules; no free tier, first tier
    const counts = Array.from({ length: 240 }, (_, k) => [6000, 600, 12000, 30][Math.floor(k / 60)]!);
    const t = table(counts, 150);
    const levels = [0, 4, 12];
    for (const target of [0, 0.005, 0.02, 1]) {
      const plan = planTraffic(input(t, { pcLevels: levels, coldStartTargetPct: target, fullReplayMaxInvocations: 0 }));
      const m = periodModel(t, means(t), levels, 600, 1000, []);
      const N = counts.reduce((a, b) => a + b, 0);
      const init = distMean(defaultInitDist('nodejs24.x', 'zip', 'x86_64'));
      const price = (choice: number[]) => {
        let pcReq = 0, pcMs = 0, odMs = 0, cold = 0, lvlS = 0;
        for (let h = 0; h < 24; h++) {
          const i = choice[h] ?? 0;
          pcReq += m.pcReq[h]![i]!; pcMs += m.pcMs[h]![i]!; odMs += m.odMs[h]![i]!; cold += m.cold[h]![i]!; lvlS += levels[i]! * m.seconds[h]!;
        }
        const bill = priceMonthly({ memoryMb: 1024, arch: 'x86_64', requests: N, durationMs: odMs / (N - pcReq), durationIsBilled: true, freeTier: false,
          pc: lvlS > 0 ? 1 : 0, pcHours: lvlS / 3600, pcRequests: pcReq, pcDurationMs: pcReq > 0 ? pcMs / pcReq : 0, coldStarts: cold, initMs: init }, US_EAST_1);
        return { usd: bill.totalUsd, cold };
      };
      const budget = (target / 100) * N;
      let best = { usd: Infinity, cold: Infinity, choice: [] as number[] };
      let bestFixed = { usd: Infinity, level: -1 };
      for (let code = 0; code < 81; code++) {
        const choice = [0, 1, 2, 3].map((h) => Math.floor(code / 3 ** h) % 3);
        const p = price(choice);
        if (p.cold <= budget + 1e-9 && p.usd < best.usd) best = { ...p, choice };
        if (choice.every((c) => c === choice[0]) && p.cold <= budget + 1e-9 && p.usd < bestFixed.usd) bestFixed = { usd: p.usd, level: levels[choice[0]!]! };
      }
      if (best.usd === Infinity) {
        expect(plan.targetMet.schedule).toBe(false);
        continue;
      }
      expect(plan.targetMet.schedule).toBe(true);
      expect(plan.options.provisioned_schedule.costUsd).toBeCloseTo(best.usd, 9);
      expect(plan.pcSchedule.slice(0, 4)).toEqual(best.choice.map((i) => levels[i]));
      expect(plan.pcSchedule.slice(4).every((x) => x === 0)).toBe(true);
      if (bestFixed.level >= 0) {
        expect(plan.pcFixedLevel).toBe(bestFixed.level);
        expect(plan.options.provisioned_fixed.costUsd).toBeCloseTo(bestFixed.usd, 9);
      }
    }
  });
  it('never plans provisioned concurrency into the 100 that must stay unreserved', () => {
    const t = table(Array.from({ length: 10 }, () => 600), 100);
    const p = planTraffic(input(t, { pcLevels: [0, 5, 950], fullReplayMaxInvocations: 0 }));
    expect(p.pcLevels).toEqual([0, 5]);
    expect(p.warnings.join('\n')).toMatch(/levels above 900 were left out: 100 of the account limit of 1000 must stay unreserved/);
  });
  it('a target of 100% needs no provisioned concurrency unless it pays for itself', () => {
    const t = table(Array.from({ length: 60 }, () => 60), 100);
    const p = planTraffic(input(t, { coldStartTargetPct: 100, pcLevels: [0, 50] }));
    expect(p.pcFixedLevel).toBe(0); // 50 idle environments cost more than they save
    expect(p.options.provisioned_fixed.bill.pcChargeUsd).toBe(0);
  });
});

describe('planTraffic', () => {
  it('gives the same plan with or without the replay check, which only reports beside it', () => {
    const t = table(Array.from({ length: 180 }, (_, k) => 3000 + 40 * (k % 13)), 120);
    const { replay: _, ...noReplay } = input(t);
    const model = planTraffic(noReplay);
    const checked = planTraffic(input(t));
    expect(model.replayCheck).toBeNull();
    expect(checked.replayCheck).not.toBeNull();
    const { replayCheck: rc, ...rest } = checked;
    const { replayCheck: __, ...modelRest } = model;
    expect(rest).toEqual(modelRest);
    expect(model.invocations).toBe(t.invocations.reduce((a, b) => a + b, 0));
    expect(model.pcSchedule).toHaveLength(24);
    // the replay's cold starts and peak are close to the model's (the bounds are the tests above)
    expect(Math.abs(rc!.coldStarts - model.coldStarts) / rc!.coldStarts).toBeLessThan(0.15);
    expect(rc!.peakErrorMean).toBeLessThan(0.1);
    // above the budget the check is skipped with a note, and the plan is still the same
    const over = planTraffic(input(t, { fullReplayMaxInvocations: 1000 }));
    expect(over.replayCheck).toBeNull();
    expect(over.warnings.join('\n')).toMatch(/the replay check was skipped: it replays at most 1,000 invocations/);
    expect(over.options).toEqual(model.options);
  }, 60_000);
  it('prices arm64 from the speed factor: slower Arm can cost more than x86', () => {
    const t = table(Array.from({ length: 60 }, () => 600), 400);
    const same = planTraffic(input(t, { armSpeedFactor: 1 }));
    const slow = planTraffic(input(t, { armSpeedFactor: 1.5 }));
    expect(same.options.on_demand_arm64.costUsd).toBeLessThan(same.options.on_demand_x86_64.costUsd);
    expect(slow.options.on_demand_arm64.costUsd).toBeGreaterThan(slow.options.on_demand_x86_64.costUsd);
    expect(slow.options.on_demand_x86_64.costUsd).toBe(same.options.on_demand_x86_64.costUsd);
  }, 60_000);
  it('states the reserved concurrency that would have throttled (Erlang-B), decreasing with the level', () => {
    const t = table(Array.from({ length: 30 }, () => 6000), 500); // a = 50
    const p = planTraffic(input(t));
    const thr = p.reserved.map((r) => r.throttled);
    for (let i = 1; i < thr.length; i++) expect(thr[i]!).toBeLessThanOrEqual(thr[i - 1]!);
    expect(thr[0]!).toBeGreaterThan(0);
  }, 60_000);
  it('flags the minutes in which the scaling rate throttles', () => {
    // 0 → 150,000 invocations of 2 s in one minute: 5,000 busy at once is far above 1,000 + 100/s
    const t = table([0, 0, 150000, 150000], 2000);
    const p = planTraffic(input(t, { fullReplayMaxInvocations: 0, concurrencyLimit: 10_000 }));
    expect(p.throttledMinutes[0]).toBe('1970-01-01T00:02:00Z');
    // the full replay agrees: its scaling bucket runs dry in that minute too
    const full = planTraffic(input(t, { concurrencyLimit: 10_000 }));
    expect(full.replayCheck!.scalingThrottledPeriods).toBeGreaterThan(0);
    expect(full.throttledMinutes).toEqual(p.throttledMinutes);
    // at the default limit of 1,000 the cap binds first: the bucket (1,000) never runs dry
    expect(planTraffic(input(t)).throttledMinutes).toEqual([]);
  }, 60_000);
});
