import { CliUsageError } from './usageError.ts';
import type { ParsedArgs } from './parseArgs.ts';
import { table } from './format.ts';
import { formatNumber, formatUsd, quoteInput } from '../format/index.ts';
import { parseMetrics } from '../import/parseMetrics.ts';
import { parseConsoleCsv } from '../import/parseConsoleCsv.ts';
import { traceToMetrics } from '../import/traceToMetrics.ts';
import { MAX_IMPORT_BYTES } from '../import/importLimits.ts';
import { ROLE_NAMES } from '../import/seriesRole.ts';
import type { ImportResult, SeriesRole } from '../import/types.ts';
import { parseTrace } from '../traffic/parseTrace.ts';
import { RUNTIMES } from '../constants/initDurations.ts';
import { MAX_DURATION_MS } from '../constants/limits.ts';
import { PLAN_RULES } from '../plan/planRules.ts';
import { planTraffic } from '../plan/planTraffic.ts';
import { replayMetrics } from '../plan/replayMetrics.ts';
import { planJson, type PlanJson } from '../plan/planJson.ts';
import { PLAN_OPTIONS } from '../plan/planTypes.ts';
import { expectedOf, readRule } from '../validate/rules.ts';
import type { FieldError } from '../validate/fields.ts';

/** Flag → PLAN_RULES field. */
const RULE_FLAGS: Record<string, keyof typeof PLAN_RULES> = {
  memory: 'memoryMb', 'cold-start-target': 'coldStartTargetPct', 'arm-speed': 'armSpeedFactor', 'duration-sigma': 'durationSigma',
  'concurrency-limit': 'concurrencyLimit', 'pc-level-count': 'pcLevelCount', 'full-replay-max': 'fullReplayMaxInvocations', seed: 'seed',
};
export const PLAN_VALUE_FLAGS = [...Object.keys(RULE_FLAGS), 'cloudwatch', 'trace', 'duration-ms', 'arch', 'pc-levels', 'series', 'runtime'];
export const PLAN_BOOL_FLAGS = ['json', 'csv', 'free-tier', 'no-free-tier', 'replay-check'];

const line = (flag: string, key: keyof typeof PLAN_RULES) => `    --${flag.padEnd(20)} ${PLAN_RULES[key].help} ${expectedOf(PLAN_RULES[key])}${PLAN_RULES[key].default !== null ? ` (default ${PLAN_RULES[key].default})` : ''}`;

export const PLAN_HELP = `  npm run sim -- plan [flags]    plan from your own traffic (CloudWatch metrics of one function)
    --cloudwatch FILE      output of aws cloudwatch get-metric-data (JSON), or the console's "Download as CSV"
    --csv                  read FILE as the console CSV whatever its first character
    --trace FILE --duration-ms MS   a --trace CSV (see run) with one average duration instead
    --series ROLE=NAME,…   say which Label/Id is which: ${Object.keys(ROLE_NAMES).join(', ')}
    --arch x86_64|arm64    architecture the metrics were measured on (default x86_64)
    --pc-levels LIST       candidate provisioned levels, e.g. 0,5,10,20 (default: evenly from 0 to the peak)
${Object.entries(RULE_FLAGS).map(([f, k]) => line(f, k)).join('\n')}
    --runtime NAME         for the INIT duration (default nodejs24.x)
    --replay-check         also replay every invocation through the simulator (up to --full-replay-max) and
                           print its peak, cold starts and throttles beside the model's; the plan is the
                           model's either way, the same as the "Your traffic" page gives for the file
    --free-tier | --no-free-tier   (default on)   --json   machine-readable output
    Scaling-rate throttles are listed by the start of each period in which they happen (throttled_minutes):
    with 60-s periods these are the minutes; with longer periods each such period is listed once, by its
    first minute, since the data cannot say which minutes inside it throttle.
    Input files are at most ${MAX_IMPORT_BYTES / 1048576} MB.`;


export interface PlanIo {
  stdout: (text: string) => void;
  readFile: (path: string) => string;
  statFile?: (path: string) => { isFile: boolean; size: number };
}

