import { runCli } from '~/sim/cli/runCli.ts';

/** A fake file: its text, or a stat result for a file that must not be read (too large, not a file). */
export type FakeFile = string | { isFile: boolean; size: number };

/** Runs the CLI against fake files: text, or a stat result for files that must not be read. */
export function cliWith(files: Record<string, FakeFile>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      const f = files[p];
      if (typeof f === 'string') return f;
      throw new Error(f ? 'must not read' : 'ENOENT');
    },
    statFile: (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('ENOENT');
      return typeof f === 'string' ? { isFile: true, size: f.length } : f;
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
