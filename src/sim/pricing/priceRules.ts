/**
 * The rules table of a price request (`validatePriceInput`, `npm run sim -- price`, the pricing widget).
 * Ranges come from the AWS limits in `constants/limits.ts` (sources and dates there); the rest are the
 * model's bounds, chosen so every bill stays finite. `default: null` = required, or derived from another
 * field (pcDurationMs defaults to durationMs). pcRequests and coldStarts are narrowed further by the
 * validator: at most the requests they are part of.
 */
import { EPHEMERAL_MB, MAX_DURATION_MS, MEMORY_MB } from '../constants/limits.ts';
import type { RuleTable } from '../validate/rules.ts';
import { PRICE_DEFAULTS } from './priceDefaults.ts';

const LIMITS_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
/** The longest month (31 days) in hours: the most a setting can be enabled in a monthly bill. */
export const HOURS_IN_MONTH = 744;
/** A model bound: ten trillion invocations a month, far above any real bill, keeps totals finite. */
export const MAX_MONTHLY_REQUESTS = 1e13;

export const PRICE_RULES = {
  memoryMb: { label: 'memory', unit: 'MB', min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, default: PRICE_DEFAULTS.memoryMb, help: 'Memory of the function (GB-s are billed on it).', source: LIMITS_URL },
  requests: { label: 'requests', min: 0, max: MAX_MONTHLY_REQUESTS, integer: true, default: null, help: 'All invocations in the month.' },
  durationMs: { label: 'average duration', unit: 'ms', min: 0, max: MAX_DURATION_MS, default: null, help: 'Average duration of the on-demand invocations (billing rounds it up to 1 ms).', source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html' },
  ephemeralMb: { label: 'ephemeral storage', unit: 'MB', min: EPHEMERAL_MB.min, max: EPHEMERAL_MB.max, integer: true, default: PRICE_DEFAULTS.ephemeralMb, help: 'Size of /tmp; above 512 MB is billed per GB-s.', source: LIMITS_URL },
  pc: { label: 'provisioned concurrency', unit: 'environments', min: 0, max: 1e6, integer: true, default: 0, help: 'Provisioned environments kept initialized.' },
  pcHours: { label: 'provisioned hours', unit: 'hours in a month', min: 0, max: HOURS_IN_MONTH, default: 0, help: 'Hours provisioned concurrency was enabled.' },
  pcRequests: { label: 'provisioned requests', min: 0, max: MAX_MONTHLY_REQUESTS, integer: true, default: 0, help: 'How many of the requests ran on provisioned environments.' },
  pcDurationMs: { label: 'provisioned duration', unit: 'ms', min: 0, max: MAX_DURATION_MS, default: null, help: 'Their average duration (default: the on-demand duration).' },
  coldStarts: { label: 'cold starts', min: 0, max: MAX_MONTHLY_REQUESTS, integer: true, default: 0, help: 'On-demand cold starts (INIT runs).' },
  initMs: { label: 'INIT duration', unit: 'ms', min: 0, max: MAX_DURATION_MS, default: 0, help: 'Average INIT duration of a cold start.' },
  snapStartHours: { label: 'SnapStart hours', unit: 'hours', min: 0, max: HOURS_IN_MONTH, default: HOURS_IN_MONTH, help: 'Hours the SnapStart snapshot was cached (versions active).' },
  snapStartRestores: { label: 'SnapStart restores', min: 0, max: MAX_MONTHLY_REQUESTS, integer: true, default: null, help: 'Restores from the snapshot (default: the cold starts).' },
} as const satisfies RuleTable;
