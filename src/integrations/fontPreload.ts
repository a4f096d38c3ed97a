/**
 * Preload the diagram font weights a page draws with, in that page's <head>.
 *
 * Why: without it the browser finds a diagram's font only when it lays the diagram out, deep into
 * parsing; the request then waits behind the layout that found it, the text it was holding back
 * is painted late, and the diagram is laid out twice (fallback font, then Inter: the "Fonts
 * changed" relayout). Lighthouse counts that chain in the page's LCP. Preloaded, the ~6 KB files
 * (src/markdown/diagramFont.ts) load beside the stylesheets and the diagram is laid out once.
 * Only the weights the page's diagrams use are preloaded (a weight preloaded and not used would be
 * wasted bytes and a console warning), and pages without diagrams get none.
 *
 * Shape: `preloadDiagramFonts(dir)` rewrites the built pages under `dir` and returns what it added.
 * The weights come from the SVG text's font-weight attributes inside `<figure class="ll-diagram`,
 * the URLs from the hashed files Vite emitted (`_astro/inter-diagram-<weight>.<hash>.woff2`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './htmlFiles.ts';

/** The font weights the diagrams of one page use, ascending. */
export function diagramWeights(html: string): number[] {
  const weights = new Set<number>();
  for (const fig of html.matchAll(/<figure class="ll-diagram[\s\S]*?<\/figure>/g)) {
    for (const m of fig[0].matchAll(/<text\b[^>]*\sfont-weight="(\d+)"/g)) weights.add(Number(m[1]));
  }
  return [...weights].sort((a, b) => a - b);
}

export function preloadDiagramFonts(dir: string): { pages: number; links: number } {
  const files = listFiles(dir);
  const fontUrl = new Map<number, string>();
  for (const f of files) {
    const m = /^_astro\/inter-diagram-(\d+)\.[\w-]+\.woff2$/.exec(f);
    if (!m) continue;
    if (fontUrl.has(Number(m[1]))) throw new Error(`font preload: two files for diagram font weight ${m[1]} in _astro/`);
    fontUrl.set(Number(m[1]), `/${f}`);
  }
  let pages = 0;
  let links = 0;
  for (const rel of files.filter((f) => f.endsWith('.html'))) {
    const file = path.join(dir, rel);
    const html = fs.readFileSync(file, 'utf8');
    const weights = diagramWeights(html);
    if (!weights.length) continue;
    const tags = weights.map((w) => {
      const url = fontUrl.get(w);
      if (!url) throw new Error(`font preload: ${rel} draws diagram text at weight ${w}, but no _astro/inter-diagram-${w}.*.woff2 was built (see src/styles/diagrams.css)`);
      // crossorigin: fonts are always fetched in CORS mode; a preload without it would not be reused.
      return `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`;
    });
    // Before the first stylesheet: the fonts start with the CSS instead of after it.
    const at = html.search(/<link rel="stylesheet"/);
    if (at < 0 || at > html.indexOf('</head>')) throw new Error(`font preload: ${rel} has no stylesheet link in its <head>`);
    fs.writeFileSync(file, html.slice(0, at) + tags.join('') + html.slice(at));
    pages++;
    links += tags.length;
  }
  return { pages, links };
}
