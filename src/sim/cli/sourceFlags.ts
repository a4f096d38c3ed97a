import type { FieldError } from '../validate/fields.ts';
import type { NumberRule, RuleTable } from '../validate/rules.ts';
import { expectedOf } from '../validate/rules.ts';
import type { ParsedArgs } from './parseArgs.ts';
import { CliUsageError } from './usageError.ts';

/** Flag → config field, for the event source commands. */
export type FlagMap = Record<string, string>;

/** The raw config from the flags that were given (values stay strings; the validator reads them). */
export function rawFromFlags(args: ParsedArgs, flags: FlagMap, bools: FlagMap): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(flags)) if (args.values.has(flag)) raw[field] = args.values.get(flag);
  for (const [flag, field] of Object.entries(bools)) if (args.bools.has(flag)) raw[field] = true;
  return raw;
}

/** The first validation error, with the field swapped for its flag: one line, as every command prints. */
export function usageFromErrors(flags: FlagMap, errors: FieldError[]): CliUsageError {
  const e = errors[0]!;
  const flag = Object.entries(flags).find(([, f]) => f === e.field)?.[0];
  return new CliUsageError(`${flag ? `--${flag}` : e.field} must be ${e.expected}; got ${e.got}`);
}

/** `--flag VALUE   help (range; default d)` lines for --help, read from a rules table. */
export function helpLines(table: RuleTable, flags: FlagMap): string {
  const rows: string[] = [];
  for (const [flag, field] of Object.entries(flags)) {
    const rule = (table as Record<string, NumberRule>)[field];
    if (!rule) continue;
    const def = rule.default === null ? 'off unless given' : `default ${rule.default}`;
    rows.push(`    --${flag} N`.padEnd(28) + `${rule.help} (${expectedOf(rule)}; ${def})`);
  }
  return rows.join('\n');
}

/** camelCase keys → snake_case, recursively for plain objects (arrays and numbers kept). */
export function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = snakeKeys(x);
  return out;
}
