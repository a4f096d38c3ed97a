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
  rows.push(['Total', '', '', '', formatCost(b.total_usd)]);
  const notes = b.lines.filter((l) => l.note).map((l) => `  ${l.label}: ${l.note}`);
  return `${table(rows, [false, true, false, true, true])}\n\nNotes:\n${notes.join('\n')}`;
}

export function formatSummary(s: Summary): string {
  const q = formatQuantity;
  const rows = [
    ['invocations', q(s.invocations)],
    ['cold starts', `${q(s.cold_starts)} (${formatPercent(s.cold_start_ratio, 2)} of invocations)`],
    ['throttles', `${q(s.throttles)} (${formatPercent(s.throttle_ratio, 2)} of invocations)`],
    ['mean environments', q(s.mean_environments)],
    ['mean busy (concurrency)', q(s.mean_busy)],
    ['peak concurrency', q(s.peak_concurrency)],
    ['latency p50 / p90 / p99 (ms)', `${q(s.latency_ms.p50)} / ${q(s.latency_ms.p90)} / ${q(s.latency_ms.p99)}`],
    ['cost of the simulated window', formatCost(s.cost.total_usd)],
    ['simulated seconds (window)', `${q(s.sim_seconds)} (${q(s.window_seconds)})`],
  ];
  if (s.erlang_b_reference !== null && s.throttles > 0) rows.splice(3, 0, ['Erlang-B reference', `${formatPercent(s.erlang_b_reference, 2)} of invocations throttled`]);
  if (s.async) rows.push(['async retries / on-failure / queued', `${q(s.async.retries)} / ${q(s.async.on_failure)} / ${q(s.async.queued_at_end)}`]);
  const out = table(rows, [false, true]);
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  return warn ? `${out}\n${warn}` : out;
}
