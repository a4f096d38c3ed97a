import type { SeriesRole } from './types.ts';

/**
 * Which metric a series is, from its CloudWatch `Label` or `Id` (or a CSV column header): the Lambda metric
 * names `Invocations`, `Duration`, `ConcurrentExecutions`, `Throttles`
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html, as of 2026-11), with the
 * statistic from a word in the name (`p50`, `p90`, `p99`, `Average`/`avg`). Ids are lower-case by rule in
 * get-metric-data, so common short ids (`inv`, `dur`, `conc`, `thr`) are read too. Null when unknown.
 */
export function seriesRole(name: string): SeriesRole | null {
  const n = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  const has = (re: RegExp) => re.test(n);
  if (has(/\bthrottl|\bthr\b/)) return 'throttles';
  if (has(/concurren|\bconc\b/)) return 'concurrencyMax';
  if (has(/invocation|\binv\b|\binvocations\b/)) return 'invocations';
  if (has(/duration|\bdur\b|latency/)) {
    if (has(/\bp ?50\b|median/)) return 'durationP50';
    if (has(/\bp ?90\b/)) return 'durationP90';
    if (has(/\bp ?99\b/)) return 'durationP99';
    if (has(/\bp ?\d/)) return null; // another percentile (p95, p99.9): not used
    return 'durationAvg';
  }
  return null;
}

/** Parses `--series role=name,role=name` style overrides: role names as in SeriesRole. */
export const ROLE_NAMES: Readonly<Record<string, SeriesRole>> = {
  invocations: 'invocations', duration: 'durationAvg', 'duration-p50': 'durationP50', 'duration-p90': 'durationP90',
  'duration-p99': 'durationP99', concurrency: 'concurrencyMax', throttles: 'throttles',
};
