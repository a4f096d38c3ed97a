import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultsOf, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { formatUsd } from '~/sim';
import { priceSchema, toCliArgs, type PriceState } from '~/widgets/PricingCalculator/pricingCalculatorState.ts';
import { computeBill, durationAt, memorySweep, MB_PER_VCPU } from '~/widgets/PricingCalculator/pricingCalculatorRun.ts';
import { billLinesHtml, sweepChartSpec, totalText } from '~/widgets/PricingCalculator/pricingCalculatorView.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { formatBill } from '~/sim/cli/format.ts';
import { runCli } from '~/sim/cli/runCli.ts';

const base = defaultsOf(priceSchema);
const state = (o: Partial<PriceState>): PriceState => ({ ...base, ...o });

/** What `npm run sim -- price … --json` prints, via the CLI's own entry (runCli). */
function cliJson(args: string[]) {
  let out = '';
  const code = runCli([...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (out += t), readFile: () => '' });
  expect(code).toBe(0);
  return JSON.parse(out);
}

function cliText(args: string[]): string {
  let out = '';
  runCli(args, { stdout: (t) => (out += t), stderr: () => {}, readFile: () => '' });
  return out;
}

/** Cells of the widget's bill table, as text. */
function tableCells(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tfoot>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<span class="ll-line-note">.*?<\/span>/, '').replace(/&amp;/g, '&')),
  );
}

describe('pricing calculator: the known bill', () => {
  it('512 MB x86_64, 3M requests, 1 s, free tier: $18.73 from first principles', () => {
    // Requests: (3,000,000 − 1,000,000 free) × $0.20/M = $0.40.
    // Compute: 3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s − 400,000 free = 1,100,000 GB-s × $0.0000166667 = $18.33337.
    const r = computeBill(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bill.requestChargeUsd).toBeCloseTo(0.4, 10);
    expect(r.bill.computeChargeUsd).toBeCloseTo(1_100_000 * 0.0000166667, 10);
    expect(totalText(r.bill)).toBe('$18.73');
  });
});

describe('pricing calculator: identical to `npm run sim -- price`', () => {
  const cases: Partial<PriceState>[] = [
    {},
    { memoryMb: 1024, arch: 'arm64', requests: 10_000_000, durationMs: 120.4, freeTier: false },
    { memoryMb: 2048, requests: 50_000_000, durationMs: 250, ephemeralMb: 4096, pc: 10, pcHours: 300, pcRequests: 20_000_000, pcDurationMs: 200, coldStarts: 30_000, initMs: 450 },
    { memoryMb: 128, requests: 900_000, durationMs: 15, coldStarts: 500, initMs: 800, packaging: 'image', initBilling: 'before-2025-08-01' },
    { memoryMb: 10240, arch: 'arm64', requests: 7_000_000_000, durationMs: 800 },
    { memoryMb: 2048, requests: 2_000_000, durationMs: 300, coldStarts: 4000, initMs: 2500, snapStart: 'python', snapStartHours: 200 },
    { memoryMb: 3008, requests: 500_000, durationMs: 90, coldStarts: 100, snapStart: 'java', snapStartHours: 2 },
  ];
  for (const c of cases) {
    it(`same total and lines: ${JSON.stringify(c)}`, () => {
      const s = state(c);
      const r = computeBill(s);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const cli = cliJson(toCliArgs(s));
      expect(r.bill.totalUsd).toBe(cli.total_usd);
      expect(totalText(r.bill)).toBe(formatUsd(cli.total_usd));
      expect(r.bill.lines).toEqual(cli.lines);
      // Each itemized row reads exactly as the CLI's text table prints it.
      const text = cliText(toCliArgs(s));
      const cliRows = text.split('\n\n')[0]!.split('\n').slice(1).map((l) => l.trim().split(/\s{2,}/));
      const rows = tableCells(billLinesHtml(r.bill));
      for (const [i, row] of rows.entries()) {
        const expected = cliRows[i]!;
        if (row[0] === 'Total') expect(row[4]).toBe(expected.at(-1));
        else expect(row).toEqual(expected);
      }
      expect(formatBill(r.bill)).toBe(text);
    });
  }

  it('the real command line agrees (npm run sim -- price, two input sets)', () => {
    for (const c of [cases[0]!, cases[2]!]) {
      const s = state(c);
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/sim/cli/main.ts', ...toCliArgs(s), '--json'], { encoding: 'utf8' });
      const r = computeBill(s);
      if (!r.ok) throw new Error('invalid');
      expect(JSON.parse(out).total_usd).toBe(r.bill.totalUsd);
      expect(formatUsd(JSON.parse(out).total_usd)).toBe(totalText(r.bill));
    }
  }, 30_000);
});

