import type { FieldError } from '../validate/fields.ts';
import { SQS_RULES } from '../sources/sqsRules.ts';
import { STREAM_RULES } from '../sources/streamRules.ts';
import { SIM_RULES } from '../engine/simRules.ts';
import type { ParsedArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';
import { flagOf, INIT_FLAGS, type FlagSpec } from './flags.ts';

/** One invocation = one batch: its handler duration and INIT, the same for both mappings. */
const BATCH_HANDLER_FLAGS: Record<string, FlagSpec> = {
  duration: { field: 'duration', value: 'DIST', help: 'Handler duration of one invocation = one batch (default exp:200).' },
  ...INIT_FLAGS,
};

/** `sim sqs` flags: each sets one SqsConfig field; numbers read their range and help from SQS_RULES. */
export const SQS_FLAGS: Record<string, FlagSpec> = {
  backlog: { field: 'backlog', value: 'N', rule: SQS_RULES.backlog },
  rate: { field: 'rate', value: 'R', rule: SQS_RULES.rate },
  arrival: { field: 'arrival', value: 'poisson|constant', help: 'How --rate messages arrive (default poisson).' },
  'batch-size': { field: 'batchSize', value: 'B', rule: SQS_RULES.batchSize },
  'batch-window': { field: 'batchWindowS', value: 'S', rule: SQS_RULES.batchWindowS },
  'message-kb': { field: 'messageKb', value: 'K', rule: SQS_RULES.messageKb },
  ...BATCH_HANDLER_FLAGS,
  mode: { field: 'mode', value: 'standard|provisioned', help: 'Event poller mode (default standard).' },
  'min-pollers': { field: 'minPollers', value: 'N', rule: SQS_RULES.minPollers },
  'max-pollers': { field: 'maxPollers', value: 'N', rule: SQS_RULES.maxPollers },
  'max-concurrency': { field: 'maxConcurrency', value: 'N', rule: SQS_RULES.maxConcurrency },
  scaling: { field: 'scaling', value: 'current|legacy', help: 'current: +300/min to 1,250 (since 2023-11-06); legacy: +60/min to 1,000.' },
  'concurrency-limit': { field: 'concurrencyLimit', value: 'N', rule: SQS_RULES.concurrencyLimit },
  reserved: { field: 'reserved', value: 'N', rule: SQS_RULES.reserved },
  'visibility-timeout': { field: 'visibilityTimeoutS', value: 'S', rule: SQS_RULES.visibilityTimeoutS },
  'max-receive-count': { field: 'maxReceiveCount', value: 'K', rule: SQS_RULES.maxReceiveCount },
  'error-rate': { field: 'errorRate', value: 'P', rule: SQS_RULES.errorRate },
  'partial-batch': { field: 'partialBatch', value: '', help: 'ReportBatchItemFailures: only the failed messages come back.' },
  fifo: { field: 'fifo', value: '', help: 'A FIFO queue: batch at most 10, no window, one batch per message group.' },
  groups: { field: 'groups', value: 'G', rule: SQS_RULES.groups },
  'sim-seconds': { field: 'simSeconds', value: 'S', rule: SQS_RULES.simSeconds },
  seed: { field: 'seed', value: 'N', rule: SIM_RULES.seed },
  memory: { field: 'memoryMb', value: 'MB', rule: SQS_RULES.memoryMb },
  arch: { field: 'arch', value: 'x86_64|arm64', help: 'Architecture (default x86_64).' },
  'max-events': { field: 'maxEvents', value: 'N', rule: SQS_RULES.maxEvents },
};

/** `sim stream` flags: each sets one StreamConfig field; numbers read STREAM_RULES. */
export const STREAM_FLAGS: Record<string, FlagSpec> = {
  source: { field: 'source', value: 'kinesis|dynamodb', help: 'Kinesis (polled 1/s) or DynamoDB Streams (4/s, 24 h retention) (default kinesis).' },
  shards: { field: 'shards', value: 'N', rule: STREAM_RULES.shards },
  parallelization: { field: 'parallelization', value: 'F', rule: STREAM_RULES.parallelization },
  rate: { field: 'rate', value: 'R', rule: STREAM_RULES.rate },
  arrival: { field: 'arrival', value: 'poisson|constant', help: 'How --rate records arrive (default poisson).' },
  keys: { field: 'keys', value: 'K', rule: STREAM_RULES.keys },
  'batch-size': { field: 'batchSize', value: 'B', rule: STREAM_RULES.batchSize },
  'batch-window': { field: 'batchWindowS', value: 'S', rule: STREAM_RULES.batchWindowS },
  ...BATCH_HANDLER_FLAGS,
  'error-rate': { field: 'errorRate', value: 'P', rule: STREAM_RULES.errorRate },
  'poison-records': { field: 'poisonRecords', value: 'LIST', help: '0-based record numbers that fail every attempt, e.g. 0,250.' },
  'max-retries': { field: 'maxRetries', value: 'N', rule: STREAM_RULES.maxRetries },
  'max-record-age': { field: 'maxRecordAgeS', value: 'S', rule: STREAM_RULES.maxRecordAgeS },
  bisect: { field: 'bisect', value: '', help: 'BisectBatchOnFunctionError: split a failed batch in two (not a retry).' },
  'partial-batch': { field: 'partialBatch', value: '', help: 'ReportBatchItemFailures: checkpoint before the first failed record.' },
  'retention-hours': { field: 'retentionHours', value: 'H', rule: STREAM_RULES.retentionHours },
  'concurrency-limit': { field: 'concurrencyLimit', value: 'N', rule: STREAM_RULES.concurrencyLimit },
  reserved: { field: 'reserved', value: 'N', rule: STREAM_RULES.reserved },
  'sim-seconds': { field: 'simSeconds', value: 'S', rule: STREAM_RULES.simSeconds },
  seed: { field: 'seed', value: 'N', rule: SIM_RULES.seed },
  memory: { field: 'memoryMb', value: 'MB', rule: STREAM_RULES.memoryMb },
  arch: { field: 'arch', value: 'x86_64|arm64', help: 'Architecture (default x86_64).' },
  'max-events': { field: 'maxEvents', value: 'N', rule: STREAM_RULES.maxEvents },
};

/** Flags that take no value (`value: ''`). */
export function boolFlags(flags: Record<string, FlagSpec>): string[] {
  return Object.keys(flags).filter((f) => flags[f]!.value === '');
}

/** The raw config from the flags that were given (values stay strings; the validator reads them). */
export function rawFromFlags(args: ParsedArgs, flags: Record<string, FlagSpec>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [flag, spec] of Object.entries(flags)) {
    if (spec.value === '') {
      if (args.bools.has(flag)) raw[spec.field] = true;
    } else if (args.values.has(flag)) raw[spec.field] = args.values.get(flag);
  }
  return raw;
}

/** The first validation error, with the field swapped for its flag: one line, as every command prints. */
export function usageFromErrors(flags: Record<string, FlagSpec>, errors: FieldError[]): CliUsageError {
  const e = errors[0]!;
  return new CliUsageError(`${flagOf(flags, e.field)} must be ${e.expected}; got ${e.got}`);
}
