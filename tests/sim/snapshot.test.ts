import { describe, expect, it } from 'vitest';
import { runScenario, priceMonthly } from '~/sim/index.ts';

// Exact values of seeded runs: any change to the random stream, the event order or the bookkeeping shows
// up here. If a change is intended, check the new numbers against the statistical tests and update them.
describe('seeded exact values', () => {
  it('SimFaaS defaults, 100,000 requests, seed 1', () => {
    const { summary } = runScenario({ traffic: { kind: 'poisson', rate: 20 }, duration: { kind: 'exp', meanMs: 1991 }, requests: 100_000, seed: 1 });
    expect({
      invocations: summary.invocations,
      coldStarts: summary.coldStarts,
      peakConcurrency: summary.peakConcurrency,
      events: summary.events,
      simSeconds: summary.simSeconds,
      meanBusy: summary.meanBusy,
    }).toMatchInlineSnapshot(`
      {
        "coldStarts": 88,
        "events": 199984,
        "invocations": 100000,
        "meanBusy": 39.91887010466881,
        "peakConcurrency": 76,
        "simSeconds": 4983.572867253101,
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
      coldStarts: summary.coldStarts,
      throttles: summary.throttles,
      retries: summary.async!.retries,
      onFailure: summary.async!.onFailure,
      recycled: summary.environmentsRecycled,
      pc: summary.provisionedExecutions,
      p99: summary.latencyMs.p99,
      cost: summary.cost.totalUsd,
    }).toMatchInlineSnapshot(`
      {
        "coldStarts": 143,
        "cost": 0.1798743798363,
        "executions": 28213,
        "invocations": 26976,
        "onFailure": 7,
        "p99": 1556.0858159476352,
        "pc": 8409,
        "recycled": 121,
        "retries": 8301,
        "throttles": 7064,
      }
    `);
  });
  it('a priced month', () => {
    expect(priceMonthly({ memoryMb: 1769, arch: 'arm64', requests: 123_456_789, durationMs: 87.3, coldStarts: 54_321, initMs: 432.1, pc: 3, pcHours: 200.01, pcRequests: 9_999_999 }).totalUsd).toMatchInlineSnapshot(`273.94214352164454`);
  });
});
