import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  durationAt, cpuCapacity, invocationCost, evaluateTuning, validateTuneInput, fitProfile, pickIndex, parsePowerTuning,
  decodeBase64, TUNE_RULES, VCPU_STEPS_MB, US_EAST_1, priceMonthly, type TuneInput,
} from '~/sim/index.ts';
import { TWO_THREAD_POINTS, visualizationUrl, stateMachineOutput, README_URL, int16Field, float32Field } from './powerTuningFixture.ts';

function input(raw: Record<string, unknown>): TuneInput {
  const v = validateTuneInput(raw);
  if (!v.ok) throw new Error(v.errors[0]!.message);
  return v.value;
}

describe('CPU capacity', () => {
  it('is memory / 1,769 vCPU, capped by the threads', () => {
    expect(cpuCapacity(1769, 1)).toBe(1);
    expect(cpuCapacity(128, 1)).toBeCloseTo(128 / 1769, 15);
    expect(cpuCapacity(10240, 6)).toBeCloseTo(10240 / 1769, 12); // 5.79 vCPU at the maximum
    expect(cpuCapacity(10240, 2)).toBe(2);
    expect(cpuCapacity(3000, 1)).toBe(1);
  });
  it('whole-vcpus: proportional up to 1,769 MB, then ceil(m / 1,769) cores', () => {
    expect(cpuCapacity(1024, 4, 'whole-vcpus')).toBe(cpuCapacity(1024, 4));
    expect(cpuCapacity(1770, 4, 'whole-vcpus')).toBe(2);
    expect(cpuCapacity(3538, 4, 'whole-vcpus')).toBe(2);
    expect(cpuCapacity(3539, 4, 'whole-vcpus')).toBe(3);
    expect(cpuCapacity(10240, 6, 'whole-vcpus')).toBe(6);
    expect(VCPU_STEPS_MB).toEqual([1769, 3538, 5307, 7076, 8845]);
  });
});

describe('duration model', () => {
  it("reproduces AWS's prime-number example: 11.722 s at 128 MB → about 1.465 s at 1,024 MB", () => {
    const p = { durationMs: 11722, atMemoryMb: 128, cpuShare: 1, threads: 1 };
    expect(durationAt(p, 128)).toBe(11722);
    expect(durationAt(p, 1024)).toBeCloseTo(1465.25, 9);
    expect(durationAt(p, 1769)).toBeCloseTo((11722 * 128) / 1769, 9);
    expect(durationAt(p, 3008)).toBe(durationAt(p, 1769)); // one thread: nothing past 1 vCPU
  });
  it('keeps the I/O share constant', () => {
    const p = { durationMs: 1000, atMemoryMb: 128, cpuShare: 0.25, threads: 1 };
    expect(durationAt(p, 256)).toBeCloseTo(750 + 125, 9);
    expect(durationAt({ ...p, cpuShare: 0 }, 10240)).toBe(1000);
  });
  it('lets threads use the vCPUs above 1,769 MB', () => {
    const p = { durationMs: 2000, atMemoryMb: 1769, cpuShare: 1, threads: 4 };
    expect(durationAt(p, 3538)).toBeCloseTo(1000, 9);
    expect(durationAt(p, 7076)).toBeCloseTo(500, 9);
    expect(durationAt(p, 10240)).toBeCloseTo(500, 9);
  });
  it('property: duration never rises with memory and never drops below the I/O part', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 900_000, noNaN: true }), fc.integer({ min: 128, max: 10240 }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 6 }), fc.integer({ min: 128, max: 10239 }), fc.constantFrom('proportional', 'whole-vcpus' as const),
      (d, m0, s, t, m, model) => {
        const p = { durationMs: d, atMemoryMb: m0, cpuShare: s, threads: t, cpuModel: model };
        const a = durationAt(p, m);
        const b = durationAt(p, m + 1);
        return Number.isFinite(a) && b <= a * (1 + 1e-12) && a >= d * (1 - s) * (1 - 1e-12);
      }));
  });
});

