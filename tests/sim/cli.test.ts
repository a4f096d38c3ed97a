import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliWith, type FakeFile } from './cliHarness.ts';

const FILES: Record<string, FakeFile> = { 'trace.csv': 'second,count\n0,5\n1,0\n2,7\n', 'bad.csv': 'hello,world\n1,2\n' };
const cli = (...argv: string[]) => cliWith(FILES, ...argv);

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

describe('a CLI that cannot run away or hurt the terminal', () => {
  const refused = (r: { code: number; out: string; err: string }, re: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(re);
  };

  it('refuses runs whose work would take more than a few minutes, and says the cap and how to shrink the run', () => {
    refused(cli('run', '--rate', '1000', '--sim-seconds', '2678400'), /about 2,678,400,000 invocations \(--rate × --sim-seconds\); the CLI runs at most 300,000,000 .*Lower --requests, --sim-seconds or --rate/);
    refused(cli('run', '--rate', '1000', '--requests', '1000000000'), /about 1,000,000,000 invocations \(--requests\)/);
  });
  it('holds --requests and trace spans to the 31 days of --sim-seconds', () => {
    refused(cli('run', '--rate', '0.001', '--requests', '1000000'), /--requests must be at most 2,678 at 0.001 requests\/s \(31 days of simulated time/);
    refused(cliWith({ 'long.csv': 't\n0\n3000000\n' }, 'run', '--trace', 'long.csv'), /--trace: trace spans 34.7 days \(3,000,000 s\).*at most 31 days \(2,678,400 s\)/);
    refused(cliWith({ 'm.csv': 'minute,count\n0,1\n100000,1\n' }, 'run', '--trace', 'm.csv'), /--trace: trace spans 69.4 days/);
    // without --requests the run also stops at 31 days, instead of simulating a million requests over 11,574 days
    const r = cli('run', '--rate', '0.001', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).sim_seconds).toBe(2_678_400);
  });
  it('rejects absurd trace timestamps', () => {
    refused(cliWith({ 'a.csv': 't\n0\n1e300\n' }, 'run', '--trace', 'a.csv'), /--trace: trace spans .* at most 31 days/);
    refused(cliWith({ 'b.csv': 'second,count\n0,1\n1e15,1\n' }, 'run', '--trace', 'b.csv'), /--trace: trace spans/);
  });
  it('checks a trace file before reading it: a regular file, not too large', () => {
    refused(cliWith({ 'big.csv': { isFile: true, size: 600_000_000 } }, 'run', '--trace', 'big.csv'), /--trace file is too large: 600,000,000 bytes; the CLI reads at most 134,217,728 bytes \(128 MiB\)/);
    refused(cliWith({ '/dev/zero': { isFile: false, size: 0 } }, 'run', '--trace', '/dev/zero'), /--trace must be a regular file \(a CSV\); got "\/dev\/zero"/);
    refused(cliWith({}, 'run', '--trace', 'nope.csv'), /--trace must be a readable CSV file; got "nope.csv" \(not found\)/);
  });
  it('escapes control characters and cuts long values in every message that quotes input', () => {
    const esc = '\u001b]0;pwned\u0007\u001b[2J';
    for (const argv of [
      ['price', '--memory', esc, '--requests', '1', '--duration-ms', '1'],
      ['price', `--${esc}`, '1'],
      ['run', esc],
      [esc],
      ['run', '--rate', '5', '--duration', esc],
      ['run', '--rate', '5', '--arrival', esc],
      ['run', '--rate', '5', '--runtime', esc],
      ['run', '--trace', esc],
    ]) {
      const r = cli(...argv);
      expect(r.code).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(r.err).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(r.err).toContain('\\u001b');
    }
    const trace = cliWith({ 'c.csv': `t\n0\n${esc}\n` }, 'run', '--trace', 'c.csv');
    // eslint-disable-next-line no-control-regex
    expect(trace.err).not.toMatch(/[\u0000-\u001f]/);
    const long = cli('price', '--memory', 'x'.repeat(100_000), '--requests', '1', '--duration-ms', '1');
    expect(long.err).toMatch(/got "x{60}…" \(100,000 characters\)$/);
    expect(long.err.length).toBeLessThan(200);
  });
  it('refuses --pc without --pc-hours, the reverse, and provisioned requests that cannot fit', () => {
    refused(cli('price', '--requests', '10', '--duration-ms', '1', '--pc', '1'), /--pc-hours must be a number above 0 and up to 744 \(hours in a month\) when provisioned concurrency is on/);
    refused(cli('price', '--requests', '10', '--duration-ms', '1', '--pc-hours', '5'), /--pc must be an integer from 1 to 1,000,000 \(environments\) when provisioned hours are given/);
    refused(cli('price', '--requests', '10', '--duration-ms', '1', '--pc', '2', '--pc-hours', '0'), /--pc-hours must be a number above 0 and up to 744/);
    refused(cli('price', '--requests', '10000', '--duration-ms', '1000', '--pc', '1', '--pc-hours', '1', '--pc-requests', '10000'), /--pc-requests must be at most 3,600 at 1,000 ms each \(pc × pcHours × 3,600 s/);
    expect(cli('price', '--requests', '10000', '--duration-ms', '1000', '--pc', '1', '--pc-hours', '1', '--pc-requests', '3600').code).toBe(0);
  });
  it('never prints "-0"', () => {
    for (const argv of [
      ['price', '--requests', '-0', '--duration-ms', '-0', '--no-free-tier'],
      ['price', '--requests', '-0', '--duration-ms', '-0', '--json'],
      ['run', '--rate', '5', '--requests', '100', '--warmup-s', '-0', '--duration', 'const:-0'],
    ]) {
      const r = cli(...argv);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/(^|[^\w.])[-−]0(?![.\d])/m);
    }
  });
  it('prints help without a command and exits 0', () => {
    const r = cli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Lambda Lab simulator/);
    expect(r.err).toBe('');
  });
  it('prints counts and spans rounded with separators, and says what each percentage is of', () => {
    const r = cli('run', '--rate', '20', '--requests', '100000');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/invocations\s+100,000\n/);
    expect(r.out).toMatch(/simulated time \(statistics window\)\s+4,984 s, 1\.4 h \(4,984 s\)/);
    expect(r.out).toMatch(/cold starts\s+\d[\d,]* \(\d+\.\d\d% of executions\)/);
    expect(r.out).toMatch(/throttles\s+0 \(0\.00% of invocations\)/);
    const a = cli('run', '--rate', '20', '--requests', '1000', '--invocation', 'async', '--concurrency-limit', '10');
    expect(a.out).toMatch(/throttles\s+[\d,]+ \(\d+\.\d\d% of attempts\)/);
  });
});

describe('the real entry point refuses unreadable traces before reading them', () => {
  const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/sim/cli/main.ts', ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  it('/dev/zero is not a regular file; a 300 MB file is too large', () => {
    const z = node(['run', '--trace', '/dev/zero']);
    expect(z.status).toBe(2);
    expect(z.stderr).toMatch(/--trace must be a regular file/);
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const big = join(dir, 'big.csv');
    writeFileSync(big, 't\n');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used
    const b = node(['run', '--trace', big]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--trace file is too large: 314,572,800 bytes/);
  }, 20000);
});
