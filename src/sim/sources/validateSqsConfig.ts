import { expectedOf, readRule, readOptionalRule } from '../validate/rules.ts';
import { type FieldError, type Raw, type Validation, isRaw, pushError, readEnum } from '../validate/fields.ts';
import { MIN_UNRESERVED_CONCURRENCY } from '../constants/limits.ts';
import { SQS_RULES } from './sqsRules.ts';
import { MAX_KEYED_MESSAGES } from './sourceRules.ts';
import { formatCount } from '../format/index.ts';
import { BATCH_ABOVE_NEEDS_WINDOW, FIFO_MAX_BATCH } from './limits.ts';
import { readDistField, readFlag, readFunction } from './readCommon.ts';
import type { ArrivalProcess, ResolvedSqsConfig } from './types.ts';

/** Default handler duration of one batch when none is given: exp with a 200 ms mean. */
export const DEFAULT_BATCH_DURATION = { kind: 'exp', meanMs: 200 } as const;

/**
 * Checks a raw SqsConfig (numbers may be numeric strings) against SQS_RULES and the rules between
 * fields (batch above 10 needs a window ≥ 1 s; FIFO: batch ≤ 10, no window; provisioned mode excludes
 * maximum concurrency; min pollers ≤ max pollers; reserved ≤ account limit − 100). Every error names
 * the field, the accepted range and what was given.
 */
export function validateSqsConfig(input: unknown): Validation<ResolvedSqsConfig> {
  const errors: FieldError[] = [];
  if (!isRaw(input)) return { ok: false, errors: [{ field: '(config)', expected: 'an object', got: typeof input, message: 'SQS config must be an object' }] };
  const raw: Raw = input;
  const T = SQS_RULES;
  const backlog = readRule(raw, T, 'backlog', errors);
  const rate = readRule(raw, T, 'rate', errors);
  const arrival = readEnum<ArrivalProcess>(raw, 'arrival', ['poisson', 'constant'], 'poisson', errors);
  const fifo = readFlag(raw, 'fifo', errors);
  const batchSize = readRule(raw, T, 'batchSize', errors);
  const batchWindowS = readRule(raw, T, 'batchWindowS', errors);
  const messageKb = readRule(raw, T, 'messageKb', errors);
  const duration = readDistField(raw, 'duration', DEFAULT_BATCH_DURATION, errors);
  const fn = readFunction(raw, errors, SQS_RULES);
  const mode = readEnum(raw, 'mode', ['standard', 'provisioned'] as const, 'standard', errors);
  const minPollers = readRule(raw, T, 'minPollers', errors);
  const maxPollers = readRule(raw, T, 'maxPollers', errors);
  const maxConcurrency = readOptionalRule(raw, T, 'maxConcurrency', errors) ?? null;
  const scaling = readEnum(raw, 'scaling', ['current', 'legacy'] as const, 'current', errors);
  const concurrencyLimit = readRule(raw, T, 'concurrencyLimit', errors);
  const reserved = readOptionalRule(raw, T, 'reserved', errors) ?? null;
  const visibilityTimeoutS = readRule(raw, T, 'visibilityTimeoutS', errors);
  const maxReceiveCount = readRule(raw, T, 'maxReceiveCount', errors);
  const errorRate = readRule(raw, T, 'errorRate', errors);
  const partialBatch = readFlag(raw, 'partialBatch', errors);
  const groups = readRule(raw, T, 'groups', errors);
  const simSeconds = readRule(raw, T, 'simSeconds', errors);
  const memoryMb = readRule(raw, T, 'memoryMb', errors);

  const bad = (f: string) => errors.some((e) => e.field === f);
  if (!bad('batchSize') && !bad('batchWindowS')) {
    if (fifo && batchSize > FIFO_MAX_BATCH) pushError(errors, 'batchSize', `an integer from 1 to ${FIFO_MAX_BATCH} (messages) for a FIFO queue`, raw['batchSize']);
    else if (fifo && batchWindowS > 0) pushError(errors, 'batchWindowS', '0 (s): FIFO queues take no batching window', raw['batchWindowS']);
    else if (batchSize > BATCH_ABOVE_NEEDS_WINDOW && batchWindowS < 1)
      pushError(errors, 'batchWindowS', `an integer from 1 to ${T.batchWindowS.max} (s) when the batch size is above ${BATCH_ABOVE_NEEDS_WINDOW}`, raw['batchWindowS'] ?? 0);
  }
  if (mode === 'provisioned' && maxConcurrency !== null) pushError(errors, 'maxConcurrency', 'not set in provisioned mode (the two are exclusive)', raw['maxConcurrency']);
  if (!bad('minPollers') && !bad('maxPollers') && minPollers > maxPollers)
    pushError(errors, 'maxPollers', `${expectedOf(T.maxPollers)} and at least minPollers (${minPollers})`, raw['maxPollers'] ?? maxPollers);
  if (reserved !== null && !bad('concurrencyLimit') && reserved > concurrencyLimit - MIN_UNRESERVED_CONCURRENCY)
    pushError(errors, 'reserved', `an integer from 0 to ${Math.max(0, concurrencyLimit - MIN_UNRESERVED_CONCURRENCY)} (the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved)`, raw['reserved']);
  if (fifo && !bad('backlog') && backlog > MAX_KEYED_MESSAGES)
    pushError(errors, 'backlog', `at most ${formatCount(MAX_KEYED_MESSAGES)} (messages) for a FIFO queue (a simulator cap)`, raw['backlog']);
  else if (fifo && !bad('rate') && !bad('simSeconds') && !bad('backlog') && backlog + rate * simSeconds > MAX_KEYED_MESSAGES)
    pushError(errors, 'rate', `at most ${formatCount(Math.floor((MAX_KEYED_MESSAGES - backlog) / simSeconds))} (messages/s) for this backlog and simulated time: a FIFO run handles at most ${formatCount(MAX_KEYED_MESSAGES)} messages (a simulator cap)`, raw['rate']);
  if (backlog === 0 && rate === 0 && !bad('backlog') && !bad('rate')) pushError(errors, 'backlog', 'above 0 when rate is 0 (nothing would arrive)', raw['backlog'] ?? 0);

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      backlog, rate, arrival, batchSize, batchWindowS, messageKb, duration, init: fn.init, runtime: fn.runtime, mode, minPollers, maxPollers,
      maxConcurrency, scaling, concurrencyLimit, reserved, visibilityTimeoutS, maxReceiveCount, errorRate, partialBatch, fifo, groups,
      simSeconds, seed: fn.seed, memoryMb, arch: fn.arch, maxEvents: fn.maxEvents,
    },
  };
}
