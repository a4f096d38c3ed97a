/**
 * Pure renderers (HTML strings and chart specs) for the Memory tuning widget, used by the server render
 * (MemoryTuning.astro) and the client alike, so both show identical text.
 */
import { MB_PER_VCPU, VCPU_STEPS_MB, formatCost, formatNumber, formatPercent, formatQuantity, type Arch, type TunePoint, type TuneResult } from '~/sim';
import { esc, scrollBox } from '../shared/html.ts';
import type { ChartSpec } from '../shared/chart.ts';
import type { TuneView } from './memoryTuningRun.ts';
import type { TuneState } from './memoryTuningState.ts';

const MB = (m: number) => `${formatNumber(m)} MB`;
const MS = (d: number) => `${formatNumber(d, d < 10 ? 2 : 1)} ms`;
const STRATEGY_TEXT = { cost: 'cost', speed: 'speed', balanced: 'balanced' } as const;

/**
 * Vertical marks: 1 vCPU at 1,769 MB, then each further vCPU of the community step table. Only the first
 * is labelled (on a phone the steps are closer than their labels); `MARKS_TEXT` says what the rest are.
 */
export function vcpuMarks(): { x: number; label: string }[] {
  return VCPU_STEPS_MB.map((x, i) => ({ x, label: i === 0 ? '1 vCPU' : '' }));
}

const MARKS_TEXT = `Dotted lines: 1 vCPU at ${formatNumber(MB_PER_VCPU)} MB, then one more every ${formatNumber(MB_PER_VCPU)} MB (${VCPU_STEPS_MB.slice(1).map((m) => formatNumber(m)).join(', ')} MB).`;

function axisX(): ChartSpec['x'] {
  return { label: 'Memory (MB)', scale: 'log2', format: (v) => formatNumber(v), ticks: [128, 256, 512, 1024, 2048, 4096, 10240] };
}

function pickSentence(r: TuneResult, arch: Arch): string {
  const best = r.strategy === 'cost' || r.strategy === 'speed' ? '' : `; best balanced (weight ${formatNumber(r.balanced_weight)}): ${MB(r.best.memory_mb)}`;
  return `${arch}: cheapest ${MB(r.cheapest.memory_mb)} (${MS(r.cheapest.duration_ms)}, ${formatCost(r.cheapest.cost_per_invocation_usd)} per invocation), fastest ${MB(r.fastest.memory_mb)} (${MS(r.fastest.duration_ms)})${best}`;
}

/** The answer in words: what the model says and which size each strategy picks. */
export function summaryText(v: TuneView): string {
  const p = v.input;
  const x = v.byArch.x86_64;
  const cap = p.threads * MB_PER_VCPU;
  const flat = p.cpuShare === 0
    ? 'With no CPU share, duration is the same at every size, so more memory only costs more.'
    : cap < 10240
      ? `Past ${MB(cap)} (${p.threads} vCPU${p.threads > 1 ? 's' : ''} for ${p.threads} thread${p.threads > 1 ? 's' : ''}) more memory no longer speeds it up.`
      : 'Six threads can use CPU up to the 10,240 MB maximum.';
  return (
    `${MS(p.durationMs)} at ${MB(p.atMemoryMb)}, ${formatPercent(p.cpuShare, 0)} of it CPU work on ${p.threads} thread${p.threads > 1 ? 's' : ''}. ${flat} ` +
    `Best by ${STRATEGY_TEXT[x.strategy]} on x86_64: ${MB(x.best.memory_mb)} (${MS(x.best.duration_ms)}, ${formatCost(x.best.cost_per_invocation_usd)} per invocation). ` +
    `${pickSentence(x, 'x86_64')}. ${pickSentence(v.byArch.arm64, 'arm64')}.`
  );
}

