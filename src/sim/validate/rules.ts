/**
 * Rules tables: the one home of each configuration range and default.
 *
 * Every configuration area of the simulator (pricing, engine, queues, streams, memory tuning, imports)
 * declares its numeric inputs once, as a table of `NumberRule`s keyed by the config field name:
 *
 *   export const SQS_RULES = {
 *     batchSize: { label: 'batch size', unit: 'messages', min: 1, max: 10_000, integer: true, default: 10,
 *                  help: 'Messages per invocation (above 10 needs a batching window of at least 1 s).',
 *                  source: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html' },
 *     …
 *   } as const satisfies RuleTable;
 *
 * Who reads a table:
 * - the validator (`readRule(raw, table, 'batchSize', errors)`), so the accepted range and the message
 *   come from the same object;
 * - the CLI (`--help` text and flag messages swap the field for the flag name, keep `expected`);
 * - the widgets' field specs (`fieldFromRule(rule, …)` in `src/widgets/shared/fieldSpec.ts`).
 * Nothing else writes a range or a default by hand.
 *
 * Plain data: no functions, so a table can cross `postMessage` and be printed as JSON.
 */
import { type FieldError, type NumberSpec, type Raw, expectedNumber, readNumber, readOptionalNumber } from './fields.ts';

export interface NumberRule {
  /** Reader-facing name, lower case ("batch size"); shells may prefix their own label or flag. */
  label: string;
  /** Unit shown after the range ("MB", "s", "messages"); omit for a pure count. */
  unit?: string;
  min: number;
  /** `Infinity` for no upper bound. */
  max: number;
  /** Exclusive lower bound (`min` itself not allowed). */
  above?: boolean;
  integer?: boolean;
  /** The default, or `null` when the field is off / absent unless given. */
  default: number | null;
  /** One sentence of help for `--help` and the widget's hint. */
  help: string;
  /** The AWS page that states the limit, where there is one (with the as-of date in the defining file). */
  source?: string;
}

export type RuleTable = Readonly<Record<string, NumberRule>>;

/** The NumberSpec view of a rule, for `fields.ts` helpers. */
export function specOf(rule: NumberRule): NumberSpec {
  return { min: rule.min, max: rule.max, integer: rule.integer, unit: rule.unit, above: rule.above };
}

/** "an integer from 1 to 10,000 (messages)": the accepted range, as every message states it. */
export function expectedOf(rule: NumberRule): string {
  return expectedNumber(specOf(rule));
}

/**
 * Reads `raw[key]` against `table[key]`; pushes a FieldError naming `key` on a bad value and returns
 * the rule's default (or `fallback` for rules whose default is `null`).
 */
export function readRule<T extends RuleTable>(raw: Raw, table: T, key: keyof T & string, errors: FieldError[], fallback = NaN): number {
  const rule = table[key]!;
  return readNumber(raw, key, specOf(rule), rule.default ?? fallback, errors);
}

/** As `readRule`, but `undefined` when the field is absent (or in error). */
export function readOptionalRule<T extends RuleTable>(raw: Raw, table: T, key: keyof T & string, errors: FieldError[]): number | undefined {
  return readOptionalNumber(raw, key, specOf(table[key]!), errors);
}

/**
 * Reads `raw[field]` against one rule, for fields read under another name (nested config read as
 * 'async.errorRate') or narrowed by another field (`narrow`: `{ max: requests, unit: 'at most requests' }`).
 */
export function readWithRule(raw: Raw, field: string, rule: NumberRule, errors: FieldError[], fallback = rule.default ?? NaN, narrow: Partial<NumberSpec> = {}): number {
  return readNumber(raw, field, { ...specOf(rule), ...narrow }, fallback, errors);
}

/** The table's defaults as a plain object (rules whose default is null are left out). */
export function defaultsOf<T extends RuleTable>(table: T): { [K in keyof T]?: number } {
  const out: { [K in keyof T]?: number } = {};
  for (const k of Object.keys(table) as (keyof T & string)[]) {
    const d = table[k]!.default;
    if (d !== null) out[k] = d;
  }
  return out;
}
