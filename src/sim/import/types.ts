/**
 * Imported per-period metrics of one Lambda function, as columns on a regular time grid.
 *
 * Shape: `periods` rows, row i covering [startS + i·periodS, startS + (i+1)·periodS) in Unix seconds.
 * `invocations` is the CloudWatch `Invocations` Sum; `durationAvgMs` the `Duration` Average (NaN where
 * CloudWatch had no datapoint because nothing ran); the optional columns are null when the export did not
 * contain that series. `gapRows` lists the rows for which the Invocations series had no datapoint: they
 * are kept as 0 invocations and reported, never filled silently.
 */
export interface MetricsTable {
  periodS: number;
  startS: number;
  periods: number;
  invocations: Float64Array;
  durationAvgMs: Float64Array;
  durationP50Ms: Float64Array | null;
  durationP90Ms: Float64Array | null;
  durationP99Ms: Float64Array | null;
  concurrencyMax: Float64Array | null;
  throttles: Float64Array | null;
  gapRows: number[];
  /** Where it came from: 'cloudwatch-json', 'console-csv' or 'trace'. */
  source: ImportSource;
  warnings: string[];
}

export type ImportSource = 'cloudwatch-json' | 'console-csv' | 'trace';

/** Which Lambda metric (and statistic) a series carries. */
export type SeriesRole = 'invocations' | 'durationAvg' | 'durationP50' | 'durationP90' | 'durationP99' | 'concurrencyMax' | 'throttles';

export const SERIES_ROLES: readonly SeriesRole[] = ['invocations', 'durationAvg', 'durationP50', 'durationP90', 'durationP99', 'concurrencyMax', 'throttles'];

/** One named series as read from a file: timestamps (Unix s) and values in any order. */
export interface RawSeries {
  name: string;
  /** A second name (the CloudWatch `Id` when `name` is the `Label`). */
  alias?: string;
  times: number[];
  values: number[];
  /** Where each point came from, for messages ("line 12", "MetricDataResults[0].Values[3]"). */
  where: (i: number) => string;
}

export type ImportResult = { ok: true; value: MetricsTable } | { ok: false; error: string };
