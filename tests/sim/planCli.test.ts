import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '~/sim/cli/runCli.ts';

const FIX = join(import.meta.dirname, 'fixtures/cloudwatch');

function cli(argv: string[], size?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      if (p === 'trace.csv') return 'minute,count\n0,600\n1,900\n2,300\n';
      return readFileSync(join(FIX, p), 'utf8');
    },
    statFile: (p) => ({ isFile: true, size: size ?? (p === 'trace.csv' ? 40 : readFileSync(join(FIX, p)).length) }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const KEYS = ['periods', 'period_s', 'invocations', 'peak_concurrency', 'cold_starts', 'concurrency_error', 'cost_usd', 'monthly_usd', 'pc_fixed_level', 'pc_schedule', 'throttled_minutes', 'details'];
const OPTIONS = ['on_demand_x86_64', 'on_demand_arm64', 'provisioned_fixed', 'provisioned_schedule'];

describe('sim plan', () => {
  it('prints the JSON the issue lists, with the imported total exactly', () => {
    const r = cli(['plan', '--cloudwatch', 'get-metric-data.json', '--memory', '512', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(KEYS);
    expect(j.periods).toBe(5);
    expect(j.period_s).toBe(60);
    expect(j.invocations).toBe(1199 + 1215 + 1302 + 1187 + 1260);
    expect(Object.keys(j.cost_usd)).toEqual(OPTIONS);
    expect(Object.keys(j.monthly_usd)).toEqual(OPTIONS);
    expect(j.pc_schedule).toHaveLength(24);
    expect(j.concurrency_error).toBeGreaterThanOrEqual(0);
    expect(j.details.replay_check).toBeNull(); // the model only, as on the page
    // Arm at the same speed is cheaper by its duration rate
    expect(j.monthly_usd.on_demand_arm64).toBeLessThan(j.monthly_usd.on_demand_x86_64);
  });
  it('reads the console CSV (--csv), a trace (--trace --duration-ms) and prints a table without --json', () => {
    const a = cli(['plan', '--cloudwatch', 'console-graph.csv', '--csv', '--no-free-tier', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/Imported 4 periods of 60 s from 2026-11-02T14:00:00Z: 3,601 invocations\./);
    expect(a.out).toMatch(/On-demand arm64/);
    expect(a.out).toMatch(/gaps: Invocations has no datapoint in 1 of 4 periods/);
    const b = cli(['plan', '--trace', 'trace.csv', '--duration-ms', '200', '--json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).invocations).toBe(1800);
  });
  it('--replay-check adds the full replay beside the model and changes nothing else', () => {
    const plain = JSON.parse(cli(['plan', '--cloudwatch', 'get-metric-data.json', '--json']).out);
    const r = cli(['plan', '--cloudwatch', 'get-metric-data.json', '--json', '--replay-check']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.details.replay_check)).toEqual(['peak_concurrency', 'cold_starts', 'throttles', 'scaling_throttled_periods', 'per_period_peak_error']);
    expect(j.details.replay_check.peak_concurrency).toBeGreaterThan(0);
    expect({ ...j, details: { ...j.details, replay_check: null } }).toEqual(plain);
    const text = cli(['plan', '--cloudwatch', 'get-metric-data.json', '--replay-check']).out;
    expect(text).toMatch(/Replay check \(every invocation through the simulator\): peak concurrency [\d,]+, cold starts [\d,]+ \(model [\d,]+\)/);
    expect(cli(['plan', '--help']).out).toMatch(/--replay-check/);
  });
  it('is the same run for the same seed', () => {
    const a = cli(['plan', '--cloudwatch', 'get-metric-data.json', '--json', '--seed', '7']).out;
    expect(cli(['plan', '--cloudwatch', 'get-metric-data.json', '--json', '--seed', '7']).out).toBe(a);
  });
  it.each([
    [['--cloudwatch', 'get-metric-data.json', '--memory', '64'], 'sim plan: --memory must be an integer from 128 to 10,240 (MB); got "64"'],
    [['--cloudwatch', 'get-metric-data.json', '--cold-start-target', '101'], 'sim plan: --cold-start-target must be a number from 0 to 100 (% of invocations); got "101"'],
    [['--cloudwatch', 'get-metric-data.json', '--arm-speed', '0'], 'sim plan: --arm-speed must be a number from 0.2 to 5 (arm64 duration ÷ x86_64 duration); got "0"'],
    [['--cloudwatch', 'get-metric-data.json', '--pc-levels', '0,x'], 'sim plan: --pc-levels must be a comma-separated list of at most 64 values, each an integer from 0 to 100,000 (environments); got "0,x"'],
    [['--cloudwatch', 'get-metric-data.json', '--arch', 'sparc'], 'sim plan: --arch must be one of x86_64, arm64; got "sparc"'],
    [['--memory', '512'], 'sim plan: --cloudwatch FILE (or --trace FILE --duration-ms MS) is required'],
    [['--trace', 'trace.csv'], 'sim plan: --duration-ms must be a number above 0 and up to 900,000 (ms) with --trace; got nothing'],
    [['--cloudwatch', 'nope.json'], 'sim plan: --cloudwatch must be a readable file; got "nope.json"'],
    [['--cloudwatch', 'two-pages.json', '--series', 'latency=dur'], 'sim plan: --series must be ROLE=NAME pairs with ROLE one of invocations, duration, duration-p50, duration-p90, duration-p99, concurrency, throttles; got "latency=dur"'],
    [['--cloudwatch', 'get-metric-data.json', '--bogus', '1'], 'sim plan: unknown flag --bogus; see --help'],
  ])('%j exits 2 with one line naming the flag', (args, line) => {
    const r = cli(['plan', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(line);
    expect(r.out).toBe('');
  });
  it('checks the file size before reading it', () => {
    const r = cli(['plan', '--cloudwatch', 'get-metric-data.json'], 200 * 1048576);
    expect(r.code).toBe(2);
    expect(r.err).toBe('sim plan: --cloudwatch: the file is 200.0 MB; at most 64 MB is accepted');
  });
  it('names the file problem with the parser message', () => {
    const r = cli(['plan', '--cloudwatch', 'console-graph.csv']);
    expect(r.code).toBe(0);
    const bad = cli(['plan', '--cloudwatch', 'two-pages.json', '--csv']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^sim plan: --cloudwatch: /);
  });
});
