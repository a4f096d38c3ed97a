import { describe, expect, it } from 'vitest';
import { parseTrace, nextArrival, createRng, runScenario, meanRate, type Traffic } from '~/sim/index.ts';
import { newArrivalCursor } from '~/sim/traffic/types.ts';

function arrivals(tr: Traffic, until: number, seed = 1): number[] {
  const rng = createRng(seed);
  const c = newArrivalCursor();
  const out: number[] = [];
  let t = nextArrival(rng, c, tr, 0);
  while (t <= until) {
    out.push(t);
    t = nextArrival(rng, c, tr, t);
  }
  return out;
}

describe('arrival processes', () => {
  it('constant: evenly spaced from t = 0, no drift', () => {
    const a = arrivals({ kind: 'constant', rate: 3 }, 1000);
    expect(a.length).toBe(3001);
    expect(a[3000]).toBe(1000);
  });
  it('poisson: count ≈ λt and exponential gaps (CV ≈ 1)', () => {
    const a = arrivals({ kind: 'poisson', rate: 50 }, 2000);
    expect(Math.abs(a.length / 100000 - 1)).toBeLessThan(0.015);
    const gaps = a.slice(1).map((x, i) => x - a[i]!);
    const m = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - m) ** 2, 0) / gaps.length);
    expect(sd / m).toBeCloseTo(1, 1);
  });
  it('diurnal: mean rate over a period, more traffic at the peak than at the trough', () => {
    const tr: Traffic = { kind: 'diurnal', meanRate: 2, amplitude: 0.8, periodS: 86400, peakAtS: 43200 };
    const a = arrivals(tr, 86400);
    expect(Math.abs(a.length / (2 * 86400) - 1)).toBeLessThan(0.02);
    const near = (c: number) => a.filter((t) => Math.abs(t - c) < 3600).length;
    expect(near(43200) / near(3600)).toBeGreaterThan(5);
  });
  it('steps / spike: piecewise rates', () => {
    const a = arrivals({ kind: 'steps', process: 'constant', steps: [{ atS: 0, rate: 1 }, { atS: 10, rate: 100 }, { atS: 11, rate: 0 }] }, 100);
    expect(a.filter((t) => t < 10).length).toBe(10);
    expect(a.filter((t) => t >= 10 && t < 11).length).toBe(100);
    expect(a.filter((t) => t >= 11).length).toBe(0);
    const p = arrivals({ kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 10 }, { atS: 1000, rate: 1000 }] }, 1100);
    expect(Math.abs(p.filter((t) => t >= 1000).length / 100000 - 1)).toBeLessThan(0.02);
  });
  it('trace counts: exactly the counts in each bin, in order', () => {
    const a = arrivals({ kind: 'traceCounts', counts: Float64Array.from([3, 0, 5, 1]), binS: 60 }, 1e9);
    expect(a.length).toBe(9);
    expect(a.filter((t) => t < 60).length).toBe(3);
    expect(a.filter((t) => t >= 60 && t < 120).length).toBe(0);
    expect(a.filter((t) => t >= 120 && t < 180).length).toBe(5);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
  });
  it('meanRate describes each kind', () => {
    expect(meanRate({ kind: 'poisson', rate: 4 })).toBe(4);
    expect(meanRate({ kind: 'traceCounts', counts: Float64Array.from([60, 60]), binS: 60 })).toBe(1);
  });
});

describe('parseTrace', () => {
  it('reads timestamps (with or without a header), sorts and shifts them to 0', () => {
    const r = parseTrace('timestamp\n1700000010\n1700000000.5\n# comment\n\n1700000003');
    expect(r.ok).toBe(true);
    if (r.ok && r.value.kind === 'traceTimes') expect([...r.value.timesS]).toEqual([0, 2.5, 9.5]);
    const ms = parseTrace('timestamp_ms\n1000\n1500\n');
    expect(ms.ok && ms.value.kind === 'traceTimes' && [...ms.value.timesS]).toEqual([0, 0.5]);
    const bare = parseTrace('0\n1\n2\n');
    expect(bare.ok).toBe(true);
  });
  it('reads counts per second or per minute', () => {
    const s = parseTrace('second,count\n10,3\n12,4\n');
    expect(s.ok && s.value.kind === 'traceCounts' && [...s.value.counts]).toEqual([3, 0, 4]);
    const m = parseTrace('minute,count\r\n0,100\r\n1,50\r\n');
    expect(m.ok && m.value.kind === 'traceCounts' && m.value.binS).toBe(60);
  });
  it.each([
    ['', /empty/],
    ['foo\n1\n', /header "foo"/],
    ['t\n1\nabc\n', /row 3/],
    ['second,count\n1,-4\n', /whole count/],
    ['a,b,c\n1,2,3\n', /not understood/],
  ])('refuses %j with a readable message', (csv, re) => {
    const r = parseTrace(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });
  it('drives a simulation', () => {
    const r = parseTrace('minute,count\n0,600\n1,1200\n2,0\n');
    if (!r.ok) throw new Error(r.error);
    const { summary, series } = runScenario({ traffic: r.value, duration: { kind: 'const', ms: 100 }, requests: 1e9 });
    expect(summary.invocations).toBe(1800);
    expect(series.arrivals.slice(0, 60).reduce((a, b) => a + b, 0)).toBe(600);
  });
});
