/**
 * Pure renderers for the traffic planner (server and client): the check of the model against the data,
 * the two charts (observed vs simulated peak concurrency; cold starts and throttles), the plan table,
 * the hourly schedule and the notes. Input: the `plan --json` document and the chart columns.
 */
import { PLAN_OPTIONS, type PlanOptionKey } from '~/sim/plan/planTypes.ts';
import type { PlanJson } from '~/sim/plan/planJson.ts';
import type { ChartSpec } from '../shared/chart.ts';
import { formatNumber, formatPercent, formatUsd } from '~/sim/format/index.ts';
import { esc, scrollBox } from '../shared/html.ts';
import type { TrafficColumns } from './trafficPlannerRun.ts';

export const OPTION_LABEL: Record<PlanOptionKey, string> = {
  on_demand_x86_64: 'On-demand, x86_64',
  on_demand_arm64: 'On-demand, arm64',
  provisioned_fixed: 'Provisioned, one level',
  provisioned_schedule: 'Provisioned, hourly schedule',
};

const span = (p: PlanJson) => {
  const h = (p.periods * p.period_s) / 3600;
  return h >= 48 ? `${formatNumber(h / 24, 1)} days` : `${formatNumber(h, 1)} hours`;
};

/** The check, stated before any plan. */
export function checkHtml(p: PlanJson, name: string): string {
  const d = p.details;
  const err = p.concurrency_error === null
    ? 'The export has no ConcurrentExecutions series, so the simulated peaks cannot be checked.'
    : `Simulated peak concurrency per period differs from the observed one by ${formatPercent(p.concurrency_error)} on average (at most ${formatPercent(d.concurrency_error_max ?? NaN)}).`;
  const thr = d.throttles_observed === null ? '' : ` Throttles: ${formatNumber(d.throttles_observed)} observed, ${formatNumber(d.throttles_simulated ?? NaN)} simulated.`;
  return `<p data-out="check-text"><strong>${esc(name)}</strong>: ${formatNumber(p.periods)} periods of ${formatNumber(p.period_s)} s from ${esc(d.start)} (${span(p)}), ` +
    `${formatNumber(p.invocations)} invocations, checked with the per-period model. ${esc(err)}${esc(thr)}</p>` +
    `<p class="ll-note">Durations: ${esc(d.duration_fit)}.</p>`;
}

/** The plan table: each option's cost for the imported span and for a 730-hour month, and its cold starts. */
export function planTableHtml(p: PlanJson): string {
  const cheapest = PLAN_OPTIONS.reduce((a, k) => (p.monthly_usd[k] < p.monthly_usd[a] ? k : a), PLAN_OPTIONS[0]!);
  const rows = PLAN_OPTIONS.map((k) => {
    const level = k === 'provisioned_fixed' ? ` (${p.pc_fixed_level})` : '';
    const cold = p.details.cold_starts_by_option[k];
    return `<tr${k === cheapest ? ' data-cheapest' : ''}><th scope="row">${esc(OPTION_LABEL[k] + level)}${k === cheapest ? ' <span class="ll-note">cheapest</span>' : ''}</th>` +
      `<td>${formatUsd(p.cost_usd[k])}</td><td>${formatUsd(p.monthly_usd[k])}</td><td>${formatNumber(cold, 0)} (${formatPercent(cold / (p.invocations || NaN), 3)})</td></tr>`;
  }).join('');
  return scrollBox('Plan: cost by option', `<table class="ll-table" data-out="plan-table"><caption>Cost by option</caption><thead><tr><th scope="col">Option</th><th scope="col">Imported span</th><th scope="col">Per month (730 h)</th><th scope="col">Cold starts</th></tr></thead><tbody>${rows}</tbody></table>`);
}

/** The 24 hourly levels, the shape of Application Auto Scaling scheduled actions (one per hour, UTC). */
export function scheduleHtml(p: PlanJson): string {
  const head = p.pc_schedule.map((_, h) => `<th scope="col">${String(h).padStart(2, '0')}</th>`).join('');
  const cells = p.pc_schedule.map((v) => `<td>${v}</td>`).join('');
  const met = p.details.target_met;
  return `<p>One level all day: <strong data-out="fixed-level">${p.pc_fixed_level}</strong>${met.fixed ? '' : ' (no level tried meets the cold-start target; this one has the fewest)'}. ` +
    `Hourly schedule${met.schedule ? '' : ' (target not met; fewest cold starts shown)'}:</p>` +
    scrollBox('Hourly provisioned concurrency schedule', `<table class="ll-table" data-out="schedule"><caption>Provisioned concurrency by hour of the day (UTC)</caption><thead><tr><th scope="col">Hour</th>${head}</tr></thead><tbody><tr><th scope="row">Level</th>${cells}</tr></tbody></table>`);
}

