/**
 * Find every ```mermaid fence in the docs sources, with file and line, for the tests that check
 * diagrams independently of the build (portable Mermaid, accessible names).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface MermaidFence {
  file: string;
  line: number;
  meta: string;
  source: string;
}

export function collectMermaid(dir = 'content/docs'): MermaidFence[] {
  const out: MermaidFence[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.mdx?$/.test(e.name)) out.push(...fencesIn(p, fs.readFileSync(p, 'utf8')));
    }
  };
  walk(dir);
  return out;
}

export function fencesIn(file: string, text: string): MermaidFence[] {
  const lines = text.split('\n');
  const out: MermaidFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})mermaid\b(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) body.push(lines[j++]!);
    out.push({ file, line: i + 1, meta: open[3]!.trim(), source: body.join('\n') });
    i = j;
  }
  return out;
}
