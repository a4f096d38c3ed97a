/**
 * The rules table of a simulation (`validateSimConfig`, `npm run sim -- run`, the widgets' field specs):
 * every numeric `SimConfig` input with its range, unit and default, declared once. AWS limits and
 * defaults come from `constants/limits.ts` (sources and dates there); the other bounds are the model's,
 * chosen to keep runs finite. Keys are `SimConfig` field names; nested fields are read under a dotted
 * name (`async.errorRate`, `limits.maxEvents`, `traffic.rate`) with the rule of their last segment.
 * `default: null` = off or required (requests/simSeconds: at least one of them).
 * `reserved` and `provisioned` are narrowed by the validator: at most the account limit minus
 * `MIN_UNRESERVED_CONCURRENCY`, and provisioned at most reserved.
 */
import { ASYNC_MAX_EVENT_AGE_S, ASYNC_MAX_RETRY_ATTEMPTS, MIN_UNRESERVED_CONCURRENCY } from '../constants/limits.ts';
import { SIM_DEFAULTS as D } from './simDefaults.ts';
import { PRICE_RULES } from '../pricing/priceRules.ts';
import type { RuleTable } from '../validate/rules.ts';

/** Longest simulated time: 31 days. One rule for `simSeconds`, the span `requests` imply and trace spans. */
export const MAX_SIM_SECONDS = 31 * 86_400;
/** Most arrivals in one run (a model bound). */
export const MAX_REQUESTS = 1e10;
/** Highest arrival rate, in requests per second (a model bound). */
export const MAX_RATE = 1_000_000;

const CONCURRENCY_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html';
const ASYNC_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html';
const SCALING_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html';

export const SIM_RULES = {
  // traffic
  rate: { label: 'arrival rate', unit: 'requests/s', min: 0, above: true, max: MAX_RATE, default: null, help: 'Mean arrivals per second.' },
  amplitude: { label: 'diurnal amplitude', min: 0, max: 1, default: 0.5, help: 'Swing of a diurnal rate around its mean, as a share of the mean.' },
  periodS: { label: 'diurnal period', unit: 's', min: 1, max: MAX_SIM_SECONDS, default: 86_400, help: 'Length of one diurnal cycle.' },
  peakAtS: { label: 'diurnal peak time', unit: 's', min: -1e9, max: 1e9, default: 14 * 3600, help: 'When the diurnal rate peaks.' },
  stepAtS: { label: 'step time', unit: 's', min: 0, max: 1e9, default: 0, help: 'When a rate step starts.' },
  stepRate: { label: 'step rate', unit: 'requests/s', min: 0, max: MAX_RATE, default: 0, help: 'Arrival rate from this step on.' },
  binS: { label: 'trace bin', unit: 's', min: 0.001, max: 86_400, default: 1, help: 'Width of one count of a counts trace.' },
  // when to stop
  requests: { label: 'requests', min: 1, max: MAX_REQUESTS, integer: true, default: null, help: 'Stop after this many arrivals.' },
  simSeconds: { label: 'simulated time', unit: 's', min: 0.001, max: MAX_SIM_SECONDS, default: null, help: 'Stop at this simulated time (at most 31 days).' },
  warmupS: { label: 'warm-up', unit: 's', min: 0, max: MAX_SIM_SECONDS, default: D.warmupS, help: 'Statistics ignore arrivals before this time.' },
  seed: { label: 'seed', min: 0, max: 4_294_967_295, integer: true, default: D.seed, help: 'Seed of the random source; the same seed gives the same run.' },
  // function
  memoryMb: PRICE_RULES.memoryMb,
  ephemeralMb: PRICE_RULES.ephemeralMb,
  // environments
  idleTimeoutS: { label: 'idle timeout', unit: 's', min: 0, max: 7 * 86_400, default: D.idleTimeoutS, help: 'Fixed keep-alive before an idle environment is reclaimed (a model: AWS publishes none).' },
  maxLifetimeS: { label: 'maximum lifetime', unit: 's', min: 1, max: MAX_SIM_SECONDS, default: null, help: 'Periodic recycling: an environment retires this long after creation (off unless given).' },
  concurrencyLimit: { label: 'account concurrency limit', min: 1, max: 1_000_000, integer: true, default: D.concurrencyLimit, help: 'Concurrent executions for the account in the Region.', source: CONCURRENCY_URL },
  reserved: { label: 'reserved concurrency', min: 0, max: 1_000_000, integer: true, default: null, help: `Cap and guarantee for this function, at most the account limit minus ${MIN_UNRESERVED_CONCURRENCY} (none unless given).`, source: CONCURRENCY_URL },
  provisioned: { label: 'provisioned concurrency', min: 0, max: 1_000_000, integer: true, default: D.provisioned, help: `Environments initialized before t = 0 (version A only), at most reserved or the account limit minus ${MIN_UNRESERVED_CONCURRENCY}.`, source: CONCURRENCY_URL },
  scalingBucket: { label: 'scaling burst', min: 1, max: 1e7, integer: true, default: D.scalingBucket, help: 'New environments available at once (token bucket size).', source: SCALING_URL },
  scalingRefillPerS: { label: 'scaling refill', unit: 'environments/s', min: 0, max: 1e7, default: D.scalingRefillPerS, help: 'New environments added to the bucket per second.', source: SCALING_URL },
  // asynchronous invocation
  maxEventAgeS: { label: 'maximum event age', unit: 's', min: ASYNC_MAX_EVENT_AGE_S.min, max: ASYNC_MAX_EVENT_AGE_S.max, default: D.maxEventAgeS, help: 'How long an async event is retried.', source: ASYNC_URL },
  maxRetryAttempts: { label: 'retry attempts', min: ASYNC_MAX_RETRY_ATTEMPTS.min, max: ASYNC_MAX_RETRY_ATTEMPTS.max, integer: true, default: D.maxRetryAttempts, help: 'Retries after a function error.', source: ASYNC_URL },
  errorRate: { label: 'error rate', min: 0, max: 1, default: D.errorRate, help: 'Probability that an execution fails (a model input).' },
  // alias routing
  weightB: { label: 'weight of version B', min: 0, max: 1, default: D.weightB, help: 'Share of arrivals routed to version B.' },
  // work caps
  maxEvents: { label: 'event cap', min: 1, max: 1e11, integer: true, default: D.maxEvents, help: 'The run stops (truncated) after this many events.' },
  maxEnvironments: { label: 'environment cap', min: 1, max: 2_000_000, integer: true, default: D.maxEnvironments, help: 'Most environments alive at once.' },
  maxSeriesBuckets: { label: 'series buckets', min: 16, max: 10_000_000, integer: true, default: D.maxSeriesBuckets, help: 'Per-second series length before it coarsens.' },
  maxQueuedEvents: { label: 'queued events cap', min: 1, max: 1e8, integer: true, default: D.maxQueuedEvents, help: 'Most pending async retries and completions.' },
  maxSpans: { label: 'recorded environments', min: 1, max: 100_000, integer: true, default: D.maxSpans, help: 'Environments whose lifecycle spans are recorded.' },
  maxIntervalsPerSpan: { label: 'intervals per environment', min: 1, max: 100_000, integer: true, default: D.maxIntervalsPerSpan, help: 'Busy intervals recorded per environment.' },
} as const satisfies RuleTable;