describe('cost', () => {
  it('rounds up to 1 ms and adds the request price (x86_64 and arm64 rates from US_EAST_1)', () => {
    const x = invocationCost(1024, 1465.25, 'x86_64', 1000);
    expect(x.billedMs).toBe(1466);
    expect(x.costPerInvocationUsd).toBeCloseTo(1.466 * 0.0000166667 + 0.0000002, 15);
    const a = invocationCost(1024, 1465.25, 'arm64', 1000);
    expect(a.costPerInvocationUsd).toBeCloseTo(1.466 * 0.0000133334 + 0.0000002, 15);
    expect(x.monthlyCostUsd).toBeCloseTo(1000 * x.costPerInvocationUsd, 12);
  });
  it('prices the month with priceMonthly (tiers, no free tier)', () => {
    const c = invocationCost(10240, 900_000, 'x86_64', 1e9);
    const bill = priceMonthly({ memoryMb: 10240, arch: 'x86_64', requests: 1e9, durationMs: 900_000, freeTier: false });
    expect(c.monthlyCostUsd).toBe(bill.totalUsd);
    expect(c.monthlyCostUsd).toBeLessThan(1e9 * c.costPerInvocationUsd); // past 6B GB-s the second tier is cheaper
  });
  it("AWS's example costs about the same at 128 and 1,024 MB, per 1,000 invocations", () => {
    const r = evaluateTuning(input({ durationMs: 11722, atMemoryMb: 128, cpuShare: 1, threads: 1, memorySizes: '128,1024', requests: 1000 }));
    expect(r.points.map((p) => p.billedMs)).toEqual([11722, 1466]);
    expect(r.points[0]!.monthlyCostUsd).toBeCloseTo(0.024620882175, 12); // AWS: $0.024628
    expect(r.points[1]!.monthlyCostUsd).toBeCloseTo(0.0246333822, 12); // AWS: $0.024638
    expect(r.fastest.memoryMb).toBe(1024);
    expect(r.cheapest.memoryMb).toBe(128);
  });
  it('uses the rates object it is given, not copies', () => {
    const rates = { ...US_EAST_1, requestUsd: 0 };
    expect(invocationCost(1024, 1000, 'x86_64', 1, rates).costPerInvocationUsd).toBeCloseTo(0.0000166667, 15);
  });
});

describe('strategies', () => {
  const pts = [
    { memoryMb: 128, durationMs: 1000, costPerInvocationUsd: 4 },
    { memoryMb: 256, durationMs: 500, costPerInvocationUsd: 4 },
    { memoryMb: 512, durationMs: 300, costPerInvocationUsd: 5 },
    { memoryMb: 1024, durationMs: 300, costPerInvocationUsd: 10 },
  ];
  it('cost: the cheapest, the faster of equal costs', () => expect(pickIndex(pts, 'cost')).toBe(1));
  it('speed: the fastest, the smallest of equal durations', () => expect(pickIndex(pts, 'speed')).toBe(2));
  it("balanced: Power Tuning's w·cost/max + (1−w)·duration/max", () => {
    // w = 0.5: 256 → 0.5·0.4 + 0.5·0.5 = 0.45; 512 → 0.25 + 0.15 = 0.40
    expect(pickIndex(pts, 'balanced', 0.5)).toBe(2);
    // w = 1 weighs cost only; unlike 'cost' it does not prefer the faster of equal costs (Power Tuning
    // sorts by the value alone, keeping the ascending-memory order on ties)
    expect(pickIndex(pts, 'balanced', 1)).toBe(0);
    expect(pickIndex(pts, 'balanced', 0)).toBe(pickIndex(pts, 'speed'));
    expect(pickIndex([], 'cost')).toBe(-1);
  });
  it('equal GB-s tie instead of being split by rounding noise', () => {
    const r = evaluateTuning(input({ durationMs: 11722, atMemoryMb: 128, cpuShare: 1, threads: 1, memorySizes: '128,256', requests: 1 }));
    expect(r.cheapest.memoryMb).toBe(256); // same cost, faster
  });
});

