import { parseArgs, type ParsedArgs } from './parseArgs.ts';
import { formatBill, formatSummary } from './format.ts';
import { checkProvisionedTime, validatePriceInput } from '../pricing/validatePriceInput.ts';
import { priceMonthly } from '../pricing/priceMonthly.ts';
import { validateSimConfig } from '../engine/validateSimConfig.ts';
import { checkRunSpan } from '../engine/checkRunSpan.ts';
import { runScenario } from '../engine/runScenario.ts';
import { DIST_EXPECTED, parseDist } from '../dist/parseDist.ts';
import { parseTrace } from '../traffic/parseTrace.ts';
import { meanRate } from '../traffic/nextArrival.ts';
import { MAX_SIM_SECONDS, SIM_RULES } from '../engine/simRules.ts';
import { PRICE_RULES } from '../pricing/priceRules.ts';
import { escapeInput, formatCount, quoteInput } from '../format/index.ts';
import { expectedOf } from '../validate/rules.ts';
import type { FieldError } from '../validate/fields.ts';
import { ASYNC_FLAGS, CLI_RULES, PRICE_FLAGS, RUN_FLAGS, flagOf, type FlagSpec } from './flags.ts';
import { HELP } from './help.ts';
import { toSnakeCase } from './toSnakeCase.ts';
import type { ResolvedSimConfig, SimConfig } from '../engine/config.ts';
import type { Traffic } from '../traffic/types.ts';
import { CliUsageError } from './usageError.ts';
import { sqsCommand } from './sqsCommand.ts';
import { streamCommand } from './streamCommand.ts';
import { planCommand, PLAN_BOOL_FLAGS, PLAN_VALUE_FLAGS } from './planCommand.ts';
import { runTune } from './tuneCommand.ts';

/**
 * What the CLI needs from its host; main.ts passes process/fs, tests pass fakes.
 * `statFile` (optional) lets the CLI refuse a trace that is not a regular file or is too large before
 * reading it; it throws when the path does not exist.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  statFile?: (path: string) => { isFile: boolean; size: number };
}

class UsageError extends Error {}

export { HELP };

function firstError(flags: Record<string, FlagSpec>, errors: FieldError[]): string {
  const e = errors[0]!;
  const flag = flagOf(flags, e.field);
  if (e.expected === 'a distribution') return e.message.replace(`${e.field}:`, `${flag}:`);
  return `${flag} must be ${e.expected}; got ${e.got}`;
}

function price(args: ParsedArgs, io: CliIo): number {
  const raw: Record<string, unknown> = {};
  for (const [flag, { field }] of Object.entries(PRICE_FLAGS)) if (!flag.startsWith('snapstart') && args.values.has(flag)) raw[field] = args.values.get(flag);
  if (args.bools.has('free-tier') && args.bools.has('no-free-tier')) throw new UsageError('--free-tier and --no-free-tier are exclusive');
  if (args.bools.has('no-free-tier')) raw['freeTier'] = false;
  if (!args.values.has('requests')) throw new UsageError(`--requests is required: ${expectedOf(PRICE_RULES.requests)} (${PRICE_RULES.requests.help.toLowerCase().replace(/\.$/, '')})`);
  if (!args.values.has('duration-ms')) throw new UsageError(`--duration-ms is required: ${expectedOf(PRICE_RULES.durationMs)}`);
  if (args.values.has('snapstart')) raw['snapStart'] = { runtime: args.values.get('snapstart'), activeHours: args.values.get('snapstart-hours') };
  else if (args.values.has('snapstart-hours')) throw new UsageError('--snapstart-hours needs --snapstart java|python|dotnet');
  const v = validatePriceInput(raw);
  if (!v.ok) {
    const e = v.errors[0]!;
    if (e.field === 'runtime' || e.field === 'activeHours') throw new UsageError(`--${e.field === 'runtime' ? 'snapstart' : 'snapstart-hours'} must be ${e.expected}; got ${e.got}`);
    throw new UsageError(firstError(PRICE_FLAGS, v.errors));
  }
  const pcErrors = checkProvisionedTime(v.value);
  if (pcErrors.length) throw new UsageError(firstError(PRICE_FLAGS, pcErrors));
  const bill = priceMonthly(v.value);
  io.stdout(args.bools.has('json') ? JSON.stringify(toSnakeCase(bill), null, 2) : formatBill(bill));
  return 0;
}

function dist(args: ParsedArgs, flag: string): SimConfig['duration'] | undefined {
  const text = args.values.get(flag);
  if (text === undefined) return undefined;
  const r = parseDist(text);
  if (!r.ok) throw new UsageError(`--${flag} must be ${DIST_EXPECTED}; got ${quoteInput(text)}`);
  return r.value;
}

/** Reads a trace file: a regular file of at most `CLI_RULES.traceBytes` bytes (checked before reading). */
function readTrace(path: string, io: CliIo): Traffic {
  const max = CLI_RULES.traceBytes.max;
  if (io.statFile) {
    let st: { isFile: boolean; size: number };
    try {
      st = io.statFile(path);
    } catch {
      throw new UsageError(`--trace must be a readable CSV file; got ${quoteInput(path)} (not found)`);
    }
    if (!st.isFile) throw new UsageError(`--trace must be a regular file (a CSV); got ${quoteInput(path)}, which is not one`);
    if (st.size > max) throw new UsageError(`--trace file is too large: ${formatCount(st.size)} bytes; the CLI reads at most ${formatCount(max)} bytes (${max / 1024 / 1024} MiB). Aggregate it to second,count or minute,count rows`);
  }
  let text: string;
  try {
    text = io.readFile(path);
  } catch {
    throw new UsageError(`--trace must be a readable CSV file; got ${quoteInput(path)}`);
  }
  if (text.length > max) throw new UsageError(`--trace file is too large: over ${formatCount(max)} bytes (${max / 1024 / 1024} MiB)`);
  const t = parseTrace(text);
  if (!t.ok) throw new UsageError(`--trace: ${t.error}`);
  return t.value;
}

