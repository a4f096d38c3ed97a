/**
 * State of the "Queues and streams" widget: its fields (ranges and defaults from the simulator's rules
 * tables, SQS_RULES and STREAM_RULES), URL prefix, presets, the run configs and their cross-field checks.
 * No engine code, so the element's page chunk can import it (the run is queuesAndStreamsRun.ts, in the
 * worker; only constants and the format module come from `~/sim`, which the bundler tree-shakes). The
 * fields are built from the rules tables on the server and in tests; the page reads the same fields from
 * JSON the .astro file renders (see FIELDS below and shared/pageData.ts), so no rules table is in its script.
 *
 * Inputs (URL prefix `qs`, e.g. ?qs.src=sqs&qs.backlog=100000&qs.seed=1).
 * One form drives either an SQS event source mapping (`runSqs`) or a Kinesis / DynamoDB stream mapping
 * (`runStream`); the element hides the inputs the chosen source does not use. The handler duration is
 * exponential around `durationMs` (one invocation = one batch). The async-retry timeline reads only
 * `asyncRetries` and the documented constants (no run).
 *
 *   jobOf(s)                            → what the worker runs: the core's resolved config (see QueuesJob)
 *   expectedItems(s)                    → messages or records one run handles (backlog + rate × time)
 *   checkState(s)                       → cross-field problems keyed by input (the core's rules, reworded
 *                                         with the inputs' labels; tests/widgets/queuesAndStreams.test.ts
 *                                         checks them against validateSqsConfig / validateStreamConfig)
 *   PRESETS                             → one lesson each (see the `label`s)
 */