describe('validateTuneInput', () => {
  it('fills the rules-table defaults', () => {
    const v = input({});
    expect(v.durationMs).toBe(TUNE_RULES.durationMs.default);
    expect(v.cpuShare).toBe(TUNE_RULES.cpuShare.default);
    expect(v.memorySizes[0]).toBe(128);
    expect(v.arch).toBe('x86_64');
  });
  it('names the field and the range', () => {
    const v = validateTuneInput({ cpuShare: 1.5, threads: 7, memorySizes: '128,99999', durationMs: 0, strategy: 'fast' });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const msg = v.errors.map((e) => e.message);
    expect(msg).toContain('cpuShare must be a number from 0 to 1; got 1.5');
    expect(msg).toContain('threads must be an integer from 1 to 6; got 7');
    expect(msg).toContain('durationMs must be a number above 0 and up to 900,000 (ms); got 0');
    expect(msg.find((m) => m.startsWith('memorySizes'))).toMatch(/from 128 to 10,240 \(MB\); got "99999"/);
    expect(msg).toContain('strategy must be one of cost, speed, balanced; got "fast"');
  });
  it('sorts and de-duplicates memory sizes', () => expect(input({ memorySizes: '1024, 128,1024' }).memorySizes).toEqual([128, 1024]));
});

describe('base64', () => {
  it('decodes what Buffer encodes, padded or not, standard or URL-safe', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const s = Buffer.from(bytes).toString('base64');
      const a = decodeBase64(s);
      const b = decodeBase64(s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
      return a.ok && b.ok && Buffer.from(a.bytes).equals(Buffer.from(bytes)) && Buffer.from(b.bytes).equals(Buffer.from(bytes));
    }));
  });
  it('refuses other characters and impossible lengths', () => {
    expect(decodeBase64('ab*d')).toEqual({ ok: false, error: 'is not valid base64 (character "*" at position 3)' });
    expect(decodeBase64('abcde').ok).toBe(false);
  });
});

