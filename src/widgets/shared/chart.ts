/**
 * A tiny SVG chart renderer: pure functions from a `ChartSpec` (column arrays, Observable-Plot style)
 * to markup strings, so the same call renders the chart on the server (Astro frontmatter, no JS on the
 * page) and re-renders it on the client (`el.innerHTML = renderChartFigure(spec)`).
 *
 *   renderChartFigure({
 *     id: 'price-mem',                               // unique on the page (ids of summary/table derive from it)
 *     title: 'Cost per million invocations by memory',
 *     x: { label: 'Memory (MB)', scale: 'log2', format: formatCompact },
 *     y: { label: 'USD per 1M', min: 0, format: (v) => formatUsd(v) },
 *     series: [{ name: 'x86_64', kind: 'line', x: mem, y: usd, tone: 0 },
 *              { name: 'arm64', kind: 'step', x: mem, y: usdArm, tone: 1, dashed: true }],
 *     marks: [{ x: 1769, label: '1 vCPU' }],          // vertical rules with a label
 *     points: [{ x: 512, y: 2.3, label: 'you' }],     // highlighted dots
 *     summary: 'Cheapest at 1,024 MB: $2.10 per million.',   // one or two sentences, shown as the caption
 *     tableColumns: [{ name: 'Assumed duration (ms)', values: dur }],   // optional, data table only
 *   })
 *
 * Output: `<figure class="ll-chart">` holding an `<svg role="img">` (aria-labelledby title + summary),
 * an HTML legend, a `<figcaption>` with the text summary, and `<details>` with a data table (the
 * screen-reader and copy-paste alternative). Series kinds: `line`, `area` (filled to the y minimum),
 * `step` (step-after). Non-finite points are skipped (a gap), never drawn as NaN.
 *
 * Theme: no colours in the markup — classes `ll-tone-0..3`, axes and grid use Starlight's CSS variables
 * in `widgets.css`, so the chart follows the light/dark toggle with no JS. Motion: a short fade-in only
 * under `prefers-reduced-motion: no-preference` (in CSS).
 */
import { formatCompact } from '~/sim';
import { esc, scrollBox } from './html.ts';

export interface ChartSeries {
  name: string;
  kind: 'line' | 'area' | 'step';
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Colour slot: 0 accent, 1 orange, 2 green, 3 gray. */
  tone?: 0 | 1 | 2 | 3;
  dashed?: boolean;
}

export interface ChartAxis {
  label: string;
  scale?: 'linear' | 'log2';
  min?: number;
  max?: number;
  /** Tick and table formatter (default `formatCompact`). */
  format?: (v: number) => string;
  /** Explicit tick positions (default: nice ticks, or powers of two for log2). */
  ticks?: readonly number[];
}

export interface ChartSpec {
  id: string;
  title: string;
  x: ChartAxis;
  y: ChartAxis;
  series: ChartSeries[];
  marks?: { x: number; label: string }[];
  points?: { x: number; y: number; label: string; tone?: 0 | 1 | 2 | 3 }[];
  summary: string;
  /** CSS pixels (default 280); the width is always the container's. */
  height?: number;
  /** Caption of the data-table `<details>` (default 'Data table'). */
  tableLabel?: string;
  /** Extra columns for the data table only (same rows as the series' x), e.g. an assumption behind the y values. */
  tableColumns?: { name: string; values: ArrayLike<number>; format?: (v: number) => string }[];
}

/** Plot margins (px): the left one is computed from the y labels (`leftPadding`). */
const M = { top: 16, right: 28, bottom: 44 };
/** Width of the series' own coordinate system (stretched to the plot width). */
const PLOT_UNITS = 1000;