import {
  ASYNC_MAX_RETRY_ATTEMPTS, BATCH_ABOVE_NEEDS_WINDOW, FIFO_MAX_BATCH, formatNumber, MIN_RECORD_AGE_S, MIN_UNRESERVED_CONCURRENCY, SQS_RULES, STREAM_RULES,
} from '~/sim';
import type { ResolvedSqsConfig, ResolvedStreamConfig } from '~/sim';
import { fieldFromRule, SEED_FIELD, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';
import { clientSchema, readPageData } from '../shared/pageData.ts';
import type { Preset } from '../shared/widgetElement.ts';

export const QS_PREFIX = 'qs';

/**
 * Largest expected number of messages or records in one run (backlog + rate × simulated time): the core
 * handles about 2 M messages a second of simulated work, so this stays within a few seconds in the worker.
 */
export const MAX_ITEMS_PER_RUN = 5_000_000;
/** The worker's hard stop on engine events (the summary says when a run stopped early). */
export const MAX_EVENTS = 20_000_000;
/** Highest poison record number the widget accepts (one record; the CLI takes a list). */
export const MAX_POISON_RECORD = 1_000_000;

/** The fields, from the rules tables (their ranges, units, defaults and help). */
function schemaFromRules() {
  const Q = SQS_RULES;
  const R = STREAM_RULES;
  const schema = {
    source: {
      kind: 'enum', label: 'Event source', options: ['sqs', 'kinesis', 'dynamodb'] as const,
      optionLabels: { sqs: 'SQS queue', kinesis: 'Kinesis data stream', dynamodb: 'DynamoDB stream' }, default: 'sqs', urlKey: 'src',
    },
    // SQS queue
    fifo: { kind: 'bool', label: 'FIFO queue', default: false, urlKey: 'fifo', help: `Order per message group; batches of at most ${FIFO_MAX_BATCH}, no batching window.` },
    backlog: fieldFromRule(Q.backlog, { label: 'Messages waiting at the start', urlKey: 'backlog', max: MAX_ITEMS_PER_RUN, step: 1000, help: 'Already in the queue at t = 0.' }),
    rate: fieldFromRule(Q.rate, { label: 'New messages per second', urlKey: 'rate', step: 10 }),
    groups: fieldFromRule(Q.groups, { label: 'Message groups (FIFO)', urlKey: 'groups' }),
    batchSize: fieldFromRule(Q.batchSize, { label: 'Batch size (messages)', urlKey: 'batch' }),
    batchWindowS: fieldFromRule(Q.batchWindowS, { label: 'Batching window (s)', urlKey: 'win' }),
    visibilityTimeoutS: fieldFromRule(Q.visibilityTimeoutS, { label: 'Visibility timeout (s)', urlKey: 'vis' }),
    maxReceiveCount: fieldFromRule(Q.maxReceiveCount, { label: 'Receives before the dead-letter queue', urlKey: 'mrc' }),
    // Mapping and function limits (SQS)
    mode: {
      kind: 'enum', label: 'Polling mode', options: ['standard', 'provisioned'] as const,
      optionLabels: { standard: 'On demand (default)', provisioned: 'Provisioned (event pollers)' }, default: 'standard', urlKey: 'mode',
    },
    scaling: {
      kind: 'enum', label: 'Scaling rule', options: ['current', 'legacy'] as const,
      optionLabels: { current: '5, then +300 a minute (since 2023-11-06)', legacy: '5, then +60 a minute (before)' }, default: 'current', urlKey: 'scale',
    },
    minPollers: fieldFromRule(Q.minPollers, { label: 'Minimum pollers', urlKey: 'minp' }),
    maxPollers: fieldFromRule(Q.maxPollers, { label: 'Maximum pollers', urlKey: 'maxp' }),
    useMaxConcurrency: { kind: 'bool', label: 'Set maximum concurrency', default: false, urlKey: 'mc_on' },
    maxConcurrency: fieldFromRule(Q.maxConcurrency, { label: 'Maximum concurrency', urlKey: 'mc', default: 10, help: "The mapping's own cap (ScalingConfig); used when the box above is ticked. Not with provisioned mode." }),
    useReserved: { kind: 'bool', label: 'Set reserved concurrency', default: false, urlKey: 'res_on' },
    reserved: fieldFromRule(Q.reserved, { label: 'Reserved concurrency', urlKey: 'res', default: 10, help: `Caps the function, not the mapping; at most the account limit minus ${MIN_UNRESERVED_CONCURRENCY}. Used when the box above is ticked.` }),
    concurrencyLimit: fieldFromRule(Q.concurrencyLimit, { label: 'Account concurrency limit', urlKey: 'acct', step: 100 }),
    // Stream
    shards: fieldFromRule(R.shards, { label: 'Shards', urlKey: 'shards' }),
    parallelization: fieldFromRule(R.parallelization, { label: 'Parallelization factor', urlKey: 'pf' }),
    streamRate: fieldFromRule(R.rate, { label: 'Records per second', urlKey: 'rrate', step: 10 }),
    keys: fieldFromRule(R.keys, { label: 'Partition keys', urlKey: 'keys' }),
    streamBatchSize: fieldFromRule(R.batchSize, { label: 'Batch size (records)', urlKey: 'rbatch' }),
    poisonRecord: {
      kind: 'number', label: 'Poison record number (−1 = none)', min: -1, max: MAX_POISON_RECORD, integer: true, default: -1, urlKey: 'poison',
      help: 'The 0-based record (in arrival order across the stream) that fails every attempt.',
    },
    maxRetries: fieldFromRule(R.maxRetries, { label: 'Maximum retry attempts (−1 = until the record expires)', urlKey: 'retries', unit: undefined }),
    maxRecordAgeS: fieldFromRule(R.maxRecordAgeS, { label: `Maximum record age (s; −1 = no limit, else at least ${MIN_RECORD_AGE_S})`, urlKey: 'age', unit: undefined }),
    bisect: { kind: 'bool', label: 'Split a failing batch in two (bisect)', default: false, urlKey: 'bisect', help: 'BisectBatchOnFunctionError: the halves are retried apart; splits do not count as retries.' },
    // The function (both)
    durationMs: { kind: 'number', label: 'Average batch duration (ms)', min: 1, max: 900_000, step: 100, unit: 'ms', default: 2000, urlKey: 'dur', help: 'Exponentially distributed around this mean; one invocation handles one batch. At most 15 minutes, the function timeout limit.' },
    errorRate: fieldFromRule(Q.errorRate, { label: 'Failure probability per message or record', urlKey: 'err', step: 0.01, help: 'Each message or record fails each attempt independently with this probability.' }),
    partialBatch: { kind: 'bool', label: 'Report batch item failures (partial batch response)', default: false, urlKey: 'partial', help: 'ReportBatchItemFailures: only the failed messages come back (streams: retry from the first failed record).' },
    simSeconds: fieldFromRule(Q.simSeconds, { label: 'Simulated time (s)', urlKey: 'time', step: 60, default: 300 }),
    // Asynchronous invocation (the retry timeline)
    asyncRetries: {
      kind: 'number', label: 'Async retry attempts', min: ASYNC_MAX_RETRY_ATTEMPTS.min, max: ASYNC_MAX_RETRY_ATTEMPTS.max, integer: true, default: ASYNC_MAX_RETRY_ATTEMPTS.default, urlKey: 'aretry',
      help: 'MaximumRetryAttempts of asynchronous invocation, after function errors.',
    },
    seed: SEED_FIELD,
  } satisfies Schema;
  return schema;
}
type QSchema = ReturnType<typeof schemaFromRules>;

/**
 * What the page needs that the server builds: the fields, the values of the run the widget has no input
 * for (the rules' defaults), and the presets (their values; the buttons are server-rendered).
 */
interface Fields {
  schema: QSchema;
  fixed: { messageKb: number; memoryMb: number; streamBatchWindowS: number; retentionHours: number };
  presets: Record<string, Preset<QSchema>>;
}

/** Values every SQS preset sets, so a preset does not inherit a previous one's twist. */
const SQS_BASE: Partial<QueuesState> = {
  source: 'sqs', fifo: false, backlog: 100_000, rate: 0, batchSize: 10, batchWindowS: 0, visibilityTimeoutS: 30, maxReceiveCount: 5, mode: 'standard', scaling: 'current',
  useMaxConcurrency: false, useReserved: false, concurrencyLimit: 1000, durationMs: 2000, errorRate: 0, partialBatch: false, simSeconds: 300,
};
const STREAM_BASE: Partial<QueuesState> = {
  source: 'kinesis', shards: 4, parallelization: 1, streamRate: 100, keys: 1000, streamBatchSize: 100, poisonRecord: 500, maxRetries: -1, maxRecordAgeS: -1,
  bisect: false, partialBatch: false, errorRate: 0, durationMs: 200, useReserved: false, concurrencyLimit: 1000, simSeconds: 600,
};

/**
 * One lesson each. The sim's exact tests (tests/sim/sqsRules.test.ts, streamRules.test.ts) pin the rules
 * behind them; tests/browser/widgets-queues.test.ts checks each moves the output the way its label says.
 */
const PRESET_VALUES: Record<string, Preset<QSchema>> = {
  burst: { label: 'A burst of 100,000 messages (the ramp)', values: { ...SQS_BASE } },
  reservedCap: { label: 'Cap with reserved concurrency 10 (overpull)', values: { ...SQS_BASE, backlog: 20_000, maxReceiveCount: 3, useReserved: true, reserved: 10, simSeconds: 600 } },
  maxConcurrencyCap: { label: 'Cap with maximum concurrency 10', values: { ...SQS_BASE, backlog: 20_000, maxReceiveCount: 3, useMaxConcurrency: true, maxConcurrency: 10, simSeconds: 600 } },
  poisonWhole: { label: 'Failing messages, whole-batch failure', values: { ...SQS_BASE, backlog: 20_000, durationMs: 500, errorRate: 0.05, maxReceiveCount: 3 } },
  poisonPartial: { label: 'Failing messages, partial batch response', values: { ...SQS_BASE, backlog: 20_000, durationMs: 500, errorRate: 0.05, maxReceiveCount: 3, partialBatch: true } },
  fifoFewGroups: { label: 'FIFO queue with 3 message groups', values: { ...SQS_BASE, fifo: true, groups: 3, backlog: 3000, durationMs: 500 } },
  shardBlocked: { label: 'A poison record blocks a Kinesis shard', values: { ...STREAM_BASE } },
  shardBisect: { label: '… then bisect with 2 retries', values: { ...STREAM_BASE, bisect: true, maxRetries: 2 } },
  provisionedMode: { label: 'Provisioned mode (+1,000 a minute)', values: { ...SQS_BASE, backlog: 1_000_000, mode: 'provisioned', minPollers: 2, maxPollers: 200, concurrencyLimit: 3000, simSeconds: 600 } },
};

/** Called on the server and in tests; the page gets its result as JSON (clientFields). */
function fieldsFromRules(): Fields {
  const Q = SQS_RULES;
  const R = STREAM_RULES;
  return {
    schema: schemaFromRules(),
    fixed: { messageKb: Q.messageKb.default, memoryMb: Q.memoryMb.default, streamBatchWindowS: R.batchWindowS.default, retentionHours: R.retentionHours.default },
    presets: PRESET_VALUES,
  };
}

/**
 * `import.meta.env.SSR` is a constant of each build: the server render and the Node tests build the fields
 * from the rules; the page's bundle keeps only the second branch and reads what the .astro file rendered.
 */
const FIELDS: Fields = import.meta.env.SSR ? fieldsFromRules() : readPageData<Fields>(QS_PREFIX);

/** What the .astro file serialises into the page: all of FIELDS, the fields without help texts and option labels. */
export const clientFields = (): Fields => ({ ...FIELDS, schema: clientSchema(FIELDS.schema) });

export const queuesSchema = FIELDS.schema;
/** The run's values the widget has no input for (the rules' defaults). */
const FIXED = FIELDS.fixed;

export type QueuesState = StateOf<QSchema>;
export type SourceKind = QueuesState['source'];

/** Keys each source uses (the element hides the others; the async field and seed are always shown). */
export const SQS_KEYS = ['fifo', 'backlog', 'rate', 'groups', 'batchSize', 'batchWindowS', 'visibilityTimeoutS', 'maxReceiveCount', 'mode', 'scaling', 'minPollers', 'maxPollers', 'useMaxConcurrency', 'maxConcurrency', 'useReserved', 'reserved', 'concurrencyLimit'] as const;
export const STREAM_KEYS = ['shards', 'parallelization', 'streamRate', 'keys', 'streamBatchSize', 'poisonRecord', 'maxRetries', 'maxRecordAgeS', 'bisect', 'useReserved', 'reserved', 'concurrencyLimit'] as const;

export const isSqs = (s: QueuesState) => s.source === 'sqs';

/** Whether an input applies to the state (its source, FIFO and polling mode). */
export function fieldApplies(s: Pick<QueuesState, 'source' | 'fifo' | 'mode' | 'useMaxConcurrency' | 'useReserved'>, key: string): boolean {
  if ((SQS_KEYS as readonly string[]).includes(key) && s.source !== 'sqs' && !(STREAM_KEYS as readonly string[]).includes(key)) return false;
  if ((STREAM_KEYS as readonly string[]).includes(key) && s.source === 'sqs' && !(SQS_KEYS as readonly string[]).includes(key)) return false;
  if (s.source !== 'sqs') return true;
  if (key === 'groups') return s.fifo;
  if (key === 'batchWindowS' || key === 'mode' || key === 'scaling') return !s.fifo;
  if (key === 'minPollers' || key === 'maxPollers') return s.mode === 'provisioned' && !s.fifo;
  if (key === 'useMaxConcurrency' || key === 'maxConcurrency') return s.mode !== 'provisioned' || s.fifo;
  return true;
}

/** Provisioned mode applies to standard queues only in this widget (the sim models it for standard queues). */
const provisioned = (s: QueuesState) => s.mode === 'provisioned' && !s.fifo;

/** The function side every run shares: the defaults of the rules tables (the widget has no inputs for them). */
const FUNCTION_DEFAULTS = { arch: 'x86_64', memoryMb: FIXED.memoryMb, maxEvents: MAX_EVENTS } as const;

/**
 * The run as the core resolves it (ResolvedSqsConfig / ResolvedStreamConfig) minus `runtime` and `init`,
 * which the worker fills with the default runtime and its INIT distribution (the INIT table stays out of
 * the page's script). Built here, from a state `checkState`
 * accepts, so the worker needs neither the validators nor the rules tables; tests/widgets/
 * queuesAndStreams.test.ts checks it equals what validateSqsConfig / validateStreamConfig resolve.
 */
type Fn = 'init' | 'runtime';
export type QueuesJob = { kind: 'sqs'; config: Omit<ResolvedSqsConfig, Fn> } | { kind: 'stream'; config: Omit<ResolvedStreamConfig, Fn> };

export function sqsConfigOf(s: QueuesState): Omit<ResolvedSqsConfig, Fn> {
  const prov = provisioned(s);
  return {
    backlog: s.backlog,
    rate: s.rate,
    arrival: 'poisson',
    batchSize: s.batchSize,
    batchWindowS: s.fifo ? 0 : s.batchWindowS,
    messageKb: FIXED.messageKb,
    duration: { kind: 'exp', meanMs: s.durationMs },
    mode: prov ? 'provisioned' : 'standard',
    // Pollers are read only in provisioned mode (the core checks min ≤ max whatever the mode).
    minPollers: prov ? s.minPollers : queuesSchema.minPollers.default,
    maxPollers: prov ? s.maxPollers : queuesSchema.maxPollers.default,
    maxConcurrency: s.useMaxConcurrency && !prov ? s.maxConcurrency : null,
    scaling: s.fifo ? 'current' : s.scaling,
    concurrencyLimit: s.concurrencyLimit,
    reserved: s.useReserved ? s.reserved : null,
    visibilityTimeoutS: s.visibilityTimeoutS,
    maxReceiveCount: s.maxReceiveCount,
    errorRate: s.errorRate,
    partialBatch: s.partialBatch,
    fifo: s.fifo,
    groups: s.groups,
    simSeconds: s.simSeconds,
    seed: s.seed,
    ...FUNCTION_DEFAULTS,
  };
}

export function streamConfigOf(s: QueuesState): Omit<ResolvedStreamConfig, Fn> {
  return {
    source: s.source === 'dynamodb' ? 'dynamodb' : 'kinesis',
    shards: s.shards,
    parallelization: s.parallelization,
    rate: s.streamRate,
    arrival: 'poisson',
    keys: s.keys,
    batchSize: s.streamBatchSize,
    batchWindowS: FIXED.streamBatchWindowS,
    duration: { kind: 'exp', meanMs: s.durationMs },
    errorRate: s.errorRate,
    poisonRecords: s.poisonRecord >= 0 ? [s.poisonRecord] : [],
    maxRetries: s.maxRetries,
    maxRecordAgeS: s.maxRecordAgeS,
    bisect: s.bisect,
    partialBatch: s.partialBatch,
    retentionHours: FIXED.retentionHours,
    concurrencyLimit: s.concurrencyLimit,
    reserved: s.useReserved ? s.reserved : null,
    simSeconds: s.simSeconds,
    seed: s.seed,
    ...FUNCTION_DEFAULTS,
  };
}

export const jobOf = (s: QueuesState): QueuesJob => (isSqs(s) ? { kind: 'sqs', config: sqsConfigOf(s) } : { kind: 'stream', config: streamConfigOf(s) });

/** Messages (SQS) or records (streams) one run handles: backlog + rate × simulated time. */
export function expectedItems(s: QueuesState): number {
  return isSqs(s) ? s.backlog + s.rate * s.simSeconds : s.streamRate * s.simSeconds;
}

const label = (k: keyof typeof queuesSchema) => queuesSchema[k].label;

/** Cross-field rules, worded with the inputs' labels. Empty when the core accepts the config. */
export function checkState(s: QueuesState): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (isSqs(s)) {
    if (s.fifo && s.batchSize > FIFO_MAX_BATCH)
      out.push({ key: 'batchSize', message: `${label('batchSize')} must be an integer from 1 to ${FIFO_MAX_BATCH} (messages) for a FIFO queue; got ${formatNumber(s.batchSize)}` });
    else if (!s.fifo && s.batchSize > BATCH_ABOVE_NEEDS_WINDOW && s.batchWindowS < 1)
      out.push({ key: 'batchWindowS', message: `${label('batchWindowS')} must be an integer from 1 to ${formatNumber(queuesSchema.batchWindowS.max)} (s) when the batch size is above ${BATCH_ABOVE_NEEDS_WINDOW}; got ${formatNumber(s.batchWindowS)}` });
    if (provisioned(s) && s.minPollers > s.maxPollers)
      out.push({ key: 'maxPollers', message: `${label('maxPollers')} must be at least ${label('minPollers')} (${formatNumber(s.minPollers)}), at most ${formatNumber(queuesSchema.maxPollers.max)}; got ${formatNumber(s.maxPollers)}` });
    if (s.backlog === 0 && s.rate === 0)
      out.push({ key: 'backlog', message: `${label('backlog')} must be above 0 when ${label('rate')} is 0 (nothing would arrive); got 0` });
  } else if (s.maxRecordAgeS >= 0 && s.maxRecordAgeS < MIN_RECORD_AGE_S)
    out.push({ key: 'maxRecordAgeS', message: `${label('maxRecordAgeS')} must be -1 or an integer from ${MIN_RECORD_AGE_S} to ${formatNumber(queuesSchema.maxRecordAgeS.max)} (s); got ${formatNumber(s.maxRecordAgeS)}` });
  const maxReserved = Math.max(0, s.concurrencyLimit - MIN_UNRESERVED_CONCURRENCY);
  if (s.useReserved && s.reserved > maxReserved)
    out.push({ key: 'reserved', message: `${label('reserved')} must be an integer from 0 to ${formatNumber(maxReserved)} (the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved); got ${formatNumber(s.reserved)}` });
  const n = expectedItems(s);
  if (n > MAX_ITEMS_PER_RUN) {
    const what = isSqs(s) ? `${label('backlog')} + ${label('rate')} × ${label('simSeconds')}` : `${label('streamRate')} × ${label('simSeconds')}`;
    out.push({ key: 'simSeconds', message: `${what} must be at most ${formatNumber(MAX_ITEMS_PER_RUN)} per run (a few seconds of simulation); got ${formatNumber(Math.round(n))}` });
  }
  return out;
}

export const PRESETS = FIELDS.presets;
