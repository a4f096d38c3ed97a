import { alignSeries } from './alignSeries.ts';
import { sizeError } from './importLimits.ts';
import { parseTimestamp } from './parseTimestamp.ts';
import { splitJsonDocuments } from './splitJsonDocuments.ts';
import type { ImportResult, RawSeries, SeriesRole } from './types.ts';

/**
 * Reads what `aws cloudwatch get-metric-data` prints
 * (https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/get-metric-data.html and the
 * MetricDataResult type, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataResult.html,
 * as of 2026-11):
 *
 *   { "MetricDataResults": [ { "Id": "inv", "Label": "Invocations", "Timestamps": ["2026-11-02T14:05:00+00:00", …],
 *                              "Values": [1234.0, …], "StatusCode": "Complete" }, … ],
 *     "Messages": [], "NextToken": "…" (only when more pages exist) }
 *
 * Several pages may be concatenated in one file or given as a JSON array; results with one Id are joined.
 * Timestamps may be in any order (descending by default, `TimestampDescending`). A `NextToken` on the last
 * page or a `PartialData` status is a warning (data missing at the end); `InternalError`/`Forbidden` is an error.
 */
export function parseCloudWatchJson(text: string, roles: Readonly<Record<string, SeriesRole>> = {}): ImportResult {
  const big = sizeError(text.length);
  if (big) return { ok: false, error: big };
  let docs: unknown[];
  try {
    const one: unknown = JSON.parse(text);
    docs = Array.isArray(one) ? one : [one];
  } catch {
    const parts = splitJsonDocuments(text);
    if (!parts || parts.length === 0) return { ok: false, error: 'not JSON: expected the output of aws cloudwatch get-metric-data ({"MetricDataResults": [...]})' };
    docs = [];
    for (let p = 0; p < parts.length; p++) {
      try {
        docs.push(JSON.parse(parts[p]!));
      } catch (e) {
        return { ok: false, error: `page ${p + 1} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
      }
    }
  }
  const byId = new Map<string, RawSeries>();
  const offsets = new Map<string, [number, string][]>();
  const warnings: string[] = [];
  for (let p = 0; p < docs.length; p++) {
    const doc = docs[p] as Record<string, unknown> | null;
    const results = doc && typeof doc === 'object' ? doc['MetricDataResults'] : undefined;
    if (!Array.isArray(results)) return { ok: false, error: `page ${p + 1}: no "MetricDataResults" array; expected the output of aws cloudwatch get-metric-data` };
    if (p === docs.length - 1 && typeof doc!['NextToken'] === 'string')
      warnings.push('the last page has a NextToken: more data exists; run get-metric-data again with --next-token and append its output');
    for (let r = 0; r < results.length; r++) {
      const res = results[r] as Record<string, unknown>;
      const at = `page ${p + 1} MetricDataResults[${r}]`;
      const id = typeof res?.['Id'] === 'string' ? res['Id'] : `m${r}`;
      const label = typeof res?.['Label'] === 'string' ? res['Label'] : id;
      const ts = res?.['Timestamps'];
      const vs = res?.['Values'];
      if (!Array.isArray(ts) || !Array.isArray(vs)) return { ok: false, error: `${at} ("${label}"): Timestamps and Values must be arrays` };
      if (ts.length !== vs.length) return { ok: false, error: `${at} ("${label}"): ${ts.length} Timestamps but ${vs.length} Values` };
      const status = res['StatusCode'];
      if (status === 'InternalError' || status === 'Forbidden') return { ok: false, error: `${at} ("${label}"): StatusCode ${status}; CloudWatch did not return this series` };
      if (status === 'PartialData') warnings.push(`${at} ("${label}"): StatusCode PartialData; fetch the next page with --next-token`);
      let s = byId.get(id);
      if (!s) {
        const pages: [number, string][] = [];
        // where(i): the page and index a joined point came from, for messages
        const where = (i: number) => {
          let k = pages.length - 1;
          while (k > 0 && pages[k]![0] > i) k--;
          return `${pages[k]![1]}.Values[${i - pages[k]![0]}]`;
        };
        s = { name: label, alias: id, times: [], values: [], where };
        byId.set(id, s);
        offsets.set(id, pages);
      }
      offsets.get(id)!.push([s.times.length, at]);
      for (let i = 0; i < ts.length; i++) {
        s.times.push(parseTimestamp(ts[i]));
        s.values.push(vs[i] as number);
      }
    }
  }
  const out = alignSeries([...byId.values()], 'cloudwatch-json', roles);
  if (out.ok) out.value.warnings.unshift(...warnings);
  return out;
}
