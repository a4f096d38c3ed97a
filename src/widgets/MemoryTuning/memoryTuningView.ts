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
  const best = r.strategy === 'cost' || r.strategy === 'speed' ? '' : `; best balanced (weight ${formatNumber(r.balancedWeight)}): ${MB(r.best.memoryMb)}`;
  return `${arch}: cheapest ${MB(r.cheapest.memoryMb)} (${MS(r.cheapest.durationMs)}, ${formatCost(r.cheapest.costPerInvocationUsd)} per invocation), fastest ${MB(r.fastest.memoryMb)} (${MS(r.fastest.durationMs)})${best}`;
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
    `Best by ${STRATEGY_TEXT[x.strategy]} on x86_64: ${MB(x.best.memoryMb)} (${MS(x.best.durationMs)}, ${formatCost(x.best.costPerInvocationUsd)} per invocation). ` +
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
    points: m?.measured?.map((r) => ({ x: r.memoryMb, y: r.durationMs, tone: 2 as const, label: `Measured: ${MB(r.memoryMb)}, ${MS(r.durationMs)}` })) ?? [],
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
      { x: x.best.memoryMb, y: x.best.costPerInvocationUsd * 1e6, label: `Best by ${x.strategy}, x86_64: ${MB(x.best.memoryMb)}` },
      { x: a.best.memoryMb, y: a.best.costPerInvocationUsd * 1e6, tone: 1, label: `Best by ${a.strategy}, arm64: ${MB(a.best.memoryMb)}` },
    ],
    summary: `Cheapest of the table's sizes: ${MB(x.cheapest.memoryMb)} on x86_64 (${formatCost(x.cheapest.costPerInvocationUsd * 1e6)} per million), ${MB(a.cheapest.memoryMb)} on arm64 (${formatCost(a.cheapest.costPerInvocationUsd * 1e6)} per million). Request price included, duration rounded up to 1 ms.`,
    tableLabel: 'Data table: cost by memory',
  };
}

function picksOf(r: TuneResult, m: number): string[] {
  const out: string[] = [];
  if (r.cheapest.memoryMb === m) out.push('cheapest');
  if (r.fastest.memoryMb === m) out.push('fastest');
  if (r.best.memoryMb === m && r.strategy === 'balanced') out.push('balanced');
  return out;
}

/** The sizes Power Tuning tests by default plus each vCPU step, both architectures, with the picks. */
export function pointsTableHtml(v: TuneView): string {
  const x = v.byArch.x86_64;
  const a = v.byArch.arm64;
  const rows = x.points.map((p: TunePoint, i) => {
    const q = a.points[i]!;
    const px = picksOf(x, p.memoryMb).map((t) => `${t} x86_64`);
    const pa = picksOf(a, q.memoryMb).map((t) => `${t} arm64`);
    return `<tr${p.memoryMb === v.input.atMemoryMb ? ' data-measured-row' : ''}><th scope="row">${esc(formatNumber(p.memoryMb))}</th>` +
      `<td>${esc(formatNumber(p.durationMs, 1))}</td><td>${esc(formatCost(p.costPerInvocationUsd))}</td>` +
      `<td>${esc(formatNumber(q.durationMs, 1))}</td><td>${esc(formatCost(q.costPerInvocationUsd))}</td>` +
      `<td>${esc(formatCost(p.monthlyCostUsd))}</td><td>${esc([...px, ...pa].join(', '))}</td></tr>`;
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
  const threads = f.threadsRange[0] === f.threadsRange[1] ? `${f.threads}` : `${f.threads} (any of ${f.threadsRange[0]}–${f.threadsRange[1]} fits equally well: no measurement above ${MB(f.threadsRange[0] * MB_PER_VCPU)})`;
  const fit = `Fitted model: ${MS(f.durationMs)} at ${MB(f.atMemoryMb)}, CPU share ${formatNumber(f.cpuShare, 3)}, threads ${threads}. ` +
    `Fit error: RMS ${formatPercent(f.rmsRelativeError)} of the measured durations (largest ${formatPercent(f.maxRelativeError)}).`;
  const picks = `From the measurements, priced at x86_64 rates: cheapest ${MB(m.cheapest.memoryMb)}, fastest ${MB(m.fastest.memoryMb)}, best by ${m.strategy} ${MB(m.best.memoryMb)}` +
    `${m.powerTuningPick ? `; Power Tuning picked ${MB(m.powerTuningPick.memoryMb)}` : ''}.`;
  const cur = m.currency ?? 'USD';
  const rows = m.measured.map((r, i) =>
    `<tr><th scope="row">${esc(formatNumber(r.memoryMb))}</th><td>${esc(formatNumber(r.durationMs, 1))}</td><td>${esc(formatNumber(r.modelDurationMs, 1))}</td>` +
    `<td>${esc(formatPercent(r.relativeError))}</td><td>${esc(cur === 'USD' ? formatCost(r.reportedCost) : `${formatQuantity(r.reportedCost)} ${cur}`)}</td><td>${esc(formatCost(m.points[i]!.costPerInvocationUsd))}</td></tr>`);
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
