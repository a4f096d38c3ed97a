import type { Dist } from '../dist/types.ts';
import type { Arch } from '../pricing/rates.ts';
import type { Bill } from '../pricing/types.ts';

/**
 * Event source mappings: the shapes the widget, the CLI and the tests use. Config and results are
 * camelCase plain data; the CLI converts to snake_case JSON at its edge. Times in seconds, durations
 * (`Dist`) in milliseconds.
 */

export type ArrivalProcess = 'poisson' | 'constant';

/** An SQS queue feeding one function through an event source mapping (defaults in SQS_RULES). */
export interface SqsConfig {
  /** Messages waiting at t = 0. */
  backlog?: number;
  /** New messages per second, and how they arrive ['poisson']. */
  rate?: number;
  arrival?: ArrivalProcess;
  batchSize?: number;
  batchWindowS?: number;
  messageKb?: number;
  /** One invocation = one batch: its handler duration [exp:200] and INIT duration [runtime default]. */
  duration?: Dist | string;
  init?: Dist | string;
  runtime?: string;
  mode?: 'standard' | 'provisioned';
  minPollers?: number;
  maxPollers?: number;
  /** The mapping's MaximumConcurrency; null = not set. */
  maxConcurrency?: number | null;
  /** 'current' = 5 + 300/min to 1,250 (since 2023-11-06); 'legacy' = 5 + 60/min to 1,000. */
  scaling?: 'current' | 'legacy';
  concurrencyLimit?: number;
  reserved?: number | null;
  visibilityTimeoutS?: number;
  maxReceiveCount?: number;
  errorRate?: number;
  /** ReportBatchItemFailures: only the failed messages come back. */
  partialBatch?: boolean;
  fifo?: boolean;
  groups?: number;
  simSeconds?: number;
  seed?: number;
  memoryMb?: number;
  arch?: Arch;
  /** Work cap: the run stops (truncated, with a warning) after this many events. [50,000,000] */
  maxEvents?: number;
}

export interface ResolvedSqsConfig {
  backlog: number;
  rate: number;
  arrival: ArrivalProcess;
  batchSize: number;
  batchWindowS: number;
  messageKb: number;
  duration: Dist;
  init: Dist;
  runtime: string;
  mode: 'standard' | 'provisioned';
  minPollers: number;
  maxPollers: number;
  maxConcurrency: number | null;
  scaling: 'current' | 'legacy';
  concurrencyLimit: number;
  reserved: number | null;
  visibilityTimeoutS: number;
  maxReceiveCount: number;
  errorRate: number;
  partialBatch: boolean;
  fifo: boolean;
  groups: number;
  simSeconds: number;
  seed: number;
  memoryMb: number;
  arch: Arch;
  maxEvents: number;
}

/** A Kinesis or DynamoDB stream feeding one function (defaults in STREAM_RULES). */
export interface StreamConfig {
  source?: 'kinesis' | 'dynamodb';
  shards?: number;
  parallelization?: number;
  rate?: number;
  arrival?: ArrivalProcess;
  keys?: number;
  batchSize?: number;
  batchWindowS?: number;
  duration?: Dist | string;
  init?: Dist | string;
  runtime?: string;
  errorRate?: number;
  /** 0-based record numbers (in arrival order over the whole stream) that fail every attempt. */
  poisonRecords?: readonly number[];
  /** −1 = retry until the record expires. */
  maxRetries?: number;
  /** −1 = no limit; else 60–604,800. */
  maxRecordAgeS?: number;
  bisect?: boolean;
  partialBatch?: boolean;
  /** Kinesis only; DynamoDB Streams keep records 24 h. */
  retentionHours?: number;
  concurrencyLimit?: number;
  reserved?: number | null;
  simSeconds?: number;
  seed?: number;
  memoryMb?: number;
  arch?: Arch;
  maxEvents?: number;
}

export interface ResolvedStreamConfig {
  source: 'kinesis' | 'dynamodb';
  shards: number;
  parallelization: number;
  rate: number;
  arrival: ArrivalProcess;
  keys: number;
  batchSize: number;
  batchWindowS: number;
  duration: Dist;
  init: Dist;
  runtime: string;
  errorRate: number;
  poisonRecords: number[];
  maxRetries: number;
  maxRecordAgeS: number;
  bisect: boolean;
  partialBatch: boolean;
  retentionHours: number;
  concurrencyLimit: number;
  reserved: number | null;
  simSeconds: number;
  seed: number;
  memoryMb: number;
  arch: Arch;
  maxEvents: number;
}

/** Options of `runSqs` / `runStream` (as `runScenario`). */
export interface SourceRunOptions {
  /** Overrides config.maxEvents (widgets pass a small one). */
  maxEvents?: number;
  /** Called every `progressEverySeconds` of simulated time (default 1% of the run) with the fraction done. */
  onProgress?: (p: { now: number; events: number; fraction: number }) => void;
  progressEverySeconds?: number;
}

