// Text layout of the CLI's two reports. Numbers and money come from the shared format module.
import type { Bill } from '../pricing/types.ts';
import type { Summary } from '../engine/summarize.ts';
import { formatCost, formatCount, formatDuration, formatPercent, formatQuantity, formatRate } from '../format/index.ts';

export function table(rows: string[][], alignRight: boolean[] = []): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/** The bill as AWS pricing examples present it: one line per charge, then the total. */
export function formatBill(b: Bill): string {
  const rows = [['Charge', 'Quantity', 'Unit', 'Rate', 'Cost']];
  for (const l of b.lines) rows.push([l.label, formatQuantity(l.quantity), l.unit, formatRate(l.rate), formatCost(l.usd)]);
  rows.push(['Total', '', '', '', formatCost(b.totalUsd)]);
  const notes = b.lines.filter((l) => l.note).map((l) => `  ${l.label}: ${l.note}`);
  return `${table(rows, [false, true, false, true, true])}\n\nNotes:\n${notes.join('\n')}`;
}

/**
 * The run as a table. Counts and spans are rounded with separators; each percentage says what it is of
 * (cold starts per execution started, throttles per attempt: per invocation when synchronous).
 */
export function formatSummary(s: Summary): string {
  const q = formatQuantity;
  const attempts = s.async ? 'attempts' : 'invocations';
  const rows = [
    ['invocations', formatCount(s.invocations)],
    ['cold starts', `${formatCount(s.coldStarts)} (${formatPercent(s.coldStartRatio, 2)} of executions)`],
    ['throttles', `${formatCount(s.throttles)} (${formatPercent(s.throttleRatio, 2)} of ${attempts})`],
    ['mean environments', q(s.meanEnvironments)],
    ['mean busy (concurrency)', q(s.meanBusy)],
    ['peak concurrency', formatCount(s.peakConcurrency)],
    ['latency p50 / p90 / p99 (ms)', `${q(s.latencyMs.p50)} / ${q(s.latencyMs.p90)} / ${q(s.latencyMs.p99)}`],
    ['cost of the simulated window', formatCost(s.cost.totalUsd)],
    ['simulated time (statistics window)', `${formatCount(s.simSeconds)} s, ${formatDuration(s.simSeconds)} (${formatCount(s.windowSeconds)} s)`],
  ];
  if (s.erlangBReference !== null && s.throttles > 0) rows.splice(3, 0, ['Erlang-B reference', `${formatPercent(s.erlangBReference, 2)} of invocations throttled`]);
  if (s.async) rows.push(['async retries / on-failure / queued', `${formatCount(s.async.retries)} / ${formatCount(s.async.onFailure)} / ${formatCount(s.async.queuedAtEnd)}`]);
  const out = table(rows, [false, true]);
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  return warn ? `${out}\n${warn}` : out;
}
