import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateArb } from './stateArb.ts';
import { validateSimConfig } from '~/sim/engine/validateSimConfig.ts';
import { defaultsOf, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { buildSearch, readUrlRaw } from '~/widgets/shared/urlState.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { erlangB } from '~/sim/stats/erlangB.ts';
import { checkState, concurrencySchema, offeredRate, simConfig, trafficOf, CONC_PREFIX, PRESETS, type ConcurrencyState } from '~/widgets/ConcurrencyWidget/concurrencyWidgetState.ts';
import { MAX_POINTS, runConcurrency } from '~/widgets/ConcurrencyWidget/concurrencyWidgetRun.ts';
import { concurrencyChartSpec, readoutHtml, requestsChartSpec, throttleSplit } from '~/widgets/ConcurrencyWidget/concurrencyWidgetView.ts';

const base = defaultsOf(concurrencySchema);
const state = (o: Partial<ConcurrencyState>): ConcurrencyState => ({ ...base, ...o });
const steady = (o: Partial<ConcurrencyState> = {}) => state({ shape: 'steady', rate: 100, durationMs: 1000, windowS: 600, accountLimit: 1000, ...o });

/** Whole engine runs (millions of arrivals) take a few seconds alone, several times that on a busy 2-core machine. */
const ENGINE_RUN_TIMEOUT_MS = 60_000;

describe('concurrency widget: traffic shapes', () => {
  it('maps steady, spike and diurnal onto the core traffic kinds', () => {
    expect(trafficOf(steady())).toEqual({ kind: 'poisson', rate: 100 });
    expect(trafficOf(base)).toEqual({ kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 100 }, { atS: 30, rate: 5000 }, { atS: 150, rate: 100 }] });
    expect(trafficOf(state({ spikeStartS: 0 }))).toEqual({ kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 5000 }, { atS: 120, rate: 100 }] });
    const d = trafficOf(state({ shape: 'diurnal', rate: 100, peakRate: 300, windowS: 600 }));
    expect(d).toEqual({ kind: 'diurnal', meanRate: 200, amplitude: 0.5, periodS: 600, peakAtS: 300 });
  });

  it('offered rate is the mean over the window (the spike clipped to it)', () => {
    expect(offeredRate(base)).toBeCloseTo((100 * 120 + 5000 * 120) / 240, 9);
    expect(offeredRate(state({ spikeStartS: 200, spikeLengthS: 1000 }))).toBeCloseTo((100 * 200 + 5000 * 40) / 240, 9);
    expect(offeredRate(state({ shape: 'diurnal', rate: 10, peakRate: 30 }))).toBe(20);
  });

  it('the default (and each preset) is accepted by the engine', () => {
    expect(checkState(base)).toEqual([]);
    for (const p of Object.values(PRESETS)) expect(checkState(state(p.values))).toEqual([]);
  });
});

describe('concurrency widget: cross-field messages name the accepted range', () => {
  it('reserved above the account limit minus 100', () => {
    expect(checkState(steady({ useReserved: true, reserved: 950 }))).toEqual([
      { key: 'reserved', message: 'Reserved concurrency must be an integer from 0 to 900 (the account limit minus 100 unreserved); got 950' },
    ]);
    expect(checkState(steady({ useReserved: false, reserved: 950 }))).toEqual([]); // unused when the box is off
  });
  it('provisioned above reserved', () => {
    expect(checkState(steady({ useReserved: true, reserved: 50, provisioned: 60 }))[0]!.message).toBe(
      'Provisioned concurrency must be an integer from 0 to 50 (at most the reserved concurrency); got 60',
    );
  });
  it('a diurnal peak below the trough, and a run too large', () => {
    expect(checkState(state({ shape: 'diurnal', rate: 100, peakRate: 50 }))[0]!.key).toBe('peakRate');
    const big = checkState(steady({ rate: 50_000, windowS: 3600 }));
    expect(big[0]!.message).toBe('Rate × Simulated time (s) must be at most 5,000,000 requests per run (a few seconds of simulation); got 180,000,000');
  });
});

