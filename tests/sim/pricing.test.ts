import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priceMonthly, validatePriceInput, US_EAST_1, tieredCost, type PriceInput } from '~/sim/index.ts';

const X86 = 0.0000166667;
const ARM = 0.0000133334;
const base: PriceInput = { memoryMb: 128, arch: 'x86_64', requests: 1, durationMs: 100, freeTier: false };

describe('priceMonthly: worked from first principles (AWS pricing examples)', () => {
  it('128 MB for 100 ms on x86: 0.125 GB × 0.1 s × rate, plus $2e-7 per request', () => {
    const b = priceMonthly(base);
    expect(b.computeChargeUsd).toBeCloseTo(0.125 * 0.1 * X86, 15);
    expect(b.computeChargeUsd).toBeCloseTo(2.0833e-7, 11);
    expect(b.requestChargeUsd).toBeCloseTo(2e-7, 15);
    expect(b.totalUsd).toBeCloseTo(2.0833e-7 + 2e-7, 11);
  });

  it('rounds the duration up to 1 ms: 46.12 → 47, 123.02 → 124', () => {
    expect(priceMonthly({ ...base, durationMs: 46.12 }).billedDurationMs).toBe(47);
    expect(priceMonthly({ ...base, durationMs: 123.02 }).billedDurationMs).toBe(124);
    expect(priceMonthly({ ...base, durationMs: 100 }).billedDurationMs).toBe(100);
  });

  it('bills INIT for an on-demand ZIP function on a managed runtime since 2025-08-01: 800 + 200 ms at 512 MB → 1 s', () => {
    const b = priceMonthly({ ...base, memoryMb: 512, durationMs: 200, coldStarts: 1, initMs: 800 });
    expect(b.initBilled).toBe(true);
    expect(b.computeChargeUsd + b.initChargeUsd).toBeCloseTo(8.3333e-6, 9);
    expect(b.computeChargeUsd + b.initChargeUsd).toBeCloseTo(0.5 * 1 * X86, 15);
  });

  it('before 2025-08-01 the same invoke billed only the 200 ms', () => {
    const b = priceMonthly({ ...base, memoryMb: 512, durationMs: 200, coldStarts: 1, initMs: 800, initBilling: 'before-2025-08-01' });
    expect(b.initBilled).toBe(false);
    expect(b.initChargeUsd).toBe(0);
    expect(b.computeChargeUsd).toBeCloseTo(0.5 * 0.2 * X86, 15);
  });

  it('always billed INIT for container images and custom runtimes', () => {
    for (const extra of [{ packaging: 'image' as const }, { runtimeKind: 'custom' as const }]) {
      const b = priceMonthly({ ...base, memoryMb: 1024, durationMs: 100, coldStarts: 10, initMs: 300, initBilling: 'before-2025-08-01', ...extra });
      expect(b.initBilled).toBe(true);
      expect(b.initChargeUsd).toBeCloseTo(10 * 0.3 * 1 * X86, 15);
    }
  });

  it('SnapStart replaces INIT with cache (min 3 h) and restore charges; not charged for Java', () => {
    const py = priceMonthly({ ...base, memoryMb: 1024, coldStarts: 100, initMs: 500, snapStart: { runtime: 'python', activeHours: 1 } });
    expect(py.initChargeUsd).toBe(0);
    expect(py.snapstartCacheGbS).toBe(3 * 3600);
    expect(py.snapstartChargeUsd).toBeCloseTo(3 * 3600 * 0.0000015046 + 100 * 0.0001397998, 12);
    const java = priceMonthly({ ...base, memoryMb: 1024, coldStarts: 100, initMs: 500, snapStart: { runtime: 'java', activeHours: 1 } });
    expect(java.snapstartChargeUsd).toBe(0);
  });

  it("AWS's classic example: 3M requests, 512 MB, 1 s, with the free tier → $18.73", () => {
    const b = priceMonthly({ memoryMb: 512, arch: 'x86_64', requests: 3e6, durationMs: 1000 });
    expect(b.computeGbS).toBe(1.5e6);
    expect(b.freeTierGbSUsed).toBe(400_000);
    expect(b.computeChargeUsd).toBeCloseTo(1.1e6 * X86, 8);
    expect(b.requestChargeUsd).toBeCloseTo(0.4, 10);
    expect(b.totalUsd).toBeCloseTo(18.73, 2);
  });

  it('free tier covers x86 and Arm alike, and never reduces provisioned-concurrency charges', () => {
    const arm = priceMonthly({ memoryMb: 1024, arch: 'arm64', requests: 2e6, durationMs: 100 });
    expect(arm.freeTierGbSUsed).toBe(2e5);
    expect(arm.computeChargeUsd).toBe(0);
    const pcIn: PriceInput = { memoryMb: 1024, arch: 'x86_64', requests: 2e6, durationMs: 100, pc: 10, pcHours: 730, pcRequests: 1e6, pcDurationMs: 100 };
    const on = priceMonthly(pcIn);
    const off = priceMonthly({ ...pcIn, freeTier: false });
    expect(on.pcChargeUsd).toBe(off.pcChargeUsd);
    expect(on.pcDurationChargeUsd).toBe(off.pcDurationChargeUsd);
    expect(on.pcChargeUsd).toBeCloseTo(10 * 1 * 730 * 3600 * 0.0000041667, 8);
    expect(on.pcDurationChargeUsd).toBeCloseTo(1e6 * 0.1 * 1 * 0.0000097222, 8);
    expect(on.onDemandRequests).toBe(1e6);
  });

  it('rounds the PC window up to 5 minutes', () => {
    const b = priceMonthly({ ...base, memoryMb: 1024, pc: 2, pcHours: 0.1 });
    expect(b.pcBilledSeconds).toBe(600);
    expect(b.pcChargeUsd).toBeCloseTo(2 * 600 * 0.0000041667, 12);
    expect(priceMonthly({ ...base, pc: 1, pcHours: 1 }).pcBilledSeconds).toBe(3600);
  });

  it('applies the duration tiers: x86 breaks at 6B and 15B GB-s, Arm at 7.5B and 18.75B', () => {
    const x = US_EAST_1.x86_64.durationTiers;
    expect(tieredCost(x, 0, 7e9)).toBeCloseTo(6e9 * X86 + 1e9 * 0.000015, 2);
    expect(tieredCost(x, 0, 16e9)).toBeCloseTo(6e9 * X86 + 9e9 * 0.000015 + 1e9 * 0.0000133334, 2);
    const a = US_EAST_1.arm64.durationTiers;
    expect(tieredCost(a, 0, 8e9)).toBeCloseTo(7.5e9 * ARM + 0.5e9 * 0.0000120001, 2);
    expect(tieredCost(a, 0, 20e9)).toBeCloseTo(7.5e9 * ARM + 11.25e9 * 0.0000120001 + 1.25e9 * 0.0000106667, 2);
    // through priceMonthly: 10240 MB (10 GB) × 1 s × 0.7B requests = 7B GB-s
    const b = priceMonthly({ memoryMb: 10240, arch: 'x86_64', requests: 7e8, durationMs: 1000, freeTier: false });
    expect(b.computeChargeUsd).toBeCloseTo(6e9 * X86 + 1e9 * 0.000015, 2);
  });

  it('charges ephemeral storage only above 512 MB', () => {
    expect(priceMonthly({ ...base, ephemeralMb: 512 }).ephemeralChargeUsd).toBe(0);
    const b = priceMonthly({ ...base, requests: 1000, durationMs: 1000, ephemeralMb: 10240 });
    expect(b.ephemeralGbS).toBeCloseTo(1000 * 1 * 9.5, 9);
    expect(b.ephemeralChargeUsd).toBeCloseTo(9500 * 0.0000000309, 15);
  });

  it('Arm duration is 20% cheaper, requests cost the same', () => {
    const x = priceMonthly({ ...base, requests: 1e6, durationMs: 500 });
    const a = priceMonthly({ ...base, arch: 'arm64', requests: 1e6, durationMs: 500 });
    expect(a.computeChargeUsd / x.computeChargeUsd).toBeCloseTo(0.8, 4);
    expect(a.requestChargeUsd).toBe(x.requestChargeUsd);
  });

  it('itemizes: lines add up to the total and the summary fields', () => {
    const b = priceMonthly({ memoryMb: 2048, arch: 'arm64', requests: 5e7, durationMs: 250, ephemeralMb: 2048, pc: 5, pcHours: 100, pcRequests: 1e7, coldStarts: 5000, initMs: 400 });
    const sum = b.lines.reduce((s, l) => s + l.usd, 0);
    expect(sum).toBeCloseTo(b.totalUsd, 9);
    expect(b.requestChargeUsd + b.computeChargeUsd + b.initChargeUsd + b.ephemeralChargeUsd + b.pcChargeUsd + b.pcDurationChargeUsd + b.snapstartChargeUsd).toBeCloseTo(b.totalUsd, 9);
    for (const l of b.lines) expect(Number.isFinite(l.usd) && Number.isFinite(l.quantity) && Number.isFinite(l.rate)).toBe(true);
  });
});

