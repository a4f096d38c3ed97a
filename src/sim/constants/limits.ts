/**
 * Lambda behaviour constants used as simulator defaults. Each names its AWS (or third-party) source; as
 * of 2026-08.
 */

/** Default account concurrency per Region (soft quota). https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, as of 2026-08. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;

/** At least this much account concurrency must stay unreserved. https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html, as of 2026-08. */
export const MIN_UNRESERVED_CONCURRENCY = 100;

/**
 * Per-function scaling rate since 2023-11-26: 1,000 new execution environments every 10 s, refilled
 * continuously, no accrual beyond 1,000 (a token bucket of 1,000 refilled at 100/s).
 * https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html, as of 2026-08.
 */
export const SCALING_BUCKET = 1000;
export const SCALING_REFILL_PER_S = 100;

/**
 * Idle keep-alive default: 600 s. AWS publishes no number; third-party measurements: 45–60 min (2017),
 * exactly 10 min after the last request (from July 2019), 5–7 min (later). https://mikhail.io/2019/08/aws-lambda-cold-starts-after-10-minutes/
 * and https://mikhail.io/serverless/coldstarts/aws/intervals/ [3P], as of 2026-08.
 */
export const DEFAULT_IDLE_TIMEOUT_S = 600;

/**
 * Asynchronous invocation: events kept up to MaximumEventAgeInSeconds (60–21,600, default 21,600 = 6 h);
 * throttles retried with backoff from 1 s up to 5 min; function errors retried MaximumRetryAttempts
 * times (0–2, default 2), about 1 min then 2 min apart.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html, as of 2026-08.
 */
export const ASYNC_MAX_EVENT_AGE_S = { min: 60, max: 21_600, default: 21_600 } as const;
export const ASYNC_MAX_RETRY_ATTEMPTS = { min: 0, max: 2, default: 2 } as const;
export const ASYNC_THROTTLE_BACKOFF_S = { first: 1, max: 300 } as const;
export const ASYNC_ERROR_RETRY_DELAYS_S = [60, 120] as const;

/** Standard function timeout maximum: 900 s. https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html, as of 2026-08. */
export const MAX_TIMEOUT_S = 900;

/** Memory for standard functions: 128–10,240 MB in 1 MB steps. https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, as of 2026-08. */
export const MEMORY_MB = { min: 128, max: 10_240 } as const;

/** Ephemeral storage (/tmp): 512–10,240 MB. https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, as of 2026-08. */
export const EPHEMERAL_MB = { min: 512, max: 10_240 } as const;

/** Longest standard invocation in milliseconds (`MAX_TIMEOUT_S`). */
export const MAX_DURATION_MS = MAX_TIMEOUT_S * 1000;
