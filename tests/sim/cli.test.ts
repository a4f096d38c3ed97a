import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureCli } from './cliHarness.ts';

const FILES = { 'trace.csv': 'second,count\n0,5\n1,0\n2,7\n', 'bad.csv': 'hello,world\n1,2\n' };
const cli = (...argv: string[]) => captureCli(FILES, argv);

describe('sim price', () => {
  it('prints the JSON fields the issue names', () => {
    const r = cli('price', '--memory', '512', '--requests', '3000000', '--duration-ms', '1000', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['total_usd', 'request_charge_usd', 'compute_charge_usd', 'init_charge_usd', 'ephemeral_charge_usd', 'pc_charge_usd', 'pc_duration_charge_usd', 'compute_gb_s', 'billable_requests', 'lines'])
      expect(j).toHaveProperty(k);
    expect(j.total_usd).toBeCloseTo(18.73, 2);
  });
  it('takes every flag, including --no-free-tier and --flag=value', () => {
    const r = cli('price', '--memory=1024', '--arch', 'arm64', '--requests', '2000000', '--duration-ms', '100', '--ephemeral-mb', '1024', '--no-free-tier',
      '--pc', '5', '--pc-hours', '10', '--pc-requests', '1000000', '--pc-duration-ms', '80', '--cold-starts', '100', '--init-ms', '300', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.free_tier_requests_used).toBe(0);
    expect(j.pc_billed_seconds).toBe(36000);
    expect(j.init_charge_usd).toBeGreaterThan(0);
    expect(j.ephemeral_charge_usd).toBeGreaterThan(0);
  });
  it('prints a readable bill by default', () => {
    const r = cli('price', '--requests', '5000000', '--duration-ms', '120');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Requests/);
    expect(r.out).toMatch(/Total\s+\$/);
  });
});

describe('sim run', () => {
  it('prints the JSON fields the issue names', () => {
    const r = cli('run', '--rate', '20', '--duration', 'exp:1991', '--requests', '20000', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['invocations', 'cold_starts', 'cold_start_ratio', 'throttles', 'throttle_ratio', 'mean_environments', 'mean_busy', 'peak_concurrency', 'latency_ms', 'cost'])
      expect(j).toHaveProperty(k);
    expect(Object.keys(j.latency_ms)).toEqual(expect.arrayContaining(['p50', 'p90', 'p99']));
    expect(j.invocations).toBe(20000);
  });
  it('takes the full flag set', () => {
    const r = cli('run', '--rate', '50', '--arrival', 'constant', '--duration', 'lognormal:120:0.5', '--init', 'uniform:100:300', '--idle-timeout', '300',
      '--max-lifetime', '7200', '--concurrency-limit', '500', '--reserved', '100', '--provisioned', '5', '--reuse', 'newest', '--sim-seconds', '120',
      '--warmup-s', '10', '--seed', '9', '--invocation', 'async', '--memory', '2048', '--arch', 'arm64', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.window_seconds).toBe(110);
    expect(j.provisioned_executions).toBeGreaterThan(0);
    expect(j.async).not.toBeNull();
  });
  it('replays a trace file', () => {
    const r = cli('run', '--trace', 'trace.csv', '--duration', 'const:10', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).invocations).toBe(12);
  });
  it('prints a readable summary by default', () => {
    const r = cli('run', '--rate', '5', '--requests', '1000');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cold starts/);
  });
});

describe('refusals: exit 2, one line naming the flag and the accepted range', () => {
  it.each([
    [['price', '--memory', '64', '--requests', '1', '--duration-ms', '1'], /--memory must be an integer from 128 to 10,240/],
    [['price', '--requests', '1', '--duration-ms', 'abc'], /--duration-ms must be a number from 0 to 900,000/],
    [['price', '--requests', '1'], /--duration-ms is required/],
    [['price', '--arch', 'sparc', '--requests', '1', '--duration-ms', '1'], /--arch must be one of x86_64, arm64/],
    [['price', '--requests', '10', '--duration-ms', '1', '--pc', '1', '--pc-requests', '11'], /--pc-requests must be an integer from 0 to 10/],
    [['price', '--requests', '1', '--duration-ms', '1', '--bogus', '3'], /unknown flag --bogus/],
    [['price', '--requests'], /--requests needs a value/],
    [['run', '--rate', '-5'], /--rate must be a number above 0/],
    [['run', '--rate', '5', '--duration', 'gamma:3'], /--duration must be const:MS, exp:MEAN_MS/],
    [['run', '--rate', '5', '--init', 'lognormal:100'], /--init must be/],
    [['run', '--rate', '5', '--reuse', 'fifo'], /--reuse must be one of mru, newest, lru/],
    [['run', '--rate', '5', '--reserved', '950'], /--reserved must be an integer from 0 to 900/],
    [['run', '--rate', '5', '--concurrency-limit', '0'], /--concurrency-limit must be an integer from 1/],
    [['run', '--rate', '5', '--idle-timeout', 'x'], /--idle-timeout must be a number/],
    [['run', '--rate', '5', '--sim-seconds', '10', '--warmup-s', '20'], /--warmup-s must be/],
    [['run', '--rate', '5', '--invocation', 'event'], /--invocation must be one of sync, async/],
    [['run', '--rate', '5', '--arrival', 'bursty'], /--arrival must be one of poisson, constant/],
    [['run', '--rate', '5', '--seed', '1.5'], /--seed must be an integer/],
    [['run', '--rate', '5', '--memory', '99999'], /--memory must be an integer from 128/],
    [['run', '--trace', 'missing.csv'], /--trace must be a readable CSV file/],
    [['run', '--trace', 'bad.csv'], /--trace: trace header/],
    [['run'], /--rate is required/],
    [['fly'], /unknown command "fly"/],
  ])('%j', (argv, re) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(re);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/NaN|at .*\.ts:\d+/);
  });
  it('prints help with --help', () => {
    const r = cli('run', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--concurrency-limit/);
  });
});

describe('the real entry point (node --import tsx src/sim/cli/main.ts)', () => {
  const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/sim/cli/main.ts', ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  it('exits 0 with JSON on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    writeFileSync(join(dir, 't.csv'), 't\n0\n0.5\n1.25\n');
    const r = node(['run', '--trace', join(dir, 't.csv'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).invocations).toBe(3);
  }, 20000);
  it('exits 2 with exactly one line on stderr and no stack trace', () => {
    const r = node(['price', '--memory', 'lots', '--requests', '1', '--duration-ms', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^sim price: --memory must be an integer from 128 to 10,240 \(MB\); got "lots"/);
  }, 20000);
});
