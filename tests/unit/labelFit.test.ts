/**
 * Diagram labels against the font the page ships: the advance widths read from its subset of Inter,
 * the mirror of beautiful-mermaid's width estimate, the padding that widens boxes the estimate
 * makes too narrow, and the fit check the build relies on.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { DIAGRAM_FONT_WEIGHTS, diagramFontFile } from '~/markdown/diagramFont.ts';
import { interWidth, MissingGlyphError, readAdvances } from '~/markdown/interMetrics.ts';
import { checkFit, modelWidth, PAD, paddingNeeded, padLabels, stripPads, svgLabels } from '~/markdown/labelFit.ts';
import { collectMermaid } from '~/markdown/collectMermaid.ts';
import { extractAccessibility, parseFenceMeta, renderMermaid } from '~/markdown/renderMermaid.ts';

describe('Inter advance widths', () => {
  it('reads the shipped weights: printable ASCII is all there, digits are proportional, i narrow, M wide', () => {
    for (const w of DIAGRAM_FONT_WEIGHTS) {
      const adv = readAdvances(fs.readFileSync(diagramFontFile(w)));
      for (let cp = 0x20; cp < 0x7f; cp++) expect(adv.get(cp), `U+${cp.toString(16)} at ${w}`).toBeGreaterThan(0);
      // Inter 4's default figures are proportional: "1" is about two thirds of "0" (0.41 vs 0.65 em at 500).
      expect(adv.get(0x31)! / adv.get(0x30)!).toBeLessThan(0.7);
      expect(adv.get(0x69)!).toBeLessThan(adv.get(0x61)!);
      expect(adv.get(0x4d)!).toBeGreaterThan(adv.get(0x61)!);
    }
    // E v e n t at 500: (1235 + 1177 + 1203 + 1232 + 697) / 2048 em, from the font's hmtx table.
    expect(interWidth('Event', 13, 500)).toBeCloseTo((13 * (1235 + 1177 + 1203 + 1232 + 697)) / 2048, 9);
  });

  it('heavier weights are wider, and width scales with size', () => {
    const t = 'Temp disk in /tmp: 512 MB to 10,240 MB';
    expect(interWidth(t, 13, 400)).toBeLessThan(interWidth(t, 13, 500));
    expect(interWidth(t, 13, 500)).toBeLessThan(interWidth(t, 13, 600));
    expect(interWidth(t, 26, 500)).toBeCloseTo(2 * interWidth(t, 13, 500), 9);
  });

  it('refuses a character outside the subset (saying how to add it) or a weight that is not shipped', () => {
    expect(() => interWidth('Lambda λ', 13, 500)).toThrow(MissingGlyphError);
    expect(() => interWidth('a → b', 13, 500)).toThrow(/"→" \(U\+2192\) is not in the shipped Inter subset: add it to DIAGRAM_CHARS in src\/markdown\/diagramFont\.ts and run `npm run fonts`/);
    expect(() => interWidth('Lambda', 13, 700)).toThrow(/not shipped/);
  });

});

describe("beautiful-mermaid's width estimate (mirrored)", () => {
  it('predicts the width of the boxes the renderer draws', () => {
    // A rectangle node is the estimate plus 20 px of padding on each side (its NODE_PADDING).
    for (const label of ['Event', 'Temp disk in /tmp: 512 MB to 10,240 MB', 'WWW mmm iii 111 (x) {y} 42%', `pad${PAD}${PAD}`]) {
      const svg = renderMermaidSVG(`flowchart LR\n  A[${label}]`, {});
      const width = Number(/<g class="node"[\s\S]*?<rect[^>]*\swidth="([^"]+)"/.exec(svg)![1]);
      expect(width, label).toBeCloseTo(modelWidth(label, 13, 500) + 40, 6);
    }
  });

  it('underestimates real Inter where digits and spaces are many: the spill readers saw', () => {
    const t = 'Temp disk in /tmp: 512 MB to 10,240 MB';
    expect(interWidth(t, 13, 500)).toBeGreaterThan(modelWidth(t, 13, 500));
  });
});

describe('fitting labels', () => {
  const src = 'flowchart LR\n  TMP[Temp disk in /tmp: 512 MB to 10,240 MB] -->|512 MB to 10,240 MB of scratch| X[Next]';

  it('asks for padding only for labels the estimate makes too narrow, and pads every use', () => {
    const need = paddingNeeded(renderMermaidSVG(src, {}));
    expect([...need.keys()].sort()).toEqual(['512 MB to 10,240 MB of scratch', 'Temp disk in /tmp: 512 MB to 10,240 MB']);
    const padded = padLabels(src, need);
    expect(stripPads(padded)).toBe(src);
    expect(padded).toContain(`10,240 MB${PAD}`);
    expect(padded).not.toContain(`Next${PAD}`);
  });

  it('does not pad inside a longer word', () => {
    expect(padLabels('A[Events] --> B[Event]', new Map([['Event', 2]]))).toBe(`A[Events] --> B[Event${PAD}${PAD}]`);
  });

  it('checkFit finds the spill in the raw render and none after renderMermaid', () => {
    // The node keeps 20 px of side padding to absorb its shortfall; the edge label's box has none.
    expect(checkFit(renderMermaidSVG(src, { padding: 8 }))).toEqual([expect.stringMatching(/^"512 MB to 10,240 MB of scratch" \(edge-label\) is [\d.]+ px wider than its box$/)]);
    const html = renderMermaid(src, { title: 't' }, 'f');
    expect(checkFit(html)).toEqual([]);
    expect(html).not.toContain(PAD);
  });

  it('fails the build for a label that cannot fit, naming it', () => {
    // The renderer does not size a subgraph for its heading: a long heading over a small node spills.
    const bad = 'flowchart TB\n  subgraph W[A heading far wider than the one small node below it]\n    N[x]\n  end';
    expect(() => renderMermaid(bad, { title: 't' }, 'b')).toThrow(/A heading far wider.*wider than its box/);
  });

  it('every diagram in content/docs fits in Inter, with its text unchanged', () => {
    const fences = collectMermaid();
    expect(fences.length).toBeGreaterThan(5);
    for (const f of fences) {
      const html = renderMermaid(f.source, parseFenceMeta(f.meta), 't');
      expect(checkFit(html), `${f.file}:${f.line}`).toEqual([]);
      const raw = renderMermaidSVG(extractAccessibility(f.source).body, { padding: 8 });
      const text = (s: string) => svgLabels(s).map((l) => stripPads(l.raw)).sort();
      expect(text(html), `${f.file}:${f.line}`).toEqual(text(raw));
    }
  }, 30_000);
});
