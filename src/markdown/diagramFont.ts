/**
 * The font files diagrams are drawn with: Inter from @fontsource/inter (SIL Open Font License 1.1,
 * https://fontsource.org/fonts/inter), cut down to the characters diagram labels may use and to
 * what the page draws, committed in src/fonts/ and declared in src/styles/diagrams.css.
 *
 * Why a subset: the latin files are ~24 KB per weight and a diagram page loads two or three weights.
 * They arrive while the page is still painting, so on a slow phone they delay the paint of the text
 * (Lighthouse counts them in LCP: /lambda/event-sources/ 1.7 s with them, 1.2 s without). Printable
 * ASCII plus the typographic marks below, without the OpenType layout tables, is ~6 KB per weight.
 * The layout tables go because diagrams.css turns kerning and ligatures off for diagram text
 * (the box widths are sums of advance widths, src/markdown/interMetrics.ts): the page never used them.
 *
 * Shape: `DIAGRAM_CHARS` (the characters kept), `diagramFontFile(weight)` (the committed .woff2),
 * `makeDiagramFont(weight)` (the bytes that file must hold; `npm run fonts` writes them, and
 * tests/unit/diagramFont.test.ts checks the committed files are exactly that).
 * A label with a character outside the set fails the build with a message naming this file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIAGRAM_FONT_WEIGHTS = [400, 500, 600] as const;
export type DiagramFontWeight = (typeof DIAGRAM_FONT_WEIGHTS)[number];

/**
 * Printable ASCII (U+0020–U+007E), no-break space, and the marks an English label is likely to
 * want: en and em dash, curly quotes, ellipsis, multiplication sign, middle dot. Only what
 * @fontsource/inter's latin file has (it has no arrows, ≤ or ≥; the unit test checks every one is there).
 * Adding one: put it here, run `npm run fonts`, commit the three files.
 */
export const DIAGRAM_CHARS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') + '\u00a0–—‘’“”…×·';

/** Tables dropped from the subset: kerning (GPOS), glyph substitution (GSUB) and their glyph classes (GDEF). */
export const DROPPED_TABLES = ['GPOS', 'GSUB', 'GDEF'];

/**
 * Name records kept: the copyright notice, family and version (0–6), and the license description and
 * URL (13, 14; the source has 14), which the subsetter drops by default. The SIL Open Font License
 * lets a modified font be shipped when each copy carries the notice and the license, in its
 * metadata or beside it (src/fonts/LICENSE). Inter declares no Reserved Font Name.
 */
export const KEPT_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

/** The committed subset of one weight, the file the page loads. */
export const diagramFontFile = (weight: DiagramFontWeight) =>
  // path.join, not new URL(…, import.meta.url): under happy-dom (a unit-test environment) the global URL is not Node's.
  path.join(path.dirname(fileURLToPath(import.meta.url)), `../fonts/inter-diagram-${weight}.woff2`);

const require = createRequire(import.meta.url);
/** The @fontsource/inter file a subset is cut from. */
export const sourceFontFile = (weight: DiagramFontWeight) =>
  require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff2`);

/** The bytes diagramFontFile(weight) must hold: the source cut to DIAGRAM_CHARS, as WOFF2. Deterministic. */
export async function makeDiagramFont(weight: DiagramFontWeight): Promise<Buffer> {
  // subset-font (harfbuzz's subsetter and Google's WOFF2 encoder, as WebAssembly) is only needed
  // to make the files, never to build the site: loaded here, on demand.
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(fs.readFileSync(sourceFontFile(weight)), DIAGRAM_CHARS, { targetFormat: 'woff2', dropTables: DROPPED_TABLES, preserveNameIds: KEPT_NAME_IDS });
}