describe('validatePriceInput', () => {
  it('fills defaults', () => {
    const v = validatePriceInput({ requests: '1000', durationMs: '12.5' });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.value).toMatchObject({ memoryMb: 1024, arch: 'x86_64', requests: 1000, durationMs: 12.5, ephemeralMb: 512, freeTier: true, pc: 0 });
  });
  it.each([
    [{ memoryMb: 64 }, 'memoryMb', /128 to 10,240/],
    [{ memoryMb: 'abc' }, 'memoryMb', /integer/],
    [{ arch: 'mips' }, 'arch', /x86_64, arm64/],
    [{ ephemeralMb: 100 }, 'ephemeralMb', /512/],
    [{ durationMs: -1 }, 'durationMs', /0 to 900,000/],
    [{ pcRequests: 5, pc: 1 }, 'pcRequests', /at most/],
    [{ pcHours: 1000 }, 'pcHours', /744/],
    [{ requests: NaN }, 'requests', /integer/],
  ])('names the field and range for %j', (patch, field, re) => {
    const v = validatePriceInput({ requests: 1, durationMs: 1, ...patch });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      const e = v.errors.find((x) => x.field === field)!;
      expect(e.message).toContain(field);
      expect(e.message).toMatch(re);
    }
  });
  it('refuses non-objects without throwing', () => {
    expect(validatePriceInput(null).ok).toBe(false);
    expect(validatePriceInput('x').ok).toBe(false);
  });
});

