import { createRng, nextFloat, type Rng } from '../rng/createRng.ts';
import { sampleStandardNormal } from '../dist/normal.ts';
import { isoFromUnix, unixFromCivil } from '../import/civilTime.ts';
import type { MetricsTable } from '../import/types.ts';
import { fitLognormal } from './fitLognormal.ts';
import { replayMetrics } from './replayMetrics.ts';

/**
 * The two SYNTHETIC example exports of the "Your traffic" page, made here so that a test can check the
 * files in public/ are exactly what this code writes (scripts/makeTrafficExamples.ts writes them).
 * No real account is behind them. One day from 2026-11-02T00:00:00Z.
 * - diurnal API: 40 req/s on average, ±70% over the day, peak at 15:00 UTC; ~110 ms handlers, slower
 *   at the peak; 10-minute periods, printed as `aws cloudwatch get-metric-data` JSON (descending time, 4-space indent).
 * - spiky batch job: a trickle with empty periods, a burst of 15,000 jobs of ~1.8 s every 3 hours and a
 *   400,000-job burst at 02:00 that exceeds the default account limit of 1,000 (so it throttles);
 *   printed as a console "Download as CSV" file.
 * "Observed" ConcurrentExecutions and Throttles come from a replay of the same counts with another seed.
 */
const START = unixFromCivil(2026, 11, 2);
const DAY = 86400;

function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * sampleStandardNormal(rng)));
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = nextFloat(rng);
  while (u > s && k < 1000) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

function observe(t: MetricsTable, seed: number): MetricsTable {
  const dists = Array.from({ length: t.periods }, (_, k) => fitLognormal(t.durationAvgMs[k]!, t.durationP50Ms?.[k] ?? NaN, t.durationP90Ms?.[k] ?? NaN, t.durationP99Ms?.[k] ?? NaN, 0.5));
  const r = replayMetrics(t, dists, { memoryMb: 1024, arch: 'x86_64', seed });
  return { ...t, concurrencyMax: r.peak, throttles: r.throttles };
}

function table(period: number, invocations: Float64Array, avg: Float64Array, p50: Float64Array | null, p90: Float64Array | null, p99: Float64Array | null): MetricsTable {
  return { periodS: period, startS: START, periods: invocations.length, invocations, durationAvgMs: avg, durationP50Ms: p50, durationP90Ms: p90, durationP99Ms: p99, concurrencyMax: null, throttles: null, gapRows: [], source: 'cloudwatch-json', warnings: [] };
}

export function diurnalApiTable(): MetricsTable {
  const PERIOD = 600;
  const PERIODS = DAY / PERIOD;
  const rng = createRng(2026);
  const inv = new Float64Array(PERIODS);
  const avg = new Float64Array(PERIODS);
  const p50 = new Float64Array(PERIODS);
  const p90 = new Float64Array(PERIODS);
  const p99 = new Float64Array(PERIODS);
  for (let k = 0; k < PERIODS; k++) {
    const hour = (k * PERIOD) / 3600;
    const rate = 40 * (1 + 0.7 * Math.cos((2 * Math.PI * (hour - 15)) / 24));
    inv[k] = poisson(rng, rate * PERIOD);
    const a = 110 * (1 + 0.15 * (rate / 68)) * (1 + 0.03 * sampleStandardNormal(rng));
    avg[k] = Math.round(a * 100) / 100;
    p50[k] = Math.round(a * 0.86 * 100) / 100;
    p90[k] = Math.round(a * 1.7 * 100) / 100;
    p99[k] = Math.round(a * 3.1 * 100) / 100;
  }
  return observe(table(PERIOD, inv, avg, p50, p90, p99), 99);
}

export function spikyBatchTable(): MetricsTable {
  const PERIOD = 300;
  const PERIODS = DAY / PERIOD;
  const rng = createRng(7);
  const inv = new Float64Array(PERIODS);
  const avg = new Float64Array(PERIODS).fill(NaN);
  const p99 = new Float64Array(PERIODS).fill(NaN);
  for (let k = 0; k < PERIODS; k++) {
    const minute = (k * PERIOD) / 60;
    let n = poisson(rng, 0.8);
    let d = 400;
    if (minute === 120) {
      n += 400_000;
      d = 1500;
    } else if (minute % 180 === 60) {
      n += 15_000 + Math.round(1000 * sampleStandardNormal(rng));
      d = 1800;
    }
    inv[k] = n;
    if (n > 0) {
      const a = d * (1 + 0.05 * sampleStandardNormal(rng));
      avg[k] = Math.round(a * 100) / 100;
      p99[k] = Math.round(a * 2.4 * 100) / 100;
    }
  }
  return observe(table(PERIOD, inv, avg, null, null, p99), 99);
}

/** A float the way the AWS CLI prints one: 1234.0, 12.5. */
const f = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));
const iso = (t: number) => isoFromUnix(t).replace('Z', '+00:00');

/** `aws cloudwatch get-metric-data` output for a table (descending timestamps, periods without invocations omitted). */
export function toGetMetricDataJson(t: MetricsTable): string {
  const rows = Array.from({ length: t.periods }, (_, k) => t.periods - 1 - k).filter((k) => t.invocations[k]! > 0);
  const series: [string, string, Float64Array | null][] = [
    ['invocations', 'Invocations', t.invocations], ['duration_avg', 'Duration Average', t.durationAvgMs], ['duration_p50', 'Duration p50', t.durationP50Ms],
    ['duration_p90', 'Duration p90', t.durationP90Ms], ['duration_p99', 'Duration p99', t.durationP99Ms],
    ['concurrency', 'ConcurrentExecutions', t.concurrencyMax], ['throttles', 'Throttles', t.throttles],
  ];
  const results = series.filter(([, , c]) => c !== null).map(([id, label, c]) => [
    '        {',
    `            "Id": "${id}",`,
    `            "Label": "${label}",`,
    '            "Timestamps": [',
    rows.map((k) => `                "${iso(t.startS + k * t.periodS)}"`).join(',\n'),
    '            ],',
    '            "Values": [',
    rows.map((k) => `                ${f(c![k]!)}`).join(',\n'),
    '            ],',
    '            "StatusCode": "Complete"',
    '        }',
  ].join('\n'));
  return `{\n    "MetricDataResults": [\n${results.join(',\n')}\n    ],\n    "Messages": []\n}\n`;
}

/** The console's "Download as CSV" layout: a time column, one column per metric, empty cells for no datapoint. */
export function toConsoleCsv(t: MetricsTable): string {
  const cols: [string, Float64Array | null][] = [
    ['Invocations (Sum)', t.invocations], ['Duration (Average)', t.durationAvgMs], ['Duration (p99)', t.durationP99Ms],
    ['ConcurrentExecutions (Maximum)', t.concurrencyMax], ['Throttles (Sum)', t.throttles],
  ];
  const used = cols.filter(([, c]) => c !== null);
  const lines = [['Timestamp', ...used.map(([n]) => n)].map((x) => `"${x}"`).join(',')];
  for (let k = 0; k < t.periods; k++) {
    const empty = t.invocations[k]! === 0;
    lines.push([isoFromUnix(t.startS + k * t.periodS), ...used.map(([, c]) => (empty || !Number.isFinite(c![k]!) ? '' : String(c![k]!)))].join(','));
  }
  return `${lines.join('\n')}\n`;
}
