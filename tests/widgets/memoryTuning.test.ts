import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultsOf, parseFields, checkedDefaults } from '~/widgets/shared/fieldSpec.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { tuneSchema, checkState, tuneInputOf, TUNE_PRESETS, type TuneState } from '~/widgets/MemoryTuning/memoryTuningState.ts';
import { runTuning, fittedValues, chartGrid } from '~/widgets/MemoryTuning/memoryTuningRun.ts';
import { cliText, costChartSpec, durationChartSpec, measuredHtml, pointsTableHtml, summaryText, vcpuMarks } from '~/widgets/MemoryTuning/memoryTuningView.ts';
import { TUNE_RULES, parsePowerTuning, encodeVisualizationHash } from '~/sim';
import { runCli } from '~/sim/cli/runCli.ts';
import { toSnakeCase } from '~/sim/cli/toSnakeCase.ts';
import { TWO_THREAD_POINTS, visualizationUrl, README_URL } from '../sim/powerTuningFixture.ts';
import { stateArb } from './stateArb.ts';

const base = defaultsOf(tuneSchema);
const state = (o: Partial<TuneState>): TuneState => ({ ...base, ...o });

function view(s: TuneState, measured: Parameters<typeof runTuning>[1] = null) {
  const r = runTuning(s, measured);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.view;
}

function cliJson(args: string[]) {
  let out = '';
  const code = runCli([...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (out += t), readFile: () => '' });
  expect(code, out).toBe(0);
  return JSON.parse(out);
}

describe('memory tuning: fields come from TUNE_RULES', () => {
  it('ranges and defaults are the rules table', () => {
    for (const k of ['durationMs', 'atMemoryMb', 'cpuShare', 'threads', 'requests', 'balancedWeight', 'armDurationFactor'] as const) {
      expect(tuneSchema[k].min, k).toBe(TUNE_RULES[k].min);
      expect(tuneSchema[k].max, k).toBe(TUNE_RULES[k].max);
      expect(tuneSchema[k].default, k).toBe(TUNE_RULES[k].default);
    }
    expect(checkedDefaults(tuneSchema, checkState)).toEqual(base);
  });
  it("a 0 ms duration (in the field's range) is refused by the core's rule, with the widget's label", () => {
    expect(checkState(state({ durationMs: 0 }))).toEqual([{ key: 'durationMs', message: 'Measured average duration (ms) must be a number above 0 and up to 900,000 (ms); got 0' }]);
    expect(parseFields(tuneSchema, { threads: '7' }).errors[0]!.message).toBe('Threads the CPU work can use must be an integer from 1 to 6; got "7"');
  });
  it('every preset is a valid state; the prime-number preset is AWS’s example', () => {
    for (const [k, p] of Object.entries(TUNE_PRESETS)) expect(checkState(state(p.values)), k).toEqual([]);
    expect(TUNE_PRESETS['prime']!.values).toMatchObject({ durationMs: 11722, atMemoryMb: 128, cpuShare: 1, threads: 1 });
  });
});

