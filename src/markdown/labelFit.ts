/**
 * Make beautiful-mermaid's boxes fit the labels as the shipped Inter draws them.
 *
 * Why: the renderer sizes every box from a width *estimate* (character classes × a ratio, its
 * src/text-metrics.ts, mirrored in `modelWidth` below), not from a font. In real Inter, digits,
 * spaces and capitals are wider than the estimate, so "Temp disk in /tmp: 512 MB to 10,240 MB" and
 * long edge labels come out wider than their boxes. The renderer takes no measuring function, so
 * the fix works through its input: a label that real Inter draws wider than the estimate gets
 * invisible padding characters (U+2060 WORD JOINER, which the estimate counts as one average letter)
 * appended wherever it appears in the source; the boxes grow by exactly that much, and the padding
 * is removed from the finished SVG. `checkFit` then proves every label inside its box using the
 * font's real advance widths (src/markdown/interMetrics.ts); the build fails if one is not.
 *
 * Shapes: `svgLabels(svg)` → one entry per drawn line of text, with its font, anchor and the
 * horizontal extent of the box it belongs to (node, edge label, subgraph header, actor, note), or
 * null for text drawn free (sequence messages), which must stay inside the picture instead.
 */
import { interWidth } from './interMetrics.ts';

export const PAD = '\u2060';
const PADS = new RegExp(PAD, 'g');
export const stripPads = (s: string) => s.replace(PADS, '');

// ---- beautiful-mermaid 1.1.3 width estimate (src/text-metrics.ts, getCharWidth/measureTextWidth) ----
const NARROW = new Set(['i', 'l', 't', 'f', 'j', 'I', '1', '!', '|', '.', ',', ':', ';', "'"]);
const WIDE = new Set(['w', 'm', '@', '%']);
const VERY_WIDE = new Set(['W', 'M']);
const SEMI_NARROW = new Set(['(', ')', '[', ']', '{', '}', '/', '\\', '-', '"', '`']);

/** The estimate's unit width of one character (1 = an average lowercase letter); Latin text only. */
function unitWidth(ch: string): number {
  if (ch === ' ') return 0.3;
  if (VERY_WIDE.has(ch)) return 1.5;
  if (WIDE.has(ch)) return 1.2;
  if (NARROW.has(ch)) return 0.4;
  if (SEMI_NARROW.has(ch)) return 0.5;
  if (ch === 'r') return 0.8;
  if (ch >= 'A' && ch <= 'Z') return 1.2;
  return 1;
}
export const modelRatio = (weight: number) => (weight >= 600 ? 0.6 : weight >= 500 ? 0.57 : 0.54);

/** The renderer's estimated width of one line (px), the room it leaves for the text. */
export function modelWidth(text: string, fontSize: number, weight: number): number {
  let units = 0;
  for (const ch of text) units += unitWidth(ch);
  return units * fontSize * modelRatio(weight) + fontSize * 0.15;
}

// ---- reading labels back from the SVG ----
export interface SvgLabel {
  /** The text as written into the SVG (may still hold padding). */
  raw: string;
  fontSize: number;
  weight: number;
  x: number;
  anchor: 'start' | 'middle' | 'end';
  /** Horizontal extent of the label's box, or null for free text. */
  box: [number, number] | null;
  group: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function shapeExtent(inner: string): [number, number] | null {
  const rect = /<rect\b[^>]*>/.exec(inner)?.[0];
  const poly = /<polygon\b[^>]*>/.exec(inner)?.[0];
  const first = rect && poly ? (inner.indexOf(rect) < inner.indexOf(poly) ? rect : poly) : (rect ?? poly);
  if (!first) return null;
  if (first.startsWith('<rect')) {
    const x = Number(attr(first, 'x') ?? 0);
    return [x, x + Number(attr(first, 'width'))];
  }
  const xs = (attr(first, 'points') ?? '').split(/[\s,]+/).filter((_, i) => i % 2 === 0).map(Number);
  return [Math.min(...xs), Math.max(...xs)];
}

function textsIn(fragment: string, box: [number, number] | null, group: string): SvgLabel[] {
  const out: SvgLabel[] = [];
  for (const m of fragment.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)) {
    const tag = m[1]!;
    const base = {
      fontSize: Number(attr(tag, 'font-size') ?? 13),
      weight: Number(attr(tag, 'font-weight') ?? 400),
      x: Number(attr(tag, 'x') ?? 0),
      anchor: (attr(tag, 'text-anchor') ?? 'start') as SvgLabel['anchor'],
      box,
      group,
    };
    const spans = [...m[2]!.matchAll(/<tspan\b([^>]*)>([\s\S]*?)<\/tspan>/g)];
    if (spans.length === 0) out.push({ ...base, raw: decode(m[2]!) });
    for (const s of spans) out.push({ ...base, x: Number(attr(s[1]!, 'x') ?? base.x), raw: decode(s[2]!.replace(/<[^>]+>/g, '')) });
  }
  return out.filter((l) => stripPads(l.raw).trim() !== '');
}

