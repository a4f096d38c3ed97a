import { parseArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';
import { helpLines, rawFromFlags, snakeKeys, usageFromErrors, type FlagMap } from './sourceFlags.ts';
import { num, table, usd } from './format.ts';
import { validateSqsConfig } from '../sources/validateSqsConfig.ts';
import { createSqsSimulation } from '../sources/createSource.ts';
import { summarizeSqs } from '../sources/summarizeSource.ts';
import { runUntil } from '../engine/step.ts';
import { SQS_RULES } from '../sources/sqsRules.ts';
import { DEFAULT_SOURCE_MAX_EVENTS } from '../sources/readCommon.ts';
import { DIST_FORMS } from '../dist/parseDist.ts';
import type { SqsSummary } from '../sources/types.ts';

export const SQS_FLAGS: FlagMap = {
  backlog: 'backlog', rate: 'rate', arrival: 'arrival', 'batch-size': 'batchSize', 'batch-window': 'batchWindowS', 'message-kb': 'messageKb',
  duration: 'duration', init: 'init', runtime: 'runtime', mode: 'mode', 'min-pollers': 'minPollers', 'max-pollers': 'maxPollers',
  'max-concurrency': 'maxConcurrency', scaling: 'scaling', 'concurrency-limit': 'concurrencyLimit', reserved: 'reserved',
  'visibility-timeout': 'visibilityTimeoutS', 'max-receive-count': 'maxReceiveCount', 'error-rate': 'errorRate', groups: 'groups',
  'sim-seconds': 'simSeconds', seed: 'seed', memory: 'memoryMb', arch: 'arch', 'max-events': 'maxEvents',
};
const SQS_BOOLS: FlagMap = { 'partial-batch': 'partialBatch', fifo: 'fifo' };

export const SQS_HELP = `  npm run sim -- sqs [flags]     an SQS queue consumed by an event source mapping
${helpLines(SQS_RULES, SQS_FLAGS)}
    --arrival poisson|constant  how --rate messages arrive (default poisson)
    --duration DIST        one invocation = one batch (default exp:200); DIST is ${DIST_FORMS}
    --init DIST  --runtime NAME  --arch x86_64|arm64
    --mode standard|provisioned  --scaling current|legacy (+300/min since 2023-11-06, or +60/min)
    --partial-batch        ReportBatchItemFailures: only failed messages come back
    --fifo                 a FIFO queue (batch ≤ 10, no window, one batch per message group)
    --max-events N         work cap (default ${DEFAULT_SOURCE_MAX_EVENTS.toLocaleString('en-US')} engine events); a capped run says so
    --seed N  --json`;

/** `sim sqs`: runs the mapping and prints the summary (JSON in snake_case with --json). */
export function sqsCommand(argv: readonly string[], out: (text: string) => void): number {
  const p = parseArgs(argv, Object.keys(SQS_FLAGS), [...Object.keys(SQS_BOOLS), 'json']);
  if (!p.ok) throw new CliUsageError(p.error);
  const v = validateSqsConfig(rawFromFlags(p.args, SQS_FLAGS, SQS_BOOLS));
  if (!v.ok) throw usageFromErrors(SQS_FLAGS, v.errors);
  const s = createSqsSimulation(v.value);
  runUntil(s, v.value.simSeconds);
  const { summary } = summarizeSqs(s);
  out(p.args.bools.has('json') ? JSON.stringify(snakeKeys(summary), null, 2) : formatSqs(summary));
  return 0;
}

function formatSqs(s: SqsSummary): string {
  const rows = [
    ['messages in / succeeded / to DLQ / left', `${num(s.messagesIn)} / ${num(s.messagesSucceeded)} / ${num(s.messagesToDlq)} / ${num(s.messagesLeft)}`],
    ['invocations (failed) / throttles', `${num(s.invocations)} (${num(s.failedInvocations)}) / ${num(s.throttles)}`],
    ['cold starts', num(s.coldStarts)],
    ['peak concurrency / pollers', `${num(s.peakConcurrency)} / ${num(s.peakPollers)}`],
    ['concurrency by minute', s.concurrencyByMinute.slice(0, 12).map(num).join(', ') + (s.concurrencyByMinute.length > 12 ? ', …' : '')],
    ['drained at (s)', s.drainedAtS === null ? 'not drained' : num(s.drainedAtS)],
    ['max backlog / oldest message age (s)', `${num(s.maxBacklog)} / ${num(s.maxMessageAgeS)}`],
    ['order violations (FIFO)', s.orderViolations === null ? 'n/a (standard queue)' : num(s.orderViolations)],
    ['cost of the simulated window', usd(s.cost.total_usd)],
  ];
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  const t = table(rows, [false, true]);
  return warn ? `${t}\n${warn}` : t;
}
