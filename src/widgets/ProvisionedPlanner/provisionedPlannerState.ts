/**
 * State of the provisioned-concurrency planner: its fields, URL prefix and cross-field check.
 * Inputs (URL prefix `pcp`). Ranges come from the core's limits (MEMORY_MB, the account concurrency), not
 * from `SIM_RULES` through `fieldFromRule`: that table would put about 1.5 KB gzip into the page chunk and the
 * planner (page + worker) would go over its 30 KB budget. A daily traffic shape — the core's
 * `diurnal` traffic: a cosine between the trough and the peak rate, peaking at `peakHour` — against a
 * range of provisioned levels. Ranges: memory from the core (MEMORY_MB); provisioned ≤ the default
 * account limit minus the 100 that must stay unreserved (constants/limits.ts). Traffic is capped at
 * 100 requests/s and 10 s durations so a plan (a simulated day per level) stays within tens of
 * seconds in the worker even on a busy 2-core machine; see `planLevels` for the invocation budget.
 */
import { DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_IDLE_TIMEOUT_S, DEFAULT_RUNTIME, formatNumber, MEMORY_MB, MIN_UNRESERVED_CONCURRENCY, RUNTIMES } from '~/sim';
import { SEED_FIELD, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const PLANNER_PREFIX = 'pcp';

export const plannerSchema = {
  peakRate: { kind: 'number', label: 'Peak rate (requests/s)', min: 0.01, max: 100, step: 1, unit: 'requests/s', default: 4, urlKey: 'peak' },
  troughRate: { kind: 'number', label: 'Trough rate (requests/s)', min: 0, max: 100, step: 1, unit: 'requests/s', default: 2, urlKey: 'trough' },
  peakHour: { kind: 'number', label: 'Peak hour (UTC)', min: 0, max: 23, integer: true, unit: 'hour of the day', default: 13, urlKey: 'hour' },
  durationMs: { kind: 'number', label: 'Average duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 1000, urlKey: 'dur', help: 'Exponentially distributed around this mean.' },
  memoryMb: { kind: 'number', label: 'Memory (MB)', min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, step: 64, unit: 'MB', default: 1024, urlKey: 'mem' },
  arch: { kind: 'enum', label: 'Architecture', options: ['x86_64', 'arm64'] as const, default: 'x86_64' },
  runtime: { kind: 'enum', label: 'Runtime (sets the INIT duration)', options: RUNTIMES as readonly string[], default: DEFAULT_RUNTIME, urlKey: 'rt' },
  idleTimeoutS: { kind: 'number', label: 'Idle keep-alive (s)', min: 0, max: 7200, step: 60, unit: 's', default: DEFAULT_IDLE_TIMEOUT_S, urlKey: 'idle', help: 'How long an idle on-demand environment is kept; AWS publishes no number.' },
  pc: { kind: 'number', label: 'Provisioned concurrency (environments)', min: 0, max: DEFAULT_ACCOUNT_CONCURRENCY - MIN_UNRESERVED_CONCURRENCY, integer: true, unit: 'environments', default: 2, urlKey: 'pc' },
  seed: SEED_FIELD,
} satisfies Schema;

export type PlannerState = StateOf<typeof plannerSchema>;

/** The trough of a daily cosine cannot be above its peak. */
export function checkState(s: PlannerState): FieldProblem[] {
  if (s.troughRate > s.peakRate) return [{ key: 'troughRate', message: `${plannerSchema.troughRate.label} must be at most the peak rate (${formatNumber(s.peakRate)}); got ${formatNumber(s.troughRate)}` }];
  return [];
}
