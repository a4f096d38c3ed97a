/**
 * Accessibility fixes applied to the built HTML, for markup no component override can reach.
 *
 * Markdown tables: Starlight makes every Markdown table its own horizontal scroll container
 * (`display: block; overflow: auto`), so on a phone a wide table scrolls, and a region that scrolls
 * must be reachable by keyboard (axe: scrollable-region-focusable, WCAG 2.1.1). Tables come from
 * the Markdown processor as bare `<table>` elements; they get `tabindex="0"` (the focus ring comes
 * from src/styles/theme.css). Tables that components render (widgets: `class="ll-table"`) are left
 * alone. tests/browser/a11y.test.ts runs axe at a phone width to keep this honest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './htmlFiles.ts';

export function focusableMarkdownTables(dir: string): number {
  let n = 0;
  for (const rel of listFiles(dir).filter((f) => f.endsWith('.html'))) {
    const file = path.join(dir, rel);
    const html = fs.readFileSync(file, 'utf8');
    const out = html.replace(/<table>/g, () => {
      n++;
      return '<table tabindex="0">';
    });
    if (out !== html) fs.writeFileSync(file, out);
  }
  return n;
}
