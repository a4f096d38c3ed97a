import type { PriceInput, Packaging, RuntimeKind, InitBillingRule, SnapStartRuntime } from './types.ts';
import type { Arch } from './rates.ts';
import { type Validation, type FieldError, readNumber, readEnum, readBool, readOptionalNumber, pushError, isRaw } from '../validate/fields.ts';

/**
 * Memory range for standard functions: 128–10,240 MB in 1 MB steps.
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, as of 2026-08.
 */
export const MEMORY_MB = { min: 128, max: 10_240 } as const;
/** Ephemeral /tmp: 512–10,240 MB. https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, as of 2026-08. */
export const EPHEMERAL_MB = { min: 512, max: 10_240 } as const;
/** Longest standard invocation: 900 s (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html), as of 2026-08. */
export const MAX_DURATION_MS = 900_000;
const HOURS_IN_MONTH = 744; // 31 days
const MAX_REQUESTS = 1e13;

/**
 * Checks a raw price request (numbers or numeric strings) and fills defaults:
 * ephemeralMb 512, freeTier true, pc 0, pcHours 0, pcRequests 0, pcDurationMs = durationMs,
 * coldStarts 0, initMs 0, packaging zip, runtimeKind managed, initBilling since-2025-08-01.
 */
export function validatePriceInput(raw: unknown): Validation<PriceInput> {
  const errors: FieldError[] = [];
  if (!isRaw(raw)) return { ok: false, errors: [{ field: '(input)', expected: 'an object', got: typeof raw, message: 'price input must be an object' }] };
  const memoryMb = readNumber(raw, 'memoryMb', { min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, unit: 'MB' }, 1024, errors);
  const arch = readEnum<Arch>(raw, 'arch', ['x86_64', 'arm64'], 'x86_64', errors);
  if (raw['requests'] === undefined || raw['requests'] === '') pushError(errors, 'requests', `an integer from 0 to ${MAX_REQUESTS}`, raw['requests']);
  const requests = readNumber(raw, 'requests', { min: 0, max: MAX_REQUESTS, integer: true }, 0, errors);
  if (raw['durationMs'] === undefined || raw['durationMs'] === '') pushError(errors, 'durationMs', `a number from 0 to ${MAX_DURATION_MS} (ms)`, raw['durationMs']);
  const durationMs = readNumber(raw, 'durationMs', { min: 0, max: MAX_DURATION_MS, unit: 'ms' }, 0, errors);
  const durationIsBilled = readBool(raw, 'durationIsBilled', false, errors);
  const ephemeralMb = readNumber(raw, 'ephemeralMb', { min: EPHEMERAL_MB.min, max: EPHEMERAL_MB.max, integer: true, unit: 'MB' }, 512, errors);
  const freeTier = readBool(raw, 'freeTier', true, errors);
  const pc = readNumber(raw, 'pc', { min: 0, max: 1e6, integer: true, unit: 'environments' }, 0, errors);
  const pcHours = readNumber(raw, 'pcHours', { min: 0, max: HOURS_IN_MONTH, unit: 'hours in a month' }, 0, errors);
  const pcRequests = readNumber(raw, 'pcRequests', { min: 0, max: Math.max(0, requests), integer: true, unit: 'at most --requests' }, 0, errors);
  const pcDurationMs = readNumber(raw, 'pcDurationMs', { min: 0, max: MAX_DURATION_MS, unit: 'ms' }, durationMs, errors);
  const coldStarts = readNumber(raw, 'coldStarts', { min: 0, max: Math.max(0, requests - pcRequests), integer: true, unit: 'at most the on-demand requests' }, 0, errors);
  const initMs = readNumber(raw, 'initMs', { min: 0, max: MAX_DURATION_MS, unit: 'ms' }, 0, errors);
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
      const activeHours = readNumber(ss, 'activeHours', { min: 0, max: HOURS_IN_MONTH, unit: 'hours' }, HOURS_IN_MONTH, errors);
      const restores = readOptionalNumber(ss, 'restores', { min: 0, max: MAX_REQUESTS, integer: true }, errors);
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
