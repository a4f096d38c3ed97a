import {
  ASYNC_MAX_EVENT_AGE_S, ASYNC_MAX_RETRY_ATTEMPTS, DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_IDLE_TIMEOUT_S, SCALING_BUCKET, SCALING_REFILL_PER_S,
} from '../constants/limits.ts';

/**
 * The simulation inputs' defaults as bare numbers. `SIM_RULES` (simRules.ts) declares each with its range,
 * unit and help and reads its default from here; `withSimDefaults` reads them without the help text, so
 * a Web Worker that runs an already-checked config does not bundle the rules tables. AWS values come from
 * `constants/limits.ts` (sources there); the work caps are the model's.
 */
export const SIM_DEFAULTS = {
  seed: 1,
  warmupS: 0,
  idleTimeoutS: DEFAULT_IDLE_TIMEOUT_S,
  concurrencyLimit: DEFAULT_ACCOUNT_CONCURRENCY,
  provisioned: 0,
  scalingBucket: SCALING_BUCKET,
  scalingRefillPerS: SCALING_REFILL_PER_S,
  maxEventAgeS: ASYNC_MAX_EVENT_AGE_S.default,
  maxRetryAttempts: ASYNC_MAX_RETRY_ATTEMPTS.default,
  errorRate: 0,
  weightB: 0,
  maxEvents: 2_000_000_000,
  maxEnvironments: 200_000,
  maxSeriesBuckets: 4096,
  maxQueuedEvents: 2_000_000,
  maxSpans: 200,
  maxIntervalsPerSpan: 500,
} as const;
