/**
 * The Inter subsets diagrams are drawn with (src/fonts/, made by src/markdown/diagramFont.ts): the
 * committed files are exactly what `npm run fonts` makes, hold every character DIAGRAM_CHARS names
 * and no other, keep @fontsource/inter's advance widths (the boxes are measured with them), and
 * stay small: their size is why they exist (they delayed the first text paint on diagram pages).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_CHARS, DIAGRAM_FONT_WEIGHTS, DROPPED_TABLES, diagramFontFile, makeDiagramFont, sourceFontFile } from '~/markdown/diagramFont.ts';
import { fontTables, readAdvances } from '~/markdown/interMetrics.ts';

/** Budget per weight: measured 5,916–6,008 bytes (the latin files they are cut from: 23,664–24,452). */
const MAX_BYTES = 8_000;
/** The Windows/Unicode (UTF-16BE) records of a font's name table, by name id (https://learn.microsoft.com/typography/opentype/spec/name). */
function nameRecords(font: Buffer): Map<number, string> {
  const name = fontTables(font).get('name')!;
  const out = new Map<number, string>();
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < name.readUInt16BE(2); i++) {
    const r = 6 + i * 12;
    if (name.readUInt16BE(r) !== 3 && name.readUInt16BE(r) !== 0) continue;
    const at = strings + name.readUInt16BE(r + 10);
    out.set(name.readUInt16BE(r + 6), Buffer.from(name.subarray(at, at + name.readUInt16BE(r + 8))).swap16().toString('utf16le'));
  }
  return out;
}

const codePoints = [...DIAGRAM_CHARS].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);

describe('the diagram font subsets', () => {
  it.each(DIAGRAM_FONT_WEIGHTS)('weight %i: the committed file is what `npm run fonts` makes', async (w) => {
    const made = await makeDiagramFont(w);
    const committed = fs.readFileSync(diagramFontFile(w));
    expect(committed.equals(made), `src/fonts/inter-diagram-${w}.woff2 differs from what \`npm run fonts\` makes: run it and commit`).toBe(true);
  });

  it.each(DIAGRAM_FONT_WEIGHTS)('weight %i: holds exactly DIAGRAM_CHARS, with the source font’s advance widths', (w) => {
    const subset = readAdvances(fs.readFileSync(diagramFontFile(w)));
    const source = readAdvances(fs.readFileSync(sourceFontFile(w)));
    expect([...subset.keys()].sort((a, b) => a - b)).toEqual(codePoints);
    for (const cp of codePoints) expect(subset.get(cp), `U+${cp.toString(16)}`).toBe(source.get(cp));
    // A width is not trivially equal: the source has more characters than the subset keeps.
    expect(source.size).toBeGreaterThan(subset.size + 100);
  });

  it.each(DIAGRAM_FONT_WEIGHTS)('weight %i: no layout tables, and within the size budget', (w) => {
    const file = fs.readFileSync(diagramFontFile(w));
    const tags = [...fontTables(file).keys()];
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'head', 'hhea', 'hmtx', 'glyf', 'loca']));
    for (const t of DROPPED_TABLES) expect(tags).not.toContain(t);
    expect([...fontTables(fs.readFileSync(sourceFontFile(w))).keys()]).toEqual(expect.arrayContaining(DROPPED_TABLES));
    expect(file.length).toBeLessThanOrEqual(MAX_BYTES);
    expect(file.length).toBeLessThan(fs.statSync(sourceFontFile(w)).size / 3);
  });

  it.each(DIAGRAM_FONT_WEIGHTS)('weight %i: carries the copyright notice and the license URL, as the source does', (w) => {
    const subset = nameRecords(fs.readFileSync(diagramFontFile(w)));
    const source = nameRecords(fs.readFileSync(sourceFontFile(w)));
    expect(subset.get(0)).toMatch(/^Copyright 2016 The Inter Project Authors/);
    expect(subset.get(14)).toBe('https://openfontlicense.org');
    for (const id of [0, 1, 5, 13, 14]) expect(subset.get(id), `name ${id}`).toBe(source.get(id));
    expect(fs.readFileSync('src/fonts/LICENSE', 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('a file that is not WOFF or WOFF2 is refused with a message', () => {
    expect(() => readAdvances(Buffer.from('not a font at all, just text'))).toThrow(/not a WOFF 1\.0 or WOFF2 file/);
  });
});
