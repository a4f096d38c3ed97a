/**
 * The files of one runnable example, exactly as they are on disk under examples/<name>/, minus what
 * is never part of the project (installed packages, build output, logs). This one function feeds the
 * three places readers get an example from, so they cannot drift apart:
 *
 * - the code shown on the page (RunnableExample.astro, at build time),
 * - the project sent to StackBlitz (`/examples/<name>.json`, fetched when the reader clicks),
 * - the Download zip (`/examples/<name>.zip`).
 *
 * Shape: `{ 'package.json': '…', 'src/handler.ts': '…', … }`: POSIX paths relative to the example
 * folder, sorted, text contents (every example file is UTF-8 text). Build-time only (node:fs).
 */
import fs from 'node:fs';
import path from 'node:path';

export type ExampleFiles = Record<string, string>;

/** Never part of an example's payload. Every example's .gitignore must be covered (a test checks). */
export const IGNORED_DIRS = ['node_modules', 'dist', '.aws-sam', 'coverage', '.git'] as const;
export const IGNORED_FILES = [/\.log$/, /^\.DS_Store$/, /^samconfig\.toml$/, /^package-lock\.json$/] as const;

/** examples/ at the project root (Astro builds and vitest both run from the root). */
export const EXAMPLES_DIR = path.resolve(process.cwd(), 'examples');

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The example names: folders of examples/ with a package.json. */
export function exampleNames(examplesDir = EXAMPLES_DIR): string[] {
  return fs
    .readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && NAME.test(d.name) && fs.existsSync(path.join(examplesDir, d.name, 'package.json')))
    .map((d) => d.name)
    .sort();
}

export function examplePayload(name: string, examplesDir = EXAMPLES_DIR): ExampleFiles {
  if (!NAME.test(name)) throw new Error(`Example name "${name}" must be lowercase letters, digits and "-".`);
  const root = path.join(examplesDir, name);
  if (!fs.existsSync(path.join(root, 'package.json'))) {
    throw new Error(`No example "${name}": expected ${path.relative(process.cwd(), root)}/package.json. Known: ${exampleNames(examplesDir).join(', ')}.`);
  }
  const files: ExampleFiles = {};
  const walk = (dir: string, rel: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!(IGNORED_DIRS as readonly string[]).includes(e.name)) walk(path.join(dir, e.name), relPath);
      } else if (e.isFile() && !IGNORED_FILES.some((re) => re.test(e.name))) {
        files[relPath] = fs.readFileSync(path.join(dir, e.name), 'utf8');
      }
    }
  };
  walk(root, '');
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Files under src/ that export a Lambda `handler` (what the page shows first and StackBlitz opens). */
export function handlerFiles(files: ExampleFiles): string[] {
  return Object.keys(files).filter((f) => f.startsWith('src/') && /export (async )?function handler\b/.test(files[f] ?? ''));
}

/** The files a page shows by default: the handler files, then the rest of src/. */
export function defaultShownFiles(files: ExampleFiles): string[] {
  const handlers = handlerFiles(files);
  const rest = Object.keys(files).filter((f) => f.startsWith('src/') && !handlers.includes(f));
  return [...handlers, ...rest];
}
