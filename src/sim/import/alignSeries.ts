import { isoFromUnix } from './civilTime.ts';
import { MAX_IMPORT_PERIODS, MIN_PERIOD_S } from './importLimits.ts';
import { seriesRole } from './seriesRole.ts';
import { SERIES_ROLES, type ImportResult, type ImportSource, type MetricsTable, type RawSeries, type SeriesRole } from './types.ts';

const ROLE_LABEL: Record<SeriesRole, string> = {
  invocations: 'Invocations (Sum)', durationAvg: 'Duration (Average)', durationP50: 'Duration p50', durationP90: 'Duration p90',
  durationP99: 'Duration p99', concurrencyMax: 'ConcurrentExecutions (Maximum)', throttles: 'Throttles (Sum)',
};

/** The role from the name, unless the alias names a Duration percentile (one Label "Duration" for several stats). */
function roleOf(r: RawSeries): SeriesRole | null {
  const byName = seriesRole(r.name);
  const byAlias = r.alias !== undefined ? seriesRole(r.alias) : null;
  if (byAlias && byAlias.startsWith('durationP') && (byName === null || byName === 'durationAvg')) return byAlias;
  return byName ?? byAlias;
}

/** "rows 5–9, 20" from sorted row numbers (1-based for readers), at most `max` ranges. */
export function formatRanges(rows: readonly number[], max = 5): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length && parts.length < max; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${rows[i]! + 1}` : `${rows[i]! + 1}–${rows[j]! + 1}`);
    i = j + 1;
  }
  const shown = parts.join(', ');
  return rows.length && parts.length === max ? `${shown}, …` : shown;
}

/**
 * Puts named series on one regular grid. Roles come from `roles[name]` when given, else from the name
 * (`seriesRole`). Errors (one message naming the series and the point): no Invocations or Duration series,
 * two series with one role, a timestamp that does not parse, a negative or non-numeric value, one timestamp
 * with two values, a period under 60 s, or points off the grid of the smallest step (mixed periods).
 * Periods without an Invocations datapoint become 0 and are listed in `gapRows` and a warning.
 */
export function alignSeries(raw: readonly RawSeries[], source: ImportSource, roles: Readonly<Record<string, SeriesRole>> = {}): ImportResult {
  const byRole = new Map<SeriesRole, RawSeries>();
  const warnings: string[] = [];
  for (const r of raw) {
    const role = roles[r.name] ?? (r.alias !== undefined ? roles[r.alias] : undefined) ?? roleOf(r);
    if (role === null) {
      warnings.push(`series "${r.name}" is not one of Invocations, Duration (Average, p50, p90, p99), ConcurrentExecutions, Throttles: ignored`);
      continue;
    }
    const prev = byRole.get(role);
    if (prev) return { ok: false, error: `two series are ${ROLE_LABEL[role]}: "${prev.name}" and "${r.name}"; name the one to use by its Label or Id` };
    byRole.set(role, r);
  }
  for (const need of ['invocations', 'durationAvg'] as const)
    if (!byRole.has(need)) return { ok: false, error: `missing series: ${ROLE_LABEL[need]}; found ${raw.map((r) => `"${r.name}"`).join(', ') || 'none'}` };

  // Check every point, and dedupe identical repeats (overlapping pages).
  const clean = new Map<SeriesRole, Map<number, number>>();
  for (const [role, r] of byRole) {
    const m = new Map<number, number>();
    for (let i = 0; i < r.times.length; i++) {
      const t = r.times[i]!;
      const v = r.values[i]!;
      if (!Number.isFinite(t)) return { ok: false, error: `${r.where(i)}: timestamp of "${r.name}" does not parse (expected ISO 8601 such as 2026-11-02T14:05:00Z, or epoch seconds)` };
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, error: `${r.where(i)}: value of "${r.name}" is not a number` };
      if (v < 0) return { ok: false, error: `${r.where(i)}: value of "${r.name}" is negative (${v})` };
      const old = m.get(t);
      if (old !== undefined && old !== v) return { ok: false, error: `${r.where(i)}: "${r.name}" has two values (${old} and ${v}) for ${isoFromUnix(t)}` };
      m.set(t, v);
    }
    clean.set(role, m);
  }

  const inv = clean.get('invocations')!;
  const invTimes = [...inv.keys()].sort((a, b) => a - b);
  if (invTimes.length < 2) return { ok: false, error: `Invocations has ${invTimes.length} datapoint(s); at least 2 are needed to know the period` };
  let period = Infinity;
  for (let i = 1; i < invTimes.length; i++) period = Math.min(period, invTimes[i]! - invTimes[i - 1]!);
  period = Math.round(period * 1000) / 1000;
  if (period < MIN_PERIOD_S) return { ok: false, error: `the period is ${period} s; at least ${MIN_PERIOD_S} s is accepted (CloudWatch's standard resolution)` };
  let start = Infinity;
  let end = -Infinity;
  for (const m of clean.values()) for (const t of m.keys()) {
    if (t < start) start = t;
    if (t > end) end = t;
  }
  for (const [role, m] of clean) {
    const r = byRole.get(role)!;
    let i = 0;
    for (const t of m.keys()) {
      const k = (t - start) / period;
      if (Math.abs(k - Math.round(k)) > 1e-6) {
        const idx = r.times.indexOf(t);
        return { ok: false, error: `mixed periods: ${r.where(idx >= 0 ? idx : i)} of "${r.name}" (${isoFromUnix(t)}) is not on the ${period} s grid of Invocations; export every series with one period` };
      }
      i++;
    }
  }
  const periods = Math.round((end - start) / period) + 1;
  if (periods > MAX_IMPORT_PERIODS) return { ok: false, error: `the data spans ${periods} periods of ${period} s; at most ${MAX_IMPORT_PERIODS} are accepted` };

  const column = (role: SeriesRole, fill: number): Float64Array | null => {
    const m = clean.get(role);
    if (!m) return null;
    const col = new Float64Array(periods).fill(fill);
    for (const [t, v] of m) col[Math.round((t - start) / period)] = v;
    return col;
  };
  const invocations = column('invocations', NaN)!;
  const gapRows: number[] = [];
  for (let i = 0; i < periods; i++) if (Number.isNaN(invocations[i]!)) {
    gapRows.push(i);
    invocations[i] = 0;
  }
  for (let i = 0; i < periods; i++) if (!Number.isInteger(invocations[i]!)) {
    const r = byRole.get('invocations')!;
    return { ok: false, error: `${r.where(r.times.indexOf(start + i * period))}: Invocations (Sum) must be a whole count; got ${invocations[i]} (was another statistic exported?)` };
  }
  if (gapRows.length)
    warnings.push(`gaps: Invocations has no datapoint in ${gapRows.length} of ${periods} periods (rows ${formatRanges(gapRows)}); they are kept as 0 invocations (CloudWatch writes no datapoint when nothing ran)`);
  const durationAvgMs = column('durationAvg', NaN)!;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < periods; i++) if (invocations[i]! > 0 && Number.isFinite(durationAvgMs[i]!)) {
    sum += durationAvgMs[i]! * invocations[i]!;
    n += invocations[i]!;
  }
  const missingDur: number[] = [];
  for (let i = 0; i < periods; i++) if (invocations[i]! > 0 && !Number.isFinite(durationAvgMs[i]!)) missingDur.push(i);
  if (n === 0 && invocations.some((x) => x > 0)) return { ok: false, error: 'Duration (Average) has no datapoint in any period with invocations' };
  if (missingDur.length) {
    const mean = sum / n;
    for (const i of missingDur) durationAvgMs[i] = mean;
    warnings.push(`gaps: Duration has no datapoint in ${missingDur.length} periods with invocations (rows ${formatRanges(missingDur)}); the overall average ${mean.toFixed(1)} ms is used there`);
  }
  const table: MetricsTable = {
    periodS: period, startS: start, periods, invocations, durationAvgMs,
    durationP50Ms: column('durationP50', NaN), durationP90Ms: column('durationP90', NaN), durationP99Ms: column('durationP99', NaN),
    concurrencyMax: column('concurrencyMax', NaN), throttles: column('throttles', NaN), gapRows, source, warnings,
  };
  for (const role of SERIES_ROLES) if (!byRole.has(role) && role !== 'durationP50' && role !== 'durationP90' && role !== 'durationP99')
    warnings.push(`no ${ROLE_LABEL[role]} series: the check against observed data skips it`);
  return { ok: true, value: table };
}
