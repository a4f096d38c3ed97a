// Text layout of the CLI's two reports. Numbers and money come from the shared format module.
import type { Bill } from '../pricing/types.ts';
import type { Summary } from '../engine/summarize.ts';
import { formatCost, formatPercent, formatQuantity, formatRate } from '../format/index.ts';

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

export function formatSummary(s: Summary): string {
  const q = formatQuantity;
  const rows = [
    ['invocations', q(s.invocations)],
    ['cold starts', `${q(s.coldStarts)} (${formatPercent(s.coldStartRatio, 2)} of invocations)`],
    ['throttles', `${q(s.throttles)} (${formatPercent(s.throttleRatio, 2)} of invocations)`],
    ['mean environments', q(s.meanEnvironments)],
    ['mean busy (concurrency)', q(s.meanBusy)],
    ['peak concurrency', q(s.peakConcurrency)],
    ['latency p50 / p90 / p99 (ms)', `${q(s.latencyMs.p50)} / ${q(s.latencyMs.p90)} / ${q(s.latencyMs.p99)}`],
    ['cost of the simulated window', formatCost(s.cost.totalUsd)],
    ['simulated seconds (window)', `${q(s.simSeconds)} (${q(s.windowSeconds)})`],
  ];
  if (s.erlangBReference !== null && s.throttles > 0) rows.splice(3, 0, ['Erlang-B reference', `${formatPercent(s.erlangBReference, 2)} of invocations throttled`]);
  if (s.async) rows.push(['async retries / on-failure / queued', `${q(s.async.retries)} / ${q(s.async.onFailure)} / ${q(s.async.queuedAtEnd)}`]);
  const out = table(rows, [false, true]);
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  return warn ? `${out}\n${warn}` : out;
}
