import type { Dist } from '../dist/types.ts';
import { parseDist, MAX_DIST_MS } from '../dist/parseDist.ts';
import { defaultInitDist, DEFAULT_RUNTIME, INIT_MS, runtimeKindOf } from '../constants/initDurations.ts';
import {
  ASYNC_MAX_EVENT_AGE_S, ASYNC_MAX_RETRY_ATTEMPTS, DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_IDLE_TIMEOUT_S,
  MIN_UNRESERVED_CONCURRENCY, SCALING_BUCKET, SCALING_REFILL_PER_S,
} from '../constants/limits.ts';
import { MEMORY_MB, EPHEMERAL_MB } from '../pricing/validatePriceInput.ts';
import type { Arch } from '../pricing/rates.ts';
import type { InitBillingRule, Packaging, RuntimeKind } from '../pricing/types.ts';
import {
  type FieldError, type Raw, type Validation, isRaw, pushError, readBool, readEnum, readNumber, readOptionalNumber,
} from '../validate/fields.ts';
import { DEFAULT_LIMITS, ENV_TRACE, type ResolvedSimConfig, type ReusePolicy, type InvocationType } from './config.ts';
import { validateTraffic } from './validateTraffic.ts';

/** Longest simulated time accepted: 31 days. */
export const MAX_SIM_SECONDS = 31 * 86400;
export const MAX_REQUESTS = 1e10;

function readDist(raw: Raw, field: string, fallback: Dist | undefined, errors: FieldError[]): Dist {
  const v = raw[field];
  const fb: Dist = fallback ?? { kind: 'const', ms: 0 };
  if (v === undefined || v === null || v === '') {
    if (!fallback) pushError(errors, field, 'a distribution: const:MS, exp:MEAN_MS, lognormal:MEDIAN_MS:SIGMA or uniform:MIN_MS:MAX_MS', v);
    return fb;
  }
  if (typeof v === 'string') {
    const r = parseDist(v);
    if (r.ok) return r.value;
    errors.push({ field, expected: 'a distribution', got: JSON.stringify(v), message: `${field}: ${r.error}` });
    return fb;
  }
  if (isRaw(v)) {
    const text =
      v['kind'] === 'const' ? `const:${v['ms']}` :
      v['kind'] === 'exp' ? `exp:${v['meanMs']}` :
      v['kind'] === 'lognormal' ? `lognormal:${v['medianMs']}:${v['sigma']}` :
      v['kind'] === 'uniform' ? `uniform:${v['minMs']}:${v['maxMs']}` : String(v['kind']);
    return readDist({ [field]: text }, field, fallback ?? fb, errors);
  }
  pushError(errors, field, `a distribution (times up to ${MAX_DIST_MS} ms)`, v);
  return fb;
}

/**
 * Checks a raw SimConfig (numbers may be numeric strings, distributions may be strings like
 * "lognormal:120:0.5") and fills every default. Errors name the field and the accepted range.
 */
