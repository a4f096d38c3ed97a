import { describe, expect, it } from 'vitest';
import { PRICE_RULES, SIM_RULES, defaultsOf, expectedOf, validatePriceInput, validateSimConfig, DEFAULT_LIMITS, ENV_TRACE } from '~/sim/index.ts';
import { HELP } from '~/sim/cli/help.ts';
import { PRICE_FLAGS, RUN_FLAGS } from '~/sim/cli/flags.ts';

// One home per range: the validators, the CLI help and the defaults all read the rules tables.
describe('rules tables', () => {
  const base = { traffic: { kind: 'poisson', rate: 5 }, duration: 'const:10', requests: 10 };
  it('the validator fills the defaults the table declares', () => {
    const v = validateSimConfig(base);
    if (!v.ok) throw new Error(v.errors[0]!.message);
    const d = defaultsOf(SIM_RULES);
    for (const k of ['seed', 'idleTimeoutS', 'concurrencyLimit', 'provisioned', 'warmupS', 'memoryMb', 'ephemeralMb'] as const) expect(v.value[k]).toBe(d[k]);
    expect(v.value.async).toEqual({ maxEventAgeS: d.maxEventAgeS, maxRetryAttempts: d.maxRetryAttempts, errorRate: d.errorRate });
    expect(v.value.scaling).toEqual({ bucket: d.scalingBucket, refillPerS: d.scalingRefillPerS });
    expect(DEFAULT_LIMITS.maxEvents).toBe(d.maxEvents);
    expect(ENV_TRACE.maxSpans).toBe(d.maxSpans);
    const p = validatePriceInput({ requests: 1, durationMs: 1 });
    if (!p.ok) throw new Error(p.errors[0]!.message);
    expect(p.value.memoryMb).toBe(PRICE_RULES.memoryMb.default);
    expect(p.value.ephemeralMb).toBe(PRICE_RULES.ephemeralMb.default);
  });
  it.each(['seed', 'idleTimeoutS', 'maxLifetimeS', 'concurrencyLimit', 'simSeconds', 'memoryMb', 'ephemeralMb'] as const)('a bad %s is refused with the range from SIM_RULES', (k) => {
    const v = validateSimConfig({ ...base, [k]: -7.5 });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]).toMatchObject({ field: k, expected: expectedOf(SIM_RULES[k]) });
  });
  it.each(['memoryMb', 'ephemeralMb', 'pc', 'pcHours', 'initMs'] as const)('a bad %s is refused with the range from PRICE_RULES', (k) => {
    const v = validatePriceInput({ requests: 1, durationMs: 1, [k]: 1e20 });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]).toMatchObject({ field: k, expected: expectedOf(PRICE_RULES[k]) });
  });
  it('--help states every numeric flag with its rule', () => {
    for (const flags of [PRICE_FLAGS, RUN_FLAGS])
      for (const [flag, spec] of Object.entries(flags)) {
        expect(HELP).toContain(`--${flag} `);
        if (spec.rule) expect(HELP).toContain(expectedOf(spec.rule).replace(/^a/, 'A'));
      }
  });
  it('every rule is plain, consistent data', () => {
    for (const table of [SIM_RULES, PRICE_RULES])
      for (const r of Object.values(table)) {
        expect(r.min).toBeLessThan(r.max);
        if (r.default !== null) expect(r.default >= r.min && r.default <= r.max).toBe(true);
        expect(r.help.length).toBeGreaterThan(5);
      }
    expect(structuredClone(SIM_RULES)).toEqual(SIM_RULES);
  });
});