/** Every line of text in a beautiful-mermaid SVG, with the box it must fit. */
export function svgLabels(svg: string): SvgLabel[] {
  const out: SvgLabel[] = [];
  const boxed = /<g class="(node|edge-label|subgraph|actor|note)"[^>]*>([\s\S]*?)<\/g>/g;
  for (const m of svg.matchAll(boxed)) out.push(...textsIn(m[2]!, shapeExtent(m[2]!), m[1]!));
  out.push(...textsIn(svg.replace(boxed, ''), null, 'free'));
  return out;
}

/** A one-word label may also be a node id (state names are), and an id cannot take padding. */
const ID_LIKE = new RegExp(`^[\\w-]+${PAD}*$`);

/**
 * Labels the estimate makes too narrow for real Inter → how many padding characters each needs.
 * One-word labels are left alone (see ID_LIKE): their shortfall is a few px, within a node's own
 * 20 px side padding, and `checkFit` still holds them to their box.
 */
export function paddingNeeded(svg: string): Map<string, number> {
  const need = new Map<string, number>();
  for (const l of svgLabels(svg)) {
    if (ID_LIKE.test(l.raw)) continue;
    const deficit = interWidth(stripPads(l.raw), l.fontSize, l.weight) - modelWidth(l.raw, l.fontSize, l.weight);
    if (deficit <= 0) continue;
    const pads = Math.ceil(deficit / (l.fontSize * modelRatio(l.weight)));
    need.set(l.raw, Math.max(need.get(l.raw) ?? 0, pads));
  }
  return need;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Append padding after every occurrence of each label in the source that is not part of a longer
 * word. Where a label is also a node id (state names), every use of the id is padded alike, so the
 * graph keeps its shape; a shorter label matched inside a longer one only widens that one's box.
 */
export function padLabels(source: string, pads: Map<string, number>): string {
  let out = source;
  // Longest first, so a label is padded before any shorter label inside it can split it.
  for (const [label, n] of [...pads].sort((a, b) => b[0].length - a[0].length)) {
    const re = new RegExp(`(?<![\\w${PAD}])${escapeRe(label)}(?![\\w${PAD}])`, 'g');
    out = out.replace(re, (m) => m + PAD.repeat(n));
  }
  return out;
}

/** Labels that do not fit their box (or, free text, the picture), measured in real Inter. */
export function checkFit(svg: string, tolerance = 0.5): string[] {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1]?.split(/\s+/).map(Number) ?? [0, 0, Infinity, 0];
  const problems: string[] = [];
  for (const l of svgLabels(svg)) {
    const text = stripPads(l.raw);
    const w = interWidth(text, l.fontSize, l.weight);
    const x0 = l.anchor === 'middle' ? l.x - w / 2 : l.anchor === 'end' ? l.x - w : l.x;
    const [b0, b1] = l.box ?? [viewBox[0]!, viewBox[0]! + viewBox[2]!];
    const over = Math.max(b0 - x0, x0 + w - b1);
    if (over > tolerance) problems.push(`"${text}" (${l.group}) is ${over.toFixed(1)} px wider than its ${l.box ? 'box' : 'diagram'}`);
  }
  return problems;
}
