// @vitest-environment happy-dom
/**
 * Every diagram in content/docs must stay portable Mermaid: it parses with the official
 * `mermaid` package's parser (not only with the build-time renderer), names itself for
 * assistive technology, and renders with the build-time renderer.
 */
import { describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { collectMermaid } from '~/markdown/collectMermaid.ts';
import { extractAccessibility, parseFenceMeta, renderMermaid } from '~/markdown/renderMermaid.ts';

const fences = collectMermaid();

describe('diagrams in content/docs', () => {
  it('there are diagrams to check', () => {
    expect(fences.length).toBeGreaterThan(0);
  });

  for (const f of fences) {
    describe(`${f.file}:${f.line}`, () => {
      it('parses with the mermaid package', async () => {
        await expect(mermaid.parse(f.source)).resolves.toBeTruthy();
      });
      it('has an accessible name and renders at build time', () => {
        const meta = parseFenceMeta(f.meta);
        expect(meta.title ?? extractAccessibility(f.source).title, 'accTitle or title="…"').toBeTruthy();
        expect(renderMermaid(f.source, meta, 't')).toContain('<svg');
      });
    });
  }
});
