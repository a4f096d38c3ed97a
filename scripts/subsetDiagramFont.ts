/**
 * `npm run fonts`: write the Inter subsets diagrams are drawn with (src/fonts/inter-diagram-*.woff2)
 * from @fontsource/inter, as src/markdown/diagramFont.ts defines them. Run it after changing
 * DIAGRAM_CHARS or upgrading @fontsource/inter, and commit the files; tests/unit/diagramFont.test.ts
 * fails while they differ from what this writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIAGRAM_FONT_WEIGHTS, diagramFontFile, makeDiagramFont, sourceFontFile } from '../src/markdown/diagramFont.ts';

for (const weight of DIAGRAM_FONT_WEIGHTS) {
  const bytes = await makeDiagramFont(weight);
  fs.writeFileSync(diagramFontFile(weight), bytes);
  console.log(`${path.relative(process.cwd(), diagramFontFile(weight))}: ${bytes.length.toLocaleString('en-US')} bytes (from ${fs.statSync(sourceFontFile(weight)).size.toLocaleString('en-US')})`);
}
