import type { Traffic } from './types.ts';
import { MAX_SIM_SECONDS } from '../engine/simRules.ts';
import { formatCount, formatDuration, quoteInput } from '../format/index.ts';

export const MAX_TRACE_ROWS = 10_000_000;

export type TraceResult = { ok: true; value: Traffic } | { ok: false; error: string };

const FORMS =
  'a CSV with one column of arrival timestamps in seconds (header t, time, timestamp or timestamp_s; timestamp_ms for milliseconds), ' +
  'or two columns "second,count" or "minute,count"';

/**
 * Reads a trace for replay. Timestamps are sorted and shifted so the first is at 0; counts rows are
 * placed in bins by their first column (seconds or minutes from the first row). Lines starting with # and
 * blank lines are skipped. A header row is optional for timestamps and required for counts.
 * A trace may span at most `MAX_SIM_SECONDS` (31 days), the limit of every run; messages quote rows with
 * control characters escaped and long values cut.
 */
export function parseTrace(csv: string): TraceResult {
  const lines = String(csv).split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length === 0) return { ok: false, error: `trace is empty; expected ${FORMS}` };
  if (lines.length > MAX_TRACE_ROWS + 1) return { ok: false, error: `trace has ${formatCount(lines.length)} rows; at most ${formatCount(MAX_TRACE_ROWS)} are accepted` };
  const first = lines[0]!.split(',').map((x) => x.trim().toLowerCase());
  const hasHeader = first.some((x) => x !== '' && Number.isNaN(Number(x)));
  const rows = hasHeader ? lines.slice(1) : lines;
  const cols = hasHeader ? first.length : first.length;
  if (cols === 1) {
    const scale = hasHeader && (first[0] === 'timestamp_ms' || first[0] === 'ms') ? 0.001 : 1;
    if (hasHeader && !['t', 'time', 'timestamp', 'timestamp_s', 'timestamp_ms', 'ms', 's', 'seconds'].includes(first[0]!))
      return { ok: false, error: `trace header ${quoteInput(first[0])} not understood; expected ${FORMS}` };
    const times = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = Number(rows[i]!.trim());
      if (!Number.isFinite(v) || v < 0) return { ok: false, error: `trace row ${formatCount(i + 1 + (hasHeader ? 1 : 0))}: ${quoteInput(rows[i])} is not a timestamp ≥ 0; expected ${FORMS}` };
      times[i] = v * scale;
    }
    times.sort();
    const t0 = times[0] ?? 0;
    const spanS = (times[times.length - 1] ?? 0) - t0;
    if (!(spanS <= MAX_SIM_SECONDS)) return { ok: false, error: tooLong(spanS) };
    for (let i = 0; i < times.length; i++) times[i] = times[i]! - t0;
    return { ok: true, value: { kind: 'traceTimes', timesS: times } };
  }
  if (cols === 2 && hasHeader && first[1] === 'count' && (first[0] === 'second' || first[0] === 'minute')) {
    const binS = first[0] === 'second' ? 1 : 60;
    const keys: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const [a, b] = rows[i]!.split(',').map((x) => Number(x.trim()));
      if (!Number.isFinite(a) || !Number.isFinite(b) || b! < 0 || !Number.isInteger(b) || b! > 1e9)
        return { ok: false, error: `trace row ${formatCount(i + 2)}: ${quoteInput(rows[i])} needs a ${first[0]} and a whole count from 0 to 1,000,000,000` };
      keys.push(a!);
      vals.push(b!);
    }
    let k0 = Infinity;
    let k1 = -Infinity;
    for (const k of keys) {
      if (k < k0) k0 = k;
      if (k > k1) k1 = k;
    }
    const span = Math.round(k1 - k0) + 1;
    if (span * binS > MAX_SIM_SECONDS) return { ok: false, error: tooLong((span - 1) * binS) };
    const counts = new Float64Array(Math.round(span));
    for (let i = 0; i < keys.length; i++) counts[Math.round(keys[i]! - k0)]! += vals[i]!;
    return { ok: true, value: { kind: 'traceCounts', counts, binS } };
  }
  return { ok: false, error: `trace header ${quoteInput(first.join(','))} not understood; expected ${FORMS}` };
}

function tooLong(spanS: number): string {
  return `trace spans ${formatDuration(spanS)} (${formatCount(spanS)} s) from its first to its last row; at most ${formatDuration(MAX_SIM_SECONDS)} (${formatCount(MAX_SIM_SECONDS)} s) are simulated`;
}