/** What every source summary ends with: the bill of the simulated span and how the run went. */
export interface SourceRunInfo {
  /** Every invocation (one batch = one request) priced by `priceMonthly`, the span taken as the month, no free tier. */
  cost: Bill;
  simSeconds: number;
  events: number;
  seed: number;
  /** True when a work cap stopped the run; `warnings` says which. */
  truncated: boolean;
  warnings: string[];
}

/** What `sim sqs --json` prints, in camelCase. */
export interface SqsSummary extends SourceRunInfo {
  messagesIn: number;
  messagesSucceeded: number;
  messagesToDlq: number;
  /** Still in the queue or in flight at the end: messagesIn = succeeded + toDlq + left. */
  messagesLeft: number;
  messagesInFlight: number;
  /** Invocations started (one batch = one request), failed ones included. */
  invocations: number;
  /** Invocations that ended in a function error (whole batch or with partial failures reported). */
  failedInvocations: number;
  throttles: number;
  coldStarts: number;
  peakConcurrency: number;
  /** The highest concurrency in each whole minute of simulated time, from minute 0. */
  concurrencyByMinute: number[];
  /** When the queue was first empty with nothing in flight (after some message arrived), or null. */
  drainedAtS: number | null;
  maxBacklog: number;
  maxMessageAgeS: number;
  /** FIFO: messages processed before an earlier message of their group; null for standard queues. */
  orderViolations: number | null;
  peakPollers: number;
}

/**
 * Per-bucket columns for charts (Observable-Plot style): `t[i]` is the start of bucket i; buckets are
 * `bucketSeconds` wide (1 s for runs up to 2,048 s, then a power of two). Levels are read at the end
 * of the bucket; `…Peak` and ages are the maximum in the bucket; counts are per bucket.
 */
export interface SqsSeries {
  bucketSeconds: number;
  length: number;
  t: Float64Array;
  /** Visible messages waiting (level). */
  backlog: Float64Array;
  /** Messages received and not yet deleted or returned (level). */
  inFlight: Float64Array;
  /** Age of the oldest message not yet deleted (max), s. */
  oldestAgeS: Float64Array;
  /** Function concurrency: time-averaged and peak. */
  concurrency: Float64Array;
  concurrencyPeak: Float64Array;
  /** The mapping's current concurrency target (its own scaling state, before the function's caps). */
  mappingTarget: Float64Array;
  /** What the function can get: reserved concurrency, else the account limit. */
  functionCap: Float64Array;
  /** Event pollers (provisioned mode); in standard mode, the mapping target (one poller per batch, a model). */
  pollers: Float64Array;
  /** Cumulative messages succeeded and sent to the DLQ. */
  succeeded: Float64Array;
  dlq: Float64Array;
  /** Per bucket: invocations started, throttled invocation attempts, failed invocations. */
  invocations: Float64Array;
  throttles: Float64Array;
  failures: Float64Array;
}

export interface SqsResult {
  config: ResolvedSqsConfig;
  summary: SqsSummary;
  series: SqsSeries;
}

/** What `sim stream --json` prints, in camelCase. */
export interface StreamSummary extends SourceRunInfo {
  recordsIn: number;
  recordsSucceeded: number;
  /** Sent to the on-failure destination (retries or record age exhausted). */
  recordsDiscarded: number;
  /** Trimmed by retention before they were processed (lost, not sent anywhere). */
  recordsExpired: number;
  /** Still in the stream, unprocessed, at the end. */
  recordsLeft: number;
  invocations: number;
  failedInvocations: number;
  throttles: number;
  coldStarts: number;
  peakConcurrency: number;
  /** shards × parallelization factor. */
  concurrencyCap: number;
  maxIteratorAgeS: number;
  /** The highest IteratorAge reported in each whole minute, from minute 0 (0 when no batch finished). */
  iteratorAgeByMinute: number[];
  /** Sum over shards of the time a shard had a batch waiting for a retry after a function error. */
  blockedShardSeconds: number;
  orderViolations: number;
}

export interface StreamSeries {
  bucketSeconds: number;
  length: number;
  t: Float64Array;
  /** Records in the stream not yet processed (level). */
  backlog: Float64Array;
  /** The highest IteratorAge reported in the bucket, s. */
  iteratorAgeS: Float64Array;
  concurrency: Float64Array;
  concurrencyPeak: Float64Array;
  /** shards × parallelization factor, and what the function can get. */
  concurrencyCap: Float64Array;
  functionCap: Float64Array;
  /** Shards blocked by a failing batch (level). */
  blockedShards: Float64Array;
  /** Cumulative records succeeded, sent to the on-failure destination, and expired. */
  succeeded: Float64Array;
  discarded: Float64Array;
  expired: Float64Array;
  invocations: Float64Array;
  throttles: Float64Array;
  failures: Float64Array;
}

export interface StreamResult {
  config: ResolvedStreamConfig;
  summary: StreamSummary;
  series: StreamSeries;
}
