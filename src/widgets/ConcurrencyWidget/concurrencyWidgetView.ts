/**
 * Pure renderers for the concurrency widget (server render and client alike): the chart of concurrency
 * against the limits with throttled stretches marked, the requests chart (arrived vs throttled), and
 * the readout (Little's law beside the simulated mean, Erlang-B beside the simulated throttle ratio).
 */
import { formatCompact, formatNumber, formatPercent } from '~/sim';
import { esc, readoutItem as item, scrollBox } from '../shared/html.ts';
import type { ChartSeries, ChartSpec } from '../shared/chart.ts';
import type { ConcurrencyResult } from './concurrencyWidgetRun.ts';
import type { ConcurrencyState } from './concurrencyWidgetState.ts';

const secs = (v: number) => `${formatNumber(v, 1)} s`;
/** At most this many throttled stretches are marked and listed. */
export const MAX_RUNS_SHOWN = 8;

function runsText(r: ConcurrencyResult): string {
  if (!r.runs.length) return 'No request was throttled.';
  const shown = r.runs.slice(0, MAX_RUNS_SHOWN).map((x) => `${formatNumber(x.fromS)}–${formatNumber(x.toS)} s (${formatNumber(x.throttles)})`);
  const more = r.runs.length > MAX_RUNS_SHOWN ? ` and ${r.runs.length - MAX_RUNS_SHOWN} more` : '';
  return `Throttled (429) in ${r.runs.length === 1 ? 'one stretch' : `${r.runs.length} stretches`}: ${shown.join(', ')}${more}.`;
}

export function capLabel(s: ConcurrencyState): string {
  return s.useReserved ? 'Reserved concurrency (cap)' : 'Account concurrency limit';
}

export function concurrencyChartSpec(s: ConcurrencyState, r: ConcurrencyResult, idBase = 'conc'): ChartSpec {
  const x2 = [0, r.windowS];
  const top = Math.max(1, r.summary.peakConcurrency, s.provisioned);
  const capShown = r.cap <= 3 * top;
  const series: ChartSeries[] = [{ name: 'Busy environments (peak)', kind: 'step', x: r.t, y: r.peak, tone: 0 }];
  if (capShown) series.push({ name: capLabel(s), kind: 'line', x: x2, y: [r.cap, r.cap], tone: 1, dashed: true });
  if (s.provisioned > 0) series.push({ name: 'Provisioned concurrency', kind: 'line', x: x2, y: [s.provisioned, s.provisioned], tone: 2, dashed: true });
  if (r.scalingLimit) series.push({ name: 'Scaling limit (+1,000 at once, then 100/s)', kind: 'line', x: r.scalingLimit.t, y: r.scalingLimit.y, tone: 3, dashed: true });
  const points = r.runs.slice(0, MAX_RUNS_SHOWN).map((x) => {
    const i = Math.min(r.t.length - 1, Math.max(0, Math.floor(x.fromS / r.pointS)));
    return { x: x.fromS, y: r.peak[i] ?? 0, tone: 1 as const, label: `Throttled from ${secs(x.fromS)} to ${secs(x.toS)}: ${formatNumber(x.throttles)} requests` };
  });
  const capText = capShown ? '' : ` The ${capLabel(s).toLowerCase()} (${formatNumber(r.cap)}) is far above the chart.`;
  return {
    id: `${idBase}-chart`,
    title: 'Concurrency against the limits over time',
    x: { label: 'Time (s)', min: 0, max: r.windowS, format: (v) => formatNumber(v) },
    y: { label: 'Busy environments', min: 0, format: formatCompact },
    series,
    points,
    summary: `Peak concurrency ${formatNumber(r.summary.peakConcurrency)} against a cap of ${formatNumber(r.cap)}${s.provisioned > 0 ? ` with ${formatNumber(s.provisioned)} provisioned` : ''}. ${runsText(r)} Orange dots mark where each throttled stretch starts.${r.scalingLimit ? ' The gray dashed line is the scaling limit: the environments existing when the spike starts, plus 1,000 at once, plus 100 per second; concurrency climbs along it.' : ''}${capText}`,
    tableLabel: `Data table: busy environments by time (${formatNumber(r.pointS)}-second steps)`,
  };
}

