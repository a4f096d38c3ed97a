/**
 * Sätteri mdast plugin (Astro 7's default Markdown processor): replaces every
 * ```mermaid fence with the inline SVG from renderMermaid() before Expressive Code
 * sees it. A bad diagram fails the build with "file:line: reason".
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Html } from 'mdast';
import { defineMdastPlugin, type MdxJsxFlowElement } from 'satteri';
import { MermaidError, parseFenceMeta, renderMermaid } from './renderMermaid.ts';

interface CodeNode {
  lang?: string | null;
  meta?: string | null;
  value: string;
  position?: { start: { line: number } };
}

export function mermaidPlugin() {
  let counter = 0;
  return defineMdastPlugin({
    name: 'lambda-lab-mermaid',
    options: { position: true },
    code(node: CodeNode, ctx: { fileURL: URL | undefined; sourceFormat?: string }): MdxJsxFlowElement | Html | undefined {
      if (node.lang !== 'mermaid') return undefined;
      const file = ctx.fileURL ? path.relative(process.cwd(), fileURLToPath(ctx.fileURL)) : '(unknown file)';
      const line = node.position?.start.line ?? 0;
      const slug = path.basename(file).replace(/\.[^.]+$/, '').replace(/[^a-z0-9]+/gi, '-');
      counter += 1;
      try {
        const html = renderMermaid(node.value, parseFenceMeta(node.meta), `mmd-${slug}-${line}-${counter}`);
        // Hand over finished HTML, not Markdown: re-parsed text would get smart punctuation
        // (`--x` → `–x` breaks CSS variables) and blank lines would end the HTML block.
        if (ctx.sourceFormat === 'mdx') {
          return {
            type: 'mdxJsxFlowElement',
            name: 'Fragment',
            attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
            children: [],
          };
        }
        return { type: 'html', value: html };
      } catch (e) {
        const reason = e instanceof MermaidError || e instanceof Error ? e.message : String(e);
        throw new Error(`${file}:${line}: invalid Mermaid diagram: ${reason}`);
      }
    },
  });
}