describe('Power Tuning import', () => {
  it('reads the visualization URL', () => {
    const r = parsePowerTuning(visualizationUrl(TWO_THREAD_POINTS));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('url');
    expect(r.value.currency).toBe('USD');
    expect(r.value.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536, 3008, 5120]);
    r.value.points.forEach((p, i) => expect(p.durationMs).toBe(Math.fround(TWO_THREAD_POINTS[i]!.durationMs)));
  });
  it("reads the README's real URL", () => {
    const r = parsePowerTuning(README_URL);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536, 3008]);
    expect(r.value.points[0]!.durationMs).toBeCloseTo(37002.398, 3);
  });
  it('reads the state machine output, the bare results object, and the URL inside when stats are absent', () => {
    const full = parsePowerTuning(stateMachineOutput(TWO_THREAD_POINTS, TWO_THREAD_POINTS[4]));
    if (!full.ok) throw new Error(full.error);
    expect(full.value.format).toBe('json');
    expect(full.value.points[6]!.durationMs).toBe(TWO_THREAD_POINTS[6]!.durationMs); // JSON keeps float64
    expect(full.value.reported?.memoryMb).toBe(1536);
    const results = JSON.parse(stateMachineOutput(TWO_THREAD_POINTS)).results;
    const bare = parsePowerTuning(JSON.stringify(results));
    expect(bare.ok && bare.value.points.length).toBe(7);
    delete results.stats;
    const viaUrl = parsePowerTuning(JSON.stringify({ results }));
    expect(viaUrl.ok && viaUrl.value.points.length).toBe(7);
  });
  it('sorts JSON stats by memory and reads ?currency=', () => {
    const shuffled = JSON.parse(stateMachineOutput(TWO_THREAD_POINTS));
    shuffled.results.stats.reverse();
    const r = parsePowerTuning(JSON.stringify(shuffled));
    expect(r.ok && r.value.points[0]!.memoryMb).toBe(128);
    const cny = parsePowerTuning(visualizationUrl(TWO_THREAD_POINTS, 'https://lambda-power-tuning.show/?currency=CNY'));
    expect(cny.ok && cny.value.currency).toBe('CNY');
  });
  it('accepts a %-encoded hash and a bare hash', () => {
    const url = visualizationUrl(TWO_THREAD_POINTS);
    const hash = url.slice(url.indexOf('#') + 1);
    expect(parsePowerTuning(hash).ok).toBe(true);
    expect(parsePowerTuning(`https://lambda-power-tuning.show/#${encodeURIComponent(hash)}`).ok).toBe(true);
  });

  const sizes = [128, 256, 512];
  const durs = [400, 200, 100];
  const costs = [1e-7, 1e-7, 1e-7];
  const url = (a: string, b: string, c: string) => `https://lambda-power-tuning.show/#${a};${b};${c}`;
  const broken: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['two fields', url(int16Field(sizes), float32Field(durs), '').replace(/;$/, ''), /3 base64 fields\); got 2 fields/],
    ['bad base64', url('@@@@', float32Field(durs), float32Field(costs)), /memory sizes field is not valid base64/],
    ['odd bytes', url(Buffer.from([128, 0, 0]).toString('base64'), float32Field(durs), float32Field(costs)), /3 bytes, not a multiple of 2/],
    ['truncated floats', url(int16Field(sizes), Buffer.from(new Uint8Array(10)).toString('base64'), float32Field(costs)), /10 bytes, not a multiple of 4/],
    ['count mismatch', url(int16Field(sizes), float32Field([400, 200]), float32Field(costs)), /3 memory sizes, 2 durations and 3 costs/],
    ['NaN duration', url(int16Field(sizes), float32Field([400, NaN, 100]), float32Field(costs)), /point 2 .*averageDuration must be a number above 0 \(ms\); got a missing or non-numeric value/],
    ['negative cost', url(int16Field(sizes), float32Field(durs), float32Field([1e-7, -1, 1e-7])), /averagePrice must be a number from 0 up; got -1/],
    ['non-increasing', url(int16Field([128, 512, 256]), float32Field(durs), float32Field(costs)), /must increase; 256 MB follows 512 MB/],
    ['memory out of range', url(int16Field([64, 128, 256]), float32Field(durs), float32Field(costs)), /from 128 to 10,240 \(MB\); got 64/],
    ['one point', url(int16Field([128]), float32Field([1]), float32Field([1])), /at least 2 memory sizes/],
    ['JSON truncated', '{"results": {"stats": [', /does not parse/],
    ['JSON without results', '{"foo": 1}', /no "results" object/],
    ['JSON without stats or URL', '{"results": {"power": "128"}}', /neither results.stats .* nor results.stateMachine.visualization/],
    ['JSON stat without duration', '{"results": {"stats": [{"value": 128, "averagePrice": 1e-7}, {"value": 256, "averagePrice": 1e-7, "averageDuration": 5}]}}', /results.stats\[0\].averageDuration must be a number above 0/],
    ['JSON duplicate memory', '{"results": {"stats": [{"value": 128, "averagePrice": 1e-7, "averageDuration": 5}, {"value": "128", "averagePrice": 1e-7, "averageDuration": 5}]}}', /lists 128 MB twice/],
  ];
  it.each(broken)('refuses %s with a message', (_name, text, re) => {
    const r = parsePowerTuning(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(re);
    expect(r.error).not.toMatch(/NaN|undefined/);
  });
  it('property: any truncation of a valid URL is read or refused, never NaN', () => {
    const good = visualizationUrl(TWO_THREAD_POINTS);
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length }), (n) => {
      const r = parsePowerTuning(good.slice(0, n));
      return r.ok ? r.value.points.every((p) => Number.isFinite(p.durationMs) && Number.isFinite(p.costUsd)) : !/NaN/.test(r.error);
    }));
  });
});

