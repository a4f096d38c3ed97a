import { describe, expect, it } from 'vitest';
import { cliWith } from './cliHarness.ts';
import { TWO_THREAD_POINTS, visualizationUrl, stateMachineOutput, README_URL } from './powerTuningFixture.ts';

const FILES = { 'results.json': stateMachineOutput(TWO_THREAD_POINTS, TWO_THREAD_POINTS[4]), 'broken.json': '{"results": {"stats": [' };
const cli = (...argv: string[]) => cliWith(FILES, ...argv);

describe('sim tune', () => {
  it("prints the JSON fields for AWS's prime-number example", () => {
    const r = cli('tune', '--duration-ms', '11722', '--at-memory', '128', '--cpu-share', '1', '--threads', '1', '--memory-sizes', '128,1024,1769,3008', '--requests', '1000', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.points[0])).toEqual(['memory_mb', 'duration_ms', 'billed_ms', 'cost_per_invocation_usd', 'monthly_cost_usd']);
    expect(j.points[1]).toMatchObject({ memory_mb: 1024, duration_ms: 1465.25, billed_ms: 1466 });
    expect(j.fastest.memory_mb).toBe(1769);
    expect(j.cheapest.memory_mb).toBe(128);
    expect(j.best).toEqual(j.cheapest);
    expect(j).not.toHaveProperty('fit');
  });
  it('picks by --strategy and --balanced-weight, prices --arch', () => {
    const base = ['tune', '--duration-ms', '11722', '--cpu-share', '1', '--json'];
    expect(JSON.parse(cli(...base, '--strategy', 'speed').out).best.memory_mb).toBe(1769);
    const bal = JSON.parse(cli(...base, '--strategy', 'balanced', '--balanced-weight', '0.5').out);
    expect(bal.balanced_weight).toBe(0.5);
    expect(bal.best.memory_mb).toBeGreaterThan(128);
    const arm = JSON.parse(cli(...base, '--arch', 'arm64').out);
    const x86 = JSON.parse(cli(...base).out);
    expect(arm.points[0].cost_per_invocation_usd).toBeLessThan(x86.points[0].cost_per_invocation_usd);
    const steps = JSON.parse(cli('tune', '--duration-ms', '1000', '--at-memory', '1769', '--cpu-share', '1', '--threads', '4', '--cpu-model', 'whole-vcpus', '--memory-sizes', '1770', '--json').out);
    expect(steps.points[0].duration_ms).toBe(500);
  });
  it('fits a Power Tuning URL and a results file', () => {
    const u = JSON.parse(cli('tune', '--power-tuning', visualizationUrl(TWO_THREAD_POINTS), '--json').out);
    expect(u.fit.threads).toBe(2);
    expect(u.fit.rms_relative_error).toBeLessThan(1e-6);
    expect(u.points).toHaveLength(7);
    const f = JSON.parse(cli('tune', '--power-tuning', 'results.json', '--memory-sizes', '3538,10240', '--json').out);
    expect(f.points_source).toBe('model');
    expect(f.fastest.memory_mb).toBe(3538);
    expect(f.power_tuning_pick.memory_mb).toBe(1536);
  });
  it('prints a readable table', () => {
    const r = cli('tune', '--power-tuning', README_URL);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Memory \(MB\)\s+Duration \(ms\)/);
    expect(r.out).toMatch(/fit: CPU share 1 at 128 MB, threads 1, RMS relative error 10\.8%/);
    expect(r.out).not.toMatch(/NaN/);
  });
  it('prints its help', () => {
    const r = cli('tune', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--cpu-share S .*a number from 0 to 1/i);
    expect(cli('--help').out).toMatch(/sim -- tune/);
  });
  const bad: [string[], string][] = [
    [['--cpu-share', '1.5', '--duration-ms', '5'], 'sim tune: --cpu-share must be a number from 0 to 1; got "1.5"'],
    [['--threads', '7', '--duration-ms', '5'], 'sim tune: --threads must be an integer from 1 to 6; got "7"'],
    [['--duration-ms', '0'], 'sim tune: --duration-ms must be a number above 0 and up to 900,000 (ms); got "0"'],
    [['--duration-ms', '5', '--at-memory', '64'], 'sim tune: --at-memory must be an integer from 128 to 10,240 (MB); got "64"'],
    [['--duration-ms', '5', '--balanced-weight', '2'], 'sim tune: --balanced-weight must be a number from 0 to 1; got "2"'],
    [['--duration-ms', '5', '--requests', '-1'], 'sim tune: --requests must be an integer from 0 to 10,000,000,000,000; got "-1"'],
    [['--duration-ms', '5', '--strategy', 'fast'], 'sim tune: --strategy must be one of cost, speed, balanced; got "fast"'],
    [['--duration-ms', '5', '--arch', 'arm'], 'sim tune: --arch must be one of x86_64, arm64; got "arm"'],
    [['--duration-ms', '5', '--memory-sizes', '128,abc'], 'sim tune: --memory-sizes must be a comma-separated list of up to 200 memory sizes, each an integer from 128 to 10,240 (MB); got "abc"'],
    [[], 'sim tune: --duration-ms is required (or --power-tuning FILE|URL): a number above 0 and up to 900,000 (ms)'],
    [['--power-tuning', 'nope.json'], 'sim tune: --power-tuning must be a readable file or a visualization URL; got "nope.json"'],
    [['--power-tuning', 'broken.json'], 'sim tune: --power-tuning: Power Tuning JSON does not parse (truncated?)'],
    [['--power-tuning', 'https://lambda-power-tuning.show/#AAA;BBB'], 'sim tune: --power-tuning: the visualization URL must end in #sizes;durations;costs (3 base64 fields); got 2 fields'],
    [['--power-tuning', 'results.json', '--cpu-share', '0.5'], 'sim tune: --cpu-share and --power-tuning are exclusive: the profile is fitted to the measurements'],
    [['--duration-ms', '5', '--seed', '1'], 'sim tune: unknown flag --seed; see --help'],
  ];
  it.each(bad)('exits 2 with one line for %j', (argv, line) => {
    const r = cli('tune', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(line);
  });
});
