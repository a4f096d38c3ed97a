import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCloudWatchJson, parseConsoleCsv, parseMetrics, traceToMetrics, parseTrace, isoFromUnix, unixFromCivil, MAX_IMPORT_BYTES } from '~/sim/index.ts';
import { parseTimestamp } from '~/sim/import/parseTimestamp.ts';
import { seriesRole } from '~/sim/import/seriesRole.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/cloudwatch', name), 'utf8');
const T0 = unixFromCivil(2026, 11, 2, 14, 0, 0);

/** A minimal get-metric-data document from [id, label, [[iso, value], ...]] triples. */
function gmd(...series: [string, string, [string | number, unknown][]][]): string {
  return JSON.stringify({
    MetricDataResults: series.map(([Id, Label, pts]) => ({ Id, Label, Timestamps: pts.map((p) => p[0]), Values: pts.map((p) => p[1]), StatusCode: 'Complete' })),
    Messages: [],
  });
}
const ok = (r: ReturnType<typeof parseMetrics>) => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const err = (r: ReturnType<typeof parseMetrics>) => (r.ok ? '(parsed)' : r.error);

describe('timestamps without the host clock', () => {
  it('reads the forms the AWS CLI and the console write', () => {
    expect(parseTimestamp('2026-11-02T14:00:00+00:00')).toBe(T0);
    expect(parseTimestamp('2026-11-02T14:00:00Z')).toBe(T0);
    expect(parseTimestamp('2026-11-02 14:00:00')).toBe(T0);
    expect(parseTimestamp('2026-11-02T16:00:00+02:00')).toBe(T0);
    expect(parseTimestamp('2026-11-02T14:00:00.000Z')).toBe(T0);
    expect(parseTimestamp(T0)).toBe(T0);
    expect(parseTimestamp(T0 * 1000)).toBe(T0);
    expect(parseTimestamp('2026-13-02T14:00:00Z')).toBeNaN();
    expect(parseTimestamp('yesterday')).toBeNaN();
  });
  it('round-trips the calendar (checked against Date in the test only)', () => {
    for (const t of [0, 951782400, 1_700_000_000, T0, 4_102_444_800]) {
      expect(isoFromUnix(t)).toBe(new Date(t * 1000).toISOString().replace('.000', ''));
      expect(parseTimestamp(isoFromUnix(t))).toBe(t);
    }
  });
});

describe('which series is which', () => {
  it('by Lambda metric name and statistic', () => {
    expect(seriesRole('Invocations')).toBe('invocations');
    expect(seriesRole('Duration')).toBe('durationAvg');
    expect(seriesRole('Duration (p99)')).toBe('durationP99');
    expect(seriesRole('duration_p50')).toBe('durationP50');
    expect(seriesRole('Duration p95')).toBeNull();
    expect(seriesRole('ConcurrentExecutions (Maximum)')).toBe('concurrencyMax');
    expect(seriesRole('Throttles')).toBe('throttles');
    expect(seriesRole('Errors')).toBeNull();
  });
});

