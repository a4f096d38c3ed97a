import { describe, expect, it } from 'vitest';
import { defaultsOf, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { US_EAST_1 } from '~/sim/pricing/rates.ts';
import { erlangB } from '~/sim/stats/erlangB.ts';
import { plannerSchema, type PlannerState } from '~/widgets/ProvisionedPlanner/provisionedPlannerState.ts';
import { analyticPlan, breakEven, dailyTraffic, estimatePlanMs, planInvocations, planLevels, rateAt, DAY_S } from '~/widgets/ProvisionedPlanner/provisionedPlannerAnalytic.ts';
import { runPlan, simConfig, simulateLevel } from '~/widgets/ProvisionedPlanner/provisionedPlannerRun.ts';
import { breakEvenHtml, coldChartSpec, costChartSpec, readoutHtml } from '~/widgets/ProvisionedPlanner/provisionedPlannerView.ts';
import { validateSimConfig } from '~/sim/engine/validateSimConfig.ts';

const base = defaultsOf(plannerSchema);
const state = (o: Partial<PlannerState>): PlannerState => ({ ...base, ...o });

describe('break-even from the rates', () => {
  it('is PC / (on-demand − PC duration), derived from the constants: 60% on both architectures', () => {
    for (const arch of ['x86_64', 'arm64'] as const) {
      const r = US_EAST_1[arch];
      const be = breakEven(arch);
      expect(be.utilisation).toBe(r.pcUsdPerGbs / (r.durationTiers[0]!.usdPerGbs - r.pcDurationUsdPerGbs));
      expect(be.utilisation).toBeCloseTo(0.6, 4);
      // At u*, an always-on environment costs the same as the work on demand.
      expect(be.pcUsdPerGbs + be.pcDurationUsdPerGbs * be.utilisation).toBeCloseTo(be.onDemandUsdPerGbs * be.utilisation, 15);
    }
  });
  it('is explained in words with the numbers it came from', () => {
    const a = analyticPlan(base, planLevels(base));
    const html = breakEvenHtml(breakEven('x86_64'), a);
    expect(html).toContain('$4.1667e-6 ÷ ($0.000016667 − $9.7222e-6)'.replace('$4.1667e-6', '$0.0000041667').replace('$9.7222e-6', '$0.0000097222'));
    expect(html).toContain('<strong data-out="breakeven">60.0%</strong>');
    expect(html).toContain('provisioning pays for itself up to 2 environments');
  });
});

describe('traffic and levels', () => {
  it('the daily shape runs between trough and peak, peaking at the chosen hour', () => {
    const s = state({ peakRate: 40, troughRate: 4, peakHour: 13 });
    expect(rateAt(s, 13 * 3600)).toBeCloseTo(40, 9);
    expect(rateAt(s, 1 * 3600)).toBeCloseTo(4, 9);
    const t = dailyTraffic(s);
    expect(t).toEqual({ kind: 'diurnal', meanRate: 22, amplitude: 36 / 44, periodS: DAY_S, peakAtS: 13 * 3600 + 3600 });
    expect(validateSimConfig(simConfig(s, 5)).ok).toBe(true);
  });
  it('levels go from 0 past the peak load, at most 9 plus the reader’s level', () => {
    expect(planLevels(base)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(planLevels(state({ pc: 5 }))).toEqual([0, 2, 4, 5, 6, 8, 10, 12, 14]);
    const big = planLevels(state({ peakRate: 500, durationMs: 1000 }));
    expect(big[0]).toBe(0);
    expect(big.length).toBeLessThanOrEqual(10);
    expect(big).toContain(2);
    expect(big.at(-1)!).toBeGreaterThan(500);
  });
  it('estimates the run so the job runner can choose inline or worker', () => {
    expect(estimatePlanMs(base)).toBeGreaterThan(50); // the default goes to the worker
    expect(estimatePlanMs(state({ peakRate: 0.01, troughRate: 0 }))).toBeLessThan(50);
  });
});

describe('Erlang-B expectation', () => {
  it('matches erlangB from src/sim for a flat day', () => {
    const s = state({ peakRate: 5, troughRate: 5, durationMs: 1000, pc: 3 });
    const a = analyticPlan(s, [0, 3]);
    expect(a.pcShare[0]).toBe(0);
    expect(a.pcShare[1]).toBeCloseTo(1 - erlangB(3, 5), 12);
    // Ordered hunting: the k-th environment is busy a(B(k−1) − B(k)).
    expect(a.busyShare[0]).toBeCloseTo(5 * (1 - erlangB(1, 5)), 12);
    expect(a.busyShare[2]).toBeCloseTo(5 * (erlangB(2, 5) - erlangB(3, 5)), 12);
  });
  it('the cheapest level is where the next environment would be busy less than the break-even share', () => {
    const a = analyticPlan(base, planLevels(base));
    expect(a.cheapestLevel).toBe(2);
    expect(a.busyShare[1]!).toBeGreaterThanOrEqual(0.6);
    expect(a.busyShare[2]!).toBeLessThan(0.6);
    // and the expected monthly cost agrees: level 2 beats 0 and 4
    expect(a.monthlyUsd[1]!).toBeLessThan(a.monthlyUsd[0]!);
    expect(a.monthlyUsd[1]!).toBeLessThan(a.monthlyUsd[2]!);
  });
});

describe('engine runs', () => {
  const plan = runPlan(base);
  it('the simulated cost agrees with the Erlang-B expectation within 1.5% (INIT adds a little)', () => {
    plan.levels.forEach((p, i) => {
      const sim = plan.sim[i]!;
      expect(sim.pc).toBe(p);
      expect(Math.abs(sim.monthlyUsd - plan.analytic.monthlyUsd[i]!) / plan.analytic.monthlyUsd[i]!).toBeLessThan(0.015);
      expect(Math.abs(sim.pcRequests / sim.requests - plan.analytic.pcShare[i]!)).toBeLessThan(0.01);
    });
  });
  it('is deterministic per seed; cold starts fall as provisioned concurrency rises; a month is 30 days', () => {
    // With a progress callback, as runPlan runs it: the engine's time integrals (meanBusy) are summed per
    // progress chunk, so a run without one can differ in the last bit.
    const again = simulateLevel(base, 4, () => {});
    expect(again).toEqual(plan.sim[2]);
    expect(plan.sim.at(-1)!.coldStarts).toBeLessThan(plan.sim[0]!.coldStarts);
    expect(plan.sim[0]!.coldStarts).toBe(plan.sim[0]!.day.coldStarts * 30);
    expect(plan.sim[0]!.bill.pcChargeUsd).toBe(0);
    // PC charge: p × GB × 720 h × $0.0000041667
    expect(plan.sim[1]!.bill.pcChargeUsd).toBeCloseTo(2 * 1 * 720 * 3600 * 0.0000041667, 6);
    expect(plan.sim.every((r) => r.day.throttles === 0)).toBe(true);
  });
  it('renders charts, readout and text with no NaN', () => {
    const html = [
      renderChartFigure(costChartSpec(base, plan.analytic, plan.sim)),
      renderChartFigure(coldChartSpec(base, plan.sim, plan.levels)),
      readoutHtml(base, plan.sim),
      renderChartFigure(costChartSpec(base, plan.analytic, null)),
      renderChartFigure(coldChartSpec(base, null, plan.levels)),
      readoutHtml(base, null),
    ].join('');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).toContain('Monthly cost is lowest at');
  });
  it('survives (almost) no traffic', () => {
    const z = state({ peakRate: 0.01, troughRate: 0, pc: 0 });
    const r = runPlan(z);
    const html = renderChartFigure(costChartSpec(z, r.analytic, r.sim)) + renderChartFigure(coldChartSpec(z, r.sim, r.levels)) + readoutHtml(z, r.sim) + breakEvenHtml(r.breakEven, r.analytic);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('validation', () => {
  it('names the label and range', () => {
    const p = parseFields(plannerSchema, { peakRate: '5000', pc: '901', runtime: 'cobol' });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Peak rate (requests/s) must be a number from 0.01 to 100 (requests/s); got "5000"',
      'Runtime (sets the INIT duration) must be one of ' + plannerSchema.runtime.options.join(', ') + '; got "cobol"',
      'Provisioned concurrency (environments) must be an integer from 0 to 900 (environments); got "901"',
    ]);
  });
});