export function validateSimConfig(input: unknown): Validation<ResolvedSimConfig> {
  const errors: FieldError[] = [];
  if (!isRaw(input)) return { ok: false, errors: [{ field: '(config)', expected: 'an object', got: typeof input, message: 'simulation config must be an object' }] };
  // Infinity means "off / not given" for these (a ResolvedSimConfig round-trips).
  const idleForever = input['idleTimeoutS'] === Infinity;
  const raw: Raw = { ...input };
  for (const k of ['maxLifetimeS', 'requests', 'simSeconds', 'idleTimeoutS']) if (raw[k] === Infinity) raw[k] = undefined;
  const traffic = validateTraffic(raw['traffic'], errors);
  const duration = readDist(raw, 'duration', undefined, errors);
  const runtimeRaw = raw['runtime'];
  let runtime = DEFAULT_RUNTIME;
  if (runtimeRaw !== undefined && runtimeRaw !== null && runtimeRaw !== '') {
    if (typeof runtimeRaw === 'string' && INIT_MS[runtimeRaw]) runtime = runtimeRaw;
    else pushError(errors, 'runtime', `one of ${Object.keys(INIT_MS).join(', ')}`, runtimeRaw);
  }
  const packaging = readEnum<Packaging>(raw, 'packaging', ['zip', 'image'], 'zip', errors);
  const arch = readEnum<Arch>(raw, 'arch', ['x86_64', 'arm64'], 'x86_64', errors);
  const init = readDist(raw, 'init', defaultInitDist(runtime, packaging, arch), errors);
  const seed = readNumber(raw, 'seed', { min: 0, max: 4294967295, integer: true }, 1, errors);
  const invocation = readEnum<InvocationType>(raw, 'invocation', ['sync', 'async'], 'sync', errors);
  const idleTimeoutS = idleForever ? Infinity : readNumber(raw, 'idleTimeoutS', { min: 0, max: 7 * 86400, unit: 's' }, DEFAULT_IDLE_TIMEOUT_S, errors);
  const maxLifetimeS = readOptionalNumber(raw, 'maxLifetimeS', { min: 1, max: MAX_SIM_SECONDS, unit: 's' }, errors) ?? Infinity;
  const concurrencyLimit = readNumber(raw, 'concurrencyLimit', { min: 1, max: 1_000_000, integer: true }, DEFAULT_ACCOUNT_CONCURRENCY, errors);
  const maxReserved = Math.max(0, concurrencyLimit - MIN_UNRESERVED_CONCURRENCY);
  const reserved = readOptionalNumber(raw, 'reserved', { min: 0, max: maxReserved, integer: true, unit: `the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved` }, errors) ?? null;
  const maxPc = reserved ?? maxReserved;
  const provisioned = readNumber(raw, 'provisioned', { min: 0, max: maxPc, integer: true, unit: reserved !== null ? 'at most reserved' : `the account limit minus ${MIN_UNRESERVED_CONCURRENCY}` }, 0, errors);
  const reuse = readEnum<ReusePolicy>(raw, 'reuse', ['mru', 'newest', 'lru'], 'mru', errors);
  let scaling: ResolvedSimConfig['scaling'] = { bucket: SCALING_BUCKET, refillPerS: SCALING_REFILL_PER_S };
  const sc = raw['scaling'];
  if (sc === false) scaling = false;
  else if (isRaw(sc)) {
    scaling = {
      bucket: readNumber({ 'scaling.bucket': sc['bucket'] }, 'scaling.bucket', { min: 1, max: 1e7, integer: true }, SCALING_BUCKET, errors),
      refillPerS: readNumber({ 'scaling.refillPerS': sc['refillPerS'] }, 'scaling.refillPerS', { min: 0, max: 1e7 }, SCALING_REFILL_PER_S, errors),
    };
  } else if (sc !== undefined && sc !== null) pushError(errors, 'scaling', 'false or { bucket, refillPerS }', sc);
  const requests = readOptionalNumber(raw, 'requests', { min: 1, max: MAX_REQUESTS, integer: true }, errors) ?? Infinity;
  const simSeconds = readOptionalNumber(raw, 'simSeconds', { min: 0.001, max: MAX_SIM_SECONDS, unit: 's' }, errors) ?? Infinity;
  if (requests === Infinity && simSeconds === Infinity && !errors.some((e) => e.field === 'requests' || e.field === 'simSeconds'))
    pushError(errors, 'requests', `given (or simSeconds): an integer from 1 to ${MAX_REQUESTS}`, raw['requests']);
  const warmupS = readNumber(raw, 'warmupS', { min: 0, max: simSeconds === Infinity ? MAX_SIM_SECONDS : simSeconds, unit: 's, below simSeconds' }, 0, errors);
  if (simSeconds !== Infinity && warmupS >= simSeconds && warmupS > 0) pushError(errors, 'warmupS', `a number from 0 to below simSeconds (${simSeconds} s)`, warmupS);
  const memoryMb = readNumber(raw, 'memoryMb', { min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, unit: 'MB' }, 1024, errors);
  const ephemeralMb = readNumber(raw, 'ephemeralMb', { min: EPHEMERAL_MB.min, max: EPHEMERAL_MB.max, integer: true, unit: 'MB' }, 512, errors);
  const a = isRaw(raw['async']) ? raw['async'] : {};
  const asyncCfg = {
    maxEventAgeS: readNumber({ 'async.maxEventAgeS': a['maxEventAgeS'] }, 'async.maxEventAgeS', { min: ASYNC_MAX_EVENT_AGE_S.min, max: ASYNC_MAX_EVENT_AGE_S.max, unit: 's' }, ASYNC_MAX_EVENT_AGE_S.default, errors),
    maxRetryAttempts: readNumber({ 'async.maxRetryAttempts': a['maxRetryAttempts'] }, 'async.maxRetryAttempts', { min: 0, max: ASYNC_MAX_RETRY_ATTEMPTS.max, integer: true }, ASYNC_MAX_RETRY_ATTEMPTS.default, errors),
    errorRate: readNumber({ 'async.errorRate': a['errorRate'] }, 'async.errorRate', { min: 0, max: 1 }, 0, errors),
  };
  let routing: ResolvedSimConfig['routing'] = null;
  const ro = raw['routing'];
  if (isRaw(ro)) {
    const weightB = readNumber({ 'routing.weightB': ro['weightB'] }, 'routing.weightB', { min: 0, max: 1 }, 0, errors);
    routing = {
      weightB,
      durationB: readDist({ 'routing.durationB': ro['durationB'] }, 'routing.durationB', duration, errors),
      initB: readDist({ 'routing.initB': ro['initB'] }, 'routing.initB', init, errors),
    };
  } else if (ro !== undefined && ro !== null) pushError(errors, 'routing', 'null or { weightB, durationB?, initB? }', ro);
  const li = isRaw(raw['limits']) ? raw['limits'] : {};
  const p = (k: string): Raw => ({ [`limits.${k}`]: li[k] });
  const limits = {
    maxEvents: readNumber(p('maxEvents'), 'limits.maxEvents', { min: 1, max: 1e11, integer: true }, DEFAULT_LIMITS.maxEvents, errors),
    maxEnvironments: readNumber(p('maxEnvironments'), 'limits.maxEnvironments', { min: 1, max: 2_000_000, integer: true }, DEFAULT_LIMITS.maxEnvironments, errors),
    maxSeriesBuckets: 2 * Math.ceil(readNumber(p('maxSeriesBuckets'), 'limits.maxSeriesBuckets', { min: 16, max: 10_000_000, integer: true }, DEFAULT_LIMITS.maxSeriesBuckets, errors) / 2),
    maxQueuedEvents: readNumber(p('maxQueuedEvents'), 'limits.maxQueuedEvents', { min: 1, max: 1e8, integer: true }, DEFAULT_LIMITS.maxQueuedEvents, errors),
  };
  let spans: ResolvedSimConfig['spans'] = null;
  const sp = raw['spans'];
  if (isRaw(sp)) {
    spans = {
      maxSpans: readNumber({ 'spans.maxSpans': sp['maxSpans'] }, 'spans.maxSpans', { min: 1, max: 100_000, integer: true }, ENV_TRACE.maxSpans, errors),
      maxIntervalsPerSpan: readNumber({ 'spans.maxIntervalsPerSpan': sp['maxIntervalsPerSpan'] }, 'spans.maxIntervalsPerSpan', { min: 1, max: 100_000, integer: true }, ENV_TRACE.maxIntervalsPerSpan, errors),
    };
  } else if (sp === true) spans = { ...ENV_TRACE };
  else if (sp !== undefined && sp !== null && sp !== false) pushError(errors, 'spans', 'null, true or { maxSpans, maxIntervalsPerSpan? }', sp);
  const pr = isRaw(raw['pricing']) ? raw['pricing'] : {};
  const pricing = {
    rates: isRaw(pr['rates']) ? (pr['rates'] as unknown as ResolvedSimConfig['pricing']['rates']) : undefined,
    runtimeKind: readEnum<RuntimeKind>({ 'pricing.runtimeKind': pr['runtimeKind'] }, 'pricing.runtimeKind', ['managed', 'custom'], runtimeKindOf(runtime), errors),
    initBilling: readEnum<InitBillingRule>({ 'pricing.initBilling': pr['initBilling'] }, 'pricing.initBilling', ['since-2025-08-01', 'before-2025-08-01'], 'since-2025-08-01', errors),
  };
  void readBool;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      traffic, duration, init, runtime, packaging, seed, invocation, idleTimeoutS, maxLifetimeS, concurrencyLimit, reserved,
      provisioned, reuse, scaling, requests, simSeconds, warmupS, memoryMb, arch, ephemeralMb, async: asyncCfg, routing,
      limits, spans, pricing,
    },
  };
}