/** Widens a linear extent to whole tick steps (unless the axis pins min/max). */
function niceExtent(e: Extent, axis: ChartAxis): Extent {
  const t = niceTicks(e.lo, e.hi, 5);
  if (t.length < 2) return e;
  const step = t[1]! - t[0]!;
  return {
    lo: axis.min ?? Math.floor(e.lo / step + 1e-9) * step,
    hi: axis.max ?? Math.ceil(e.hi / step - 1e-9) * step,
  };
}

/** Nice round ticks (1, 2, 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi === lo) return [lo];
  const span = hi - lo;
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

interface Extent {
  lo: number;
  hi: number;
}

function extent(values: ArrayLike<number>[], axis: ChartAxis): Extent {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values)
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i]!;
      if (!Number.isFinite(v) || (axis.scale === 'log2' && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (axis.min !== undefined) lo = axis.min;
  if (axis.max !== undefined) hi = axis.max;
  if (axis.scale === 'log2' && !(lo > 0)) lo = Number.isFinite(hi) && hi > 0 ? hi / 2 : 1;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return axis.scale === 'log2' ? { lo: 1, hi: 2 } : { lo: 0, hi: 1 };
  if (hi === lo) return axis.scale === 'log2' ? { lo: lo / 2, hi: hi * 2 } : lo === 0 ? { lo: 0, hi: 1 } : { lo: Math.min(0, lo * 2), hi: Math.max(0, hi * 2) };
  return { lo, hi };
}

function scaleFn(axis: ChartAxis, e: Extent, r0: number, r1: number): (v: number) => number {
  if (axis.scale === 'log2') {
    const a = Math.log2(e.lo);
    const b = Math.log2(e.hi);
    return (v) => r0 + ((Math.log2(v) - a) / (b - a)) * (r1 - r0);
  }
  return (v) => r0 + ((v - e.lo) / (e.hi - e.lo)) * (r1 - r0);
}

function ticksFor(axis: ChartAxis, e: Extent): number[] {
  if (axis.ticks) return axis.ticks.filter((t) => t >= e.lo && t <= e.hi);
  if (axis.scale === 'log2') {
    const out: number[] = [];
    for (let p = Math.ceil(Math.log2(e.lo)); p <= Math.floor(Math.log2(e.hi)); p++) out.push(2 ** p);
    return out;
  }
  // Extend the y range to the last nice tick so the top line is labelled.
  return niceTicks(e.lo, e.hi, 5);
}

const r1 = (v: number) => Math.round(v * 10) / 10;

function pathFor(s: ChartSeries, sx: (v: number) => number, sy: (v: number) => number, xLog: boolean, yLog: boolean, baseY: number): string {
  const n = Math.min(s.x.length, s.y.length);
  let d = '';
  let open = false;
  let firstX = 0;
  let lastX = 0;
  const segments: string[] = [];
  const close = () => {
    if (open && s.kind === 'area') d += `L${r1(lastX)},${r1(baseY)}L${r1(firstX)},${r1(baseY)}Z`;
    if (d) segments.push(d);
    d = '';
    open = false;
  };
  for (let i = 0; i < n; i++) {
    const xv = s.x[i]!;
    const yv = s.y[i]!;
    if (!Number.isFinite(xv) || !Number.isFinite(yv) || (xLog && xv <= 0) || (yLog && yv <= 0)) {
      close();
      continue;
    }
    const px = sx(xv);
    const py = sy(yv);
    if (!open) {
      d = s.kind === 'area' ? `M${r1(px)},${r1(baseY)}L${r1(px)},${r1(py)}` : `M${r1(px)},${r1(py)}`;
      firstX = px;
      open = true;
    } else if (s.kind === 'step') d += `H${r1(px)}V${r1(py)}`;
    else d += `L${r1(px)},${r1(py)}`;
    lastX = px;
  }
  close();
  return segments.join('');
}

/** Pixels per character of an 11-px tick label in the system UI font (digits and "$,.%" are narrower). */
const CHAR_PX = 6.4;

/**
 * Left padding (px) that fits the longest y tick label, the y-axis title beside it, and the gap between.
 */