/** About how many invocations a resolved run simulates: the work the CLI refuses above its cap. */
function estimatedInvocations(c: ResolvedSimConfig): { n: number; from: string } {
  const tr = c.traffic;
  if (tr.kind === 'traceTimes' || tr.kind === 'traceCounts') {
    let n = 0;
    if (tr.kind === 'traceTimes') for (const t of tr.timesS) n += t <= c.simSeconds ? 1 : 0;
    else for (let i = 0; i < tr.counts.length; i++) n += i * tr.binS <= c.simSeconds ? tr.counts[i]! : 0;
    return { n: Math.min(n, c.requests), from: '--trace' };
  }
  const byTime = meanRate(tr) * c.simSeconds;
  if (c.requests <= byTime) return { n: c.requests, from: '--requests' };
  return { n: byTime, from: '--rate × --sim-seconds' };
}

function run(args: ParsedArgs, io: CliIo): number {
  const has = (f: string) => args.values.has(f);
  const get = (f: string) => args.values.get(f);
  let traffic: Traffic | Record<string, unknown>;
  if (has('trace')) {
    if (has('rate')) throw new UsageError('--rate and --trace are exclusive: give one');
    if (has('arrival')) throw new UsageError('--arrival applies to --rate, not to --trace');
    traffic = readTrace(get('trace')!, io);
  } else {
    if (!has('rate')) throw new UsageError(`--rate is required (or --trace FILE): ${expectedOf(SIM_RULES.rate)}`);
    const arrival = get('arrival') ?? 'poisson';
    if (arrival !== 'poisson' && arrival !== 'constant') throw new UsageError(`--arrival must be one of poisson, constant; got ${quoteInput(arrival)}`);
    traffic = { kind: arrival, rate: get('rate') };
  }
  const raw: Record<string, unknown> = { traffic, duration: dist(args, 'duration') ?? { kind: 'exp', meanMs: 1991 } };
  const init = dist(args, 'init');
  if (init) raw['init'] = init;
  for (const [flag, { field }] of Object.entries(RUN_FLAGS)) {
    if (['rate', 'arrival', 'duration', 'init', 'trace', 'max-events', ...ASYNC_FLAGS].includes(flag)) continue;
    if (has(flag)) raw[field] = get(flag);
  }
  if (has('max-events')) raw['limits'] = { maxEvents: get('max-events') };
  const asyncGiven = ASYNC_FLAGS.filter(has);
  if (asyncGiven.length && get('invocation') !== 'async') throw new UsageError(`--${asyncGiven[0]} applies to --invocation async`);
  if (asyncGiven.length) raw['async'] = { errorRate: get('error-rate'), maxRetryAttempts: get('max-retries'), maxEventAgeS: get('max-event-age') };
  // default stop: the whole trace, or a million requests within the 31 days every run is limited to
  if (!has('requests') && !has('sim-seconds')) {
    raw['requests'] = has('trace') ? SIM_RULES.requests.max : CLI_RULES.requests.default;
    if (!has('trace')) raw['simSeconds'] = MAX_SIM_SECONDS;
  }
  const v = validateSimConfig(raw);
  if (!v.ok) throw new UsageError(firstError(RUN_FLAGS, v.errors));
  const spanErrors = checkRunSpan(v.value);
  if (spanErrors.length) throw new UsageError(firstError(RUN_FLAGS, spanErrors));
  const work = estimatedInvocations(v.value);
  const cap = CLI_RULES.maxInvocations.max;
  if (work.n > cap)
    throw new UsageError(
      `this run would simulate about ${formatCount(work.n)} invocations (${work.from}); the CLI runs at most ${formatCount(cap)} (a few minutes of work). ` +
        'Lower --requests, --sim-seconds or --rate, or shorten the trace',
    );
  const { summary } = runScenario(v.value as unknown as SimConfig);
  const a = summary.async;
  // async: what the retries did, flat for scripts (attempts = executions started, retries included)
  const json = a ? { ...summary, asyncAttempts: a.attempts, asyncRetries: a.retries, asyncToDestination: a.onFailure, asyncEventAgeMs: a.eventAgeMs } : summary;
  io.stdout(args.bools.has('json') ? JSON.stringify(toSnakeCase(json), null, 2) : formatSummary(summary));
  return 0;
}