export function requestsChartSpec(r: ConcurrencyResult, idBase = 'conc'): ChartSpec {
  return {
    id: `${idBase}-requests`,
    title: 'Requests per second: arrived and throttled',
    x: { label: 'Time (s)', min: 0, max: r.windowS, format: (v) => formatNumber(v) },
    y: { label: 'Requests per second', min: 0, format: formatCompact },
    series: [
      { name: 'Arrived', kind: 'step', x: r.t, y: r.arrivalsPerS, tone: 0 },
      { name: 'Throttled (429)', kind: 'area', x: r.t, y: r.throttlesPerS, tone: 1 },
    ],
    summary: `${formatNumber(r.summary.invocations)} requests arrived; ${formatNumber(r.summary.throttles)} (${formatPercent(r.summary.throttleRatio)}) were throttled${r.summary.scalingThrottles > 0 ? `, ${formatNumber(r.summary.scalingThrottles)} of them because the scaling rate (1,000 new environments per 10 s) had no token left` : ''}.`,
    tableLabel: `Data table: requests per second by time (${formatNumber(r.pointS)}-second steps)`,
  };
}

/** "70,118 by the scaling rate, 12 at the cap" (empty when nothing was throttled). */
export function throttleSplit(r: ConcurrencyResult): string {
  const atCap = r.summary.throttles - r.summary.scalingThrottles;
  const parts = [r.summary.scalingThrottles > 0 ? `${formatNumber(r.summary.scalingThrottles)} by the scaling rate` : '', atCap > 0 ? `${formatNumber(atCap)} at the cap` : ''];
  return parts.filter(Boolean).join(', ');
}

export function readoutHtml(s: ConcurrencyState, r: ConcurrencyResult): string {
  const es = s.durationMs / 1000;
  const erl =
    r.erlangB === null
      ? item('Erlang-B expectation', 'erlang', 'n/a', 'Applies to steady traffic under a fixed cap.')
      : item('Erlang-B expectation', 'erlang', formatPercent(r.erlangB, 2), `B(${formatNumber(r.cap)}, ${formatNumber(r.littleOffered, 2)}): the throttled share of steady Poisson traffic under the cap${r.summary.scalingThrottles > 0 ? '; the scaling ramp adds throttles it does not count' : ''}.`);
  return (
    `<div class="ll-readout">` +
    item('Requests', 'requests', formatNumber(r.summary.invocations)) +
    item('Throttled', 'throttled', `${formatNumber(r.summary.throttles)} (${formatPercent(r.summary.throttleRatio, 2)})`, throttleSplit(r)) +
    item('Peak concurrency', 'peak', formatNumber(r.summary.peakConcurrency)) +
    item("Little's law: rate × duration", 'little', formatNumber(r.littleOffered, 1), `${formatNumber(r.offeredRate, 1)} requests/s × ${formatNumber(es, 3)} s; served only: ${formatNumber(r.littleCarried, 1)}`) +
    item('Simulated mean concurrency', 'mean-busy', formatNumber(r.summary.meanBusy, 1)) +
    erl +
    item('Simulated throttle ratio', 'sim-throttle', formatPercent(r.summary.throttleRatio, 2)) +
    `</div>` +
    (r.summary.truncated ? `<p class="ll-note" data-out="warning">Stopped early: ${esc(r.summary.warnings.join('; '))}</p>` : '')
  );
}

export function statusText(r: ConcurrencyResult, ms: number | null): string {
  if (ms === null) return `Default scenario, simulated at build time: ${formatNumber(r.summary.invocations)} requests.`;
  return `Simulated ${formatNumber(r.summary.invocations)} requests in ${formatNumber(ms, 0)} ms (in a Web Worker).`;
}
