import { describe, expect, it } from 'vitest';
import { defaultsOf, describeRange, parseFields, SEED_FIELD, type Schema } from '~/widgets/shared/fieldSpec.ts';
import { buildSearch, hasUrlState, readUrlRaw } from '~/widgets/shared/urlState.ts';
import { formatCompact, formatNumber, formatPercent, formatRate, formatUsd } from '~/sim';
import { esc } from '~/widgets/shared/html.ts';
import { niceTicks, renderChartFigure, renderChartSvg, renderDataTable, type ChartSpec } from '~/widgets/shared/chart.ts';
import { createJobRunner, JobCancelled } from '~/widgets/shared/jobRunner.ts';
import { throttleProgress } from '~/widgets/shared/workerProtocol.ts';

const schema = {
  memoryMb: { kind: 'number', label: 'Memory (MB)', min: 128, max: 10240, integer: true, unit: 'MB', default: 1024, urlKey: 'mem' },
  arch: { kind: 'enum', label: 'Architecture', options: ['x86_64', 'arm64'], default: 'x86_64' },
  freeTier: { kind: 'bool', label: 'Include free tier', default: true },
  share: { kind: 'number', label: 'CPU-bound share (%)', min: 0, max: 100, unit: '%', default: 50 },
  seed: SEED_FIELD,
} satisfies Schema;

describe('fieldSpec', () => {
  it('fills defaults for absent keys', () => {
    expect(parseFields(schema, {})).toEqual({ value: defaultsOf(schema), errors: [] });
  });
  it('parses numbers with separators, enums and booleans', () => {
    const p = parseFields(schema, { memoryMb: '2,048', arch: 'arm64', freeTier: '0', share: '12.5', seed: '42' });
    expect(p.errors).toEqual([]);
    expect(p.value).toEqual({ memoryMb: 2048, arch: 'arm64', freeTier: false, share: 12.5, seed: 42 });
  });
  it('names the label and the accepted range, and keeps a NaN-free fallback', () => {
    const p = parseFields(schema, { memoryMb: '64', arch: 'sparc', share: 'abc', seed: '1.5' }, { memoryMb: 512 });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Memory (MB) must be an integer from 128 to 10,240 (MB); got "64"',
      'Architecture must be one of x86_64, arm64; got "sparc"',
      'CPU-bound share (%) must be a number from 0 to 100 (%); got "abc"',
      'Seed must be an integer from 0 to 4,294,967,295; got "1.5"',
    ]);
    expect(p.value.memoryMb).toBe(512);
    expect(p.value.share).toBe(50);
    expect(Object.values(p.value).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
  });
  it('treats an emptied number field as an error, not as zero', () => {
    expect(parseFields(schema, { memoryMb: '' }).errors[0]?.message).toMatch(/got nothing$/);
  });
  it('describes ranges', () => {
    expect(describeRange(schema.memoryMb)).toBe('an integer from 128 to 10,240 (MB)');
    expect(describeRange(schema.arch)).toBe('one of x86_64, arm64');
  });
});

describe('urlState', () => {
  it('round-trips a state under its prefix and keeps other parameters', () => {
    const state = { memoryMb: 512, arch: 'arm64' as const, freeTier: false, share: 25, seed: 7 };
    const search = buildSearch('price', schema, state, '?other=1&pcp.peak=9');
    expect(search).toBe('?other=1&pcp.peak=9&price.mem=512&price.arch=arm64&price.freeTier=0&price.share=25&price.seed=7');
    expect(hasUrlState('price', search)).toBe(true);
    const raw = readUrlRaw('price', schema, search);
    expect(parseFields(schema, raw).value).toEqual(state);
    expect(buildSearch('price', schema, null, search)).toBe('?other=1&pcp.peak=9');
    expect(hasUrlState('price', '?pcp.peak=9')).toBe(false);
  });
  it('validates URL values at the edge like typed input', () => {
    const raw = readUrlRaw('price', schema, '?price.mem=99999');
    expect(parseFields(schema, raw).errors[0]?.key).toBe('memoryMb');
  });
});

describe('format', () => {
  it('dollars and cents', () => {
    expect(formatUsd(18.334)).toBe('$18.33');
    expect(formatUsd(0.005)).toBe('$0.01');
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(NaN)).toBe('—');
  });
  it('numbers, rates, percents, compact', () => {
    expect(formatNumber(3_000_000)).toBe('3,000,000');
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatRate(0.0000166667)).toBe('$0.0000166667');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatCompact(10240)).toBe('10.2k');
    expect(formatCompact(3e6)).toBe('3M');
    expect(esc('<a "b">&')).toBe('&lt;a &quot;b&quot;&gt;&amp;');
  });
});

describe('chart', () => {
  const spec: ChartSpec = {
    id: 't',
    title: 'Cost by memory',
    x: { label: 'Memory (MB)', scale: 'log2' },
    y: { label: 'USD', min: 0 },
    series: [
      { name: 'a', kind: 'line', x: [128, 256, 512], y: [1, 2, NaN] },
      { name: 'b', kind: 'step', x: [128, 256, 512], y: [3, 2, 1] },
    ],
    marks: [{ x: 256, label: 'here' }],
    summary: 'Summary text.',
  };
  it('nice ticks', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 0.37, 4)).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it('renders an accessible SVG without NaN', () => {
    const svg = renderChartSvg(spec);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="t-title t-summary"');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).toMatch(/class="ll-step ll-tone-1" d="M[\d.]+,[\d.]+H/);
  });
  it('renders a figure with summary and a data table', () => {
    const html = renderChartFigure(spec);
    expect(html).toContain('<figcaption id="t-summary" class="ll-chart-summary">Summary text.</figcaption>');
    const table = renderDataTable(spec);
    expect(table.match(/<tr>/g)).toHaveLength(4);
    expect(table).toContain('<th scope="col">a (USD)</th>');
    expect(table).toContain('<td>—</td>');
  });
  it('adds table-only columns', () => {
    const t = renderDataTable({ ...spec, tableColumns: [{ name: 'Duration (ms)', values: [10, 20, 30] }] });
    expect(t).toContain('<th scope="col">Duration (ms)</th>');
    expect(t).toContain('<td>30</td></tr>');
  });
  it('survives empty and constant series', () => {
    const s = renderChartSvg({ ...spec, series: [{ name: 'e', kind: 'area', x: [], y: [] }] });
    expect(s).not.toMatch(/NaN/);
    const c = renderChartSvg({ ...spec, y: { label: 'y' }, series: [{ name: 'c', kind: 'area', x: [128, 256], y: [5, 5] }] });
    expect(c).not.toMatch(/NaN/);
  });
});

