/**
 * Pure renderers for the cold-start explorer (server and client): the environment timeline — one lane
 * per execution environment with its INIT, busy and idle time and the moment it was reclaimed — with a
 * text summary and a data table, and the readout (cold-start percentage, p50/p99 latency).
 *
 * Lanes read the engine's span trace (`EnvSpan`: createdAt, initEnd, busy [s0, e0, s1, e1, …],
 * reclaimedAt). Busy intervals closer than 1.5 pixels are merged, so a lane is a handful of rects
 * however many requests it served. Colours are the shared tone classes (widgets.css), so the timeline
 * follows the light/dark theme.
 */
import { formatNumber, formatPercent } from '~/sim';
import type { EnvSpan } from '~/sim';
import { esc, readoutItem as item, scrollBox } from '../shared/html.ts';
import { niceTicks } from '../shared/chart.ts';
import type { ColdStartResult } from './coldStartExplorerRun.ts';
import type { ColdStartState } from './coldStartExplorerState.ts';

/** Lanes drawn at most (the table lists the same environments). */
export const MAX_LANES = 40;
/** Plot width of a desktop column (px), for merging busy intervals too close to tell apart. */
const NOMINAL_PLOT_PX = 560;
/** Width of the lanes' own coordinate system (stretched to the plot width). */
const PLOT_UNITS = 1000;
const LEFT = 56;
const RIGHT = 16;
const TOP = 8;
const LANE = 16;
const GAP = 4;
const BOTTOM = 40;

const ms = (v: number) => `${formatNumber(v, 0)} ms`;
const sec = (v: number) => `${formatNumber(v, 1)} s`;
const r1 = (v: number) => Math.round(v * 10) / 10;
const pc = (f: number) => `${Math.round(f * 10000) / 100}%`;

/** Merged busy intervals [start, end, …] in seconds: gaps under `minGapS` are closed. */
export function mergeBusy(busy: readonly number[], minGapS: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < busy.length; i += 2) {
    const a = busy[i]!;
    const b = busy[i + 1]!;
    if (out.length && a - out[out.length - 1]! < minGapS) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return out;
}

export const laneName = (sp: EnvSpan, i: number) => `${sp.provisioned ? 'PC' : 'Env'} ${i + 1}`;
/** Requests an environment served (a lower bound when its intervals were capped). */
export const served = (sp: EnvSpan) => sp.busy.length / 2;

export function lanesSvg(r: ColdStartResult): string {
  const lanes = r.spans.slice(0, MAX_LANES);
  const H = TOP + Math.max(1, lanes.length) * (LANE + GAP) + BOTTOM;
  // Same geometry as chart.ts: no viewBox on the outer <svg>, so labels keep their CSS pixel size; x as a
  // percentage of the plot (the svg's content box), the lanes in a nested svg stretched to it.
  const f = (t: number) => Math.min(Math.max(t, 0), r.windowS) / r.windowS;
  const x = (t: number) => f(t) * PLOT_UNITS;
  const minGap = (r.windowS / NOMINAL_PLOT_PX) * 1.5; // about 1.5 px on a desktop column
  const p: string[] = [];
  p.push(`<svg class="ll-chart-svg ll-lanes" width="100%" height="${H}" style="padding: 0 ${RIGHT}px 0 ${LEFT}px" role="img" aria-labelledby="cold-lanes-title cold-lanes-summary">`);
  p.push(`<title id="cold-lanes-title">Execution environments over time</title><g class="ll-grid" aria-hidden="true">`);
  const ticks = niceTicks(0, r.windowS, 6);
  const base = H - BOTTOM + 4;
  for (const t of ticks) p.push(`<line x1="${pc(f(t))}" x2="${pc(f(t))}" y1="${TOP}" y2="${base}"/>`);
  p.push('</g><g class="ll-axis" aria-hidden="true">');
  p.push(`<line x1="0" x2="100%" y1="${base}" y2="${base}"/>`);
  for (const t of ticks) p.push(`<text x="${pc(f(t))}" y="${base + 16}" text-anchor="middle">${esc(formatNumber(t))}</text>`);
  p.push(`<text class="ll-axis-label" x="50%" y="${H - 4}" text-anchor="middle">Time (s)</text>`);
  lanes.forEach((sp, i) => p.push(`<text x="-8" y="${TOP + i * (LANE + GAP) + LANE - 4}" text-anchor="end">${esc(laneName(sp, i))}</text>`));
  p.push('</g><g class="ll-series" aria-hidden="true">');
  p.push(`<svg width="100%" height="${H}" viewBox="0 0 ${PLOT_UNITS} ${H}" preserveAspectRatio="none" overflow="visible">`);
  const reclaimed: string[] = [];
  lanes.forEach((sp, i) => {
    const y = TOP + i * (LANE + GAP);
    const mid = r1(y + LANE / 2);
    const end = sp.reclaimedAt ?? r.windowS;
    // Idle: a thin line over the whole life; INIT and busy drawn over it.
    p.push(`<line class="ll-tone-3" x1="${r1(x(sp.createdAt))}" x2="${r1(x(end))}" y1="${mid}" y2="${mid}" stroke-width="2" vector-effect="non-scaling-stroke"/>`);
    const merged = mergeBusy(sp.busy, minGap);
    for (let k = 0; k + 1 < merged.length; k += 2) {
      const a = x(merged[k]!);
      const b = Math.max(x(merged[k + 1]!), a + 1);
      p.push(`<rect class="ll-tone-0" x="${r1(a)}" y="${y + 2}" width="${r1(b - a)}" height="${LANE - 4}"/>`);
    }
    if (sp.initEnd > sp.createdAt) {
      const a = x(sp.createdAt);
      p.push(`<rect class="ll-tone-1" x="${r1(a)}" y="${y}" width="${r1(Math.max(x(sp.initEnd) - a, 5))}" height="${LANE}"/>`);
    }
    // The × is drawn in pixels around its point, outside the stretched svg, so it stays square.
    if (sp.reclaimedAt !== null && sp.reclaimedAt <= r.windowS)
      reclaimed.push(`<svg x="${pc(f(sp.reclaimedAt))}" y="${y}" overflow="visible"><path class="ll-tone-3" d="M-4,3L4,${LANE - 3}M4,3L-4,${LANE - 3}" stroke-width="2" fill="none"/></svg>`);
  });
  p.push('</svg>', ...reclaimed, '</g></svg>');
  return p.join('');
}

