import { describe, expect, it } from 'vitest';
import * as sim from '~/sim/index.ts';

// The public surface widgets and the CLI build on. Removing or renaming one of these is a breaking change.
describe('public API of src/sim', () => {
  it.each([
    'priceMonthly', 'validatePriceInput', 'isInitBilled', 'tieredCost',
    'createSimulation', 'step', 'runUntil', 'processNext', 'summarize', 'series', 'envSpans', 'runScenario', 'validateSimConfig',
    'parseTrace', 'spikeTraffic', 'nextArrival', 'meanRate',
    'parseDist', 'formatDist', 'sampleDist', 'distMean', 'lognormalSigmaFromP90', 'createRng', 'nextFloat', 'nextUint32',
    'erlangB', 'createLatencyHistogram', 'recordLatency', 'quantile', 'defaultInitDist', 'runtimeKindOf',
  ])('exports the function %s', (name) => {
    expect(typeof (sim as Record<string, unknown>)[name]).toBe('function');
  });
  it('exports the constants', () => {
    expect(sim.US_EAST_1.region).toBe('us-east-1');
    expect(sim.ENV_TRACE.maxSpans).toBeGreaterThan(0);
    expect(sim.DEFAULT_LIMITS.maxEvents).toBeGreaterThan(0);
    expect(sim.INIT_MS['nodejs24.x']).toBeDefined();
    expect(sim.DEFAULT_ACCOUNT_CONCURRENCY).toBe(1000);
    expect(sim.SCALING_BUCKET).toBe(1000);
    expect(sim.SCALING_REFILL_PER_S).toBe(100);
    expect(new sim.SimConfigError([])).toBeInstanceOf(Error);
  });
  it('returns the documented shapes', () => {
    const r = sim.runScenario({ traffic: { kind: 'poisson', rate: 5 }, duration: 'exp:100', simSeconds: 30, spans: true });
    expect(Object.keys(r).sort()).toEqual(['series', 'spans', 'summary']);
    for (const k of ['arrivals', 'concurrency', 'concurrencyPeak', 'environments', 'coldStarts', 'throttles', 't'] as const) expect(r.series[k]).toBeInstanceOf(Float64Array);
    const b = sim.priceMonthly({ memoryMb: 128, arch: 'x86_64', requests: 1, durationMs: 1 });
    for (const k of ['totalUsd', 'requestChargeUsd', 'computeChargeUsd', 'initChargeUsd', 'ephemeralChargeUsd', 'pcChargeUsd', 'pcDurationChargeUsd', 'lines'] as const) expect(b).toHaveProperty(k);
    expect(b.lines[0]).toEqual(expect.objectContaining({ label: expect.any(String), quantity: expect.any(Number), unit: expect.any(String), rate: expect.any(Number), usd: expect.any(Number) }));
  });
});