describe('jobRunner', () => {
  it('without Workers (Node), a run rejects with a clear message', async () => {
    const r = createJobRunner({ worker: () => { throw new Error('no'); } });
    await expect(r.run(1)).rejects.toThrow('this browser cannot start a Web Worker');
  });
  it('JobCancelled is an Error with a name', () => {
    expect(new JobCancelled()).toBeInstanceOf(Error);
    expect(new JobCancelled().name).toBe('JobCancelled');
  });
  it('throttles progress but always reports completion', () => {
    const seen: number[] = [];
    let t = 0;
    const p = throttleProgress((d) => seen.push(d), () => t, 50);
    p(1, 10); t = 10; p(2, 10); t = 60; p(3, 10); t = 61; p(10, 10);
    expect(seen).toEqual([1, 3, 10]);
  });
});

describe('jobRunner with a (fake) worker', () => {
  /** A Worker stand-in that answers with progress then a result, after a tick; records terminations. */
  class FakeWorker {
    static made = 0;
    static terminated = 0;
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: ((e: { message: string }) => void) | null = null;
    constructor() {
      FakeWorker.made++;
    }
    postMessage(m: { id: number; payload: number }) {
      setTimeout(() => {
        this.onmessage?.({ data: { type: 'progress', id: m.id, done: 1, total: 2 } });
        setTimeout(() => this.onmessage?.({ data: m.payload < 0 ? { type: 'error', id: m.id, message: 'negative' } : { type: 'result', id: m.id, result: m.payload * 10 } }), 5);
      }, 1);
    }
    terminate() {
      FakeWorker.terminated++;
    }
  }
  const g = globalThis as unknown as { Worker?: unknown };

  it('runs expensive jobs in the worker with progress and busy flags, reusing an idle worker', async () => {
    g.Worker = FakeWorker;
    try {
      const seen: string[] = [];
      const r = createJobRunner<number, number>({
        worker: () => new FakeWorker() as unknown as Worker,
        onProgress: (d, t) => seen.push(`${d}/${t}`),
        onBusy: (b) => seen.push(b ? 'busy' : 'idle'),
      });
      await expect(r.run(4)).resolves.toMatchObject({ result: 40 });
      await expect(r.run(5)).resolves.toMatchObject({ result: 50 });
      expect(seen).toEqual(['busy', '0/1', '1/2', 'idle', 'busy', '0/1', '1/2', 'idle']);
      expect(FakeWorker.made).toBe(1);
      await expect(r.run(-1)).rejects.toThrow('negative');
    } finally {
      delete g.Worker;
    }
  });

  it('a new run cancels the one in flight (JobCancelled) and terminates its worker; cancel() too', async () => {
    g.Worker = FakeWorker;
    try {
      FakeWorker.terminated = 0;
      const r = createJobRunner<number, number>({ worker: () => new FakeWorker() as unknown as Worker });
      const first = r.run(1);
      const second = r.run(2);
      await expect(first).rejects.toBeInstanceOf(JobCancelled);
      await expect(second).resolves.toMatchObject({ result: 20 });
      expect(FakeWorker.terminated).toBe(1);
      const third = r.run(3);
      expect(r.busy).toBe(true);
      r.cancel();
      await expect(third).rejects.toBeInstanceOf(JobCancelled);
      expect(r.busy).toBe(false);
    } finally {
      delete g.Worker;
    }
  });
});

describe('serveJobs (worker side)', () => {
  it('answers run messages with progress and a result, or an error message', async () => {
    const g = globalThis as unknown as { onmessage: ((e: { data: unknown }) => Promise<void>) | null; postMessage?: (m: unknown) => void };
    const posted: unknown[] = [];
    const savedPost = g.postMessage;
    g.postMessage = (m) => posted.push(m);
    try {
      const { serveJobs } = await import('~/widgets/shared/workerProtocol.ts');
      serveJobs((p: number, progress) => {
        progress(1, 2);
        progress(2, 2);
        if (p < 0) throw new Error('bad payload');
        return p + 1;
      });
      await g.onmessage!({ data: { type: 'run', id: 7, payload: 41 } });
      await g.onmessage!({ data: { type: 'run', id: 8, payload: -1 } });
      await g.onmessage!({ data: { type: 'other' } });
      expect(posted).toEqual([
        { type: 'progress', id: 7, done: 1, total: 2 },
        { type: 'progress', id: 7, done: 2, total: 2 },
        { type: 'result', id: 7, result: 42 },
        { type: 'progress', id: 8, done: 1, total: 2 },
        { type: 'progress', id: 8, done: 2, total: 2 },
        { type: 'error', id: 8, message: 'bad payload' },
      ]);
    } finally {
      g.onmessage = null;
      if (savedPost) g.postMessage = savedPost;
      else delete g.postMessage;
    }
  });
});
