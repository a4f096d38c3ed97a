import { describe, expect, it } from 'vitest';
import { parseDist, formatDist, sampleDist, distMean, createRng, nextFloat, nextUint32, lognormalSigmaFromP90, defaultInitDist, INIT_MS, type Dist } from '~/sim/index.ts';
import { createLatencyHistogram, recordLatency, quantile } from '~/sim/index.ts';

describe('parseDist', () => {
  it.each([
    ['const:120', { kind: 'const', ms: 120 }],
    ['exp:1991', { kind: 'exp', meanMs: 1991 }],
    ['lognormal:120:0.5', { kind: 'lognormal', medianMs: 120, sigma: 0.5 }],
    ['uniform:50:150', { kind: 'uniform', minMs: 50, maxMs: 150 }],
  ])('%s', (text, value) => {
    const r = parseDist(text);
    expect(r).toEqual({ ok: true, value });
    expect(formatDist(value as Dist)).toBe(text);
  });
  it.each(['', 'exp', 'exp:0', 'exp:-1', 'const:abc', 'lognormal:100', 'lognormal:100:5', 'uniform:5:1', 'gamma:2', 'const:1e9', 'exp:1:2'])('refuses %j', (text) => {
    const r = parseDist(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/expected const:MS, exp:MEAN_MS, lognormal:MEDIAN_MS:SIGMA or uniform:MIN_MS:MAX_MS/);
  });
});

describe('random source and distributions', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const xa = Array.from({ length: 5 }, () => nextUint32(a));
    expect(Array.from({ length: 5 }, () => nextUint32(b))).toEqual(xa);
    expect(Array.from({ length: 5 }, () => nextUint32(c))).not.toEqual(xa);
  });
  it('is uniform on [0, 1): mean 1/2, variance 1/12, in range', () => {
    const r = createRng(1);
    let s = 0, s2 = 0, lo = 1, hi = 0;
    const n = 200000;
    for (let i = 0; i < n; i++) {
      const u = nextFloat(r);
      s += u; s2 += u * u; lo = Math.min(lo, u); hi = Math.max(hi, u);
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
  });
  it.each([
    [{ kind: 'const', ms: 5 } as Dist],
    [{ kind: 'exp', meanMs: 200 } as Dist],
    [{ kind: 'lognormal', medianMs: 100, sigma: 0.6 } as Dist],
    [{ kind: 'uniform', minMs: 10, maxMs: 30 } as Dist],
  ])('sample mean of %j matches distMean', (d) => {
    const r = createRng(3);
    const n = 200000;
    let s = 0;
    let min = Infinity;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = sampleDist(r, d);
      if (x < min) min = x;
      s += x;
      if (i < 20001) xs.push(x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(Math.abs(s / n / distMean(d) - 1)).toBeLessThan(0.01);
    if (d.kind === 'lognormal') expect(xs.sort((a, b) => a - b)[10000]! / d.medianMs).toBeCloseTo(1, 1);
  });
});

describe('INIT defaults per runtime (maxday/lambda-perf medians and p90s)', () => {
  it('fits a lognormal to the published median and p90', () => {
    const d = defaultInitDist('nodejs24.x');
    expect(d).toEqual({ kind: 'lognormal', medianMs: 135, sigma: lognormalSigmaFromP90(135, 156) });
    const r = createRng(5);
    const xs = Array.from({ length: 50000 }, () => sampleDist(r, d)).sort((a, b) => a - b);
    expect(xs[25000]!).toBeCloseTo(135, -1);
    expect(Math.abs(xs[45000]! / 156 - 1)).toBeLessThan(0.02);
    expect(defaultInitDist('java21', 'image', 'arm64')).toMatchObject({ medianMs: 313 });
    expect(Object.keys(INIT_MS)).toContain('python3.14');
  });
});

describe('latency histogram', () => {
  it('gives quantiles within 1% with memory independent of the count', () => {
    const h = createLatencyHistogram();
    for (let i = 1; i <= 100000; i++) recordLatency(h, i / 10);
    expect(Math.abs(quantile(h, 0.5) / 5000 - 1)).toBeLessThan(0.01);
    expect(Math.abs(quantile(h, 0.99) / 9900 - 1)).toBeLessThan(0.01);
    expect(quantile(h, 1)).toBeLessThanOrEqual(10000);
    expect(quantile(createLatencyHistogram(), 0.5)).toBe(0);
    const c = createLatencyHistogram();
    for (let i = 0; i < 10; i++) recordLatency(c, 123.456);
    expect(quantile(c, 0.9)).toBe(123.456);
  });
});