export function lanesSummary(s: ColdStartState, r: ColdStartResult): string {
  const od = r.spans.filter((x) => !x.provisioned);
  const parts = [
    `${formatNumber(r.environments)} environment${r.environments === 1 ? '' : 's'} over ${sec(r.windowS)}: ${formatNumber(r.summary.coldStarts)} started cold (INIT, then the request)${s.provisioned > 0 ? `, ${formatNumber(s.provisioned)} provisioned before t = 0` : ''}; ${formatNumber(r.summary.environmentsReclaimed)} reclaimed after ${sec(s.idleTimeoutS)} idle.`,
  ];
  if (od.length) parts.push(`The first cold start was at ${sec(od[0]!.createdAt)}.`);
  if (r.spans.length > MAX_LANES) parts.push(`Showing the first ${MAX_LANES} of ${formatNumber(r.spans.length)} recorded environments.`);
  if (r.spansTruncated) parts.push(`Trace truncated: only the first ${formatNumber(r.maxSpans)} environments were recorded.`);
  return parts.join(' ');
}

export function lanesTable(r: ColdStartResult): string {
  const rows = r.spans
    .slice(0, MAX_LANES)
    .map((sp, i) => {
      const init = sp.initEnd > sp.createdAt ? ms((sp.initEnd - sp.createdAt) * 1000) : sp.provisioned ? 'before t = 0' : '—';
      const gone = sp.reclaimedAt === null ? 'alive at the end' : `${sec(sp.reclaimedAt)}${sp.reason === 'lifetime' ? ' (recycled)' : ''}`;
      return `<tr><th scope="row">${esc(laneName(sp, i))}</th><td>${sp.provisioned ? 'provisioned' : 'on demand'}</td><td>${esc(sec(Math.max(0, sp.createdAt)))}</td><td>${esc(init)}</td><td>${esc(formatNumber(served(sp)))}${sp.busyTruncated ? '+' : ''}</td><td>${esc(gone)}</td></tr>`;
    })
    .join('');
  return scrollBox('Data table: environments', `<table class="ll-table"><thead><tr><th scope="col">Environment</th><th scope="col">Kind</th><th scope="col">Created at</th><th scope="col">INIT</th><th scope="col">Requests served</th><th scope="col">Reclaimed at</th></tr></thead><tbody>${rows}</tbody></table>`);
}

export function lanesFigure(s: ColdStartState, r: ColdStartResult): string {
  const legend = [
    ['ll-tone-1', 'INIT (cold start)'],
    ['ll-tone-0', 'Busy (serving a request)'],
    ['ll-tone-3', 'Idle (warm, waiting)'],
  ]
    .map(([c, t]) => `<li><span class="ll-swatch ${c}" aria-hidden="true"></span>${esc(t!)}</li>`)
    .join('');
  return (
    `<figure class="ll-chart" id="cold-lanes">` +
    `<ul class="ll-legend" aria-label="Legend">${legend}<li><span aria-hidden="true">×</span> Reclaimed</li></ul>` +
    lanesSvg(r) +
    `<figcaption id="cold-lanes-summary" class="ll-chart-summary">${esc(lanesSummary(s, r))}</figcaption>` +
    `<details class="ll-chart-table"><summary>Data table: environments</summary>${lanesTable(r)}</details>` +
    `</figure>`
  );
}

export function readoutHtml(s: ColdStartState, r: ColdStartResult): string {
  return (
    `<div class="ll-readout">` +
    item('Requests', 'requests', formatNumber(r.summary.invocations)) +
    item('Cold starts', 'cold-pct', formatPercent(r.summary.coldStartRatio, 2), `${formatNumber(r.summary.coldStarts)} of ${formatNumber(r.summary.invocations)}`) +
    item('p50 latency', 'p50', ms(r.summary.latencyMs.p50)) +
    item('p99 latency', 'p99', ms(r.summary.latencyMs.p99)) +
    item('Warm request', 'warm', ms(r.warmMs), s.initOutside ? 'handler only' : `handler + ${ms(s.clientSetupMs)} client setup`) +
    item('Typical cold start', 'cold-ms', ms(r.coldMedianMs), `median INIT ${ms(r.coldMedianMs - r.warmMs)}${s.initOutside && s.clientSetupMs > 0 ? ` (with the ${ms(s.clientSetupMs)} client setup)` : ''} + the request`) +
    `</div>`
  );
}

export function statusText(r: ColdStartResult, runMs: number | null): string {
  if (runMs === null) return `Default scenario, simulated at build time: ${formatNumber(r.summary.invocations)} requests.`;
  return `Simulated ${formatNumber(r.summary.invocations)} requests in ${formatNumber(runMs, 1)} ms.`;
}
