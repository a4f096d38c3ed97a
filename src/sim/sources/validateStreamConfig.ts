import { readRule, readOptionalRule } from '../validate/rules.ts';
import { type FieldError, type Raw, type Validation, describe, isRaw, pushError, readEnum } from '../validate/fields.ts';
import { MIN_UNRESERVED_CONCURRENCY } from '../constants/limits.ts';
import { STREAM_RULES } from './streamRules.ts';
import { MAX_KEYED_MESSAGES } from './sourceRules.ts';
import { formatCount } from '../format/index.ts';
import { DYNAMODB_RETENTION_HOURS, MIN_RECORD_AGE_S } from './limits.ts';
import { readDistField, readFlag, readFunction } from './readCommon.ts';
import { DEFAULT_BATCH_DURATION } from './validateSqsConfig.ts';
import type { ArrivalProcess, ResolvedStreamConfig } from './types.ts';

/** At most this many poison records (a simulator cap). */
export const MAX_POISON_RECORDS = 1_000;

/**
 * Checks a raw StreamConfig against STREAM_RULES and the rules between fields (MaximumRecordAgeInSeconds
 * is −1 or 60–604,800; DynamoDB Streams retain 24 h). The ESM API reference also says a batch size above
 * 10 needs a window of at least 1 s "for streams", yet the stream parameter pages give a default batch
 * of 100 with a default window of 0; the simulator follows the parameter pages and accepts both.
 * `poisonRecords` may be an array of numbers or a comma-separated string ("0,250").
 */
export function validateStreamConfig(input: unknown): Validation<ResolvedStreamConfig> {
  const errors: FieldError[] = [];
  if (!isRaw(input)) return { ok: false, errors: [{ field: '(config)', expected: 'an object', got: typeof input, message: 'stream config must be an object' }] };
  const raw: Raw = input;
  const T = STREAM_RULES;
  const source = readEnum(raw, 'source', ['kinesis', 'dynamodb'] as const, 'kinesis', errors);
  const shards = readRule(raw, T, 'shards', errors);
  const parallelization = readRule(raw, T, 'parallelization', errors);
  const rate = readRule(raw, T, 'rate', errors);
  const arrival = readEnum<ArrivalProcess>(raw, 'arrival', ['poisson', 'constant'], 'poisson', errors);
  const keys = readRule(raw, T, 'keys', errors);
  const batchSize = readRule(raw, T, 'batchSize', errors);
  const batchWindowS = readRule(raw, T, 'batchWindowS', errors);
  const duration = readDistField(raw, 'duration', DEFAULT_BATCH_DURATION, errors);
  const fn = readFunction(raw, errors, STREAM_RULES);
  const errorRate = readRule(raw, T, 'errorRate', errors);
  const maxRetries = readRule(raw, T, 'maxRetries', errors);
  const maxRecordAgeS = readRule(raw, T, 'maxRecordAgeS', errors);
  const bisect = readFlag(raw, 'bisect', errors);
  const partialBatch = readFlag(raw, 'partialBatch', errors);
  let retentionHours = readRule(raw, T, 'retentionHours', errors);
  const concurrencyLimit = readRule(raw, T, 'concurrencyLimit', errors);
  const reserved = readOptionalRule(raw, T, 'reserved', errors) ?? null;
  const simSeconds = readRule(raw, T, 'simSeconds', errors);
  const memoryMb = readRule(raw, T, 'memoryMb', errors);
  const poisonRecords = readPoison(raw['poisonRecords'], errors);

  const bad = (f: string) => errors.some((e) => e.field === f);
  if (!bad('maxRecordAgeS') && maxRecordAgeS >= 0 && maxRecordAgeS < MIN_RECORD_AGE_S)
    pushError(errors, 'maxRecordAgeS', `-1 or an integer from ${MIN_RECORD_AGE_S} to ${T.maxRecordAgeS.max.toLocaleString('en-US')} (s)`, raw['maxRecordAgeS']);
  if (!bad('rate') && !bad('simSeconds') && rate * simSeconds > MAX_KEYED_MESSAGES)
    pushError(errors, 'rate', `at most ${formatCount(Math.floor(MAX_KEYED_MESSAGES / simSeconds))} (records/s) for this simulated time: a stream run handles at most ${formatCount(MAX_KEYED_MESSAGES)} records (a simulator cap)`, raw['rate']);
  const rh = raw['retentionHours'];
  if (source === 'dynamodb') {
    if (rh !== undefined && rh !== null && rh !== '' && Number(rh) !== DYNAMODB_RETENTION_HOURS)
      pushError(errors, 'retentionHours', `${DYNAMODB_RETENTION_HOURS} (hours): DynamoDB Streams keep records 24 hours`, rh);
    retentionHours = DYNAMODB_RETENTION_HOURS;
  }
  if (reserved !== null && !bad('concurrencyLimit') && reserved > concurrencyLimit - MIN_UNRESERVED_CONCURRENCY)
    pushError(errors, 'reserved', `an integer from 0 to ${Math.max(0, concurrencyLimit - MIN_UNRESERVED_CONCURRENCY)} (the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved)`, raw['reserved']);

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      source, shards, parallelization, rate, arrival, keys, batchSize, batchWindowS, duration, init: fn.init, runtime: fn.runtime, errorRate,
      poisonRecords, maxRetries, maxRecordAgeS, bisect, partialBatch, retentionHours, concurrencyLimit, reserved, simSeconds,
      seed: fn.seed, memoryMb, arch: fn.arch, maxEvents: fn.maxEvents,
    },
  };
}

function readPoison(v: unknown, errors: FieldError[]): number[] {
  if (v === undefined || v === null || v === '') return [];
  const items = typeof v === 'string' ? v.split(',').map((x) => x.trim()) : Array.isArray(v) ? v : null;
  const expected = `a list of at most ${MAX_POISON_RECORDS} record numbers (integers from 0 up), e.g. 0,250`;
  if (items === null || items.length > MAX_POISON_RECORDS) {
    pushError(errors, 'poisonRecords', expected, v);
    return [];
  }
  const out: number[] = [];
  for (const it of items) {
    const n = typeof it === 'number' ? it : typeof it === 'string' && it !== '' ? Number(it) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 1e12) {
      errors.push({ field: 'poisonRecords', expected, got: describe(v), message: `poisonRecords must be ${expected}; got ${describe(v)}` });
      return [];
    }
    out.push(n);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
