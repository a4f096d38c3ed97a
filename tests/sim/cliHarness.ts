import { runCli } from '~/sim/cli/runCli.ts';

/**
 * Runs the CLI in-process with captured output and a fake file system (`files`: path → content; any
 * other path fails to read, as a missing file would). Returns the exit code and the joined output.
 */
export function captureCli(files: Record<string, string>, argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      if (Object.hasOwn(files, p)) return files[p]!;
      throw new Error('ENOENT');
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
