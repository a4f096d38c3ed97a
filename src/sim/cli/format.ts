import type { Bill } from '../pricing/types.ts';
import type { Summary } from '../engine/summarize.ts';

export function usd(x: number): string {
  if (x === 0) return '$0.00';
  if (Math.abs(x) < 0.01) return `$${x.toPrecision(4)}`;
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function num(x: number, digits = 4): string {
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  if (Math.abs(x) >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return Number(x.toPrecision(digits)).toString();
}

/** A unit rate the way AWS writes it: $0.0000166667, not 1.66667e-5. */
export function rate(x: number): string {
  return `$${x.toFixed(13).replace(/0+$/, '').replace(/\.$/, '')}`;
}

export function table(rows: string[][], alignRight: boolean[] = []): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/** The bill as AWS pricing examples present it: one line per charge, then the total. */
export function formatBill(b: Bill): string {
  const rows = [['Charge', 'Quantity', 'Unit', 'Rate', 'Cost']];
  for (const l of b.lines) rows.push([l.label, num(l.quantity), l.unit, rate(l.rate), usd(l.usd)]);
  rows.push(['Total', '', '', '', usd(b.total_usd)]);
  const notes = b.lines.filter((l) => l.note).map((l) => `  ${l.label}: ${l.note}`);
  return `${table(rows, [false, true, false, true, true])}\n\nNotes:\n${notes.join('\n')}`;
}

export function formatSummary(s: Summary): string {
  const rows = [
    ['invocations', num(s.invocations)],
    ['cold starts', `${num(s.cold_starts)} (${(100 * s.cold_start_ratio).toPrecision(3)}%)`],
    ['throttles', `${num(s.throttles)} (${(100 * s.throttle_ratio).toPrecision(3)}%)`],
    ['mean environments', num(s.mean_environments)],
    ['mean busy (concurrency)', num(s.mean_busy)],
    ['peak concurrency', num(s.peak_concurrency)],
    ['latency p50 / p90 / p99 (ms)', `${num(s.latency_ms.p50)} / ${num(s.latency_ms.p90)} / ${num(s.latency_ms.p99)}`],
    ['cost of the simulated window', usd(s.cost.total_usd)],
    ['simulated seconds (window)', `${num(s.sim_seconds)} (${num(s.window_seconds)})`],
  ];
  if (s.erlang_b_reference !== null && s.throttles > 0) rows.splice(3, 0, ['Erlang-B reference', `${(100 * s.erlang_b_reference).toPrecision(3)}%`]);
  if (s.async) rows.push(['async retries / on-failure / queued', `${num(s.async.retries)} / ${num(s.async.on_failure)} / ${num(s.async.queued_at_end)}`]);
  const out = table(rows, [false, true]);
  const warn = s.warnings.map((w) => `warning: ${w}`).join('\n');
  return warn ? `${out}\n${warn}` : out;
}
