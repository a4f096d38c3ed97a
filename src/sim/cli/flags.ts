/**
 * The CLI's flags: each maps to a config field and, for numbers, to the rule that holds its range,
 * unit, default and help (`PRICE_RULES`, `SIM_RULES`, `CLI_RULES`). `--help` and every flag message
 * read these tables; nothing here writes a range by hand.
 */
import { PRICE_RULES } from '../pricing/priceRules.ts';
import { SIM_RULES } from '../engine/simRules.ts';
import type { NumberRule, RuleTable } from '../validate/rules.ts';

/**
 * The CLI's own numbers: its default stop for `run` without a trace, and the most work it takes on.
 * The work cap is a model of "a few minutes": the engine runs 2–9 M invocations per CPU-second on the
 * development VM (src/sim/README.md, benchmark), so 300 M invocations take from under a minute to a few.
 */
export const CLI_RULES = {
  requests: { ...SIM_RULES.requests, default: 1_000_000, help: 'Stop after this many arrivals (async: once their retries have finished; without --trace or --sim-seconds, also at 31 days of simulated time).' },
  maxInvocations: { label: 'invocations per run', min: 1, max: 300_000_000, integer: true, default: 300_000_000, help: 'The most invocations one CLI run simulates (a few minutes of work).' },
  traceBytes: { label: 'trace file size', unit: 'bytes', min: 0, max: 128 * 1024 * 1024, integer: true, default: null, help: 'Largest trace file read (128 MiB, about 10 million rows).' },
} as const satisfies RuleTable;

export interface FlagSpec {
  /** The config field it sets (dotted for nested fields). */
  field: string;
  /** What follows the flag in `--help`: "MB", "N", "DIST". */
  value: string;
  rule?: NumberRule;
  /** Help for flags without a rule (choices, files). */
  help?: string;
}

/** Flags both commands take, with the same meaning. */
const FUNCTION_FLAGS: Record<string, FlagSpec> = {
  memory: { field: 'memoryMb', value: 'MB', rule: PRICE_RULES.memoryMb },
  arch: { field: 'arch', value: 'x86_64|arm64', help: 'Architecture (default x86_64).' },
  'ephemeral-mb': { field: 'ephemeralMb', value: 'MB', rule: PRICE_RULES.ephemeralMb },
  package: { field: 'packaging', value: 'zip|image', help: 'Package type (default zip).' },
};

export const PRICE_FLAGS: Record<string, FlagSpec> = {
  ...FUNCTION_FLAGS,
  requests: { field: 'requests', value: 'N', rule: PRICE_RULES.requests },
  'duration-ms': { field: 'durationMs', value: 'MS', rule: PRICE_RULES.durationMs },
  pc: { field: 'pc', value: 'N', rule: PRICE_RULES.pc },
  'pc-hours': { field: 'pcHours', value: 'H', rule: PRICE_RULES.pcHours },
  'pc-requests': { field: 'pcRequests', value: 'N', rule: PRICE_RULES.pcRequests },
  'pc-duration-ms': { field: 'pcDurationMs', value: 'MS', rule: PRICE_RULES.pcDurationMs },
  'cold-starts': { field: 'coldStarts', value: 'N', rule: PRICE_RULES.coldStarts },
  'init-ms': { field: 'initMs', value: 'MS', rule: PRICE_RULES.initMs },
  'runtime-kind': { field: 'runtimeKind', value: 'managed|custom', help: 'Managed or custom (OS-only) runtime (default managed).' },
  'init-billing': { field: 'initBilling', value: 'since-2025-08-01|before-2025-08-01', help: 'INIT billing rule (default since-2025-08-01).' },
  snapstart: { field: 'runtime', value: 'java|python|dotnet', help: 'SnapStart cache and restore charges instead of INIT.' },
  'snapstart-hours': { field: 'activeHours', value: 'H', rule: PRICE_RULES.snapStartHours },
};

/** `--init` and `--runtime`: the INIT duration and its default; the same for `run`, `sqs` and `stream`. */
export const INIT_FLAGS: Record<string, FlagSpec> = {
  init: { field: 'init', value: 'DIST', help: 'INIT duration (default: published median/p90 of --runtime, lognormal).' },
  runtime: { field: 'runtime', value: 'NAME', help: 'Runtime whose INIT durations are the default (default nodejs24.x).' },
};

export const RUN_FLAGS: Record<string, FlagSpec> = {
  ...FUNCTION_FLAGS,
  rate: { field: 'traffic.rate', value: 'RPS', rule: SIM_RULES.rate },
  arrival: { field: 'traffic.kind', value: 'poisson|constant', help: 'Arrival process of --rate (default poisson).' },
  trace: { field: 'traffic', value: 'FILE', help: 'Replay a CSV trace instead of --rate (see src/sim/README.md).' },
  duration: { field: 'duration', value: 'DIST', help: 'Handler duration (default exp:1991).' },
  ...INIT_FLAGS,
  'idle-timeout': { field: 'idleTimeoutS', value: 'S', rule: SIM_RULES.idleTimeoutS },
  'max-lifetime': { field: 'maxLifetimeS', value: 'S', rule: SIM_RULES.maxLifetimeS },
  'concurrency-limit': { field: 'concurrencyLimit', value: 'N', rule: SIM_RULES.concurrencyLimit },
  reserved: { field: 'reserved', value: 'N', rule: SIM_RULES.reserved },
  provisioned: { field: 'provisioned', value: 'N', rule: SIM_RULES.provisioned },
  reuse: { field: 'reuse', value: 'mru|newest|lru', help: 'Which idle environment a request reuses (default mru).' },
  requests: { field: 'requests', value: 'N', rule: CLI_RULES.requests },
  'sim-seconds': { field: 'simSeconds', value: 'S', rule: SIM_RULES.simSeconds },
  'warmup-s': { field: 'warmupS', value: 'S', rule: SIM_RULES.warmupS },
  seed: { field: 'seed', value: 'N', rule: SIM_RULES.seed },
  invocation: { field: 'invocation', value: 'sync|async', help: 'Invocation type (default sync).' },
  'max-events': { field: 'limits.maxEvents', value: 'N', rule: SIM_RULES.maxEvents },
  'error-rate': { field: 'async.errorRate', value: 'P', rule: SIM_RULES.errorRate },
  'max-retries': { field: 'async.maxRetryAttempts', value: 'N', rule: SIM_RULES.maxRetryAttempts },
  'max-event-age': { field: 'async.maxEventAgeS', value: 'S', rule: SIM_RULES.maxEventAgeS },
};

/** Flags of `run` that only apply to --invocation async. */
export const ASYNC_FLAGS = ['error-rate', 'max-retries', 'max-event-age'];

/** The flag that sets `field` ("--memory" for memoryMb), or the field itself. */
export function flagOf(flags: Record<string, FlagSpec>, field: string): string {
  for (const [flag, spec] of Object.entries(flags)) if (spec.field === field) return `--${flag}`;
  return field;
}