export function durationChartSpec(v: TuneView, idBase = 'tune'): ChartSpec {
  const m = v.measured;
  return {
    id: `${idBase}-duration`,
    title: 'Average duration by memory size',
    x: axisX(),
    y: { label: 'Duration (ms)', min: 0, format: (d) => formatNumber(d) },
    series: [
      { name: 'x86_64 (model)', kind: 'line', x: v.grid, y: v.duration.x86_64, tone: 0 },
      { name: 'arm64 (model)', kind: 'line', x: v.grid, y: v.duration.arm64, tone: 1, dashed: true },
    ],
    marks: vcpuMarks(),
    points: m?.measured?.map((r) => ({ x: r.memory_mb, y: r.duration_ms, tone: 2 as const, label: `Measured: ${MB(r.memory_mb)}, ${MS(r.duration_ms)}` })) ?? [],
    summary: `Modelled duration falls from ${MS(v.duration.x86_64[0]!)} at 128 MB to ${MS(v.duration.x86_64[v.duration.x86_64.length - 1]!)} at 10,240 MB on x86_64${v.input.armDurationFactor !== 1 ? `; arm64 runs ×${formatNumber(v.input.armDurationFactor)} as long` : ' (arm64 set to the same speed)'}.${m ? ` Dots: ${m.measured!.length} measured points.` : ''} ${MARKS_TEXT}`,
    tableLabel: 'Data table: duration by memory',
  };
}

export function costChartSpec(v: TuneView, idBase = 'tune'): ChartSpec {
  const x = v.byArch.x86_64;
  const a = v.byArch.arm64;
  return {
    id: `${idBase}-cost`,
    title: 'Cost per million invocations by memory size',
    x: axisX(),
    y: { label: 'USD per million invocations', min: 0, format: (c) => `$${Number(c.toPrecision(3))}` },
    series: [
      { name: 'x86_64', kind: 'line', x: v.grid, y: v.costPerMillion.x86_64, tone: 0 },
      { name: 'arm64', kind: 'line', x: v.grid, y: v.costPerMillion.arm64, tone: 1, dashed: true },
    ],
    marks: vcpuMarks(),
    points: [
      { x: x.best.memory_mb, y: x.best.cost_per_invocation_usd * 1e6, label: `Best by ${x.strategy}, x86_64: ${MB(x.best.memory_mb)}` },
      { x: a.best.memory_mb, y: a.best.cost_per_invocation_usd * 1e6, tone: 1, label: `Best by ${a.strategy}, arm64: ${MB(a.best.memory_mb)}` },
    ],
    summary: `Cheapest of the table's sizes: ${MB(x.cheapest.memory_mb)} on x86_64 (${formatCost(x.cheapest.cost_per_invocation_usd * 1e6)} per million), ${MB(a.cheapest.memory_mb)} on arm64 (${formatCost(a.cheapest.cost_per_invocation_usd * 1e6)} per million). Request price included, duration rounded up to 1 ms.`,
    tableLabel: 'Data table: cost by memory',
  };
}

function picksOf(r: TuneResult, m: number): string[] {
  const out: string[] = [];
  if (r.cheapest.memory_mb === m) out.push('cheapest');
  if (r.fastest.memory_mb === m) out.push('fastest');
  if (r.best.memory_mb === m && r.strategy === 'balanced') out.push('balanced');
  return out;
}

/** The sizes Power Tuning tests by default plus each vCPU step, both architectures, with the picks. */
export function pointsTableHtml(v: TuneView): string {
  const x = v.byArch.x86_64;
  const a = v.byArch.arm64;
  const rows = x.points.map((p: TunePoint, i) => {
    const q = a.points[i]!;
    const px = picksOf(x, p.memory_mb).map((t) => `${t} x86_64`);
    const pa = picksOf(a, q.memory_mb).map((t) => `${t} arm64`);
    return `<tr${p.memory_mb === v.input.atMemoryMb ? ' data-measured-row' : ''}><th scope="row">${esc(formatNumber(p.memory_mb))}</th>` +
      `<td>${esc(formatNumber(p.duration_ms, 1))}</td><td>${esc(formatCost(p.cost_per_invocation_usd))}</td>` +
      `<td>${esc(formatNumber(q.duration_ms, 1))}</td><td>${esc(formatCost(q.cost_per_invocation_usd))}</td>` +
      `<td>${esc(formatCost(p.monthly_cost_usd))}</td><td>${esc([...px, ...pa].join(', '))}</td></tr>`;
  });
  return scrollBox('Table: duration and cost by memory size', `<table class="ll-table" data-out-table="points"><caption class="sr-only">Duration and cost by memory size, both architectures</caption>` +
    `<thead><tr><th scope="col">Memory (MB)</th><th scope="col">x86_64 duration (ms)</th><th scope="col">x86_64 per invocation</th>` +
    `<th scope="col">arm64 duration (ms)</th><th scope="col">arm64 per invocation</th><th scope="col">x86_64 per month (${esc(formatNumber(v.input.requests))} requests)</th><th scope="col">Pick</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`);
}