describe('memory tuning: the same numbers as `npm run sim -- tune`', () => {
  it('AWS example: 1,024 MB runs in 1,465.25 ms at about the cost of 128 MB', () => {
    const v = view(state(TUNE_PRESETS['prime']!.values));
    const at = (m: number) => v.byArch.x86_64.points.find((p) => p.memoryMb === m)!;
    expect(at(1024).durationMs).toBeCloseTo(1465.25, 9);
    expect(at(1024).costPerInvocationUsd / at(128).costPerInvocationUsd).toBeCloseTo(1, 2); // +0.05%: the 1 ms round-up
    const cli = cliJson(['tune', '--duration-ms', '11722', '--at-memory', '128', '--cpu-share', '1', '--threads', '1', '--requests', String(base.requests)]);
    expect(toSnakeCase(v.byArch.x86_64.points)).toEqual(cli.points);
    expect(toSnakeCase(v.byArch.x86_64.best)).toEqual(cli.best);
  });
  it('arm64 durations follow the factor and arm64 rates', () => {
    const v = view(state({ armDurationFactor: 1.25 }));
    v.grid.forEach((_, i) => expect(v.duration.arm64[i]).toBeCloseTo(v.duration.x86_64[i]! * 1.25, 9));
    const cli = cliJson(['tune', '--duration-ms', '1000', '--arch', 'arm64']);
    expect(toSnakeCase(view(base).byArch.arm64.points)).toEqual(cli.points);
  });
  it('the CLI line reproduces the state', () => {
    expect(cliText(state({ strategy: 'balanced', balancedWeight: 0.3 }), null)).toBe('npm run sim -- tune --duration-ms 1000 --at-memory 128 --cpu-share 0.8 --threads 1 --requests 1000000 --strategy balanced --balanced-weight 0.3');
    const hash = encodeVisualizationHash(TWO_THREAD_POINTS);
    const line = cliText(base, hash);
    const args = line.replace('npm run sim -- ', '').split(' ').map((a) => a.replace(/^'|'$/g, ''));
    expect(cliJson(args).fit.threads).toBe(2);
  });
});

describe('memory tuning: imported measurements', () => {
  it('fits, draws the measured points and reports the error', () => {
    const m = parsePowerTuning(visualizationUrl(TWO_THREAD_POINTS));
    if (!m.ok) throw new Error(m.error);
    const fitted = fittedValues(m.value, base);
    expect(fitted.threads).toBe(2);
    const v = view(state(fitted), m.value);
    expect(v.measured?.fit?.rmsRelativeError).toBeLessThan(1e-6);
    const html = measuredHtml(v);
    expect(html).toContain('threads 2.');
    expect(html).toMatch(/Fit error: RMS 0\.0% of the measured durations/);
    expect(durationChartSpec(v).points).toHaveLength(7);
    for (const p of TWO_THREAD_POINTS) expect(v.grid).toContain(p.memoryMb);
  });
  it("the README run: fit error 10.8% stated, Power Tuning's own sizes", () => {
    const m = parsePowerTuning(README_URL);
    if (!m.ok) throw new Error(m.error);
    const v = view(state(fittedValues(m.value, base)), m.value);
    expect(measuredHtml(v)).toMatch(/RMS 10\.8%/);
    expect(v.measured!.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536, 3008]);
  });
});

describe('memory tuning: view', () => {
  it('marks 1,769 MB and each further vCPU step', () => {
    expect(vcpuMarks()).toEqual([{ x: 1769, label: '1 vCPU' }, { x: 3538, label: '' }, { x: 5307, label: '' }, { x: 7076, label: '' }, { x: 8845, label: '' }]);
    expect(durationChartSpec(view(base)).summary).toContain('Dotted lines: 1 vCPU at 1,769 MB, then one more every 1,769 MB (3,538, 5,307, 7,076, 8,845 MB).');
    const g = chartGrid();
    for (const s of [1769, 1770, 3538, 3539, 10240, 128]) expect(g).toContain(s);
  });
  it('summary, charts and table render the default with no NaN', () => {
    const v = view(base);
    const html = [summaryText(v), renderChartFigure(durationChartSpec(v)), renderChartFigure(costChartSpec(v)), pointsTableHtml(v)].join('');
    expect(summaryText(v)).toContain('Past 1,769 MB (1 vCPU for 1 thread) more memory no longer speeds it up.');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(pointsTableHtml(v)).toContain('cheapest x86_64');
  });
  it('property: any valid state renders finite numbers', () => {
    fc.assert(fc.property(stateArb(tuneSchema), (raw) => {
      const s = raw as TuneState;
      if (!tuneInputOf(s).ok) return true;
      const v = view(s);
      const html = [summaryText(v), renderChartFigure(durationChartSpec(v)), renderChartFigure(costChartSpec(v)), pointsTableHtml(v)].join('');
      return !/NaN|undefined|Infinity/.test(html) && v.duration.x86_64.every(Number.isFinite);
    }), { numRuns: 60 });
  });
});
