import type { Dist } from '../dist/types.ts';
import type { Traffic } from '../traffic/types.ts';
import type { Arch, Rates } from '../pricing/rates.ts';
import type { InitBillingRule, Packaging, RuntimeKind } from '../pricing/types.ts';
import { SIM_DEFAULTS } from './simDefaults.ts';

export type ReusePolicy = 'mru' | 'newest' | 'lru';
export type InvocationType = 'sync' | 'async';

/**
 * What to simulate. Only `traffic`, `duration` and `requests` or `simSeconds` are required;
 * `validateSimConfig` fills the rest: numeric defaults and ranges from `SIM_RULES` (engine/simRules.ts),
 * the others in brackets. Times: seconds for the clock, milliseconds for durations (Dist).
 */
export interface SimConfig {
  traffic: Traffic;
  /** Handler (INVOKE) duration, taken as given at the configured memory: a Dist or its text form ("exp:1991"). */
  duration: Dist | string;
  /** INIT duration; [lognormal fitted to the runtime's published median/p90, see constants/initDurations.ts]. */
  init?: Dist | string;
  runtime?: string; // ['nodejs24.x']
  packaging?: Packaging; // ['zip']
  seed?: number;
  invocation?: InvocationType; // ['sync']
  idleTimeoutS?: number; // Infinity = never reclaimed
  /** Periodic recycling: an environment is retired this long after creation (after its current request). */
  maxLifetimeS?: number | null;
  concurrencyLimit?: number; // the account limit
  /** Reserved concurrency: cap and guarantee for this function. */
  reserved?: number | null;
  /** Provisioned concurrency: pre-initialized environments (version A only), counted within the cap. */
  provisioned?: number;
  reuse?: ReusePolicy; // ['mru']
  /** Per-function scaling rate (a token bucket); false turns it off. */
  scaling?: { bucket: number; refillPerS: number } | false;
  /** Stop after this many arrivals (async events still retrying run on until they finish), or at this simulated time; at least one is needed. */
  requests?: number | null;
  simSeconds?: number | null;
  /** Statistics (summary, cost) ignore arrivals before this time. */
  warmupS?: number;
  memoryMb?: number;
  arch?: Arch; // ['x86_64']
  ephemeralMb?: number;
  /** Async: maximum event age, retry attempts after function errors, probability an execution fails. */
  async?: { maxEventAgeS?: number; maxRetryAttempts?: number; errorRate?: number };
  /** Weighted alias routing: a share `weightB` of arrivals go to version B, with its own environments. */
  routing?: { weightB: number; durationB?: Dist | string; initB?: Dist | string } | null;
  /** Work caps: the run stops (truncated) when one is reached. */
  limits?: { maxEvents?: number; maxEnvironments?: number; maxSeriesBuckets?: number; maxQueuedEvents?: number };
  /** Record environment lifecycle spans for a timeline (capped); `true` uses ENV_TRACE. [off] */
  spans?: { maxSpans: number; maxIntervalsPerSpan?: number } | boolean | null;
  /** Pricing of the simulated time span. */
  pricing?: { rates?: Rates; runtimeKind?: RuntimeKind; initBilling?: InitBillingRule };
}

/** SimConfig with every default filled in (what the engine reads). */
export interface ResolvedSimConfig {
  traffic: Traffic;
  duration: Dist;
  init: Dist;
  runtime: string;
  packaging: Packaging;
  seed: number;
  invocation: InvocationType;
  idleTimeoutS: number;
  maxLifetimeS: number; // Infinity when off
  concurrencyLimit: number;
  reserved: number | null;
  provisioned: number;
  reuse: ReusePolicy;
  scaling: { bucket: number; refillPerS: number } | false;
  requests: number; // Infinity when not given
  simSeconds: number; // Infinity when not given
  warmupS: number;
  memoryMb: number;
  arch: Arch;
  ephemeralMb: number;
  async: { maxEventAgeS: number; maxRetryAttempts: number; errorRate: number };
  routing: { weightB: number; durationB: Dist; initB: Dist } | null;
  limits: { maxEvents: number; maxEnvironments: number; maxSeriesBuckets: number; maxQueuedEvents: number };
  spans: { maxSpans: number; maxIntervalsPerSpan: number } | null;
  pricing: { rates: Rates | undefined; runtimeKind: RuntimeKind; initBilling: InitBillingRule };
}

/** Default work caps (the defaults `SIM_RULES` declares, from simDefaults.ts). */
export const DEFAULT_LIMITS = {
  maxEvents: SIM_DEFAULTS.maxEvents,
  maxEnvironments: SIM_DEFAULTS.maxEnvironments,
  maxSeriesBuckets: SIM_DEFAULTS.maxSeriesBuckets,
  maxQueuedEvents: SIM_DEFAULTS.maxQueuedEvents,
} as const;

/** Default cap for recorded environment spans (a cold-start timeline of a few minutes; from simDefaults.ts). */
export const ENV_TRACE = { maxSpans: SIM_DEFAULTS.maxSpans, maxIntervalsPerSpan: SIM_DEFAULTS.maxIntervalsPerSpan } as const;

/**
 * A SimConfig whose values were already checked (widget state validated on the page, a resolved source
 * config): distributions as objects, not text. `withSimDefaults` fills its defaults without validating.
 */
export type TrustedSimConfig = Omit<SimConfig, 'duration' | 'init' | 'routing' | 'spans'> & {
  duration: Dist;
  init?: Dist;
  routing?: { weightB: number; durationB?: Dist; initB?: Dist } | null;
  spans?: { maxSpans: number; maxIntervalsPerSpan?: number } | boolean | null;
};
