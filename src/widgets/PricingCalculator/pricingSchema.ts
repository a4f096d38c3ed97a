/**
 * The pricing calculator's inputs. Keys are `PriceInput` field names (src/sim/pricing/types.ts), so a
 * state maps 1:1 onto the `npm run sim -- price` flags (--memory, --arch, --requests, --duration-ms,
 * --ephemeral-mb, --free-tier/--no-free-tier, --pc, --pc-hours, --pc-requests, --pc-duration-ms,
 * --cold-starts, --init-ms) and cross-field rules come from `validatePriceInput` itself. SnapStart maps to --snapstart / --snapstart-hours.
 * Ranges come from the core's constants (MEMORY_MB, EPHEMERAL_MB, MAX_DURATION_MS, each with its AWS
 * source). `cpuShare` and `threads` are the chart's opt-in assumption, not billing inputs.
 * URL prefix: `price` (e.g. ?price.mem=512&price.arch=arm64).
 */
import { EPHEMERAL_MB, MAX_DURATION_MS, MEMORY_MB } from '../../sim/constants/limits.ts';
import { INIT_MS, DEFAULT_RUNTIME } from '../../sim/constants/initDurations.ts';
import type { Schema, StateOf } from '../shared/fieldSpec.ts';

export const PRICE_PREFIX = 'price';

/** Median hello-world INIT of the default runtime (nodejs24.x, ZIP, x86_64), ms; see initDurations.ts. */
export const DEFAULT_INIT_MS = INIT_MS[DEFAULT_RUNTIME]![0][0];

export const priceSchema = {
  memoryMb: { kind: 'number', label: 'Memory (MB)', min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, step: 64, unit: 'MB', default: 512, urlKey: 'mem' },
  arch: { kind: 'enum', label: 'Architecture', options: ['x86_64', 'arm64'] as const, default: 'x86_64' },
  requests: { kind: 'number', label: 'Requests per month', min: 0, max: 1e13, integer: true, step: 100_000, default: 3_000_000, urlKey: 'req', help: 'All invocations in the month, provisioned ones included.' },
  durationMs: { kind: 'number', label: 'Average duration (ms)', min: 0, max: MAX_DURATION_MS, step: 1, unit: 'ms', default: 1000, urlKey: 'dur', help: 'Of the on-demand invocations; billing rounds it up to 1 ms.' },
  ephemeralMb: { kind: 'number', label: 'Ephemeral storage (MB)', min: EPHEMERAL_MB.min, max: EPHEMERAL_MB.max, integer: true, step: 512, unit: 'MB', default: 512, urlKey: 'eph' },
  freeTier: { kind: 'bool', label: 'Include free tier', default: true, urlKey: 'free' },
  pc: { kind: 'number', label: 'Provisioned concurrency (environments)', min: 0, max: 1e6, integer: true, default: 0, urlKey: 'pc' },
  pcHours: { kind: 'number', label: 'Hours enabled per month', min: 0, max: 744, unit: 'h', default: 0, urlKey: 'pch', help: 'A 31-day month has 744 h; billing rounds up to 5 min.' },
  pcRequests: { kind: 'number', label: 'Requests served by provisioned environments', min: 0, max: 1e13, integer: true, step: 100_000, default: 0, urlKey: 'pcr' },
  pcDurationMs: { kind: 'number', label: 'Average duration on provisioned environments (ms)', min: 0, max: MAX_DURATION_MS, step: 1, unit: 'ms', default: 1000, urlKey: 'pcd' },
  coldStarts: { kind: 'number', label: 'Cold starts per month', min: 0, max: 1e13, integer: true, step: 1000, default: 0, urlKey: 'cs', help: 'On-demand cold starts; AWS says typically under 1% of invocations.' },
  initMs: { kind: 'number', label: 'Average INIT duration (ms)', min: 0, max: MAX_DURATION_MS, step: 1, unit: 'ms', default: DEFAULT_INIT_MS, urlKey: 'init' },
  packaging: { kind: 'enum', label: 'Package type', options: ['zip', 'image'] as const, optionLabels: { zip: 'ZIP archive', image: 'Container image' }, default: 'zip', urlKey: 'pkg' },
  runtimeKind: { kind: 'enum', label: 'Runtime', options: ['managed', 'custom'] as const, optionLabels: { managed: 'AWS managed runtime', custom: 'Custom (OS-only) runtime' }, default: 'managed', urlKey: 'rt' },
  initBilling: { kind: 'enum', label: 'INIT billing rule', options: ['since-2025-08-01', 'before-2025-08-01'] as const, optionLabels: { 'since-2025-08-01': 'Since 2025-08-01 (current)', 'before-2025-08-01': 'Before 2025-08-01' }, default: 'since-2025-08-01', urlKey: 'rule' },
  snapStart: { kind: 'enum', label: 'SnapStart', options: ['off', 'python', 'dotnet', 'java'] as const, optionLabels: { off: 'Off', python: 'On (Python)', dotnet: 'On (.NET)', java: 'On (Java: no SnapStart charges)' }, default: 'off', urlKey: 'ss', help: 'Replaces billed INIT with snapshot cache and restore charges.' },
  snapStartHours: { kind: 'number', label: 'SnapStart version active (hours per month)', min: 0, max: 744, unit: 'h', default: 744, urlKey: 'ssh', help: 'Cache is billed for at least 3 h.' },
  cpuShare: { kind: 'number', label: 'Assumption: CPU-bound share of the duration (%)', min: 0, max: 100, unit: '%', step: 5, default: 0, urlKey: 'cpu', help: '0% = duration does not change with memory (no assumption).' },
  threads: { kind: 'number', label: 'Assumption: threads your code keeps busy', min: 1, max: 6, integer: true, default: 1, urlKey: 'thr' },
} satisfies Schema;

export type PriceState = StateOf<typeof priceSchema>;
