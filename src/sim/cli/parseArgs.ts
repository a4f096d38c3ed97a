import { escapeInput, quoteInput } from '../format/index.ts';

/**
 * Minimal flag parser: `--name value`, `--name=value`, and boolean flags. Unknown flags and missing
 * values are errors (the caller prints one line and exits 2).
 */
export interface ParsedArgs {
  values: Map<string, string>;
  bools: Set<string>;
}

export type ParseArgsResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], valueFlags: readonly string[], boolFlags: readonly string[]): ParseArgsResult {
  const values = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) return { ok: false, error: `unexpected argument ${quoteInput(a)}; flags start with --` };
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (boolFlags.includes(name)) {
      if (eq > 0) return { ok: false, error: `--${name} takes no value` };
      bools.add(name);
      continue;
    }
    if (!valueFlags.includes(name)) return { ok: false, error: `unknown flag --${escapeInput(name)}; see --help` };
    let v: string | undefined;
    if (eq > 0) v = a.slice(eq + 1);
    else {
      v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && !/^--?\d/.test(v))) return { ok: false, error: `--${name} needs a value` };
      i++;
    }
    if (values.has(name)) return { ok: false, error: `--${name} given twice` };
    values.set(name, v);
  }
  return { ok: true, args: { values, bools } };
}
