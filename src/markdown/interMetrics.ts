/**
 * Exact text widths in the font diagrams are drawn with: the Inter subset the page loads
 * (src/fonts/inter-diagram-*.woff2, made from @fontsource/inter by src/markdown/diagramFont.ts),
 * weights 400/500/600. The advance widths are read from those very files, so the boxes are measured
 * with the bytes the reader's browser draws with.
 *
 * Shape: `interWidth(text, fontSize, weight)` → CSS px, the sum of the glyphs' advance widths.
 * Diagram text is drawn with kerning and contextual ligatures off (diagrams.css), so that sum is
 * what the browser draws. Throws for a character the subset lacks: its width would be a guess.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { DIAGRAM_FONT_WEIGHTS, diagramFontFile, type DiagramFontWeight } from './diagramFont.ts';


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

/** WOFF2's known-table tags, by the index its table directory uses (https://www.w3.org/TR/WOFF2/#table_dir_format). */
const WOFF2_TAGS = ('cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE ' +
  'GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill')
  .match(/.{4}\s?/g)!.map((t) => t.slice(0, 4));

/**
 * The tables of a WOFF2 file (not a collection): a 48-byte header, a table directory of variable-length
 * entries (flags byte, optional tag, UIntBase128 lengths), then one Brotli stream holding the tables
 * back to back (https://www.w3.org/TR/WOFF2/). A transformed hmtx keeps its advance widths in front,
 * after one flags byte; it is returned as stored and `readAdvances` accounts for it.
 */
function woff2Tables(buf: Buffer): { tables: Map<string, Buffer>; hmtxTransformed: boolean } {
  if (buf.toString('latin1', 4, 8) === 'ttcf') throw new Error('WOFF2 font collections are not read here');
  const count = buf.readUInt16BE(12);
  const compressedSize = buf.readUInt32BE(20);
  let at = 48;
  const base128 = () => {
    let v = 0;
    for (let i = 0; i < 5; i++) {
      const b = buf.readUInt8(at++);
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) return v;
    }
    throw new Error('bad UIntBase128 in a WOFF2 table directory');
  };
  const dir: { tag: string; length: number; transformed: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const flags = buf.readUInt8(at++);
    const tag = (flags & 0x3f) === 0x3f ? buf.toString('latin1', at, (at += 4)) : WOFF2_TAGS[flags & 0x3f]!;
    const version = flags >> 6;
    // glyf and loca: version 0 is their transform and 3 the null one; every other table the reverse.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const origLength = base128();
    dir.push({ tag, length: transformed ? base128() : origLength, transformed });
  }
  const data = zlib.brotliDecompressSync(buf.subarray(at, at + compressedSize));
  const tables = new Map<string, Buffer>();
  let offset = 0;
  for (const t of dir) {
    tables.set(t.tag, data.subarray(offset, offset + t.length));
    offset += t.length;
  }
  if (offset !== data.length) throw new Error(`WOFF2 tables hold ${offset} bytes, the stream ${data.length}`);
  return { tables, hmtxTransformed: dir.some((t) => t.tag === 'hmtx' && t.transformed) };
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

/** The tables of a WOFF 1.0 or WOFF2 file by tag, in its directory's order (a WOFF2 hmtx or glyf as stored, maybe transformed). */
export function fontTables(font: Buffer): Map<string, Buffer> {
  return font.toString('latin1', 0, 4) === 'wOF2' ? woff2Tables(font).tables : woffTables(font);
}

/** Per code point advance width (em) of a WOFF 1.0 or WOFF2 file. */
export function readAdvances(font: Buffer): AdvanceTable {
  const signature = font.toString('latin1', 0, 4);
  if (signature !== 'wOFF' && signature !== 'wOF2') throw new Error('not a WOFF 1.0 or WOFF2 file');
  const { tables: t, hmtxTransformed } = signature === 'wOF2' ? woff2Tables(font) : { tables: woffTables(font), hmtxTransformed: false };
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('font lacks head, hhea, hmtx or cmap');
  if (head.readUInt32BE(12) !== 0x5f0f3cf5) throw new Error('font head table has a bad magic number');
  const unitsPerEm = head.readUInt16BE(18);
  const longMetrics = hhea.readUInt16BE(34);
  // The hmtx of the sfnt holds (advance, lsb) pairs; WOFF2's transformed hmtx a flags byte, then the advances alone.
  const advanceAt = (i: number) => (hmtxTransformed ? hmtx.readUInt16BE(1 + i * 2) : hmtx.readUInt16BE(i * 4));
  const advances: AdvanceTable = new Map();
  for (const [cp, glyph] of glyphIds(cmap)) {
    // Glyphs past the last long metric share its advance (hmtx spec).
    advances.set(cp, advanceAt(Math.min(glyph, longMetrics - 1)) / unitsPerEm);
  }
  return advances;
}

const tables = new Map<DiagramFontWeight, AdvanceTable>();
function advancesOf(weight: DiagramFontWeight): AdvanceTable {
  let t = tables.get(weight);
  if (!t) {
    t = readAdvances(fs.readFileSync(diagramFontFile(weight)));
    tables.set(weight, t);
  }
  return t;
}

export class MissingGlyphError extends Error {}

/** Width in px of one line of text drawn in Inter at `fontSize` px and `weight`, without kerning. */
export function interWidth(text: string, fontSize: number, weight: number): number {
  if (!(DIAGRAM_FONT_WEIGHTS as readonly number[]).includes(weight)) throw new Error(`Inter weight ${weight} is not shipped (${DIAGRAM_FONT_WEIGHTS.join(', ')})`);
  const adv = advancesOf(weight as DiagramFontWeight);
  let em = 0;
  for (const ch of text) {
    const w = adv.get(ch.codePointAt(0)!);
    if (w === undefined) throw new MissingGlyphError(`"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the shipped Inter subset: add it to DIAGRAM_CHARS in src/markdown/diagramFont.ts and run \`npm run fonts\``);
    em += w;
  }
  return em * fontSize;
}