export function leftPadding(labels: readonly string[]): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.round(Math.min(120, Math.max(44, 30 + longest * CHAR_PX)));
}

/** x as a fraction of the plot width, as an SVG percentage ("37.5%"). */
const pct = (f: number) => `${Math.round(f * 10000) / 100}%`;

/**
 * The SVG alone (server or client). Text keeps its CSS pixel size at every width: the `<svg>` has no
 * viewBox; its CSS padding holds the y labels (left) and the plot is its content box, so x positions are
 * percentages of the plot width and y positions are pixels. The series paths alone are drawn in a nested
 * `<svg viewBox="0 0 1000 H" preserveAspectRatio="none">` that stretches to the plot, with
 * `vector-effect="non-scaling-stroke"` so lines keep their width. A phone thus gets a narrower plot with
 * text as large as on a desktop, instead of a shrunken picture.
 */
export function renderChartSvg(spec: ChartSpec): string {
  const H = spec.height ?? 280;
  const ex = extent(spec.series.map((s) => s.x), spec.x);
  const eyRaw = extent(spec.series.map((s) => s.y).concat(spec.points ? [spec.points.map((p) => p.y)] : []), spec.y);
  const ey = spec.y.scale === 'log2' ? eyRaw : niceExtent(eyRaw, spec.y);
  const fxOf = scaleFn(spec.x, ex, 0, 1); // fraction of the plot width
  const sy = scaleFn(spec.y, ey, H - M.bottom, M.top);
  const fx = spec.x.format ?? formatCompact;
  const fy = spec.y.format ?? formatCompact;
  const xT = ticksFor(spec.x, ex);
  const yT = ticksFor(spec.y, ey);
  const yLabels = yT.map((t) => fy(t));
  const left = leftPadding(yLabels);
  const baseY = sy(ey.lo);
  const parts: string[] = [];
  parts.push(
    `<svg class="ll-chart-svg" width="100%" height="${H}" style="padding: 0 ${M.right}px 0 ${left}px" role="img" aria-labelledby="${esc(spec.id)}-title ${esc(spec.id)}-summary">`,
  );
  parts.push(`<title id="${esc(spec.id)}-title">${esc(spec.title)}</title>`);
  parts.push('<g class="ll-grid" aria-hidden="true">');
  for (const t of yT) parts.push(`<line x1="0" x2="100%" y1="${r1(sy(t))}" y2="${r1(sy(t))}"/>`);
  parts.push('</g><g class="ll-axis" aria-hidden="true">');
  parts.push(`<line x1="0" x2="100%" y1="${r1(baseY)}" y2="${r1(baseY)}"/>`);
  for (const t of xT) {
    const x = pct(fxOf(t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${r1(baseY)}" y2="${r1(baseY + 5)}"/><text x="${x}" y="${r1(baseY + 18)}" text-anchor="middle">${esc(fx(t))}</text>`);
  }
  yT.forEach((t, i) => parts.push(`<text x="-8" y="${r1(sy(t) + 4)}" text-anchor="end">${esc(yLabels[i]!)}</text>`));
  parts.push(`<text class="ll-axis-label" x="50%" y="${H - 6}" text-anchor="middle">${esc(spec.x.label)}</text>`);
  parts.push(`<text class="ll-axis-label" transform="translate(${14 - left} ${r1((M.top + H - M.bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(spec.y.label)}</text>`);
  parts.push('</g><g class="ll-series" aria-hidden="true">');
  const xLog = spec.x.scale === 'log2';
  const yLog = spec.y.scale === 'log2';
  parts.push(`<svg width="100%" height="${H}" viewBox="0 0 ${PLOT_UNITS} ${H}" preserveAspectRatio="none" overflow="visible">`);
  spec.series.forEach((s, i) => {
    const d = pathFor(s, (v) => fxOf(v) * PLOT_UNITS, sy, xLog, yLog, baseY);
    if (d) parts.push(`<path class="ll-${s.kind} ll-tone-${s.tone ?? i % 4}${s.dashed ? ' ll-dashed' : ''}" d="${d}" vector-effect="non-scaling-stroke"/>`);
  });
  parts.push('</svg>');
  for (const m of spec.marks ?? []) {
    if (!Number.isFinite(m.x) || m.x < ex.lo || m.x > ex.hi) continue;
    const f = fxOf(m.x);
    const x = pct(f);
    // A label near the right edge reads leftwards from its rule, so it stays inside the chart.
    const [dx, anchor] = f > 0.75 ? [-4, 'end'] : [4, 'start'];
    parts.push(`<line class="ll-mark" x1="${x}" x2="${x}" y1="${M.top}" y2="${r1(baseY)}"/><text class="ll-mark-label" x="${x}" dx="${dx}" y="${M.top + 10}" text-anchor="${anchor}">${esc(m.label)}</text>`);
  }
  for (const p of spec.points ?? []) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || p.x < ex.lo || p.x > ex.hi) continue;
    parts.push(`<circle class="ll-point ll-tone-${p.tone ?? 0}" cx="${pct(fxOf(p.x))}" cy="${r1(sy(p.y))}" r="4.5"><title>${esc(p.label)}</title></circle>`);
  }
  parts.push('</g></svg>');
  return parts.join('');
}