describe('cost properties (fast-check)', () => {
  const input = fc.record({
    memoryMb: fc.integer({ min: 128, max: 10240 }),
    arch: fc.constantFrom('x86_64' as const, 'arm64' as const),
    requests: fc.integer({ min: 0, max: 1e10 }),
    durationMs: fc.double({ min: 0, max: 900000, noNaN: true }),
    freeTier: fc.boolean(),
    coldStarts: fc.integer({ min: 0, max: 1000 }),
    initMs: fc.double({ min: 0, max: 10000, noNaN: true }),
  });
  it('is monotone in memory', () => {
    fc.assert(fc.property(input, fc.integer({ min: 0, max: 5000 }), (p, extra) => {
      const bigger = { ...p, memoryMb: Math.min(10240, p.memoryMb + extra), coldStarts: Math.min(p.coldStarts, p.requests) };
      const small = { ...p, coldStarts: bigger.coldStarts };
      return priceMonthly(bigger).totalUsd >= priceMonthly(small).totalUsd - 1e-9;
    }), { numRuns: 300 });
  });
  it('is monotone in duration', () => {
    fc.assert(fc.property(input, fc.double({ min: 0, max: 100000, noNaN: true }), (p, extra) => {
      const q = { ...p, coldStarts: Math.min(p.coldStarts, p.requests) };
      return priceMonthly({ ...q, durationMs: Math.min(900000, q.durationMs + extra) }).totalUsd >= priceMonthly(q).totalUsd - 1e-9;
    }), { numRuns: 300 });
  });
  it('never returns NaN or a negative charge', () => {
    fc.assert(fc.property(input, (p) => {
      const b = priceMonthly({ ...p, coldStarts: Math.min(p.coldStarts, p.requests) });
      return [b.totalUsd, b.computeChargeUsd, b.initChargeUsd, b.requestChargeUsd].every((x) => Number.isFinite(x) && x >= 0);
    }), { numRuns: 300 });
  });
});

describe('bill notes', () => {
  it('group thousands the way AWS examples write them, whatever the locale', () => {
    const bill = priceMonthly({ memoryMb: 512, arch: 'x86_64', requests: 3_000_000, durationMs: 1000, freeTier: true } as PriceInput);
    expect(bill.lines.find((l) => l.label === 'Requests')?.note).toBe('3,000,000 requests − 1,000,000 free');
    expect(bill.lines.find((l) => l.label.startsWith('Compute'))?.note).toBe(
      '3,000,000 on-demand × 1,000 ms × 0.5 GB = 1,500,000 GB-s − 400,000 free',
    );
  });
});