describe('concurrency widget: the checks are the engine’s rules', { timeout: ENGINE_RUN_TIMEOUT_MS }, () => {
  it('for generated in-range states, checkState passes exactly when validateSimConfig accepts the config', () => {
    const small = (max: number) => fc.integer({ min: 0, max });
    const arb = stateArb(concurrencySchema, { accountLimit: fc.integer({ min: 1, max: 300 }), reserved: small(300), provisioned: small(300) });
    fc.assert(
      fc.property(arb, (s) => {
        const problems = checkState(s);
        // Widget-only rules (run size, a diurnal peak below its trough) refuse states the engine would take or
        // never sees; everything else must agree with the engine.
        fc.pre(!problems.some((p) => p.key === 'windowS' || p.key === 'peakRate'));
        expect(problems.length === 0).toBe(validateSimConfig(simConfig(s)).ok);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('concurrency widget: the simulation against the closed forms', { timeout: ENGINE_RUN_TIMEOUT_MS }, () => {
  it("Little's law: the simulated mean is rate × duration", () => {
    const r = runConcurrency(steady({ accountLimit: 10_000 }));
    expect(r.summary.throttles).toBe(0);
    expect(r.littleOffered).toBe(100);
    expect(Math.abs(r.summary.meanBusy - 100) / 100).toBeLessThan(0.05);
  });

  it('Erlang-B: B(100, 100) = 7.57% beside the simulated throttle ratio', () => {
    const s = state(PRESETS.erlang.values);
    const r = runConcurrency({ ...s, windowS: 3600 });
    expect(r.erlangB).toBeCloseTo(0.0757005, 6);
    expect(r.erlangB).toBe(erlangB(100, 100));
    expect(Math.abs(r.summary.throttleRatio - 0.0757)).toBeLessThan(0.012);
    // carried load: λ(1 − P)·E[S] ≈ simulated mean busy
    expect(Math.abs(r.littleCarried - r.summary.meanBusy) / r.summary.meanBusy).toBeLessThan(0.05);
    expect(runConcurrency(base).erlangB).toBeNull();
  });

  it('a reserved concurrency below the load increases throttles', () => {
    const none = runConcurrency(steady({ windowS: 120 }));
    const r80 = runConcurrency(steady({ windowS: 120, useReserved: true, reserved: 80 }));
    const r50 = runConcurrency(steady({ windowS: 120, useReserved: true, reserved: 50 }));
    expect(none.summary.throttles).toBe(0);
    expect(r80.summary.throttles).toBeGreaterThan(none.summary.throttles);
    expect(r50.summary.throttles).toBeGreaterThan(r80.summary.throttles);
    expect(r50.summary.peakConcurrency).toBeLessThanOrEqual(50);
    expect(r50.cap).toBe(50);
  });

  it('the spike shows the scaling ramp: +1,000 environments per 10 s, the rest throttled', () => {
    const r = runConcurrency(state(PRESETS.ramp.values));
    // Spike at t = 10 s; the bucket allows 1,000 at once then 100/s (simulation-anchors.md §2).
    const at = (t: number) => r.peak[Math.floor(t / r.pointS)]!;
    const base100 = 150; // environments already busy at the base rate (100/s × 1 s, with margin)
    for (const dt of [0, 10, 30, 50]) {
      expect(at(10 + dt + 0.5)).toBeLessThanOrEqual(1000 + 100 * (dt + 1) + base100);
      expect(at(10 + dt + 0.5)).toBeGreaterThanOrEqual(1000 + 100 * dt - 50);
    }
    expect(r.summary.scalingThrottles).toBe(r.summary.throttles);
    expect(r.summary.throttleRatio).toBeGreaterThan(0.8);
    expect(r.runs[0]!.fromS).toBe(10);
  });

  it('is deterministic per seed, and chart points stay bounded', () => {
    const a = runConcurrency(steady({ windowS: 60 }));
    const b = runConcurrency(steady({ windowS: 60 }));
    const c = runConcurrency(steady({ windowS: 60, seed: 2 }));
    expect(b).toEqual(a);
    expect(c.summary.invocations).not.toBe(a.summary.invocations);
    const long = runConcurrency(steady({ rate: 10, windowS: 3600 }));
    expect(long.t.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(long.pointS).toBe(15);
  });

  it('a provisioned level is drawn, and a cap far above the load is named instead of squashing the chart', () => {
    const s = steady({ rate: 10, windowS: 60, accountLimit: 100_000, provisioned: 5 });
    const spec = concurrencyChartSpec(s, runConcurrency(s));
    expect(spec.series.map((x) => x.name)).toEqual(['Busy environments (peak)', 'Provisioned concurrency']);
    expect(spec.summary).toContain('The account concurrency limit (100,000) is far above the chart.');
    expect(simConfig(s).provisioned).toBe(5);
  });
});

describe('concurrency widget: views', { timeout: ENGINE_RUN_TIMEOUT_MS }, () => {
  it('the default renders real numbers, never NaN', () => {
    const r = runConcurrency(base);
    const html = readoutHtml(base, r) + renderChartFigure(concurrencyChartSpec(base, r)) + renderChartFigure(requestsChartSpec(r));
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).toContain("Little's law: rate × duration");
    expect(html).toContain('data-out="mean-busy"');
    expect(html).toMatch(/Throttled \(429\) in one stretch: 30–\d+ s/);
  });

  it('URL state round-trips, seed included', () => {
    const s = steady({ useReserved: true, reserved: 80, seed: 424242 });
    const search = buildSearch(CONC_PREFIX, concurrencySchema, s, '?other=1');
    expect(search).toContain('conc.seed=424242');
    expect(search).toContain('conc.res_on=1');
    const back = parseFields(concurrencySchema, readUrlRaw(CONC_PREFIX, concurrencySchema, search));
    expect(back.errors).toEqual([]);
    expect(back.value).toEqual(s);
  });
});

describe('concurrency widget: the scaling-limit overlay and edge cases', { timeout: ENGINE_RUN_TIMEOUT_MS }, () => {
  it('a spike beyond the bucket draws the ramp: existing + 1,000, then 100 per second, up to the cap', () => {
    const r = runConcurrency(base);
    expect(r.scalingLimit).not.toBeNull();
    const { t, y } = r.scalingLimit!;
    expect(t[0]).toBe(30);
    expect(y[1]! - y[0]!).toBe(1000);
    expect((y[2]! - y[1]!) / (t[2]! - t[1]!)).toBeCloseTo(100, 9);
    // The simulated busy count never runs above the limit during the ramp.
    for (let i = 0; i < r.t.length; i++) {
      const ti = r.t[i]!;
      if (ti < 30 || ti >= t[2]!) continue;
      expect(r.peak[i]!).toBeLessThanOrEqual(y[1]! + 100 * (ti + r.pointS - 30) + 5);
    }
    expect(concurrencyChartSpec(base, r).series.map((x) => x.name)).toContain('Scaling limit (+1,000 at once, then 100/s)');
    expect(runConcurrency(state({ peakRate: 500, windowS: 60 })).scalingLimit).toBeNull(); // 500 × 1 s fits the bucket
    expect(runConcurrency(steady({ windowS: 30 })).scalingLimit).toBeNull();
  });

  it('never prints NaN for edge states', () => {
    const edges: Partial<ConcurrencyState>[] = [
      { shape: 'steady', rate: 0, windowS: 10 },
      { shape: 'spike', rate: 0, peakRate: 0, windowS: 10 },
      { shape: 'diurnal', rate: 0, peakRate: 0, windowS: 10 },
      { shape: 'steady', rate: 1, durationMs: 60_000, windowS: 10 },
      { shape: 'spike', spikeStartS: 3000, windowS: 60, peakRate: 100 },
      { shape: 'steady', rate: 50, windowS: 10, useReserved: true, reserved: 0 },
      { shape: 'steady', rate: 50, windowS: 10, accountLimit: 200, provisioned: 100 },
    ];
    for (const e of edges) {
      const s = state(e);
      expect(checkState(s), JSON.stringify(e)).toEqual([]);
      const r = runConcurrency(s);
      const html = readoutHtml(s, r) + renderChartFigure(concurrencyChartSpec(s, r)) + renderChartFigure(requestsChartSpec(r));
      expect(html, JSON.stringify(e)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('concurrency widget: throttles split by cause', { timeout: ENGINE_RUN_TIMEOUT_MS }, () => {
  it('names the scaling-rate and the cap throttles', () => {
    const r = runConcurrency(steady({ windowS: 60, useReserved: true, reserved: 50 }));
    expect(r.summary.scalingThrottles).toBe(0);
    expect(throttleSplit(r)).toBe(`${r.summary.throttles.toLocaleString('en-US')} at the cap`);
    expect(throttleSplit(runConcurrency(steady({ rate: 1, windowS: 10 })))).toBe('');
    const ramp = runConcurrency(state(PRESETS.ramp.values));
    expect(throttleSplit(ramp)).toMatch(/^[\d,]+ by the scaling rate$/);
  });
});
