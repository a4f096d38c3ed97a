import { alignSeries } from './alignSeries.ts';
import { sizeError } from './importLimits.ts';
import { parseTimestamp } from './parseTimestamp.ts';
import { splitCsvLine } from './splitCsvLine.ts';
import type { ImportResult, RawSeries, SeriesRole } from './types.ts';

const TIME_HEADERS = /^(label|timestamp|timestamps|time|date|datetime|time \(utc\)|timestamp \(utc\))?$/i;

/**
 * Reads a CloudWatch console graph exported with "Download as CSV": a header row whose first column is the
 * time (headed `Label`, `Timestamp`, `Time`, `Date` or empty) and one column per metric, headed by the
 * metric's label; one row per period; an empty cell where the metric had no datapoint. AWS documents the
 * action but not the exact file layout (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph_a_metric.html,
 * as of 2026-11), so this accepts the variants seen in the wild: quoted or bare cells, ISO 8601 with or
 * without `T`/`Z`/offset, `YYYY-MM-DD HH:MM:SS` read as UTC, epoch seconds or milliseconds; lines before
 * the header that have no comma (a title) and `#` comments are skipped.
 */
export function parseConsoleCsv(text: string, roles: Readonly<Record<string, SeriesRole>> = {}): ImportResult {
  const big = sizeError(text.length);
  if (big) return { ok: false, error: big };
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r?\n/);
  let h = 0;
  while (h < lines.length && (lines[h]!.trim() === '' || lines[h]!.trimStart().startsWith('#') || !lines[h]!.includes(','))) h++;
  if (h >= lines.length) return { ok: false, error: 'CSV has no header row; expected a time column and one column per metric (Invocations, Duration, ...)' };
  const header = splitCsvLine(lines[h]!);
  if (!TIME_HEADERS.test(header[0]!) && Number.isFinite(parseTimestamp(header[0]!)))
    return { ok: false, error: `line ${h + 1}: the first row is data; expected a header row naming the metrics` };
  if (header.length < 2) return { ok: false, error: `line ${h + 1}: the header has one column; expected a time column and one column per metric` };
  const series: RawSeries[] = header.slice(1).map((name, c) => {
    const lineOf: number[] = [];
    return { name: name || `column ${c + 2}`, times: [], values: [], where: (i: number) => `line ${lineOf[i]! + 1}, column ${c + 2}`, lineOf } as RawSeries & { lineOf: number[] };
  });
  for (let l = h + 1; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = splitCsvLine(line);
    if (cells.length !== header.length) return { ok: false, error: `line ${l + 1}: ${cells.length} cells; the header has ${header.length}` };
    const t = parseTimestamp(cells[0]!);
    if (!Number.isFinite(t)) return { ok: false, error: `line ${l + 1}: timestamp "${cells[0]}" does not parse (expected ISO 8601 such as 2026-11-02T14:05:00Z, or epoch seconds)` };
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell === '') continue; // no datapoint in this period
      const s = series[c - 1]! as RawSeries & { lineOf: number[] };
      s.times.push(t);
      s.values.push(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell) ? Number(cell) : NaN);
      s.lineOf.push(l);
    }
  }
  return alignSeries(series, 'console-csv', roles);
}
