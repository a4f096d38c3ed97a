import type { PriceInput, Packaging, RuntimeKind, InitBillingRule, SnapStartRuntime } from './types.ts';
import type { Arch } from './rates.ts';
import { type Validation, type FieldError, readEnum, readBool, pushError, isRaw } from '../validate/fields.ts';
import { expectedOf, readOptionalRule, readRule, readWithRule } from '../validate/rules.ts';
import { formatNumber } from '../format/index.ts';
import { PRICE_RULES as R } from './priceRules.ts';

/**
 * Checks a raw price request (numbers or numeric strings) and fills defaults: the numeric ones from
 * `PRICE_RULES` (pcDurationMs = durationMs), freeTier true, packaging zip, runtimeKind managed,
 * initBilling since-2025-08-01. `checkProvisionedTime` adds the stricter checks a planning shell wants.
 */
export function validatePriceInput(raw: unknown): Validation<PriceInput> {
  const errors: FieldError[] = [];
  if (!isRaw(raw)) return { ok: false, errors: [{ field: '(input)', expected: 'an object', got: typeof raw, message: 'price input must be an object' }] };
  const memoryMb = readRule(raw, R, 'memoryMb', errors);
  const arch = readEnum<Arch>(raw, 'arch', ['x86_64', 'arm64'], 'x86_64', errors);
  if (raw['requests'] === undefined || raw['requests'] === '') pushError(errors, 'requests', expectedOf(R.requests), raw['requests']);
  const requests = readRule(raw, R, 'requests', errors, 0);
  if (raw['durationMs'] === undefined || raw['durationMs'] === '') pushError(errors, 'durationMs', expectedOf(R.durationMs), raw['durationMs']);
  const durationMs = readRule(raw, R, 'durationMs', errors, 0);
  const durationIsBilled = readBool(raw, 'durationIsBilled', false, errors);
  const ephemeralMb = readRule(raw, R, 'ephemeralMb', errors);
  const freeTier = readBool(raw, 'freeTier', true, errors);
  const pc = readRule(raw, R, 'pc', errors);
  const pcHours = readRule(raw, R, 'pcHours', errors);
  const pcRequests = readWithRule(raw, 'pcRequests', R.pcRequests, errors, 0, { max: Math.max(0, requests), unit: 'at most --requests' });
  const pcDurationMs = readRule(raw, R, 'pcDurationMs', errors, durationMs);
  const coldStarts = readWithRule(raw, 'coldStarts', R.coldStarts, errors, 0, { max: Math.max(0, requests - pcRequests), unit: 'at most the on-demand requests' });
  const initMs = readRule(raw, R, 'initMs', errors);
  const packaging = readEnum<Packaging>(raw, 'packaging', ['zip', 'image'], 'zip', errors);
  const runtimeKind = readEnum<RuntimeKind>(raw, 'runtimeKind', ['managed', 'custom'], 'managed', errors);
  const initBilling = readEnum<InitBillingRule>(raw, 'initBilling', ['since-2025-08-01', 'before-2025-08-01'], 'since-2025-08-01', errors);
  if (pcRequests > 0 && pc === 0) pushError(errors, 'pcRequests', '0 when pc is 0 (no provisioned environments to run on)', raw['pcRequests']);
  let snapStart: PriceInput['snapStart'];
  const ss = raw['snapStart'];
  if (ss !== undefined && ss !== null && ss !== false) {
    if (!isRaw(ss)) pushError(errors, 'snapStart', 'an object { runtime, activeHours, restores? }', ss);
    else {
      const runtime = readEnum<SnapStartRuntime>(ss, 'runtime', ['java', 'python', 'dotnet'], 'python', errors);
      const activeHours = readWithRule(ss, 'activeHours', R.snapStartHours, errors);
      const restores = readOptionalRule({ snapStartRestores: ss['restores'] }, R, 'snapStartRestores', errors);
      snapStart = restores === undefined ? { runtime, activeHours } : { runtime, activeHours, restores };
      if (packaging === 'image') pushError(errors, 'packaging', 'zip when SnapStart is on (container images are not supported)', packaging);
      if (pc > 0) pushError(errors, 'pc', '0 when SnapStart is on (SnapStart is incompatible with provisioned concurrency)', pc);
    }
  }
  if (errors.length) return { ok: false, errors };
  const value: PriceInput = {
    memoryMb, arch, requests, durationMs, durationIsBilled, ephemeralMb, freeTier, pc, pcHours, pcRequests,
    pcDurationMs, coldStarts, initMs, packaging, runtimeKind, initBilling,
  };
  if (snapStart) value.snapStart = snapStart;
  return { ok: true, value };
}

/**
 * Provisioned concurrency that cannot have happened: pc without the hours it was enabled (or the
 * reverse), or more provisioned work than the enabled time holds: pcRequests × pcDurationMs must be at
 * most pc × pcHours × 3,600 s. The CLI refuses these; a widget may show them as a warning instead.
 */
export function checkProvisionedTime(v: PriceInput): FieldError[] {
  const errors: FieldError[] = [];
  const { pc = 0, pcHours = 0, pcRequests = 0 } = v;
  const pcDurationMs = v.pcDurationMs ?? v.durationMs;
  if (pc > 0 && pcHours === 0) pushError(errors, 'pcHours', `${expectedOf({ ...R.pcHours, above: true })} when provisioned concurrency is on (the hours it was enabled)`, pcHours);
  else if (pcHours > 0 && pc === 0) pushError(errors, 'pc', `${expectedOf({ ...R.pc, min: 1 })} when provisioned hours are given`, pc);
  else if (pcRequests * pcDurationMs > pc * pcHours * 3_600_000 * (1 + 1e-12)) {
    const fit = Math.floor((pc * pcHours * 3_600_000) / pcDurationMs);
    pushError(errors, 'pcRequests', `at most ${formatNumber(fit)} at ${formatNumber(pcDurationMs)} ms each (pc × pcHours × 3,600 s of provisioned time)`, pcRequests);
  }
  return errors;
}
