import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssRules, DIAGRAM_FONT, extractAccessibility, normalizeCss, parseFenceMeta, renderMermaid, withoutSharedRules } from '~/markdown/renderMermaid.ts';
import { mermaidPlugin } from '~/markdown/mermaidPlugin.ts';

const flow = `flowchart LR
  accTitle: Request path
  accDescr: An event reaches the service, which runs your code.
  E[Event] --> L[Lambda] --> C[Code]`;

describe('renderMermaid', () => {
  it('renders an accessible inline SVG with title and description', () => {
    const html = renderMermaid(flow, {}, 'd1');
    expect(html).toMatch(/^<figure class="ll-diagram not-content" data-pagefind-ignore/);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="d1-title"');
    expect(html).toContain('aria-describedby="d1-desc"');
    expect(html).toContain('<title id="d1-title">Request path</title>');
    expect(html).toContain('<desc id="d1-desc">An event reaches the service, which runs your code.</desc>');
    // accTitle/accDescr are lifted out, not drawn as nodes
    expect(html).not.toContain('data-id="accTitle"');
  });

  it('requests nothing from any other host and uses theme variables', () => {
    const html = renderMermaid(flow, {}, 'd1');
    expect(html).not.toMatch(/@import|fonts\.googleapis|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('var(--ll-d-fg)');
    expect(html).not.toMatch(/'Inter'/);
  });

  it('names the self-hosted Inter that diagrams.css declares, in every weight the SVG uses', () => {
    const html = renderMermaid('flowchart LR\n  subgraph G[Group]\n    A[Node] -->|edge| B[Other]\n  end', { title: 't' }, 'f');
    const css = fs.readFileSync('src/styles/diagrams.css', 'utf8');
    expect(cssRules(css)).toContain(normalizeCss(`.ll-diagram text { font-family: '${DIAGRAM_FONT}', system-ui, sans-serif; }`));
    const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => m[1]!);
    const weights = [...new Set([...html.matchAll(/font-weight="(\d+)"/g)].map((m) => Number(m[1])))].sort();
    expect(weights).toEqual([400, 500, 600]);
    for (const w of weights) {
      const face = faces.find((f) => f.includes(`font-weight: ${w};`));
      expect(face, `@font-face for ${w}`).toContain(`font-family: '${DIAGRAM_FONT}'`);
      expect(face).toContain(`src: url('../fonts/inter-diagram-${w}.woff2') format('woff2')`);
      expect(face).not.toMatch(/\.woff'|local\(/); // woff2 only; never a locally installed Inter of another version
    }
  });

  it('draws the SVG at its natural size inside a named, focusable scroll box', () => {
    const html = renderMermaid(flow, {}, 'd1');
    const [, , w, h] = /viewBox="([^"]+)"/.exec(html)![1]!.split(' ').map(Number);
    expect(html).toContain(`width="${+w!.toFixed(3)}" height="${+h!.toFixed(3)}"`);
    expect(html).toMatch(/<div class="ll-diagram__scroll" tabindex="0" role="group" aria-label="Request path \(diagram[^"]*\)"><svg /);
    expect(html).not.toContain('max-width');
  });

  it('keeps a rule that diagrams.css lacks inline, scoped to diagrams', () => {
    // (beautiful-mermaid's class and ER diagrams add a `.mono` rule; they need Inter 700, which is not shipped.)
    const svg = `<svg><style>\n  .ll-diagram text { font-family: '${DIAGRAM_FONT}', system-ui, sans-serif; }\n  .mono { font-family: ui-monospace, monospace; }\n</style><text>x</text></svg>`;
    expect(withoutSharedRules(svg)).toBe('<svg><style>.mono{font-family: ui-monospace, monospace;}</style><text>x</text></svg>');
    expect(withoutSharedRules(svg, new Set())).toBe(svg);
    const html = renderMermaid(flow, {}, 'd1');
    expect(html).not.toMatch(/(^|[\s}])(svg|text) ?\{/);
    expect(html).not.toMatch(/--_text-faint:\s*color-mix/);
  });

  it('ships the rules every SVG shares once, in diagrams.css, not as a <style> per diagram', () => {
    // An inline <style> is a document stylesheet added mid-parse: the browser recomputes the style
    // of the whole page parsed so far, once per diagram. A rule the renderer writes differently from
    // diagrams.css would stay inline and fail here.
    for (const src of [flow, 'sequenceDiagram\n  accTitle: Calls\n  A->>B: hi', 'stateDiagram-v2\n  accTitle: States\n  [*] --> A']) {
      expect(renderMermaid(src, {}, 'd')).not.toContain('<style');
    }
    const css = cssRules(fs.readFileSync('src/styles/diagrams.css', 'utf8')).join('\n');
    expect(css).toContain('.ll-diagram svg{');
    expect(css).toContain('--_text-faint: var(--muted);');
  });

  it('prefixes every id and reference so two diagrams can share a page', () => {
    const a = renderMermaid(flow, {}, 'a');
    const ids = [...a.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id.startsWith('a-')).toBe(true);
    for (const m of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('is a single line, so Markdown cannot end the HTML block part-way through the SVG', () => {
    const html = renderMermaid(flow, {}, 'd1');
    expect(html).not.toContain('\n');
    expect(html).toMatch(/<polyline|<path|<rect/);
    expect(html).toContain('>Event</text>');
  });

  it('takes title and description from fence metadata over the source', () => {
    expect(parseFenceMeta('title="From meta" desc=\'Meta desc\'')).toEqual({ title: 'From meta', desc: 'Meta desc' });
    const html = renderMermaid(flow, parseFenceMeta('title="From meta"'), 'm');
    expect(html).toContain('<title id="m-title">From meta</title>');
  });

  it('escapes markup in titles', () => {
    const html = renderMermaid('flowchart LR\n  A --> B', { title: '<b>&' }, 'x');
    expect(html).toContain('<title id="x-title">&lt;b&gt;&amp;</title>');
  });

  it('renders a sequence diagram', () => {
    const html = renderMermaid('sequenceDiagram\n  accTitle: Invoke\n  Client->>Lambda: Invoke\n  Lambda-->>Client: Result', {}, 's');
    expect(html).toContain('data-diagram-type="sequenceDiagram"');
    expect(html).toContain('Client');
  });

  it('refuses unsupported diagram types and diagrams without a name', () => {
    expect(() => renderMermaid('pie\n  "a": 1', { title: 't' }, 'p')).toThrow(/unsupported diagram type "pie"/);
    expect(() => renderMermaid('flowchart LR\n  A --> B', {}, 'p')).toThrow(/accessible name/);
  });

  it('extractAccessibility keeps the rest of the source intact', () => {
    const r = extractAccessibility(flow);
    expect(r.title).toBe('Request path');
    expect(r.body).toBe('flowchart LR\n  E[Event] --> L[Lambda] --> C[Code]');
  });
});

describe('mermaidPlugin', () => {
  const ctx = { fileURL: new URL('file:///work/main/content/docs/lambda/x.mdx') };
  it('replaces mermaid fences with raw HTML and leaves other code alone', () => {
    const plugin = mermaidPlugin();
    const md = plugin.code({ lang: 'mermaid', meta: null, value: flow, position: { start: { line: 7 } } }, ctx);
    expect(md).toMatchObject({ type: 'html' });
    expect(md && 'value' in md ? md.value : '').toContain('<svg');
    const mdx = plugin.code({ lang: 'mermaid', value: flow }, { ...ctx, sourceFormat: 'mdx' });
    expect(mdx).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Fragment' });
    expect(mdx && 'attributes' in mdx ? mdx.attributes[0]!.value : '').toContain('fill="var(--_text)"');
    expect(plugin.code({ lang: 'python', value: 'print(1)' }, ctx)).toBeUndefined();
  });

  it('fails with the file and line of a bad diagram', () => {
    const plugin = mermaidPlugin();
    expect(() =>
      plugin.code({ lang: 'mermaid', value: 'gantt\n  title x', position: { start: { line: 42 } } }, ctx),
    ).toThrow(/x\.mdx:42: invalid Mermaid diagram: unsupported diagram type "gantt"/);
  });
});