const cell = (v: number | undefined, f: (v: number) => string) => (v !== undefined && Number.isFinite(v) ? f(v) : '—');

/** The data-table alternative: one column for x, one per series (rows by index of the first series' x). */
export function renderDataTable(spec: ChartSpec): string {
  const fx = spec.x.format ?? formatCompact;
  const fy = spec.y.format ?? formatCompact;
  const sameX = spec.series.every((s) => s.x.length === spec.series[0]!.x.length && Array.from(s.x).every((v, i) => v === spec.series[0]!.x[i]));
  const tables = sameX && spec.series.length ? [spec.series] : spec.series.map((s) => [s]);
  return tables
    .map((group) => {
      const extra = sameX ? (spec.tableColumns ?? []) : [];
      const head = `<tr><th scope="col">${esc(spec.x.label)}</th>${group.map((s) => `<th scope="col">${esc(s.name)} (${esc(spec.y.label)})</th>`).join('')}${extra.map((c) => `<th scope="col">${esc(c.name)}</th>`).join('')}</tr>`;
      const rows: string[] = [];
      const xs = group[0]!.x;
      for (let i = 0; i < xs.length; i++)
        rows.push(`<tr><th scope="row">${esc(fx(xs[i]!))}</th>${group.map((s) => `<td>${esc(cell(s.y[i], fy))}</td>`).join('')}${extra.map((c) => `<td>${esc(cell(c.values[i], c.format ?? formatCompact))}</td>`).join('')}</tr>`);
      return scrollBox(spec.tableLabel ?? `Data table: ${spec.title}`, `<table class="ll-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
    })
    .join('');
}

/** Legend, chart, text summary and data table in one `<figure>`. */
export function renderChartFigure(spec: ChartSpec): string {
  const legend = spec.series
    .map((s, i) => `<li><span class="ll-swatch ll-tone-${s.tone ?? i % 4}${s.dashed ? ' ll-dashed' : ''}" aria-hidden="true"></span>${esc(s.name)}</li>`)
    .join('');
  return (
    `<figure class="ll-chart" id="${esc(spec.id)}">` +
    `<ul class="ll-legend" aria-label="Legend">${legend}</ul>` +
    renderChartSvg(spec) +
    `<figcaption id="${esc(spec.id)}-summary" class="ll-chart-summary">${esc(spec.summary)}</figcaption>` +
    `<details class="ll-chart-table"><summary>${esc(spec.tableLabel ?? 'Data table')}</summary>${renderDataTable(spec)}</details>` +
    `</figure>`
  );
}
