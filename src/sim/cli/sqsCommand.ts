import { parseArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';
import { SQS_FLAGS, boolFlags, rawFromFlags, usageFromErrors } from './sourceFlags.ts';
import { toSnakeCase } from './toSnakeCase.ts';
import { table } from './format.ts';
import { formatCost as usd, formatQuantity as num } from '../format/index.ts';
import { validateSqsConfig } from '../sources/validateSqsConfig.ts';
import { createSqsSimulation } from '../sources/createSource.ts';
import { summarizeSqs } from '../sources/summarizeSource.ts';
import { runUntil } from '../engine/step.ts';
import type { SqsSummary } from '../sources/types.ts';

/** `sim sqs`: runs the mapping and prints the summary (JSON in snake_case with --json). */
export function sqsCommand(argv: readonly string[], out: (text: string) => void): number {
  const bools = boolFlags(SQS_FLAGS);
  const p = parseArgs(argv, Object.keys(SQS_FLAGS).filter((f) => !bools.includes(f)), [...bools, 'json']);
  if (!p.ok) throw new CliUsageError(p.error);
  const v = validateSqsConfig(rawFromFlags(p.args, SQS_FLAGS));
  if (!v.ok) throw usageFromErrors(SQS_FLAGS, v.errors);
  const s = createSqsSimulation(v.value);
  runUntil(s, v.value.simSeconds);
  const { summary } = summarizeSqs(s);
  out(p.args.bools.has('json') ? JSON.stringify(toSnakeCase(summary), null, 2) : formatSqs(summary));
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
    ['cost of the simulated window', usd(s.cost.totalUsd)],
  ];
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  const t = table(rows, [false, true]);
  return warn ? `${t}\n${warn}` : t;
}
