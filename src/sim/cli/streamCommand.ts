import { parseArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';
import { helpLines, rawFromFlags, snakeKeys, usageFromErrors, type FlagMap } from './sourceFlags.ts';
import { num, table, usd } from './format.ts';
import { validateStreamConfig } from '../sources/validateStreamConfig.ts';
import { createStreamSimulation } from '../sources/createSource.ts';
import { summarizeStream } from '../sources/summarizeSource.ts';
import { runUntil } from '../engine/step.ts';
import { STREAM_RULES } from '../sources/streamRules.ts';
import { DEFAULT_SOURCE_MAX_EVENTS } from '../sources/readCommon.ts';
import { DIST_FORMS } from '../dist/parseDist.ts';
import type { StreamSummary } from '../sources/types.ts';

export const STREAM_FLAGS: FlagMap = {
  source: 'source', shards: 'shards', parallelization: 'parallelization', rate: 'rate', arrival: 'arrival', keys: 'keys',
  'batch-size': 'batchSize', 'batch-window': 'batchWindowS', duration: 'duration', init: 'init', runtime: 'runtime',
  'error-rate': 'errorRate', 'poison-records': 'poisonRecords', 'max-retries': 'maxRetries', 'max-record-age': 'maxRecordAgeS',
  'retention-hours': 'retentionHours', 'concurrency-limit': 'concurrencyLimit', reserved: 'reserved', 'sim-seconds': 'simSeconds',
  seed: 'seed', memory: 'memoryMb', arch: 'arch', 'max-events': 'maxEvents',
};
const STREAM_BOOLS: FlagMap = { bisect: 'bisect', 'partial-batch': 'partialBatch' };

export const STREAM_HELP = `  npm run sim -- stream [flags]  a Kinesis or DynamoDB stream consumed by an event source mapping
    --source kinesis|dynamodb   (default kinesis; polls 1/s or 4/s; DynamoDB keeps records 24 h)
${helpLines(STREAM_RULES, STREAM_FLAGS)}
    --poison-records LIST  0-based record numbers that fail every attempt, e.g. 0,250
    --duration DIST        one invocation = one batch (default exp:200); DIST is ${DIST_FORMS}
    --bisect               BisectBatchOnFunctionError    --partial-batch   ReportBatchItemFailures
    --max-events N         work cap (default ${DEFAULT_SOURCE_MAX_EVENTS.toLocaleString('en-US')} engine events); a capped run says so
    --seed N  --json`;

/** `sim stream`: runs the mapping and prints the summary (JSON in snake_case with --json). */
export function streamCommand(argv: readonly string[], out: (text: string) => void): number {
  const p = parseArgs(argv, Object.keys(STREAM_FLAGS), [...Object.keys(STREAM_BOOLS), 'json']);
  if (!p.ok) throw new CliUsageError(p.error);
  const v = validateStreamConfig(rawFromFlags(p.args, STREAM_FLAGS, STREAM_BOOLS));
  if (!v.ok) throw usageFromErrors(STREAM_FLAGS, v.errors);
  const s = createStreamSimulation(v.value);
  runUntil(s, v.value.simSeconds);
  const { summary } = summarizeStream(s);
  out(p.args.bools.has('json') ? JSON.stringify(snakeKeys(summary), null, 2) : formatStream(summary));
  return 0;
}

function formatStream(s: StreamSummary): string {
  const rows = [
    ['records in / succeeded / discarded / expired / left', `${num(s.recordsIn)} / ${num(s.recordsSucceeded)} / ${num(s.recordsDiscarded)} / ${num(s.recordsExpired)} / ${num(s.recordsLeft)}`],
    ['invocations (failed) / throttles', `${num(s.invocations)} (${num(s.failedInvocations)}) / ${num(s.throttles)}`],
    ['peak concurrency (cap shards × factor)', `${num(s.peakConcurrency)} (${num(s.concurrencyCap)})`],
    ['max iterator age (s)', num(s.maxIteratorAgeS)],
    ['blocked shard-seconds', num(s.blockedShardSeconds)],
    ['order violations', num(s.orderViolations)],
    ['cost of the simulated window', usd(s.cost.total_usd)],
  ];
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  const t = table(rows, [false, true]);
  return warn ? `${t}\n${warn}` : t;
}
