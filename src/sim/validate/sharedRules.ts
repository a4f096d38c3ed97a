/**
 * The rules more than one table shares (SIM_RULES, PRICE_RULES, SOURCE_RULES and through it SQS_RULES and
 * STREAM_RULES), each exported on its own. A table is one object a bundler cannot split, so a page whose
 * fields come from SQS_RULES would otherwise carry SIM_RULES and PRICE_RULES whole for these four rules.
 * Sources and as-of dates of the limits: `constants/limits.ts`.
 */
import { MEMORY_MB, MIN_UNRESERVED_CONCURRENCY } from '../constants/limits.ts';
import { SIM_DEFAULTS as D } from '../engine/simDefaults.ts';
import { PRICE_DEFAULTS } from '../pricing/priceDefaults.ts';
import type { NumberRule } from './rules.ts';

const LIMITS_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
const CONCURRENCY_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html';

export const SEED_RULE = { label: 'seed', min: 0, max: 4_294_967_295, integer: true, default: D.seed, help: 'Seed of the random source; the same seed gives the same run.' } as const satisfies NumberRule;
export const CONCURRENCY_LIMIT_RULE = { label: 'account concurrency limit', min: 1, max: 1_000_000, integer: true, default: D.concurrencyLimit, help: 'Concurrent executions for the account in the Region.', source: CONCURRENCY_URL } as const satisfies NumberRule;
export const RESERVED_RULE = { label: 'reserved concurrency', min: 0, max: 1_000_000, integer: true, default: null, help: `Cap and guarantee for this function, at most the account limit minus ${MIN_UNRESERVED_CONCURRENCY} (none unless given).`, source: CONCURRENCY_URL } as const satisfies NumberRule;
export const MEMORY_MB_RULE = { label: 'memory', unit: 'MB', min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, default: PRICE_DEFAULTS.memoryMb, help: 'Memory of the function (GB-s are billed on it).', source: LIMITS_URL } as const satisfies NumberRule;