function read(io: PlanIo, flag: string, path: string): string {
  let size: number | undefined;
  try {
    const st = io.statFile?.(path);
    if (st && !st.isFile) throw new CliUsageError(`--${flag} must be a regular file; got ${quoteInput(path)}, which is not one`);
    size = st?.size;
  } catch (e) {
    if (e instanceof CliUsageError) throw e;
    throw new CliUsageError(`--${flag} must be a readable file; got ${quoteInput(path)}`);
  }
  if (size !== undefined && size > MAX_IMPORT_BYTES) throw new CliUsageError(`--${flag}: the file is ${(size / 1048576).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB is accepted`);
  try {
    return io.readFile(path);
  } catch {
    throw new CliUsageError(`--${flag} must be a readable file; got ${quoteInput(path)}`);
  }
}

function roles(text: string | undefined): Record<string, SeriesRole> {
  const out: Record<string, SeriesRole> = {};
  if (text === undefined) return out;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const role = ROLE_NAMES[part.slice(0, eq).trim()];
    if (eq <= 0 || !role) throw new CliUsageError(`--series must be ROLE=NAME pairs with ROLE one of ${Object.keys(ROLE_NAMES).join(', ')}; got ${quoteInput(text)}`);
    out[part.slice(eq + 1).trim()] = role;
  }
  return out;
}

/** `sim plan`: import, check, plan; prints the table or the JSON. Throws CliUsageError for exit 2. */
export function planCommand(args: ParsedArgs, io: PlanIo): number {
  const has = (f: string) => args.values.has(f);
  const get = (f: string) => args.values.get(f);
  const raw: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(RULE_FLAGS)) if (has(flag)) raw[field] = get(flag);
  const errors: FieldError[] = [];
  const v = Object.fromEntries(Object.values(RULE_FLAGS).map((k) => [k, readRule(raw, PLAN_RULES, k, errors)])) as Record<keyof typeof PLAN_RULES, number>;
  if (errors.length) {
    const e = errors[0]!;
    const flag = Object.entries(RULE_FLAGS).find(([, f]) => f === e.field)![0];
    throw new CliUsageError(`--${flag} must be ${e.expected}; got ${e.got}`);
  }
  const arch = get('arch') ?? 'x86_64';
  if (arch !== 'x86_64' && arch !== 'arm64') throw new CliUsageError(`--arch must be one of x86_64, arm64; got ${quoteInput(arch)}`);
  const runtime = get('runtime');
  if (runtime !== undefined && !RUNTIMES.includes(runtime)) throw new CliUsageError(`--runtime must be one of ${RUNTIMES.join(', ')}; got ${quoteInput(runtime)}`);
  if (args.bools.has('free-tier') && args.bools.has('no-free-tier')) throw new CliUsageError('--free-tier and --no-free-tier are exclusive');
  let pcLevels: number[] | null = null;
  if (has('pc-levels')) {
    const rule = PLAN_RULES.pcLevel;
    const parts = get('pc-levels')!.split(',').map((x) => x.trim());
    pcLevels = parts.map(Number);
    if (parts.length > PLAN_RULES.pcLevelCount.max || pcLevels.some((x, i) => parts[i] === '' || !Number.isInteger(x) || x < rule.min || x > rule.max))
      throw new CliUsageError(`--pc-levels must be a comma-separated list of at most ${PLAN_RULES.pcLevelCount.max} values, each ${expectedOf(rule)}; got ${quoteInput(get('pc-levels'))}`);
  }
  let imported: ImportResult;
  if (has('cloudwatch') && has('trace')) throw new CliUsageError('--cloudwatch and --trace are exclusive: give one');
  if (has('cloudwatch')) {
    if (has('duration-ms')) throw new CliUsageError('--duration-ms applies to --trace; CloudWatch exports carry Duration');
    const text = read(io, 'cloudwatch', get('cloudwatch')!);
    const r = roles(get('series'));
    imported = args.bools.has('csv') ? parseConsoleCsv(text, r) : parseMetrics(text, r);
    if (!imported.ok) throw new CliUsageError(`--cloudwatch: ${imported.error}`);
  } else if (has('trace')) {
    const d = Number(get('duration-ms'));
    if (!has('duration-ms') || !Number.isFinite(d) || d <= 0 || d > MAX_DURATION_MS)
      throw new CliUsageError(`--duration-ms must be a number above 0 and up to ${formatNumber(MAX_DURATION_MS)} (ms) with --trace; got ${has('duration-ms') ? `${quoteInput(get('duration-ms'))}` : 'nothing'}`);
    const t = parseTrace(read(io, 'trace', get('trace')!));
    if (!t.ok) throw new CliUsageError(`--trace: ${t.error}`);
    imported = traceToMetrics(t.value, d);
    if (!imported.ok) throw new CliUsageError(`--trace: ${imported.error}`);
  } else throw new CliUsageError('--cloudwatch FILE (or --trace FILE --duration-ms MS) is required');

  const result = planTraffic({
    table: imported.value, memoryMb: v.memoryMb, arch, armSpeedFactor: v.armSpeedFactor, concurrencyLimit: v.concurrencyLimit, coldStartTargetPct: v.coldStartTargetPct,
    pcLevels, pcLevelCount: v.pcLevelCount, freeTier: !args.bools.has('no-free-tier'), seed: v.seed, durationSigma: v.durationSigma,
    fullReplayMaxInvocations: v.fullReplayMaxInvocations, ...(args.bools.has('replay-check') ? { replay: replayMetrics } : {}), ...(runtime ? { runtime } : {}),
  });
  const json = planJson(result);
  io.stdout(args.bools.has('json') ? JSON.stringify(json, null, 2) : formatPlan(json));
  return 0;
}

