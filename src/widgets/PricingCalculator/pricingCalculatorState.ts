/**
 * State of the pricing calculator: its fields, URL prefix, the state as the core's `PriceInput` and the
 * same inputs as CLI flags, and its check (the core's `validatePriceInput`, errors mapped to fields).
 * The calculator's inputs. Keys are `PriceInput` field names (src/sim/pricing/types.ts), so a
 * state maps 1:1 onto the `npm run sim -- price` flags (--memory, --arch, --requests, --duration-ms,
 * --ephemeral-mb, --free-tier/--no-free-tier, --pc, --pc-hours, --pc-requests, --pc-duration-ms,
 * --cold-starts, --init-ms) and cross-field rules come from `validatePriceInput` itself. SnapStart maps to --snapstart / --snapstart-hours.
 * Ranges, integer-ness and units come from the core's rules table (`PRICE_RULES`, each limit with its
 * AWS source) through `fieldFromRule`; the widget adds labels, URL keys, steps and its default scenario. `cpuShare` and `threads` are the chart's opt-in assumption, not billing inputs.
 * URL prefix: `price` (e.g. ?price.mem=512&price.arch=arm64).
 */
import { DEFAULT_RUNTIME, HOURS_IN_MONTH, INIT_MS, PRICE_RULES as R, validatePriceInput } from '~/sim';
import type { PriceInput } from '~/sim';
import { fieldFromRule, problemsFromCore, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const PRICE_PREFIX = 'price';

/** Median hello-world INIT of the default runtime (nodejs24.x, ZIP, x86_64), ms; see initDurations.ts. */
export const DEFAULT_INIT_MS = INIT_MS[DEFAULT_RUNTIME]![0][0];

export const priceSchema = {
  memoryMb: fieldFromRule(R.memoryMb, { label: 'Memory (MB)', step: 64, default: 512, urlKey: 'mem', help: '' }),
  arch: { kind: 'enum', label: 'Architecture', options: ['x86_64', 'arm64'] as const, default: 'x86_64' },
  requests: fieldFromRule(R.requests, { label: 'Requests per month', step: 100_000, default: 3_000_000, urlKey: 'req', help: 'All invocations in the month, provisioned ones included.' }),
  durationMs: fieldFromRule(R.durationMs, { label: 'Average duration (ms)', step: 1, default: 1000, urlKey: 'dur', help: 'Of the on-demand invocations; billing rounds it up to 1 ms.' }),
  ephemeralMb: fieldFromRule(R.ephemeralMb, { label: 'Ephemeral storage (MB)', step: 512, urlKey: 'eph', help: '' }),
  freeTier: { kind: 'bool', label: 'Include free tier', default: true, urlKey: 'free' },
  pc: fieldFromRule(R.pc, { label: 'Provisioned concurrency (environments)', unit: undefined, urlKey: 'pc', help: '' }),
  pcHours: fieldFromRule(R.pcHours, { label: 'Hours enabled per month', unit: 'h', urlKey: 'pch', help: `A 31-day month has ${HOURS_IN_MONTH} h; billing rounds up to 5 min.` }),
  pcRequests: fieldFromRule(R.pcRequests, { label: 'Requests served by provisioned environments', step: 100_000, urlKey: 'pcr', help: '' }),
  pcDurationMs: fieldFromRule(R.pcDurationMs, { label: 'Average duration on provisioned environments (ms)', step: 1, default: 1000, urlKey: 'pcd', help: '' }),
  coldStarts: fieldFromRule(R.coldStarts, { label: 'Cold starts per month', step: 1000, urlKey: 'cs', help: 'On-demand cold starts; AWS says typically under 1% of invocations.' }),
  initMs: fieldFromRule(R.initMs, { label: 'Average INIT duration (ms)', step: 1, default: DEFAULT_INIT_MS, urlKey: 'init', help: '' }),
  packaging: { kind: 'enum', label: 'Package type', options: ['zip', 'image'] as const, optionLabels: { zip: 'ZIP archive', image: 'Container image' }, default: 'zip', urlKey: 'pkg' },
  runtimeKind: { kind: 'enum', label: 'Runtime', options: ['managed', 'custom'] as const, optionLabels: { managed: 'AWS managed runtime', custom: 'Custom (OS-only) runtime' }, default: 'managed', urlKey: 'rt' },
  initBilling: { kind: 'enum', label: 'INIT billing rule', options: ['since-2025-08-01', 'before-2025-08-01'] as const, optionLabels: { 'since-2025-08-01': 'Since 2025-08-01 (current)', 'before-2025-08-01': 'Before 2025-08-01' }, default: 'since-2025-08-01', urlKey: 'rule' },
  snapStart: { kind: 'enum', label: 'SnapStart', options: ['off', 'python', 'dotnet', 'java'] as const, optionLabels: { off: 'Off', python: 'On (Python)', dotnet: 'On (.NET)', java: 'On (Java: no SnapStart charges)' }, default: 'off', urlKey: 'ss', help: 'Replaces billed INIT with snapshot cache and restore charges.' },
  snapStartHours: fieldFromRule(R.snapStartHours, { label: 'SnapStart version active (hours per month)', unit: 'h', urlKey: 'ssh', help: 'Cache is billed for at least 3 h.' }),
  cpuShare: { kind: 'number', label: 'Assumption: CPU-bound share of the duration (%)', min: 0, max: 100, unit: '%', step: 5, default: 0, urlKey: 'cpu', help: '0% = duration does not change with memory (no assumption).' },
  threads: { kind: 'number', label: 'Assumption: threads your code keeps busy', min: 1, max: 6, integer: true, default: 1, urlKey: 'thr' },
} satisfies Schema;

export type PriceState = StateOf<typeof priceSchema>;

/** The billing fields of the state, as `validatePriceInput` takes them (the CLI flags, camelCased). */
export function toRawPriceInput(s: PriceState): Record<string, unknown> {
  return {
    memoryMb: s.memoryMb, arch: s.arch, requests: s.requests, durationMs: s.durationMs, ephemeralMb: s.ephemeralMb,
    freeTier: s.freeTier, pc: s.pc, pcHours: s.pcHours, pcRequests: s.pcRequests,
    // Fields that only matter when used take the CLI's defaults otherwise, so the bill's notes read
    // exactly as `npm run sim -- price` prints them for the flags `toCliArgs` gives.
    pcDurationMs: s.pcRequests > 0 ? s.pcDurationMs : s.durationMs,
    coldStarts: s.coldStarts, initMs: s.coldStarts > 0 ? s.initMs : 0, packaging: s.packaging, runtimeKind: s.runtimeKind, initBilling: s.initBilling,
    ...(s.snapStart !== 'off' ? { snapStart: { runtime: s.snapStart, activeHours: s.snapStartHours } } : {}),
  };
}

/** The same inputs as `npm run sim -- price` flags (what a reader would type to reproduce the bill). */
export function toCliArgs(s: PriceState): string[] {
  const a = ['price', '--memory', String(s.memoryMb), '--arch', s.arch, '--requests', String(s.requests), '--duration-ms', String(s.durationMs), '--ephemeral-mb', String(s.ephemeralMb), s.freeTier ? '--free-tier' : '--no-free-tier'];
  if (s.pc > 0 || s.pcHours > 0) a.push('--pc', String(s.pc), '--pc-hours', String(s.pcHours));
  if (s.pcRequests > 0) a.push('--pc-requests', String(s.pcRequests), '--pc-duration-ms', String(s.pcDurationMs));
  if (s.coldStarts > 0) a.push('--cold-starts', String(s.coldStarts), '--init-ms', String(s.initMs));
  if (s.packaging !== 'zip') a.push('--package', s.packaging);
  if (s.runtimeKind !== 'managed') a.push('--runtime-kind', s.runtimeKind);
  if (s.initBilling !== 'since-2025-08-01') a.push('--init-billing', s.initBilling);
  if (s.snapStart !== 'off') a.push('--snapstart', s.snapStart, '--snapstart-hours', String(s.snapStartHours));
  return a;
}

/** validatePriceInput's field names inside `snapStart` → this widget's keys. */
const CORE_FIELD: Record<string, string> = { runtime: 'snapStart', activeHours: 'snapStartHours' };

const CORE_TEXT: [RegExp, string][] = [
  [/at most --requests/, 'at most Requests per month'],
  [/0 when pc is 0 \(no provisioned environments to run on\)/, '0 when Provisioned concurrency is 0'],
  [/zip when SnapStart is on/, 'ZIP archive when SnapStart is on'],
];

/** The state as the core's validated `PriceInput`, or the core's errors re-worded with the widget's labels. */
export function priceInputOf(s: PriceState): { ok: true; input: PriceInput } | { ok: false; errors: FieldProblem[] } {
  const v = validatePriceInput(toRawPriceInput(s));
  if (v.ok) return { ok: true, input: v.value };
  return { ok: false, errors: problemsFromCore(v.errors, priceSchema, CORE_FIELD, 'requests', CORE_TEXT) };
}

/** Cross-field rules: exactly the core's (`validatePriceInput`). */
export const checkState = (s: PriceState): FieldProblem[] => {
  const r = priceInputOf(s);
  return r.ok ? [] : r.errors;
};
