import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The simulation core must run unchanged in Node, a Web Worker and at build time, and the same seed must
// give the same run: no DOM, no clocks, no ambient randomness, no timers, no Node imports. Only the CLI
// shell (src/sim/cli/) may touch Node.
const ROOT = join(import.meta.dirname, '../../src/sim');
const FORBIDDEN: [RegExp, string][] = [
  [/\bwindow\b/, 'window'],
  [/\bdocument\b/, 'document'],
  [/\bnavigator\b/, 'navigator'],
  [/\bDate\b/, 'Date'],
  [/Math\.random/, 'Math.random'],
  [/\bsetTimeout\b|\bsetInterval\b|\bsetImmediate\b|\brequestAnimationFrame\b|\bqueueMicrotask\b/, 'timers'],
  [/\bperformance\b/, 'performance'],
  [/(?<![.\w])process\s*\.|\bglobalThis\b/, 'process/globalThis'],
  [/from\s+['"](node:|fs|path|os|child_process|worker_threads|astro)/, 'Node/Astro import'],
  [/import\(\s*['"]/, 'dynamic import'],
  [/\brequire\(/, 'require'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'cli' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Strips comments so a docblock may mention what the code must not use, and the text of plain string
 * literals (not module specifiers) so reader-facing words ("batching window") are not mistaken for globals.
 */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(?<!(?:from|import\(|require\()\s*)'(?:[^'\\\n]|\\.)*'/g, "''"); // module specifiers are kept
}

describe('src/sim purity', () => {
  const list = files(ROOT);
  it('finds the core files', () => {
    expect(list.length).toBeGreaterThan(20);
  });
  for (const file of list) {
    it(`${relative(ROOT, file)} uses no DOM, clock, ambient randomness, timers or Node`, () => {
      const text = code(readFileSync(file, 'utf8'));
      const hits = FORBIDDEN.filter(([re]) => re.test(text)).map(([, name]) => name);
      expect(hits).toEqual([]);
    });
  }
  it('the compiler enforces it too: src/sim/tsconfig.json has the ECMAScript library only (npm test runs tsc on it)', () => {
    const cfg = JSON.parse(code(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')));
    expect(cfg.compilerOptions.lib).toEqual(['ES2023']);
    expect(cfg.compilerOptions.types).toEqual([]);
    expect(cfg.exclude).toEqual(['./cli/**']);
    expect(readFileSync(join(ROOT, '../../scripts/test.mjs'), 'utf8')).toContain("'tsc', '-p', 'src/sim/tsconfig.json', '--noEmit'");
  });
  it('index.ts only re-exports', () => {
    const lines = code(readFileSync(join(ROOT, 'index.ts'), 'utf8')).split('\n').map((l) => l.trim()).filter(Boolean);
    const bad = lines.filter((l) => !/^export (\*|\{|type \{)/.test(l) && !/^[\w ,{}]*\} from /.test(l));
    expect(bad).toEqual([]);
  });
});