const LABEL: Record<string, string> = {
  on_demand_x86_64: 'On-demand x86_64', on_demand_arm64: 'On-demand arm64', provisioned_fixed: 'Provisioned, fixed level', provisioned_schedule: 'Provisioned, hourly schedule',
};

/** The plan as text: the check, then the options table, then the schedule and warnings. */
export function formatPlan(j: PlanJson): string {
  const d = j.details;
  const out = [
    `Imported ${formatNumber(j.periods)} periods of ${j.period_s} s from ${d.start}: ${formatNumber(j.invocations)} invocations.`,
    `Check (per-period model): peak concurrency ${formatNumber(j.peak_concurrency)}, cold starts ${formatNumber(j.cold_starts)}` +
      (j.concurrency_error === null ? '; no observed ConcurrentExecutions to compare.' : `; per-period peak vs observed: mean error ${(j.concurrency_error * 100).toFixed(1)}%, largest ${((d.concurrency_error_max ?? 0) * 100).toFixed(1)}%.`),
    d.throttles_observed === null ? '' : `Throttles: observed ${formatNumber(d.throttles_observed)}, simulated ${formatNumber(d.throttles_simulated ?? 0)}.`,
    d.replay_check === null ? '' : `Replay check (every invocation through the simulator): peak concurrency ${formatNumber(d.replay_check.peak_concurrency)}, cold starts ${formatNumber(d.replay_check.cold_starts)} (model ${formatNumber(j.cold_starts)}), throttles ${formatNumber(d.replay_check.throttles)}; per-period peak vs the model: mean difference ${(d.replay_check.per_period_peak_error * 100).toFixed(1)}%.`,
    `Duration fit: ${d.duration_fit}.`,
    '',
    table([['Option', 'Imported period', 'Per month (730 h)', 'Cold starts'], ...PLAN_OPTIONS.map((k) => [LABEL[k]!, formatUsd(j.cost_usd[k]), formatUsd(j.monthly_usd[k]), formatNumber(d.cold_starts_by_option[k])])], [false, true, true, true]),
    '',
    `Provisioned fixed level: ${j.pc_fixed_level}${d.target_met.fixed ? '' : ' (target not met)'}; hourly schedule (UTC 00–23): ${j.pc_schedule.join(' ')}${d.target_met.schedule ? '' : ' (target not met)'}.`,
    `Reserved concurrency that would have throttled: ${d.reserved_throttled.filter((r) => r.throttled_invocations > 0).map((r) => `${r.reserved} → ${formatNumber(r.throttled_invocations)} invocations`).join(', ') || 'none of ' + d.reserved_throttled.map((r) => r.reserved).join(', ')}.`,
    `${j.period_s === 60 ? 'Minutes where the scaling rate throttles' : `Periods of ${j.period_s} s in which the scaling rate throttles (by their first minute)`}: ${j.throttled_minutes.length ? `${j.throttled_minutes.length} (first ${j.throttled_minutes.slice(0, 3).join(', ')})` : 'none'}.`,
    ...d.warnings.map((w) => `Note: ${w}`),
  ];
  return out.filter((l, i) => l !== '' || i === 5 || i === 7).join('\n');
}
