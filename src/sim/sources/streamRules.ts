import type { RuleTable } from '../validate/rules.ts';
import { SOURCE_RULES } from './sourceRules.ts';

/**
 * The Kinesis / DynamoDB Streams event source mapping's numeric inputs: one home for each range and
 * default (read by `validateStreamConfig`, the `sim stream` flags and the widget's fields). Limits as of
 * 2026-12-01, from the AWS page in each `source`.
 */
export const STREAM_RULES = {
  shards: {
    label: 'shards', unit: 'shards', min: 1, max: 1_000, integer: true, default: 4,
    help: 'Shards in the stream (a simulator cap of 1,000, not an AWS limit).',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  },
  parallelization: {
    label: 'parallelization factor', unit: 'batches per shard', min: 1, max: 10, integer: true, default: 1,
    help: 'Concurrent batches per shard; records with the same partition key stay in order.',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  },
  rate: {
    label: 'record rate', unit: 'records/s', min: 0, max: 1_000_000, default: 100,
    help: 'New records per second across the whole stream (a simulator cap, not an AWS limit).',
  },
  keys: {
    label: 'partition keys', unit: 'keys', min: 1, max: 1_000_000, integer: true, default: 1_000,
    help: 'Distinct partition keys; each record picks one uniformly (a simulator cap, not an AWS limit).',
  },
  batchSize: {
    label: 'batch size', unit: 'records', min: 1, max: 10_000, integer: true, default: 100,
    help: 'Most records per invocation (the 6 MB payload limit is not modelled for streams).',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  },
  errorRate: {
    label: 'error rate', unit: 'probability per record attempt', min: 0, max: 1, default: 0,
    help: 'Each record fails each attempt independently with this probability.',
  },
  maxRetries: {
    label: 'maximum retry attempts', unit: 'retries; -1 = until the record expires', min: -1, max: 10_000, integer: true, default: -1,
    help: 'Retries of a failed batch before it is discarded to the on-failure destination.',
    source: 'https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html',
  },
  maxRecordAgeS: {
    label: 'maximum record age', unit: 's; -1 = no limit, else at least 60', min: -1, max: 604_800, integer: true, default: -1,
    help: 'A failing batch whose oldest record is older than this is discarded to the on-failure destination (0–59 are not accepted).',
    source: 'https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html',
  },
  retentionHours: {
    label: 'retention', unit: 'hours', min: 24, max: 8_760, integer: true, default: 24,
    help: 'How long the stream keeps records; DynamoDB Streams keep them 24 hours and cannot be changed.',
    source: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
  },
  ...SOURCE_RULES,
} as const satisfies RuleTable;

export type StreamRuleKey = keyof typeof STREAM_RULES;