describe('pricing calculator: validation', () => {
  it('field ranges name the label and the accepted range', () => {
    const p = parseFields(priceSchema, { memoryMb: '64', requests: '-5', durationMs: 'abc', ephemeralMb: '100' });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Memory (MB) must be an integer from 128 to 10,240 (MB); got "64"',
      'Requests per month must be an integer from 0 to 10,000,000,000,000; got "-5"',
      'Average duration (ms) must be a number from 0 to 900,000 (ms); got "abc"',
      'Ephemeral storage (MB) must be an integer from 512 to 10,240 (MB); got "100"',
    ]);
  });
  it('cross-field rules come from validatePriceInput, reworded with the widget labels', () => {
    const r = computeBill(state({ requests: 1000, pc: 1, pcHours: 1, pcRequests: 5000 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ key: 'pcRequests', message: 'Requests served by provisioned environments must be an integer from 0 to 1000 (at most Requests per month); got 5000' }]);
    const r3 = computeBill(state({ snapStart: 'python', pc: 1, pcHours: 1 }));
    expect(!r3.ok && r3.errors[0]).toEqual({ key: 'pc', message: 'Provisioned concurrency (environments) must be 0 when SnapStart is on (SnapStart is incompatible with provisioned concurrency); got 1' });
    const r4 = computeBill(state({ snapStart: 'dotnet', packaging: 'image' }));
    expect(!r4.ok && r4.errors[0]).toEqual({ key: 'packaging', message: 'Package type must be ZIP archive when SnapStart is on (container images are not supported); got "image"' });
    const r2 = computeBill(state({ pcRequests: 10 }));
    expect(!r2.ok && r2.errors[0]!.message).toBe('Requests served by provisioned environments must be 0 when Provisioned concurrency is 0; got 10');
  });
});

describe('pricing calculator: memory chart', () => {
  it('duration model: 0% share changes nothing; 100% share scales with CPU up to the thread count', () => {
    expect(durationAt(4096, 512, 1000, 0, 1)).toBe(1000);
    expect(durationAt(1024, 512, 1000, 100, 1)).toBeCloseTo(500, 9);
    expect(durationAt(MB_PER_VCPU * 2, MB_PER_VCPU, 1000, 100, 1)).toBeCloseTo(1000, 9); // one thread: no gain past 1 vCPU
    expect(durationAt(MB_PER_VCPU * 2, MB_PER_VCPU, 1000, 100, 2)).toBeCloseTo(500, 9);
    expect(durationAt(10240, 128, 1000, 100, 6)).toBeCloseTo(1000 * (128 / 10240), 9);
    expect(durationAt(1024, 512, 1000, 50, 1)).toBeCloseTo(750, 9);
  });
  it('sweeps 128…10,240 MB for both architectures and matches priceMonthly at the current size', () => {
    const sw = memorySweep(base);
    expect(sw.memoryMb[0]).toBe(128);
    expect(sw.memoryMb.at(-1)).toBe(10240);
    const i = sw.memoryMb.indexOf(512);
    const r = computeBill(base);
    if (!r.ok) throw new Error('invalid');
    expect(sw.perMillion.x86_64[i]).toBeCloseTo((r.bill.totalUsd / 3) , 9);
    expect(sw.perMillion.x86_64.every(Number.isFinite)).toBe(true);
    // With duration constant, cost per million rises with memory; arm64 is cheaper.
    for (let k = 1; k < sw.memoryMb.length; k++) expect(sw.perMillion.x86_64[k]!).toBeGreaterThanOrEqual(sw.perMillion.x86_64[k - 1]!);
    expect(sw.perMillion.arm64[i]!).toBeLessThan(sw.perMillion.x86_64[i]!);
    // 128 MB × 1 s × 3M = 375,000 GB-s: inside the free 400,000, so both architectures cost the same there.
    expect(sw.cheapest).toEqual({ arch: 'x86_64', memoryMb: 128, usd: sw.perMillion.x86_64[0], tie: true });
    const paid = memorySweep(state({ freeTier: false }));
    expect(paid.cheapest).toEqual({ arch: 'arm64', memoryMb: 128, usd: paid.perMillion.arm64[0], tie: false });
  });
  it('a fully CPU-bound single-threaded function is cheapest around 1 vCPU or below', () => {
    const sw = memorySweep(state({ cpuShare: 100, freeTier: false }));
    // Compute cost per invocation is flat up to 1 vCPU (d ∝ 1/m), then grows: the minimum is ≤ 1,769 MB.
    expect(sw.cheapest!.memoryMb).toBeLessThanOrEqual(MB_PER_VCPU);
  });
  it('chart spec and figure: summary, table, no NaN; zero requests explained', () => {
    const html = renderChartFigure(sweepChartSpec(memorySweep(base), base));
    expect(html).toContain('the cheapest is x86_64 or arm64 (a tie) at 128 MB');
    expect(html).toContain('<table');
    expect(html).toContain('<th scope="col">Assumed average duration (ms)</th>');
    expect(html).not.toMatch(/NaN|undefined/);
    const zero = state({ requests: 0 });
    const z = renderChartFigure(sweepChartSpec(memorySweep(zero), zero));
    expect(z).toContain('No requests');
    expect(z).not.toMatch(/NaN|undefined/);
  });
  it('CLI args reproduce the state', () => {
    expect(toCliArgs(base).join(' ')).toBe('price --memory 512 --arch x86_64 --requests 3000000 --duration-ms 1000 --ephemeral-mb 512 --free-tier');
  });
});