describe('fit', () => {
  it('recovers a known two-thread profile from float32 measurements', () => {
    const r = parsePowerTuning(visualizationUrl(TWO_THREAD_POINTS));
    if (!r.ok) throw new Error(r.error);
    const f = fitProfile(r.value.points);
    expect(f.profile.threads).toBe(2);
    expect(f.threadsRange).toEqual([2, 2]);
    expect(f.profile.atMemoryMb).toBe(128);
    expect(f.profile.durationMs).toBeCloseTo(200 + (1600 * 1769) / 128, 2);
    expect(f.profile.cpuShare).toBeCloseTo((1600 * 1769) / 128 / (200 + (1600 * 1769) / 128), 6);
    expect(f.rmsRelativeError).toBeLessThan(1e-6);
  });
  it('says when the thread count cannot be told apart (all sizes under 1,769 MB)', () => {
    const f = fitProfile(TWO_THREAD_POINTS.slice(0, 4));
    expect(f.threadsRange).toEqual([1, 6]);
    expect(f.profile.threads).toBe(1);
  });
  it("states its error on Power Tuning's README run, which the model cannot match exactly", () => {
    const r = parsePowerTuning(README_URL);
    if (!r.ok) throw new Error(r.error);
    const f = fitProfile(r.value.points);
    expect(f.profile.threads).toBe(1);
    expect(f.profile.cpuShare).toBe(1);
    expect(f.rmsRelativeError).toBeCloseTo(0.10752, 4);
    expect(f.maxRelativeError).toBeCloseTo(0.15673, 4);
  });
  it('keeps the shares in 0–1 and the error finite on any measurements', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 128, max: 10240 }), { minLength: 2, maxLength: 12 }),
      fc.array(fc.double({ min: 0.5, max: 900_000, noNaN: true }), { minLength: 12, maxLength: 12 }),
      (sizes, durs) => {
        const f = fitProfile(sizes.map((m, i) => ({ memoryMb: m, durationMs: durs[i]! })));
        return f.profile.cpuShare >= 0 && f.profile.cpuShare <= 1 && Number.isFinite(f.rmsRelativeError) && Number.isFinite(f.profile.durationMs);
      }));
  });
});

describe('evaluateTuning with measurements', () => {
  it('prices the measured points and adds the fit', () => {
    const r = parsePowerTuning(stateMachineOutput(TWO_THREAD_POINTS, TWO_THREAD_POINTS[4]));
    if (!r.ok) throw new Error(r.error);
    const res = evaluateTuning(input({}), r.value);
    expect(res.pointsSource).toBe('measured');
    expect(res.points.map((p) => p.durationMs)).toEqual(TWO_THREAD_POINTS.map((p) => p.durationMs));
    expect(res.fit?.threads).toBe(2);
    expect(res.fastest.memoryMb).toBe(5120);
    expect(res.powerTuningPick?.memoryMb).toBe(1536);
    expect(res.measured?.every((m) => Math.abs(m.relativeError) < 1e-9)).toBe(true);
    const model = evaluateTuning(input({ memorySizes: '3538,4096' }), r.value, true);
    expect(model.pointsSource).toBe('model');
    expect(model.points[0]!.durationMs).toBeCloseTo(1000, 6);
    expect(model.fastest.memoryMb).toBe(3538);
  });
});

describe('encodeVisualizationHash', () => {
  it('writes what Buffer writes and parsePowerTuning reads back', async () => {
    const { encodeVisualizationHash, encodeBase64 } = await import('~/sim/index.ts');
    const url = visualizationUrl(TWO_THREAD_POINTS);
    expect(encodeVisualizationHash(TWO_THREAD_POINTS)).toBe(url.slice(url.indexOf('#') + 1));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => encodeBase64(b) === Buffer.from(b).toString('base64')));
  });
});
