/**
 * The build step that preloads diagram fonts (src/integrations/fontPreload.ts), on a tiny site in a
 * temporary folder: the weights come from the diagrams' text, the links land before the first
 * stylesheet, pages without diagrams are untouched, and a weight without a built file fails the
 * build with a message naming the page and the weight. tests/browser/diagrams.test.ts checks the
 * real site in a browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramWeights, preloadDiagramFonts } from '~/integrations/fontPreload.ts';

const figure = (...weights: number[]) =>
  `<figure class="ll-diagram not-content"><svg>${weights.map((w) => `<text x="1" font-size="13" font-weight="${w}">A</text>`).join('')}</svg></figure>`;
const page = (body: string) => `<html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"></head><body>${body}</body></html>`;

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
function site(files: Record<string, string>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-fonts-'));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
}

describe('diagram font preloads', () => {
  it('reads the weights of diagram text only (not of other SVGs on the page)', () => {
    expect(diagramWeights(figure(500, 400, 500) + figure(600) + '<svg><text font-weight="700">x</text></svg>')).toEqual([400, 500, 600]);
    expect(diagramWeights('<p>no diagram</p>')).toEqual([]);
  });

  it('adds one link per weight, before the first stylesheet, and leaves pages without diagrams alone', () => {
    const plain = page('<p>text</p>');
    site({
      'index.html': plain,
      'a/index.html': page(figure(400, 500)),
      '_astro/inter-diagram-400.h4.woff2': 'x',
      '_astro/inter-diagram-500.h5.woff2': 'x',
      '_astro/inter-diagram-600.h6.woff2': 'x',
    });
    expect(preloadDiagramFonts(dir)).toEqual({ pages: 1, links: 2 });
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(plain);
    expect(fs.readFileSync(path.join(dir, 'a/index.html'), 'utf8')).toContain(
      '<meta charset="utf-8">' +
        '<link rel="preload" href="/_astro/inter-diagram-400.h4.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="preload" href="/_astro/inter-diagram-500.h5.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="stylesheet" href="/_astro/a.css">',
    );
  });

  it('fails, naming the page and the weight, when no font file was built for a weight', () => {
    site({ 'b/index.html': page(figure(600)), '_astro/inter-diagram-400.h4.woff2': 'x' });
    expect(() => preloadDiagramFonts(dir)).toThrow('font preload: b/index.html draws diagram text at weight 600, but no _astro/inter-diagram-600.*.woff2 was built');
  });
});