describe('aws cloudwatch get-metric-data JSON', () => {
  it('reads the CLI output (descending time, one Label for two Duration statistics, an empty series)', () => {
    const t = ok(parseCloudWatchJson(fixture('get-metric-data.json')));
    expect(t.source).toBe('cloudwatch-json');
    expect(t.periodS).toBe(60);
    expect(t.startS).toBe(T0);
    expect(t.periods).toBe(5);
    expect([...t.invocations]).toEqual([1199, 1215, 1302, 1187, 1260]);
    expect([...t.durationAvgMs]).toEqual([117.5, 125.33, 119.9, 121.07, 118.42]);
    expect([...t.durationP99Ms!]).toEqual([399.2, 420.77, 415, 388.64, 402.1]);
    expect(t.durationP50Ms).toBeNull();
    expect([...t.concurrencyMax!]).toEqual([8, 9, 10, 8, 9]);
    expect(t.gapRows).toEqual([]);
  });
  it('joins concatenated pages, reports the gap and the NextToken/PartialData', () => {
    const t = ok(parseCloudWatchJson(fixture('two-pages.json')));
    expect(t.periodS).toBe(300);
    expect(t.periods).toBe(5);
    expect([...t.invocations]).toEqual([120, 0, 180, 240, 300]);
    expect(t.gapRows).toEqual([1]);
    expect(t.warnings.join('\n')).toMatch(/PartialData/);
    expect(t.warnings.join('\n')).toMatch(/gaps: Invocations has no datapoint in 1 of 5 periods \(rows 2\)/);
    expect(t.warnings.join('\n')).not.toMatch(/NextToken/); // the last page has none
  });
  it('accepts pages as a JSON array, and warns about a NextToken on the last page', () => {
    const page = JSON.parse(fixture('get-metric-data.json')) as Record<string, unknown>;
    const t = ok(parseCloudWatchJson(JSON.stringify([page, { ...page, NextToken: 'x' }])));
    expect(t.periods).toBe(5);
    expect(t.warnings.join('\n')).toMatch(/NextToken: more data exists/);
  });
  const inv = (pts: [string | number, unknown][]) => ['inv', 'Invocations', pts] as [string, string, [string | number, unknown][]];
  const dur = (pts: [string | number, unknown][]) => ['dur', 'Duration', pts] as [string, string, [string | number, unknown][]];
  const at = (min: number) => isoFromUnix(T0 + min * 60);
  it.each([
    ['missing Duration', gmd(inv([[at(0), 1], [at(1), 2]])), /missing series: Duration \(Average\)/],
    ['missing Invocations', gmd(dur([[at(0), 1], [at(1), 2]])), /missing series: Invocations \(Sum\)/],
    ['negative value', gmd(inv([[at(0), 1], [at(1), -2]]), dur([[at(0), 1], [at(1), 2]])), /page 1 MetricDataResults\[0\]\.Values\[1\]: value of "Invocations" is negative/],
    ['unparsable timestamp', gmd(inv([[at(0), 1], ['soon', 2]]), dur([[at(0), 1]])), /MetricDataResults\[0\]\.Values\[1\]: timestamp of "Invocations" does not parse/],
    ['mixed periods', gmd(inv([[at(0), 1], [at(1), 2], [at(2), 3]]), dur([[at(0), 1], [isoFromUnix(T0 + 90), 2]])), /mixed periods: .*MetricDataResults\[1\]\.Values\[1\] of "Duration"/],
    ['period under 60 s', gmd(inv([[at(0), 1], [isoFromUnix(T0 + 10), 2]]), dur([[at(0), 1]])), /period is 10 s; at least 60 s/],
    ['two values at one time', gmd(inv([[at(0), 1], [at(0), 2], [at(1), 1]]), dur([[at(0), 1]])), /has two values \(1 and 2\) for 2026-11-02T14:00:00Z/],
    ['a Sum that is not a count', gmd(inv([[at(0), 1.5], [at(1), 2]]), dur([[at(0), 1]])), /Invocations \(Sum\) must be a whole count; got 1.5/],
    ['two Invocations series', gmd(inv([[at(0), 1], [at(1), 2]]), ['inv2', 'Invocations', [[at(0), 1]]], dur([[at(0), 1]])), /two series are Invocations \(Sum\)/],
    ['not JSON', '{"MetricDataResults": [', /not JSON/],
    ['wrong document', '{"Datapoints": []}', /no "MetricDataResults" array/],
    ['lengths differ', '{"MetricDataResults":[{"Id":"a","Label":"Invocations","Timestamps":[1],"Values":[]}]}', /1 Timestamps but 0 Values/],
    ['InternalError', '{"MetricDataResults":[{"Id":"a","Label":"Invocations","Timestamps":[],"Values":[],"StatusCode":"InternalError"}]}', /StatusCode InternalError/],
  ])('%s → a message naming it and where', (_name, text, re) => {
    expect(err(parseCloudWatchJson(text))).toMatch(re);
  });
  it('states the size cap', () => {
    expect(err(parseCloudWatchJson(' '.repeat(MAX_IMPORT_BYTES + 1)))).toMatch(/at most 64 MB is accepted/);
  });
  it('lets flags say which series is which', () => {
    const text = gmd(['a', 'calls', [[at(0), 5], [at(1), 6]]], ['b', 'time', [[at(0), 100], [at(1), 110]]]);
    expect(err(parseCloudWatchJson(text))).toMatch(/missing series/);
    const t = ok(parseCloudWatchJson(text, { calls: 'invocations', b: 'durationAvg' }));
    expect([...t.invocations]).toEqual([5, 6]);
  });
});

describe('console "Download as CSV"', () => {
  it('reads the graph export, with an empty row as a gap', () => {
    const t = ok(parseConsoleCsv(fixture('console-graph.csv')));
    expect(t.source).toBe('console-csv');
    expect(t.periodS).toBe(60);
    expect(t.startS).toBe(T0);
    expect([...t.invocations]).toEqual([1199, 1215, 0, 1187]);
    expect(t.gapRows).toEqual([2]);
    expect([...t.durationP90Ms!].slice(0, 2)).toEqual([210.4, 220.1]);
    expect([...t.throttles!]).toEqual([0, 0, NaN, 2]);
  });
  it('parseMetrics tells JSON from CSV', () => {
    expect(ok(parseMetrics(fixture('console-graph.csv'))).source).toBe('console-csv');
    expect(ok(parseMetrics(fixture('get-metric-data.json'))).source).toBe('cloudwatch-json');
  });
  it.each([
    ['a bad timestamp', 'Time,Invocations,Duration\n2026-11-02 14:00:00,1,2\nlater,1,2\n', /line 3: timestamp "later" does not parse/],
    ['a short row', 'Time,Invocations,Duration\n2026-11-02 14:00:00,1\n', /line 2: 2 cells; the header has 3/],
    ['a bad number', 'Time,Invocations,Duration\n2026-11-02 14:00:00,1,2\n2026-11-02 14:01:00,x,2\n', /line 3, column 2: value of "Invocations" is not a number/],
    ['no header', '2026-11-02 14:00:00,1,2\n', /the first row is data/],
    ['a negative count', 'Time,Invocations,Duration\n2026-11-02 14:00:00,1,2\n2026-11-02 14:01:00,-1,2\n', /line 3, column 2: value of "Invocations" is negative/],
  ])('%s → the line and the problem', (_n, text, re) => {
    expect(err(parseConsoleCsv(text))).toMatch(re);
  });
});

describe('the --trace CSV', () => {
  it('counts arrivals per minute and keeps every one', () => {
    const tr = parseTrace('t\n0.5\n10\n59.9\n60\n185\n');
    if (!tr.ok) throw new Error(tr.error);
    const t = ok(traceToMetrics(tr.value, 120));
    expect(t.periodS).toBe(60);
    // parseTrace moves the first arrival to t = 0: 0, 9.5, 59.4, 59.5, 184.5 s
    expect([...t.invocations]).toEqual([4, 0, 0, 1]);
    expect(t.durationAvgMs[0]).toBe(120);
    const counts = parseTrace('second,count\n0,10\n59,5\n61,7\n');
    if (!counts.ok) throw new Error(counts.error);
    expect([...ok(traceToMetrics(counts.value, 50)).invocations]).toEqual([15, 7]);
  });
});