/** The imported measurements: the fit, its error, the picks on the measured points, and the table. */
export function measuredHtml(v: TuneView): string {
  const m = v.measured;
  if (!m?.fit || !m.measured) return '';
  const f = m.fit;
  const threads = f.threads_range[0] === f.threads_range[1] ? `${f.threads}` : `${f.threads} (any of ${f.threads_range[0]}–${f.threads_range[1]} fits equally well: no measurement above ${MB(f.threads_range[0] * MB_PER_VCPU)})`;
  const fit = `Fitted model: ${MS(f.duration_ms)} at ${MB(f.at_memory_mb)}, CPU share ${formatNumber(f.cpu_share, 3)}, threads ${threads}. ` +
    `Fit error: RMS ${formatPercent(f.rms_relative_error)} of the measured durations (largest ${formatPercent(f.max_relative_error)}).`;
  const picks = `From the measurements, priced at x86_64 rates: cheapest ${MB(m.cheapest.memory_mb)}, fastest ${MB(m.fastest.memory_mb)}, best by ${m.strategy} ${MB(m.best.memory_mb)}` +
    `${m.power_tuning_pick ? `; Power Tuning picked ${MB(m.power_tuning_pick.memory_mb)}` : ''}.`;
  const cur = m.currency ?? 'USD';
  const rows = m.measured.map((r, i) =>
    `<tr><th scope="row">${esc(formatNumber(r.memory_mb))}</th><td>${esc(formatNumber(r.duration_ms, 1))}</td><td>${esc(formatNumber(r.model_duration_ms, 1))}</td>` +
    `<td>${esc(formatPercent(r.relative_error))}</td><td>${esc(cur === 'USD' ? formatCost(r.reported_cost) : `${formatQuantity(r.reported_cost)} ${cur}`)}</td><td>${esc(formatCost(m.points[i]!.cost_per_invocation_usd))}</td></tr>`);
  return `<p data-out="fit">${esc(fit)}</p><p data-out="measured-picks">${esc(picks)}</p>` +
    scrollBox('Measured against modelled durations', `<table class="ll-table" data-out-table="measured"><caption class="sr-only">Measured against modelled durations</caption>` +
    `<thead><tr><th scope="col">Memory (MB)</th><th scope="col">Measured (ms)</th><th scope="col">Model (ms)</th><th scope="col">Model error</th>` +
    `<th scope="col">Power Tuning cost (${esc(cur)}, no request price)</th><th scope="col">x86_64 per invocation (ours)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

/** The same scenario as a CLI command. */
export function cliText(s: TuneState, measuredHash: string | null): string {
  const a = measuredHash
    ? ['tune', '--power-tuning', `'#${measuredHash}'`]
    : ['tune', '--duration-ms', String(s.durationMs), '--at-memory', String(s.atMemoryMb), '--cpu-share', String(s.cpuShare), '--threads', String(s.threads)];
  a.push('--requests', String(s.requests), '--strategy', s.strategy);
  if (s.strategy === 'balanced') a.push('--balanced-weight', String(s.balancedWeight));
  if (s.cpuModel !== 'proportional') a.push('--cpu-model', s.cpuModel);
  return `npm run sim -- ${a.join(' ')}`;
}
