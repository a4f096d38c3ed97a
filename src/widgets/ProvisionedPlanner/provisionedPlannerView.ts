/**
 * Pure renderers for the planner (server and client): the two charts (monthly cost and cold starts
 * against the provisioned level), the readout for the reader's level, and the break-even explanation
 * derived from the rates.
 */
import { formatNumber, formatPercent, formatUsd } from '~/sim';
import { esc, readoutItem } from '../shared/html.ts';
import type { ChartSpec } from '../shared/chart.ts';
import type { AnalyticPlan, BreakEven, LevelResult, PlanResult } from './provisionedPlannerAnalytic.ts';
import { DAYS_PER_MONTH } from './provisionedPlannerAnalytic.ts';
import type { PlannerState } from './provisionedPlannerState.ts';

const rate = (x: number) => `$${x.toPrecision(5)}`;
const ordinal = (k: number) => `${k}${k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;

export function cheapestSimulated(sim: LevelResult[]): LevelResult | null {
  return sim.reduce<LevelResult | null>((best, r) => (!best || r.monthlyUsd < best.monthlyUsd - 1e-9 ? r : best), null);
}

/** Chart 1: monthly cost against the provisioned level (simulated, and the Erlang-B expectation). */
export function costChartSpec(s: PlannerState, analytic: AnalyticPlan, sim: LevelResult[] | null, idBase = 'pcp'): ChartSpec {
  const best = sim ? cheapestSimulated(sim) : null;
  const mine = sim?.find((r) => r.pc === s.pc);
  const summary = sim
    ? `Monthly cost is lowest at ${best!.pc} provisioned environment${best!.pc === 1 ? '' : 's'} (${formatUsd(best!.monthlyUsd)}, simulated); ` +
      `with none it is ${formatUsd(sim[0]!.monthlyUsd)}, at your ${s.pc} it is ${formatUsd(mine?.monthlyUsd ?? NaN)}. ` +
      `The Erlang-B expectation (no INIT charges) is cheapest at ${analytic.cheapestLevel}.`
    : `Simulating… The expected cost (Erlang-B, no INIT charges) is lowest at ${analytic.cheapestLevel} provisioned environment${analytic.cheapestLevel === 1 ? '' : 's'}.`;
  return {
    id: `${idBase}-cost`,
    title: 'Monthly cost against the provisioned concurrency level',
    x: { label: 'Provisioned concurrency (environments)', format: (v) => formatNumber(v, 0), ticks: analytic.levels },
    y: { label: 'USD per month', format: (v) => formatUsd(v).replace(/\.00$/, '') },
    series: [
      { name: `Simulated (seed ${s.seed}), INIT included`, kind: 'line', x: sim ? sim.map((r) => r.pc) : [], y: sim ? sim.map((r) => r.monthlyUsd) : [], tone: 0 },
      { name: 'Expected (Erlang-B), no INIT', kind: 'line', x: analytic.levels, y: analytic.monthlyUsd, tone: 3, dashed: true },
    ],
    marks: [{ x: s.pc, label: 'your level' }],
    points: best ? [{ x: best.pc, y: best.monthlyUsd, label: `Cheapest: ${best.pc}, ${formatUsd(best.monthlyUsd)} a month`, tone: 2 }] : [],
    summary,
    tableLabel: 'Data table: monthly cost by provisioned level',
  };
}

/** Chart 2: cold starts per month against the provisioned level (engine only). */
export function coldChartSpec(s: PlannerState, sim: LevelResult[] | null, levels: number[], idBase = 'pcp'): ChartSpec {
  const mine = sim?.find((r) => r.pc === s.pc);
  const summary = sim
    ? `Cold starts per month fall from ${formatNumber(sim[0]!.coldStarts)} with no provisioned concurrency to ${formatNumber(sim.at(-1)!.coldStarts)} at ${sim.at(-1)!.pc}; ` +
      `at your ${s.pc} there are ${formatNumber(mine?.coldStarts ?? NaN)} (${formatPercent((mine?.coldStarts ?? NaN) / (mine?.requests || NaN), 3)} of requests). ` +
      `Requests use provisioned environments first, so those take the steady base of the traffic — which rarely causes cold starts anyway. ` +
      `Cold starts come from the rare peaks: extra environments that sit idle past the keep-alive and are created again at the next burst. ` +
      `Provisioned concurrency removes them only once it covers those peaks.`
    : 'Simulating cold starts…';
  return {
    id: `${idBase}-cold`,
    title: 'Cold starts per month against the provisioned concurrency level',
    x: { label: 'Provisioned concurrency (environments)', format: (v) => formatNumber(v, 0), ticks: levels },
    y: { label: 'Cold starts per month', min: 0 },
    series: [{ name: `Simulated cold starts (seed ${s.seed})`, kind: 'line', x: sim ? sim.map((r) => r.pc) : [], y: sim ? sim.map((r) => r.coldStarts) : [], tone: 1 }],
    marks: [{ x: s.pc, label: 'your level' }],
    summary,
    tableLabel: 'Data table: cold starts by provisioned level',
  };
}

/** Readout for the reader's level, against on-demand only. */
export function readoutHtml(s: PlannerState, sim: LevelResult[] | null): string {
  const mine = sim?.find((r) => r.pc === s.pc);
  const none = sim?.[0];
  const cell = (label: string, value: string, out: string) => readoutItem(label, out, value);
  if (!mine || !none) return `<div class="ll-readout">${cell('Monthly cost at your level', '…', 'cost')}${cell('Cold starts per month', '…', 'cold')}</div>`;
  const diff = mine.monthlyUsd - none.monthlyUsd;
  return (
    `<div class="ll-readout">` +
    cell(`Monthly cost at ${s.pc} provisioned`, formatUsd(mine.monthlyUsd), 'cost') +
    cell('On demand only', formatUsd(none.monthlyUsd), 'cost0') +
    cell('Difference from on demand only', `${diff >= 0 ? '+' : ''}${formatUsd(diff)}`, 'diff') +
    cell(`Cold starts per month at ${s.pc}`, formatNumber(mine.coldStarts), 'cold') +
    cell('Cold starts, on demand only', formatNumber(none.coldStarts), 'cold0') +
    cell('Requests served by provisioned', formatPercent(mine.requests > 0 ? mine.pcRequests / mine.requests : 0), 'pcshare') +
    cell('Provisioned utilisation', s.pc > 0 ? formatPercent(mine.pcUtilisation) : '—', 'util') +
    (mine.day.throttles > 0 ? cell('Throttled per month (account limit 1,000)', formatNumber(mine.day.throttles * DAYS_PER_MONTH), 'throttles') : '') +
    `</div>`
  );
}

/** The break-even in words, every number from the rates and the Erlang-B busy shares. */
export function breakEvenHtml(be: BreakEven, analytic: AnalyticPlan): string {
  const u = be.utilisation;
  const shown = analytic.busyShare.slice(0, Math.max(3, Math.min(analytic.cheapestLevel + 1, 6)));
  const busyText = shown.map((b, i) => `the ${ordinal(i + 1)} ${formatPercent(b, 0)}`).join(', ');
  const k = analytic.cheapestLevel;
  const verdict =
    k === 0
      ? 'so no provisioned environment pays for itself on cost alone; provisioned concurrency here buys fewer cold starts, not savings.'
      : `so provisioning pays for itself up to ${k} environment${k === 1 ? '' : 's'}: beyond that, each extra one is busy less than ${formatPercent(u, 0)} of the day and costs more than the on-demand work it replaces.`;
  return (
    `<p>A provisioned environment costs ${rate(be.pcUsdPerGbs)} per GB-s for being on, plus ${rate(be.pcDurationUsdPerGbs)} per GB-s while it runs a request; ` +
    `on demand costs ${rate(be.onDemandUsdPerGbs)} per GB-s, only while it runs (${esc(be.arch)}, us-east-1, first tier). ` +
    `An environment busy a share <em>u</em> of the time costs the same both ways when ${rate(be.pcUsdPerGbs)} + ${rate(be.pcDurationUsdPerGbs)}·<em>u</em> = ${rate(be.onDemandUsdPerGbs)}·<em>u</em>, ` +
    `that is at <em>u</em> = ${rate(be.pcUsdPerGbs)} ÷ (${rate(be.onDemandUsdPerGbs)} − ${rate(be.pcDurationUsdPerGbs)}) = <strong data-out="breakeven">${formatPercent(u)}</strong>. ` +
    `Requests cost the same either way, and INIT time of on-demand cold starts (billed since 2025-08-01) tilts it slightly toward provisioned.</p>` +
    `<p>Requests go to an idle provisioned environment first, so the first one is the busiest. With your traffic, averaged over the day, ${busyText} of the time (Erlang-B, ordered hunting), ${verdict}</p>`
  );
}

export function statusText(r: PlanResult, where: 'build' | 'worker'): string {
  const day = r.sim.reduce((n: number, x) => n + x.day.invocations, 0);
  const how = where === 'build' ? 'at build time' : 'in a background worker';
  return `Simulated ${r.levels.length} levels × one day (${formatNumber(day)} invocations) ${how}${r.ms !== undefined ? ` in ${formatNumber(r.ms, 0)} ms` : ''}; month = day × ${DAYS_PER_MONTH}.`;
}
