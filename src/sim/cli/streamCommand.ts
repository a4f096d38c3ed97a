import { parseArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';
import { STREAM_FLAGS, boolFlags, rawFromFlags, usageFromErrors } from './sourceFlags.ts';
import { toSnakeCase } from './toSnakeCase.ts';
import { table } from './format.ts';
import { formatCost as usd, formatQuantity as num } from '../format/index.ts';
import { validateStreamConfig } from '../sources/validateStreamConfig.ts';
import { createStreamSimulation } from '../sources/createSource.ts';
import { summarizeStream } from '../sources/summarizeSource.ts';
import { runUntil } from '../engine/step.ts';
import type { StreamSummary } from '../sources/types.ts';

/** `sim stream`: runs the mapping and prints the summary (JSON in snake_case with --json). */
export function streamCommand(argv: readonly string[], out: (text: string) => void): number {
  const bools = boolFlags(STREAM_FLAGS);
  const p = parseArgs(argv, Object.keys(STREAM_FLAGS).filter((f) => !bools.includes(f)), [...bools, 'json']);
  if (!p.ok) throw new CliUsageError(p.error);
  const v = validateStreamConfig(rawFromFlags(p.args, STREAM_FLAGS));
  if (!v.ok) throw usageFromErrors(STREAM_FLAGS, v.errors);
  const s = createStreamSimulation(v.value);
  runUntil(s, v.value.simSeconds);
  const { summary } = summarizeStream(s);
  out(p.args.bools.has('json') ? JSON.stringify(toSnakeCase(summary), null, 2) : formatStream(summary));
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
    ['cost of the simulated window', usd(s.cost.totalUsd)],
  ];
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  const t = table(rows, [false, true]);
  return warn ? `${t}\n${warn}` : t;
}