/** Runs the CLI; returns the exit code (0 ok or help, 2 usage error, 1 internal error). Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'tune') return runTune(rest, io); // its own --help and one-line refusals (tuneCommand.ts)
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help' || rest.includes('--help') || rest.includes('-h')) {
      io.stdout(HELP);
      return 0;
    }
    if (cmd === 'price') {
      const p = parseArgs(rest, Object.keys(PRICE_FLAGS), ['json', 'free-tier', 'no-free-tier']);
      if (!p.ok) throw new UsageError(p.error);
      return price(p.args, io);
    }
    if (cmd === 'run') {
      const p = parseArgs(rest, Object.keys(RUN_FLAGS), ['json']);
      if (!p.ok) throw new UsageError(p.error);
      return run(p.args, io);
    }
    if (cmd === 'sqs') return sqsCommand(rest, io.stdout);
    if (cmd === 'stream') return streamCommand(rest, io.stdout);
    if (cmd === 'plan') {
      const p = parseArgs(rest, PLAN_VALUE_FLAGS, PLAN_BOOL_FLAGS);
      if (!p.ok) throw new UsageError(p.error);
      return planCommand(p.args, io);
    }
    throw new UsageError(`unknown command ${quoteInput(cmd)}; expected price, run, sqs, stream, plan or tune (see --help)`);
  } catch (e) {
    const name = cmd !== undefined && ['price', 'run', 'sqs', 'stream', 'plan', 'tune'].includes(cmd) ? ` ${cmd}` : '';
    if (e instanceof UsageError || e instanceof CliUsageError) {
      io.stderr(`sim${name}: ${e.message}`.replace(/\s+/g, ' ').trim());
      return 2;
    }
    io.stderr(`sim: internal error: ${escapeInput(e instanceof Error ? e.message : String(e), 200)}`.replace(/\s+/g, ' '));
    return 1;
  }
}
