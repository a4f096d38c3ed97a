import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateArb } from './stateArb.ts';
import { validateSimConfig } from '~/sim/engine/validateSimConfig.ts';
import { defaultsOf, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { buildSearch, readUrlRaw } from '~/widgets/shared/urlState.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { runScenario } from '~/sim/engine/runScenario.ts';
import { canarySchema, checkState, simConfig, sweepWeights, CANARY_PREFIX, type CanaryState } from '~/widgets/CanaryRouting/canaryRoutingState.ts';
import { drawErrors, runCanary, runWeight, versionStats } from '~/widgets/CanaryRouting/canaryRoutingRun.ts';
import { readoutHtml, splitSvg, sweepChartSpec, versionTable } from '~/widgets/CanaryRouting/canaryRoutingView.ts';

const base = defaultsOf(canarySchema);
const state = (o: Partial<CanaryState>): CanaryState => ({ ...base, ...o });

describe('canary routing: the split', () => {
  it('weight 0% sends no traffic to the canary, 100% none to the stable version', () => {
    const zero = runWeight(base, 0);
    expect(zero.canary.requests).toBe(0);
    expect(zero.canary.coldStarts).toBe(0);
    expect(zero.stable.requests).toBe(zero.summary.invocations);
    const all = runWeight(base, 100);
    expect(all.stable.requests).toBe(0);
    expect(all.canary.requests).toBe(all.summary.invocations);
  });

  it('the split follows the weight (binomial tolerance)', () => {
    const r = runWeight(state({ rate: 50, windowS: 600 }), 10);
    const n = r.summary.invocations;
    const share = r.canary.requests / n;
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / n));
  });

  it('per-version counts from the span trace add up to the engine’s totals', () => {
    const s = state({ weight: 25 });
    const sim = runScenario(simConfig(s, 25));
    const a = versionStats(sim.spans.spans, 0);
    const b = versionStats(sim.spans.spans, 1);
    expect(a.requests + b.requests).toBe(sim.summary.executions);
    expect(a.coldStarts + b.coldStarts).toBe(sim.summary.coldStarts);
    expect(a.approximate || b.approximate).toBe(false);
  });

  it("the canary's own environments add cold starts", () => {
    const res = runCanary(base);
    expect(res.current.weight).toBe(10);
    expect(res.baseline.weight).toBe(0);
    expect(res.current.canary.coldStarts).toBeGreaterThan(0);
    const half = res.sweep.find((r) => r.weight === 50)!;
    expect(half.summary.coldStarts).toBeGreaterThan(res.baseline.summary.coldStarts);
    expect(sweepWeights(state({ weight: 33 }))).toEqual([0, 1, 5, 10, 25, 33, 50, 75, 100]);
  });
});

describe('canary routing: what-if error probabilities', () => {
  it('draws one seeded outcome per request', () => {
    expect(drawErrors(1000, 0, 1)).toBe(0);
    expect(drawErrors(1000, 1, 1)).toBe(1000);
    expect(drawErrors(5000, 0.02, 7)).toBe(drawErrors(5000, 0.02, 7));
    const k = drawErrors(100_000, 0.02, 3);
    expect(Math.abs(k / 100_000 - 0.02)).toBeLessThan(0.002);
  });

  it('each version shows an error rate near its own probability', () => {
    const r = runWeight(state({ rate: 100, windowS: 1000, errorA: 0.5, errorB: 5 }), 50);
    expect(Math.abs(r.stable.errorRate - 0.005)).toBeLessThan(0.0025);
    expect(Math.abs(r.canary.errorRate - 0.05)).toBeLessThan(0.008);
  });
});

describe('canary routing: validation and views', () => {
  it('refuses a run too large, naming the range', () => {
    expect(checkState(state({ rate: 500, windowS: 3600 }))).toEqual([
      { key: 'windowS', message: 'Rate (requests/s) × Simulated time (s) must be at most 100,000 requests; got 1,800,000' },
    ]);
    expect(checkState(base)).toEqual([]);
  });

  it('renders the split, the table, the readout and the chart without NaN', () => {
    const res = runCanary(base);
    const html = splitSvg(res.current) + versionTable(base, res.current) + readoutHtml(res) + renderChartFigure(sweepChartSpec(base, res));
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).toContain('data-out="canary-requests"');
    expect(html).toContain('Error probability set (what-if)');
    const zero = runCanary(state({ weight: 0 }));
    expect(versionTable(state({ weight: 0 }), zero.current)).toMatch(/data-out="canary-requests">0</);
    expect(splitSvg(zero.current)).not.toContain('ll-tone-1');
  });

  it('URL state round-trips, seed included', () => {
    const s = state({ weight: 5, errorB: 3.5, seed: 77 });
    const search = buildSearch(CANARY_PREFIX, canarySchema, s, '');
    expect(search).toContain('canary.w=5');
    const back = parseFields(canarySchema, readUrlRaw(CANARY_PREFIX, canarySchema, search));
    expect(back.errors).toEqual([]);
    expect(back.value).toEqual(s);
  });
});

describe('canary routing: edge states never print NaN', () => {
  it('no traffic, all to the canary, certain failure', () => {
    for (const e of [{ rate: 0 }, { weight: 100, errorB: 100 }, { weight: 0, errorA: 0 }, { rate: 1, windowS: 10, weight: 50 }]) {
      const s = state(e);
      const res = runCanary(s);
      const html = splitSvg(res.current) + versionTable(s, res.current) + readoutHtml(res) + renderChartFigure(sweepChartSpec(s, res));
      expect(html, JSON.stringify(e)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});


describe('canary routing: every accepted state is a config the engine takes', () => {
  it('checkState passing ⇒ validateSimConfig accepts (generated states)', () => {
    fc.assert(
      fc.property(stateArb(canarySchema), (raw) => {
        const s = raw as unknown as CanaryState;
        if (checkState(s).length) return;
        expect(validateSimConfig(simConfig(s, s.weight)).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
