import { defaultInitDist, DEFAULT_RUNTIME, runtimeKindOf } from '../constants/initDurations.ts';
import { PRICE_DEFAULTS } from '../pricing/priceDefaults.ts';
import { ENV_TRACE, type ResolvedSimConfig, type TrustedSimConfig } from './config.ts';
import { SIM_DEFAULTS as D } from './simDefaults.ts';

/**
 * The ResolvedSimConfig `validateSimConfig` would return for an already-checked config, without checking
 * it: the same defaults (simDefaults.ts, priceDefaults.ts), no rules tables, no messages. For callers that
 * validated at their edge (a widget's page checks its fields; a source config is resolved by its own
 * validator) and run in a Web Worker, where the rules' help text would only add weight.
 * tests/sim/withSimDefaults.test.ts holds it equal to validateSimConfig.
 */
export function withSimDefaults(c: TrustedSimConfig): ResolvedSimConfig {
  const runtime = c.runtime ?? DEFAULT_RUNTIME;
  const packaging = c.packaging ?? 'zip';
  const arch = c.arch ?? 'x86_64';
  const init = c.init ?? defaultInitDist(runtime, packaging, arch);
  const a = c.async ?? {};
  const li = c.limits ?? {};
  const sc = c.scaling;
  const ro = c.routing;
  const sp = c.spans;
  return {
    traffic: c.traffic,
    duration: c.duration,
    init,
    runtime,
    packaging,
    seed: c.seed ?? D.seed,
    invocation: c.invocation ?? 'sync',
    idleTimeoutS: c.idleTimeoutS ?? D.idleTimeoutS,
    maxLifetimeS: c.maxLifetimeS ?? Infinity,
    concurrencyLimit: c.concurrencyLimit ?? D.concurrencyLimit,
    reserved: c.reserved ?? null,
    provisioned: c.provisioned ?? D.provisioned,
    reuse: c.reuse ?? 'mru',
    scaling: sc === false ? false : { bucket: sc?.bucket ?? D.scalingBucket, refillPerS: sc?.refillPerS ?? D.scalingRefillPerS },
    requests: c.requests ?? Infinity,
    simSeconds: c.simSeconds ?? Infinity,
    warmupS: c.warmupS ?? D.warmupS,
    memoryMb: c.memoryMb ?? PRICE_DEFAULTS.memoryMb,
    arch,
    ephemeralMb: c.ephemeralMb ?? PRICE_DEFAULTS.ephemeralMb,
    async: {
      maxEventAgeS: a.maxEventAgeS ?? D.maxEventAgeS,
      maxRetryAttempts: a.maxRetryAttempts ?? D.maxRetryAttempts,
      errorRate: a.errorRate ?? D.errorRate,
    },
    routing: ro ? { weightB: ro.weightB, durationB: ro.durationB ?? c.duration, initB: ro.initB ?? init } : null,
    limits: {
      maxEvents: li.maxEvents ?? D.maxEvents,
      maxEnvironments: li.maxEnvironments ?? D.maxEnvironments,
      maxSeriesBuckets: 2 * Math.ceil((li.maxSeriesBuckets ?? D.maxSeriesBuckets) / 2),
      maxQueuedEvents: li.maxQueuedEvents ?? D.maxQueuedEvents,
    },
    spans: sp === true ? { ...ENV_TRACE } : sp ? { maxSpans: sp.maxSpans, maxIntervalsPerSpan: sp.maxIntervalsPerSpan ?? D.maxIntervalsPerSpan } : null,
    pricing: {
      rates: c.pricing?.rates,
      runtimeKind: c.pricing?.runtimeKind ?? runtimeKindOf(runtime),
      initBilling: c.pricing?.initBilling ?? 'since-2025-08-01',
    },
  };
}
