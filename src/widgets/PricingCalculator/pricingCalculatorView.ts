/**
 * Pure renderers (HTML strings) for the calculator's outputs, used by the server render
 * (PricingCalculator.astro) and the client alike, so both show identical text.
 * Every number goes through the simulator's one format module (`~/sim`): bill lines use the CLI's own
 * `formatQuantity`, `formatRate` and `formatCost`, so each line reads exactly as `npm run sim -- price`
 * prints it; totals use `formatUsd`.
 */
import { formatCost, formatNumber, formatQuantity, formatRate, formatUsd, MAX_DURATION_MS, US_EAST_1 } from '~/sim';
import type { Bill, Rates } from '~/sim';
import { esc, scrollBox } from '../shared/html.ts';
import type { ChartSpec } from '../shared/chart.ts';
import { MB_PER_VCPU, type MemorySweep } from './pricingCalculatorRun.ts';
import type { PriceState } from './pricingCalculatorState.ts';

/** "Total per month": dollars and cents. */
export function totalText(bill: Bill): string {
  return formatUsd(bill.totalUsd);
}

/** The itemized lines, as the CLI prints them: charge, quantity, unit, rate (USD), cost; notes beneath. */
export function billLinesHtml(bill: Bill): string {
  const rows = bill.lines
    .map(
      (l) =>
        `<tr><th scope="row">${esc(l.label)}${l.note ? `<span class="ll-line-note">${esc(l.note)}</span>` : ''}</th>` +
        `<td>${esc(formatQuantity(l.quantity))}</td><td>${esc(l.unit)}</td><td>${esc(formatRate(l.rate))}</td><td data-line-usd>${esc(formatCost(l.usd))}</td></tr>`,
    )
    .join('');
  return scrollBox(
    'Itemized monthly bill',
    `<table class="ll-table ll-bill"><caption class="sr-only">Itemized monthly bill</caption>` +
    `<thead><tr><th scope="col">Charge</th><th scope="col">Quantity</th><th scope="col">Unit</th><th scope="col">Rate (USD)</th><th scope="col">Cost</th></tr></thead>` +
    `<tbody>${rows}</tbody><tfoot><tr><th scope="row">Total</th><td></td><td></td><td></td><td>${esc(formatCost(bill.totalUsd))}</td></tr></tfoot></table>`,
  );
}

/** A one-line "how this adds up" in words (for the live region). */
export function billSentence(bill: Bill): string {
  const parts = bill.lines.filter((l) => l.usd > 0).map((l) => `${l.label} ${formatCost(l.usd)}`);
  return `Total per month ${formatUsd(bill.totalUsd)}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/** Money on the chart's axis: three significant digits, thousands grouped like the bill ("$1,230,000", "$20.8"). */
export function axisUsd(v: number): string {
  const r = Number(v.toPrecision(3));
  return Math.abs(r) >= 1 ? formatUsd(r).replace(/\.00$/, '') : `$${r}`;
}

/** Why some memory sizes have no point ("" when none is missing). */
export function missingText(sweep: MemorySweep): string {
  if (!sweep.missing.length) return '';
  const sizes = sweep.missing.map((m) => `${formatNumber(m.memoryMb)} MB`);
  const list = sizes.length > 1 ? `${sizes.slice(0, -1).join(', ')} and ${sizes.at(-1)}` : sizes[0];
  const p = sweep.missing[0]!.problem;
  const why = p.key === 'durationMs' || p.key === 'pcDurationMs' ? `the assumed duration there is beyond Lambda's 15-minute limit (${formatNumber(MAX_DURATION_MS)} ms)` : p.message;
  return ` No point at ${list}: ${why}.`;
}

