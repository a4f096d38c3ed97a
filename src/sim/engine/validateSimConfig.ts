import type { Dist } from '../dist/types.ts';
import { parseDist, MAX_DIST_MS } from '../dist/parseDist.ts';
import { defaultInitDist, DEFAULT_RUNTIME, INIT_MS, runtimeKindOf } from '../constants/initDurations.ts';
import { MIN_UNRESERVED_CONCURRENCY } from '../constants/limits.ts';
import type { Arch } from '../pricing/rates.ts';
import type { InitBillingRule, Packaging, RuntimeKind } from '../pricing/types.ts';
import { type FieldError, type Raw, type Validation, isRaw, pushError, readEnum } from '../validate/fields.ts';
import { expectedOf, readOptionalRule, readRule, readWithRule } from '../validate/rules.ts';
import { ENV_TRACE, type ResolvedSimConfig, type ReusePolicy, type InvocationType } from './config.ts';
import { MAX_SIM_SECONDS, SIM_RULES as R } from './simRules.ts';
import { validateTraffic } from './validateTraffic.ts';

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
 * "lognormal:120:0.5") and fills every default from `SIM_RULES`. Errors name the field and the accepted
 * range. (`checkRunSpan` adds the planning shells' limit on the time `requests` imply.)
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
  const seed = readRule(raw, R, 'seed', errors);
  const invocation = readEnum<InvocationType>(raw, 'invocation', ['sync', 'async'], 'sync', errors);
  const idleTimeoutS = idleForever ? Infinity : readRule(raw, R, 'idleTimeoutS', errors);
  const maxLifetimeS = readOptionalRule(raw, R, 'maxLifetimeS', errors) ?? Infinity;
  const concurrencyLimit = readRule(raw, R, 'concurrencyLimit', errors);
  const maxReserved = Math.max(0, concurrencyLimit - MIN_UNRESERVED_CONCURRENCY);
  const reservedRaw = readWithRule(raw, 'reserved', R.reserved, errors, NaN, { max: maxReserved, unit: `the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved` });
  const reserved = Number.isNaN(reservedRaw) ? null : reservedRaw;
  const maxPc = reserved ?? maxReserved;
  const provisioned = readWithRule(raw, 'provisioned', R.provisioned, errors, R.provisioned.default, { max: maxPc, unit: reserved !== null ? 'at most reserved' : `the account limit minus ${MIN_UNRESERVED_CONCURRENCY}` });
  const reuse = readEnum<ReusePolicy>(raw, 'reuse', ['mru', 'newest', 'lru'], 'mru', errors);
  let scaling: ResolvedSimConfig['scaling'] = { bucket: R.scalingBucket.default, refillPerS: R.scalingRefillPerS.default };
  const sc = raw['scaling'];
  if (sc === false) scaling = false;
  else if (isRaw(sc)) {
    scaling = {
      bucket: readWithRule({ 'scaling.bucket': sc['bucket'] }, 'scaling.bucket', R.scalingBucket, errors),
      refillPerS: readWithRule({ 'scaling.refillPerS': sc['refillPerS'] }, 'scaling.refillPerS', R.scalingRefillPerS, errors),
    };
  } else if (sc !== undefined && sc !== null) pushError(errors, 'scaling', 'false or { bucket, refillPerS }', sc);
  const requests = readOptionalRule(raw, R, 'requests', errors) ?? Infinity;
  const simSeconds = readOptionalRule(raw, R, 'simSeconds', errors) ?? Infinity;
  if (requests === Infinity && simSeconds === Infinity && !errors.some((e) => e.field === 'requests' || e.field === 'simSeconds'))
    pushError(errors, 'requests', `given (or simSeconds): ${expectedOf(R.requests)}`, raw['requests']);
  const warmupS = readWithRule(raw, 'warmupS', R.warmupS, errors, R.warmupS.default, { max: simSeconds === Infinity ? MAX_SIM_SECONDS : simSeconds, unit: 's, below simSeconds' });
  if (simSeconds !== Infinity && warmupS >= simSeconds && warmupS > 0) pushError(errors, 'warmupS', `a number from 0 to below simSeconds (${simSeconds} s)`, warmupS);
  const memoryMb = readRule(raw, R, 'memoryMb', errors);
  const ephemeralMb = readRule(raw, R, 'ephemeralMb', errors);
  const a = isRaw(raw['async']) ? raw['async'] : {};
  const asyncCfg = {
    maxEventAgeS: readWithRule({ 'async.maxEventAgeS': a['maxEventAgeS'] }, 'async.maxEventAgeS', R.maxEventAgeS, errors),
    maxRetryAttempts: readWithRule({ 'async.maxRetryAttempts': a['maxRetryAttempts'] }, 'async.maxRetryAttempts', R.maxRetryAttempts, errors),
    errorRate: readWithRule({ 'async.errorRate': a['errorRate'] }, 'async.errorRate', R.errorRate, errors),
  };
  let routing: ResolvedSimConfig['routing'] = null;
  const ro = raw['routing'];
  if (isRaw(ro)) {
    const weightB = readWithRule({ 'routing.weightB': ro['weightB'] }, 'routing.weightB', R.weightB, errors);
    routing = {
      weightB,
      durationB: readDist({ 'routing.durationB': ro['durationB'] }, 'routing.durationB', duration, errors),
      initB: readDist({ 'routing.initB': ro['initB'] }, 'routing.initB', init, errors),
    };
  } else if (ro !== undefined && ro !== null) pushError(errors, 'routing', 'null or { weightB, durationB?, initB? }', ro);
  const li = isRaw(raw['limits']) ? raw['limits'] : {};
  const p = (k: string): Raw => ({ [`limits.${k}`]: li[k] });
  const limits = {
    maxEvents: readWithRule(p('maxEvents'), 'limits.maxEvents', R.maxEvents, errors),
    maxEnvironments: readWithRule(p('maxEnvironments'), 'limits.maxEnvironments', R.maxEnvironments, errors),
    maxSeriesBuckets: 2 * Math.ceil(readWithRule(p('maxSeriesBuckets'), 'limits.maxSeriesBuckets', R.maxSeriesBuckets, errors) / 2),
    maxQueuedEvents: readWithRule(p('maxQueuedEvents'), 'limits.maxQueuedEvents', R.maxQueuedEvents, errors),
  };
  let spans: ResolvedSimConfig['spans'] = null;
  const sp = raw['spans'];
  if (isRaw(sp)) {
    spans = {
      maxSpans: readWithRule({ 'spans.maxSpans': sp['maxSpans'] }, 'spans.maxSpans', R.maxSpans, errors),
      maxIntervalsPerSpan: readWithRule({ 'spans.maxIntervalsPerSpan': sp['maxIntervalsPerSpan'] }, 'spans.maxIntervalsPerSpan', R.maxIntervalsPerSpan, errors),
    };
  } else if (sp === true) spans = { ...ENV_TRACE };
  else if (sp !== undefined && sp !== null && sp !== false) pushError(errors, 'spans', 'null, true or { maxSpans, maxIntervalsPerSpan? }', sp);
  const pr = isRaw(raw['pricing']) ? raw['pricing'] : {};
  const pricing = {
    rates: isRaw(pr['rates']) ? (pr['rates'] as unknown as ResolvedSimConfig['pricing']['rates']) : undefined,
    runtimeKind: readEnum<RuntimeKind>({ 'pricing.runtimeKind': pr['runtimeKind'] }, 'pricing.runtimeKind', ['managed', 'custom'], runtimeKindOf(runtime), errors),
    initBilling: readEnum<InitBillingRule>({ 'pricing.initBilling': pr['initBilling'] }, 'pricing.initBilling', ['since-2025-08-01', 'before-2025-08-01'], 'since-2025-08-01', errors),
  };
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
