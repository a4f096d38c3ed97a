import { parseArgs, type ParsedArgs } from './parseArgs.ts';
import { formatBill, formatSummary } from './format.ts';
import { validatePriceInput } from '../pricing/validatePriceInput.ts';
import { priceMonthly } from '../pricing/priceMonthly.ts';
import { validateSimConfig } from '../engine/validateSimConfig.ts';
import { runScenario } from '../engine/runScenario.ts';
import { parseDist, DIST_FORMS, MAX_DIST_MS } from '../dist/parseDist.ts';
import { parseTrace } from '../traffic/parseTrace.ts';
import { RUNTIMES } from '../constants/initDurations.ts';
import type { FieldError } from '../validate/fields.ts';
import type { SimConfig } from '../engine/config.ts';
import type { Traffic } from '../traffic/types.ts';
import { runTune } from './tuneCommand.ts';

/** What the CLI needs from its host; main.ts passes process/fs, tests pass fakes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
}

const PRICE_FLAGS: Record<string, string> = {
  memory: 'memoryMb', arch: 'arch', requests: 'requests', 'duration-ms': 'durationMs', 'ephemeral-mb': 'ephemeralMb',
  pc: 'pc', 'pc-hours': 'pcHours', 'pc-requests': 'pcRequests', 'pc-duration-ms': 'pcDurationMs', 'cold-starts': 'coldStarts',
  'init-ms': 'initMs', package: 'packaging', 'runtime-kind': 'runtimeKind', 'init-billing': 'initBilling',
};
const PRICE_EXTRA = ['snapstart', 'snapstart-hours'];

const RUN_FLAGS: Record<string, string> = {
  rate: 'traffic.rate', arrival: 'traffic.kind', duration: 'duration', init: 'init', 'idle-timeout': 'idleTimeoutS',
  'max-lifetime': 'maxLifetimeS', 'concurrency-limit': 'concurrencyLimit', reserved: 'reserved', provisioned: 'provisioned',
  reuse: 'reuse', requests: 'requests', 'sim-seconds': 'simSeconds', 'warmup-s': 'warmupS', seed: 'seed',
  invocation: 'invocation', memory: 'memoryMb', arch: 'arch', trace: 'traffic', runtime: 'runtime', package: 'packaging',
  'max-events': 'limits.maxEvents', 'ephemeral-mb': 'ephemeralMb',
};

export const HELP = `Lambda Lab simulator (src/sim). Usage:

  npm run sim -- price [flags]   price a month of usage (us-east-1 rates)
    --memory MB            128–10240 (default 1024)
    --arch x86_64|arm64    (default x86_64)
    --requests N           all invocations in the month (required)
    --duration-ms MS       average duration of the on-demand ones (required; rounded up to 1 ms)
    --ephemeral-mb MB      512–10240 (default 512)
    --free-tier | --no-free-tier   (default on: 1M requests + 400,000 GB-s; never reduces PC charges)
    --pc N  --pc-hours H   provisioned concurrency and the hours it was enabled
    --pc-requests N        how many of --requests ran on provisioned environments
    --pc-duration-ms MS    their average duration (default --duration-ms)
    --cold-starts N  --init-ms MS   on-demand cold starts and average INIT duration
    --package zip|image  --runtime-kind managed|custom  --init-billing since-2025-08-01|before-2025-08-01
    --snapstart java|python|dotnet  --snapstart-hours H   SnapStart cache/restore instead of INIT
    --json                 machine-readable output

  npm run sim -- run [flags]     simulate traffic against one function
    --rate RPS  --arrival poisson|constant (default poisson)   or  --trace FILE (CSV, see README)
    --duration DIST        handler duration (default exp:1991); DIST is ${DIST_FORMS}
    --init DIST            INIT duration (default: published median/p90 of --runtime, lognormal)
    --runtime NAME         ${RUNTIMES.slice(0, 6).join(', ')}, ... (default nodejs24.x)  --package zip|image
    --idle-timeout S       fixed keep-alive (default 600)   --max-lifetime S   periodic recycling (off)
    --concurrency-limit N  account limit (default 1000)     --reserved N   --provisioned N
    --reuse mru|newest|lru (default mru)
    --requests N | --sim-seconds S   when to stop (default: --requests 1000000, or the whole --trace)
    --warmup-s S           excluded from statistics          --seed N   (default 1)
    --invocation sync|async (default sync)   --memory MB   --arch x86_64|arm64   --max-events N
    --json                 machine-readable output

  npm run sim -- tune [flags]    duration and cost against memory; Power Tuning import (tune --help)

A bad flag or value exits with code 2 and one line naming the flag and the accepted range.`;

class UsageError extends Error {}

function fieldToFlag(map: Record<string, string>, field: string): string {
  for (const [flag, f] of Object.entries(map)) if (f === field) return `--${flag}`;
  return field;
}

function firstError(map: Record<string, string>, errors: FieldError[]): string {
  const e = errors[0]!;
  const flag = fieldToFlag(map, e.field);
  if (e.expected === 'a distribution') return e.message.replace(`${e.field}:`, `${flag}:`);
  return `${flag} must be ${e.expected}; got ${e.got}`;
}

function price(args: ParsedArgs, io: CliIo): number {
  const raw: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(PRICE_FLAGS)) if (args.values.has(flag)) raw[field] = args.values.get(flag);
  if (args.bools.has('free-tier') && args.bools.has('no-free-tier')) throw new UsageError('--free-tier and --no-free-tier are exclusive');
  if (args.bools.has('no-free-tier')) raw['freeTier'] = false;
  if (!args.values.has('requests')) throw new UsageError('--requests is required: an integer from 0 to 1e13 (all invocations in the month)');
  if (!args.values.has('duration-ms')) throw new UsageError('--duration-ms is required: a number from 0 to 900000 (ms)');
  if (args.values.has('snapstart')) raw['snapStart'] = { runtime: args.values.get('snapstart'), activeHours: args.values.get('snapstart-hours') ?? 744 };
  else if (args.values.has('snapstart-hours')) throw new UsageError('--snapstart-hours needs --snapstart java|python|dotnet');
  const v = validatePriceInput(raw);
  if (!v.ok) {
    const e = v.errors[0]!;
    if (e.field === 'runtime' || e.field === 'activeHours') throw new UsageError(`--${e.field === 'runtime' ? 'snapstart' : 'snapstart-hours'} must be ${e.expected}; got ${e.got}`);
    throw new UsageError(firstError(PRICE_FLAGS, v.errors));
  }
  const bill = priceMonthly(v.value);
  io.stdout(args.bools.has('json') ? JSON.stringify(bill, null, 2) : formatBill(bill));
  return 0;
}

function dist(args: ParsedArgs, flag: string): SimConfig['duration'] | undefined {
  const text = args.values.get(flag);
  if (text === undefined) return undefined;
  const r = parseDist(text);
  if (!r.ok) throw new UsageError(`--${flag} must be ${DIST_FORMS} (times 0–${MAX_DIST_MS} ms); got "${text}"`);
  return r.value;
}

function run(args: ParsedArgs, io: CliIo): number {
  const has = (f: string) => args.values.has(f);
  const get = (f: string) => args.values.get(f);
  let traffic: Traffic | Record<string, unknown>;
  if (has('trace')) {
    if (has('rate')) throw new UsageError('--rate and --trace are exclusive: give one');
    if (has('arrival')) throw new UsageError('--arrival applies to --rate, not to --trace');
    let text: string;
    try {
      text = io.readFile(get('trace')!);
    } catch {
      throw new UsageError(`--trace must be a readable CSV file; got "${get('trace')}"`);
    }
    const t = parseTrace(text);
    if (!t.ok) throw new UsageError(`--trace: ${t.error}`);
    traffic = t.value;
  } else {
    if (!has('rate')) throw new UsageError('--rate is required (or --trace FILE): a number above 0 and up to 1,000,000 (requests/s)');
    const arrival = get('arrival') ?? 'poisson';
    if (arrival !== 'poisson' && arrival !== 'constant') throw new UsageError(`--arrival must be one of poisson, constant; got "${arrival}"`);
    traffic = { kind: arrival, rate: get('rate') };
  }
  const raw: Record<string, unknown> = { traffic, duration: dist(args, 'duration') ?? { kind: 'exp', meanMs: 1991 } };
  const init = dist(args, 'init');
  if (init) raw['init'] = init;
  for (const [flag, field] of Object.entries(RUN_FLAGS)) {
    if (['rate', 'arrival', 'duration', 'init', 'trace', 'max-events'].includes(flag)) continue;
    if (has(flag)) raw[field] = get(flag);
  }
  if (has('max-events')) raw['limits'] = { maxEvents: get('max-events') };
  // default stop: the whole trace, or a million requests
  if (!has('requests') && !has('sim-seconds')) raw['requests'] = has('trace') ? 1e10 : 1_000_000;
  const v = validateSimConfig(raw);
  if (!v.ok) throw new UsageError(firstError(RUN_FLAGS, v.errors));
  const { summary } = runScenario(v.value as unknown as SimConfig);
  io.stdout(args.bools.has('json') ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  return 0;
}

/** Runs the CLI; returns the exit code (0 ok, 2 usage error, 1 internal error). Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'tune') return runTune(rest, io);
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout(HELP);
      return cmd === undefined ? 2 : 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(HELP);
      return 0;
    }
    if (cmd === 'price') {
      const p = parseArgs(rest, [...Object.keys(PRICE_FLAGS), ...PRICE_EXTRA], ['json', 'free-tier', 'no-free-tier']);
      if (!p.ok) throw new UsageError(p.error);
      return price(p.args, io);
    }
    if (cmd === 'run') {
      const p = parseArgs(rest, Object.keys(RUN_FLAGS), ['json']);
      if (!p.ok) throw new UsageError(p.error);
      return run(p.args, io);
    }
    throw new UsageError(`unknown command "${cmd}"; expected price, run or tune (see --help)`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sim ${cmd ?? ''}: ${e.message}`.replace(/\s+/g, ' ').trim());
      return 2;
    }
    io.stderr(`sim: internal error: ${e instanceof Error ? e.message : String(e)}`.replace(/\s+/g, ' '));
    return 1;
  }
}