export function notesHtml(p: PlanJson): string {
  const thr = p.details.reserved_throttled.filter((r) => r.throttled_invocations > 0);
  const reserved = thr.length
    ? `Reserved concurrency would have throttled: ${thr.map((r) => `${formatNumber(r.reserved)} → ${formatNumber(r.throttled_invocations)} invocations`).join('; ')}.`
    : `No reserved concurrency tried (${p.details.reserved_throttled.map((r) => r.reserved).join(', ')}) would have throttled.`;
  const n = p.throttled_minutes.length;
  const where = p.period_s === 60 ? `${formatNumber(n)} minute${n === 1 ? '' : 's'}` : `${formatNumber(n)} period${n === 1 ? '' : 's'} of ${formatNumber(p.period_s)} s (the data cannot say which minutes inside)`;
  const mins = n ? `The scaling rate throttles in ${where}, first at ${esc(p.throttled_minutes[0]!)}.` : 'The scaling rate never throttles.';
  const warn = p.details.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
  return `<p data-out="reserved">${esc(reserved)}</p><p data-out="scaling">${mins}</p>${warn ? `<ul class="ll-note" data-out="warnings">${warn}</ul>` : ''}`;
}

const hoursFmt = (v: number) => `${formatNumber(v, 1)} h`;

export function peakChartSpec(c: TrafficColumns, p: PlanJson, idBase = 'tp'): ChartSpec {
  const series: ChartSpec['series'] = [{ name: 'Simulated peak', kind: 'step', x: c.hours, y: c.simulatedPeak, tone: 0 }];
  if (c.observedPeak) series.push({ name: 'Observed peak (ConcurrentExecutions Maximum)', kind: 'step', x: c.hours, y: c.observedPeak, tone: 1, dashed: true });
  return {
    id: `${idBase}-peak`,
    title: 'Peak concurrency per period: observed and simulated',
    x: { label: 'Hours from the first period', format: hoursFmt },
    y: { label: 'Concurrent executions', min: 0 },
    series,
    summary: `Highest simulated concurrency ${formatNumber(p.peak_concurrency)}. ` + (p.concurrency_error === null ? 'No observed concurrency in this export.' : `Mean difference from the observed peaks ${formatPercent(p.concurrency_error)}.`) +
      (c.bucketS > p.period_s ? ` Each point is the largest of ${formatNumber(c.bucketS / p.period_s)} periods.` : ''),
    tableLabel: 'Data table: peak concurrency per period',
    tableColumns: [{ name: 'Invocations', values: c.invocations, format: (v) => formatNumber(v, 0) }],
  };
}

export function coldChartSpec(c: TrafficColumns, p: PlanJson, idBase = 'tp'): ChartSpec {
  const series: ChartSpec['series'] = [
    { name: 'Simulated cold starts', kind: 'step', x: c.hours, y: c.simulatedCold, tone: 2 },
    { name: 'Simulated throttles', kind: 'step', x: c.hours, y: c.simulatedThrottles, tone: 0 },
  ];
  if (c.observedThrottles) series.push({ name: 'Observed throttles', kind: 'step', x: c.hours, y: c.observedThrottles, tone: 1, dashed: true });
  const d = p.details;
  return {
    id: `${idBase}-cold`,
    title: 'Cold starts and throttles per period (on-demand)',
    x: { label: 'Hours from the first period', format: hoursFmt },
    y: { label: 'Count per period', min: 0 },
    series,
    summary: `${formatNumber(p.cold_starts)} cold starts on demand (${formatPercent(p.cold_starts / (p.invocations || NaN), 3)} of invocations)` +
      (d.throttles_simulated === null ? '.' : `; ${formatNumber(d.throttles_simulated)} throttles simulated, ${formatNumber(d.throttles_observed ?? NaN)} observed.`),
    tableLabel: 'Data table: cold starts and throttles per period',
  };
}

/** One line for the status bar. */
export function statusText(p: PlanJson, ms: number | null): string {
  return `Planned ${formatNumber(p.invocations)} invocations${ms === null ? ' at build time' : ` in ${formatNumber(ms / 1000, 1)} s in your browser`}.`;
}
