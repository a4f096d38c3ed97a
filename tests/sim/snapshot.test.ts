import { describe, expect, it } from 'vitest';
import { runScenario, priceMonthly } from '~/sim/index.ts';

// Exact values of seeded runs: any change to the random stream, the event order or the bookkeeping shows
// up here. If a change is intended, check the new numbers against the statistical tests and update them.
describe('seeded exact values', () => {
  it('SimFaaS defaults, 100,000 requests, seed 1', () => {
    const { summary } = runScenario({ traffic: { kind: 'poisson', rate: 20 }, duration: { kind: 'exp', meanMs: 1991 }, requests: 100_000, seed: 1 });
    expect({
      invocations: summary.invocations,
      cold_starts: summary.cold_starts,
      peak_concurrency: summary.peak_concurrency,
      events: summary.events,
      sim_seconds: summary.sim_seconds,
      mean_busy: summary.mean_busy,
    }).toMatchInlineSnapshot(`
      {
        "cold_starts": 88,
        "events": 199984,
        "invocations": 100000,
        "mean_busy": 39.91887010466881,
        "peak_concurrency": 76,
        "sim_seconds": 4983.572867253101,
      }
    `);
  });
  it('a capped async run with PC, recycling and alias routing, seed 7', () => {
    const { summary } = runScenario({
      traffic: { kind: 'poisson', rate: 30 }, duration: { kind: 'lognormal', medianMs: 300, sigma: 0.7 }, invocation: 'async',
      concurrencyLimit: 120, reserved: 15, provisioned: 4, maxLifetimeS: 120, idleTimeoutS: 60, routing: { weightB: 0.2 },
      async: { errorRate: 0.05 }, simSeconds: 900, seed: 7,
    });
    expect({
      invocations: summary.invocations,
      executions: summary.executions,
      cold_starts: summary.cold_starts,
      throttles: summary.throttles,
      retries: summary.async!.retries,
      on_failure: summary.async!.on_failure,
      recycled: summary.environments_recycled,
      pc: summary.provisioned_executions,
      p99: summary.latency_ms.p99,
      cost: summary.cost.total_usd,
    }).toMatchInlineSnapshot(`
      {
        "cold_starts": 143,
        "cost": 0.1798743798363,
        "executions": 28213,
        "invocations": 26976,
        "on_failure": 7,
        "p99": 1556.0858159476352,
        "pc": 8409,
        "recycled": 121,
        "retries": 8301,
        "throttles": 7064,
      }
    `);
  });
  it('a priced month', () => {
    expect(priceMonthly({ memoryMb: 1769, arch: 'arm64', requests: 123_456_789, durationMs: 87.3, coldStarts: 54_321, initMs: 432.1, pc: 3, pcHours: 200.01, pcRequests: 9_999_999 }).total_usd).toMatchInlineSnapshot(`273.94214352164454`);
  });
});
