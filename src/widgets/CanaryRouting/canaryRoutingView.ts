/**
 * Pure renderers for the canary-routing widget (server and client): the request split (an SVG bar), a
 * per-version table (requests, cold starts, errors), the readout and the chart of cold starts across
 * canary weights, with a text summary and data table.
 */
import { formatNumber, formatPercent } from '~/sim';
import { esc, readoutItem as item, scrollBox } from '../shared/html.ts';
import type { ChartSpec } from '../shared/chart.ts';
import type { CanaryResult, WeightRun } from './canaryRoutingRun.ts';
import type { CanaryState } from './canaryRoutingState.ts';

const pct = (v: number) => `${formatNumber(v, 1)}%`;

export function splitSvg(r: WeightRun): string {
  const total = r.stable.requests + r.canary.requests;
  const share = total > 0 ? r.canary.requests / total : 0;
  const W = 640;
  const wB = Math.round(share * W * 10) / 10;
  const label = `Request split: stable ${formatNumber(r.stable.requests)} (${formatPercent(1 - share)}), canary ${formatNumber(r.canary.requests)} (${formatPercent(share)})`;
  return (
    `<svg class="ll-chart-svg" width="100%" height="28" viewBox="0 0 ${W} 28" role="img" aria-label="${esc(label)}" preserveAspectRatio="none">` +
    `<rect class="ll-tone-0" x="0" y="4" width="${Math.round((W - wB) * 10) / 10}" height="20"/>` +
    (wB > 0 ? `<rect class="ll-tone-1" x="${Math.round((W - wB) * 10) / 10}" y="4" width="${wB}" height="20"/>` : '') +
    `</svg>`
  );
}

export function versionTable(s: CanaryState, r: WeightRun): string {
  const total = r.stable.requests + r.canary.requests;
  const row = (name: string, key: string, weight: number, v: WeightRun['stable'], p: number) =>
    `<tr data-version="${key}"><th scope="row">${esc(name)}</th><td>${esc(pct(weight))}</td>` +
    `<td data-out="${key}-requests">${esc(formatNumber(v.requests))}${v.approximate ? '+' : ''}</td><td>${esc(formatPercent(total > 0 ? v.requests / total : 0))}</td>` +
    `<td data-out="${key}-cold">${esc(formatNumber(v.coldStarts))}</td>` +
    `<td data-out="${key}-errors">${esc(formatNumber(v.errors))}</td><td data-out="${key}-error-rate">${esc(v.requests > 0 ? formatPercent(v.errorRate, 2) : '—')}</td><td>${esc(pct(p))}</td></tr>`;
  return scrollBox(
    'Requests, cold starts and errors by version',
    `<table class="ll-table"><caption class="sr-only">Requests, cold starts and errors by version</caption>` +
    `<thead><tr><th scope="col">Version</th><th scope="col">Weight</th><th scope="col">Requests</th><th scope="col">Share</th><th scope="col">Cold starts</th><th scope="col">Errors</th><th scope="col">Error rate seen</th><th scope="col">Error probability set (what-if)</th></tr></thead>` +
    `<tbody>${row('Stable version', 'stable', 100 - s.weight, r.stable, s.errorA)}${row('Canary version', 'canary', s.weight, r.canary, s.errorB)}</tbody></table>`,
  );
}

export function readoutHtml(res: CanaryResult): string {
  const r = res.current;
  const total = r.stable.requests + r.canary.requests;
  const errors = r.stable.errors + r.canary.errors;
  const diff = r.summary.coldStarts - res.baseline.summary.coldStarts;
  return (
    `<div class="ll-readout">` +
    item('Requests to the canary', 'canary-share', formatPercent(total > 0 ? r.canary.requests / total : 0), `${formatNumber(r.canary.requests)} of ${formatNumber(total)}`) +
    item("Cold starts of the canary's own environments", 'canary-cold', formatNumber(r.canary.coldStarts), `stable version: ${formatNumber(r.stable.coldStarts)}`) +
    item('Cold starts in total', 'total-cold', formatNumber(r.summary.coldStarts), `${formatNumber(res.baseline.summary.coldStarts)} with no canary (same seed): ${diff >= 0 ? '+' : '−'}${formatNumber(Math.abs(diff))}`) +
    item('Error rate callers see', 'overall-error', formatPercent(total > 0 ? errors / total : 0, 2), `${formatNumber(errors)} failed requests`) +
    `</div>` +
    (r.summary.throttles > 0 ? `<p class="ll-note" data-out="throttles">${formatNumber(r.summary.throttles)} requests were throttled (the run is over the concurrency limit); they are not split by version.</p>` : '') +
    (r.truncated ? `<p class="ll-note">The environment trace was capped: counts marked + are lower bounds.</p>` : '')
  );
}

export function sweepChartSpec(s: CanaryState, res: CanaryResult, idBase = 'canary'): ChartSpec {
  const w = res.sweep.map((r) => r.weight);
  const cur = res.current;
  const peak = res.sweep.reduce((a, b) => (b.summary.coldStarts > a.summary.coldStarts ? b : a), res.sweep[0]!);
  return {
    id: `${idBase}-chart`,
    title: 'Cold starts by canary weight',
    x: { label: 'Canary weight (%)', min: 0, max: 100, format: (v) => `${formatNumber(v)}%` },
    y: { label: 'Cold starts', min: 0, format: (v) => formatNumber(v) },
    series: [
      { name: 'All cold starts', kind: 'line', x: w, y: res.sweep.map((r) => r.summary.coldStarts), tone: 0 },
      { name: "Canary's own environments", kind: 'line', x: w, y: res.sweep.map((r) => r.canary.coldStarts), tone: 1, dashed: true },
      { name: 'Stable version', kind: 'line', x: w, y: res.sweep.map((r) => r.stable.coldStarts), tone: 2, dashed: true },
    ],
    points: [{ x: s.weight, y: cur.summary.coldStarts, label: `Your weight ${pct(s.weight)}: ${formatNumber(cur.summary.coldStarts)} cold starts` }],
    summary:
      `Same traffic and seed at each weight. With no canary: ${formatNumber(res.baseline.summary.coldStarts)} cold starts; at your ${pct(s.weight)}: ${formatNumber(cur.summary.coldStarts)}, ` +
      `${formatNumber(cur.canary.coldStarts)} of them in the canary's own environments. The most, ${formatNumber(peak.summary.coldStarts)}, at ${pct(peak.weight)}: each version keeps its own pool of warm environments.`,
    tableLabel: 'Data table: cold starts by canary weight',
  };
}

export function statusText(res: CanaryResult, ms: number | null): string {
  const n = res.sweep.reduce((a, r) => a + r.summary.invocations, 0);
  if (ms === null) return `Default scenario, simulated at build time: ${formatNumber(res.sweep.length)} runs, ${formatNumber(n)} requests.`;
  return `Simulated ${formatNumber(res.sweep.length)} runs (${formatNumber(n)} requests) in ${formatNumber(ms, 0)} ms (in a Web Worker).`;
}