export function sweepChartSpec(sweep: MemorySweep, s: PriceState, idBase = 'price'): ChartSpec {
  const assumption =
    s.cpuShare > 0
      ? `Assumes ${formatNumber(s.cpuShare, 1)}% of your ${formatNumber(s.durationMs)} ms at ${formatNumber(s.memoryMb)} MB is CPU work that speeds up with memory, up to ${s.threads} thread${s.threads > 1 ? 's' : ''}.`
      : 'Duration held constant at every memory size (CPU-bound share 0%): cost grows with memory.';
  let summary: string;
  if (!sweep.cheapest || !sweep.current) summary = 'No requests, so there is no cost per million invocations to chart.';
  else
    summary =
      `At your inputs, the cheapest is ${sweep.cheapest.tie ? 'x86_64 or arm64 (a tie)' : sweep.cheapest.arch} at ${formatNumber(sweep.cheapest.memoryMb)} MB: ${formatUsd(sweep.cheapest.usd)} per million invocations; ` +
      `your ${formatNumber(sweep.current.memoryMb)} MB on ${s.arch} costs ${formatUsd(sweep.current.usd)} per million. ${assumption}`;
  summary += missingText(sweep);
  const marks = [{ x: MB_PER_VCPU, label: '1 vCPU' }];
  if (s.threads > 1 && s.threads * MB_PER_VCPU <= 10240) marks.push({ x: s.threads * MB_PER_VCPU, label: `${s.threads} vCPUs` });
  const idx = sweep.memoryMb.indexOf(s.memoryMb);
  const y = sweep.perMillion[s.arch][idx];
  return {
    id: `${idBase}-chart`,
    title: 'Cost per million invocations by memory size',
    x: { label: 'Memory (MB)', scale: 'log2', format: (v) => formatNumber(v), ticks: [128, 256, 512, 1024, 2048, 4096, 10240] },
    y: { label: 'USD per million invocations', min: 0, format: axisUsd },
    series: [
      { name: 'x86_64', kind: 'line', x: sweep.memoryMb, y: sweep.perMillion.x86_64, tone: 0 },
      { name: 'arm64', kind: 'line', x: sweep.memoryMb, y: sweep.perMillion.arm64, tone: 1, dashed: true },
    ],
    marks,
    points: y !== undefined && Number.isFinite(y) ? [{ x: s.memoryMb, y, label: `Your setting: ${formatNumber(s.memoryMb)} MB, ${formatUsd(y)} per million` }] : [],
    summary,
    tableLabel: 'Data table: cost per million invocations by memory',
    tableColumns: [{ name: 'Assumed average duration (ms)', values: sweep.durationMs, format: (v) => formatNumber(v, 1) }],
  };
}

/** The rates behind every number, with their sources (from src/sim/pricing/rates.ts). */
export function ratesHtml(rates: Rates = US_EAST_1): string {
  const rows: [string, string, string][] = [
    ['Requests', `${formatRate(rates.requestUsd * 1e6)} per million`, 'both architectures'],
    ['Duration, x86_64', rates.x86_64.durationTiers.map((t) => `${formatRate(t.usdPerGbs)}/GB-s${Number.isFinite(t.upToGbs) ? ` to ${formatNumber(t.upToGbs)} GB-s` : ' above'}`).join('; '), 'monthly tiers'],
    ['Duration, arm64', rates.arm64.durationTiers.map((t) => `${formatRate(t.usdPerGbs)}/GB-s${Number.isFinite(t.upToGbs) ? ` to ${formatNumber(t.upToGbs)} GB-s` : ' above'}`).join('; '), 'monthly tiers'],
    ['Provisioned concurrency', `${formatRate(rates.x86_64.pcUsdPerGbs)} (x86_64), ${formatRate(rates.arm64.pcUsdPerGbs)} (arm64) per GB-s enabled`, 'billed in 5-minute steps; no free tier'],
    ['Duration on provisioned', `${formatRate(rates.x86_64.pcDurationUsdPerGbs)} (x86_64), ${formatRate(rates.arm64.pcDurationUsdPerGbs)} (arm64) per GB-s`, ''],
    ['Ephemeral storage', `${formatRate(rates.ephemeralUsdPerGbs)} per GB-s above ${rates.ephemeralFreeMb} MB`, ''],
    ['Free tier', `${formatNumber(rates.freeRequests)} requests and ${formatNumber(rates.freeGbs)} GB-s a month`, 'x86_64 and arm64 together'],
  ];
  return scrollBox(
    'Rates used',
    `<table class="ll-table"><thead><tr><th scope="col">Item</th><th scope="col">Rate (${esc(rates.region)}, as of ${esc(rates.asOf)})</th><th scope="col">Note</th></tr></thead><tbody>` +
    rows.map(([a, b, c]) => `<tr><th scope="row">${esc(a)}</th><td>${esc(b)}</td><td>${esc(c)}</td></tr>`).join('') +
    `</tbody></table>`,
  );
}
