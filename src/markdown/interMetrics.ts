/**
 * Exact text widths in the font diagrams are drawn with: Inter, latin subset, weights 400/500/600,
 * as shipped by @fontsource/inter (SIL Open Font License 1.1, https://fontsource.org/fonts/inter).
 * The page loads the .woff2 files (src/styles/diagrams.css); the advance widths are read here from
 * the same package's .woff files of the same subset and version, because WOFF 1.0 tables are plain
 * zlib streams (https://www.w3.org/TR/WOFF/) while WOFF2 transforms its glyph tables.
 *
 * Shape: `interWidth(text, fontSize, weight)` → CSS px, the sum of the glyphs' advance widths.
 * Diagram text is drawn with kerning and contextual ligatures off (diagrams.css), so that sum is
 * what the browser draws. Throws for a character the subset lacks: its width would be a guess.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

export const INTER_WEIGHTS = [400, 500, 600] as const;
export type InterWeight = (typeof INTER_WEIGHTS)[number];

/** Per code point advance width in em. */
type AdvanceTable = Map<number, number>;

/** The WOFF 1.0 table directory: 44-byte header, then 20 bytes per table (tag, offset, compLength, origLength, checksum). */
function woffTables(buf: Buffer): Map<string, Buffer> {
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const tables = new Map<string, Buffer>();
  const count = buf.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const offset = buf.readUInt32BE(at + 4);
    const compLength = buf.readUInt32BE(at + 8);
    const origLength = buf.readUInt32BE(at + 12);
    const raw = buf.subarray(offset, offset + compLength);
    tables.set(buf.toString('latin1', at, at + 4), compLength < origLength ? zlib.inflateSync(raw) : raw);
  }
  return tables;
}

/** Code point → glyph id from the cmap's format 4 (BMP) subtables (https://learn.microsoft.com/typography/opentype/spec/cmap). */
function glyphIds(cmap: Buffer): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const sub = cmap.readUInt32BE(8 + i * 8);
    if (cmap.readUInt16BE(sub) !== 4) continue;
    const segX2 = cmap.readUInt16BE(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const start = cmap.readUInt16BE(starts + s * 2);
      const end = cmap.readUInt16BE(ends + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph = rangeOffset === 0 ? cp : cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
        if (rangeOffset !== 0 && glyph === 0) continue;
        glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) out.set(cp, glyph);
      }
    }
  }
  return out;
}

export function readAdvances(woff: Buffer): AdvanceTable {
  const t = woffTables(woff);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('font lacks head, hhea, hmtx or cmap');
  const unitsPerEm = head.readUInt16BE(18);
  const longMetrics = hhea.readUInt16BE(34);
  const advances: AdvanceTable = new Map();
  for (const [cp, glyph] of glyphIds(cmap)) {
    // Glyphs past the last long metric share its advance (hmtx spec).
    advances.set(cp, hmtx.readUInt16BE(Math.min(glyph, longMetrics - 1) * 4) / unitsPerEm);
  }
  return advances;
}

const require = createRequire(import.meta.url);
/** The package file of one weight; the page loads the .woff2 sibling. */
export const interFile = (weight: InterWeight, ext: 'woff' | 'woff2') =>
  require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.${ext}`);

const tables = new Map<InterWeight, AdvanceTable>();
function advancesOf(weight: InterWeight): AdvanceTable {
  let t = tables.get(weight);
  if (!t) {
    t = readAdvances(fs.readFileSync(interFile(weight, 'woff')));
    tables.set(weight, t);
  }
  return t;
}

export class MissingGlyphError extends Error {}

/** Width in px of one line of text drawn in Inter at `fontSize` px and `weight`, without kerning. */
export function interWidth(text: string, fontSize: number, weight: number): number {
  if (!(INTER_WEIGHTS as readonly number[]).includes(weight)) throw new Error(`Inter weight ${weight} is not shipped (${INTER_WEIGHTS.join(', ')})`);
  const adv = advancesOf(weight as InterWeight);
  let em = 0;
  for (const ch of text) {
    const w = adv.get(ch.codePointAt(0)!);
    if (w === undefined) throw new MissingGlyphError(`"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the shipped Inter subset`);
    em += w;
  }
  return em * fontSize;
}
