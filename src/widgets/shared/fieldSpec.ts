/**
 * Field specs: one declarative description of each widget input, used for four things at once —
 * the server-rendered `<Field>` markup (label, unit, range hint), reading the form on the client,
 * reading/writing the URL (`urlState.ts`), and validation at the edge with a reader-facing message.
 *
 * Shape (plain data; a widget exports one `Schema` object):
 *
 *   const schema = {
 *     memoryMb: { kind: 'number', label: 'Memory (MB)', min: 128, max: 10240, integer: true, step: 64, default: 1024, unit: 'MB' },
 *     arch:     { kind: 'enum',   label: 'Architecture', options: ['x86_64', 'arm64'] as const, default: 'x86_64' },
 *     freeTier: { kind: 'bool',   label: 'Include free tier', default: true },
 *     seed:     SEED_FIELD,
 *   } satisfies Schema;
 *   type State = StateOf<typeof schema>;   // { memoryMb: number; arch: 'x86_64' | 'arm64'; freeTier: boolean; seed: number }
 *
 * Lifecycle: raw strings (form or URL) → `parseFields(schema, raw)` → `{ value, errors }`. `value` is
 * always complete and NaN-free (a field in error keeps its default, or `fallback` when given), so a
 * widget can keep rendering its last good output while the field shows its message.
 * Messages name the label and the accepted range, e.g.
 *   "Memory (MB) must be an integer from 128 to 10,240 (MB); got 64".
 * Pure: no DOM; runs on the server (Astro frontmatter), in the browser and in Node tests.
 */
import { expectedNumber, type FieldError, type NumberRule } from '~/sim';

export interface NumberField {
  kind: 'number';
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Arrow-key step of the input (`step` attribute); validation ignores it. Default: 1 for integers, 'any' else. */
  step?: number;
  /** Unit shown in the range hint and messages ('MB', 'ms', '%'). */
  unit?: string;
  default: number;
  /** Render as a slider (`<input type="range">`, whole `step`s) instead of a number box. */
  control?: 'range';
  /** Shorter URL key (default: the schema key). */
  urlKey?: string;
  /** Extra help under the input (plain text). */
  help?: string;
}

export interface EnumField<T extends string = string> {
  kind: 'enum';
  label: string;
  options: readonly T[];
  /** Display text per option (default: the option itself). */
  optionLabels?: Partial<Record<T, string>>;
  default: T;
  urlKey?: string;
  help?: string;
}

export interface BoolField {
  kind: 'bool';
  label: string;
  default: boolean;
  urlKey?: string;
  help?: string;
}

export type FieldSpec = NumberField | EnumField | BoolField;
export type Schema = Record<string, FieldSpec>;

// Enum values are inferred from `options` (write them `as const`), not from the widened `default`.
type ValueOf<F> = F extends NumberField ? number : F extends { kind: 'enum'; options: readonly (infer T)[] } ? T : F extends BoolField ? boolean : never;
export type StateOf<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** A validation problem on one field, with the message shown next to the input. */
export interface FieldProblem {
  key: string;
  message: string;
}

export interface Parsed<S extends Schema> {
  value: StateOf<S>;
  errors: FieldProblem[];
}

/**
 * A number field whose range, integer-ness, unit, default and help come from the core's rules table
 * (`PRICE_RULES.memoryMb`, `SIM_RULES.idleTimeoutS`, …), so a widget never writes a limit by hand.
 * The widget gives its label (with the unit, "Memory (MB)") and may give a URL key, an arrow-key step, its
 * own default or help, and a narrower range for its own reasons (a run that stays small) — never a wider
 * one: that throws at build time.
 */
export function fieldFromRule(rule: NumberRule, field: { label: string } & Partial<Omit<NumberField, 'kind' | 'label'>>): NumberField {
  const min = field.min ?? rule.min;
  const max = field.max ?? rule.max;
  if (min < rule.min || max > rule.max) throw new Error(`${field.label}: range ${min}–${max} is wider than the core's ${rule.min}–${rule.max}`);
  const fallback = field.default ?? rule.default;
  if (fallback === null) throw new Error(`${field.label}: the core's rule has no default; give one`);
  const unit = 'unit' in field ? field.unit : rule.unit;
  const help = field.help ?? rule.help;
  return {
    kind: 'number', label: field.label, min, max, default: fallback,
    ...(rule.integer ? { integer: true } : {}), ...(unit ? { unit } : {}), ...(help ? { help } : {}),
    ...(field.step !== undefined ? { step: field.step } : {}), ...(field.urlKey ? { urlKey: field.urlKey } : {}), ...(field.control ? { control: field.control } : {}),
  };
}

/**
 * The 32-bit seed every simulated widget carries (URL key `seed`): the domain of the core's `createRng`.
 * Written out rather than read from `SIM_RULES.seed`: that would put the whole engine rules table (help
 * texts included, about 1.5 KB gzip) into every widget's page chunk, one object that cannot be split.
 */
export const SEED_FIELD: NumberField = { kind: 'number', label: 'Seed', min: 0, max: 2 ** 32 - 1, integer: true, default: 1, urlKey: 'seed' };

/** "an integer from 128 to 10,240 (MB)" — the accepted range in words. */
export function describeRange(spec: FieldSpec): string {
  if (spec.kind === 'number') return expectedNumber({ min: spec.min, max: spec.max, integer: spec.integer ?? false, ...(spec.unit ? { unit: spec.unit } : {}) }).replace(/\b(\d{4,})\b/g, (d) => Number(d).toLocaleString('en-US'));
  if (spec.kind === 'enum') return `one of ${spec.options.join(', ')}`;
  return 'on or off';
}

export function defaultsOf<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) out[k] = f.default;
  return out as StateOf<S>;
}

/**
 * The core validator's errors as field problems, so a widget's check is the core's rule, never a copy:
 * each core field maps to a widget key (`fields`; unmapped ones go to `fallbackKey`), the message leads
 * with that input's label and keeps the core's accepted range, and `rewrite` turns the core's names for
 * other fields into the widget's labels ("at most --requests" → "at most Requests per month").
 */
export function problemsFromCore(errors: readonly FieldError[], schema: Schema, fields: Record<string, string>, fallbackKey: string, rewrite: readonly [RegExp, string][] = []): FieldProblem[] {
  return errors.map((e) => {
    const key = fields[e.field] ?? (e.field in schema ? e.field : fallbackKey);
    let expected = e.expected;
    for (const [re, to] of rewrite) expected = expected.replace(re, to);
    return { key, message: `${schema[key]!.label} must be ${expected}; got ${e.got}` };
  });
}

/** The default state, checked: a widget whose defaults break its own rules fails the build, naming them. */
export function checkedDefaults<S extends Schema>(schema: S, check: (s: StateOf<S>) => FieldProblem[] = () => []): StateOf<S> {
  const state = defaultsOf(schema);
  const problems = check(state);
  if (problems.length) throw new Error(`default scenario is invalid: ${problems.map((p) => p.message).join('; ')}`);
  return state;
}

/** What `WidgetElement.readInputs` passes for a number input holding text the browser cannot parse. */
export const BAD_NUMBER_INPUT = '\u0000not-a-number';

function shown(v: string): string {
  if (v === BAD_NUMBER_INPUT) return 'text that is not a number';
  return v.trim() === '' ? 'nothing' : JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/**
 * Reads one raw value. `undefined` means "absent": the default, no error. An empty string from a
 * number input is an error (the reader cleared it), so the message can say what to type.
 */
export function parseField(spec: FieldSpec, raw: string | boolean | undefined): { ok: true; value: number | string | boolean } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: spec.default };
  const bad = (got: string) => ({ ok: false as const, message: `${spec.label} must be ${describeRange(spec)}; got ${got}` });
  if (spec.kind === 'bool') {
    if (raw === true || raw === '1' || raw === 'true' || raw === 'on') return { ok: true, value: true };
    if (raw === false || raw === '0' || raw === 'false' || raw === 'off' || raw === '') return { ok: true, value: false };
    return bad(shown(String(raw)));
  }
  const text = String(raw);
  if (spec.kind === 'enum') return (spec.options as readonly string[]).includes(text) ? { ok: true, value: text } : bad(shown(text));
  // Numbers: accept "3000000", "3,000,000", "3_000_000", "3e6", " 512 ".
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  const n = cleaned === '' ? NaN : Number(cleaned);
  if (!Number.isFinite(n) || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) return bad(shown(text));
  return { ok: true, value: n };
}

/**
 * Validates a whole form/URL read. Keys absent from `raw` take their default; a field in error takes
 * `fallback[key]` (the last good state) when given, else its default.
 */
export function parseFields<S extends Schema>(schema: S, raw: Record<string, string | boolean | undefined>, fallback?: Partial<StateOf<S>>): Parsed<S> {
  const value: Record<string, unknown> = {};
  const errors: FieldProblem[] = [];
  for (const [key, spec] of Object.entries(schema)) {
    const r = parseField(spec, raw[key]);
    if (r.ok) value[key] = r.value;
    else {
      errors.push({ key, message: r.message });
      value[key] = fallback && key in fallback ? (fallback as Record<string, unknown>)[key] : spec.default;
    }
  }
  return { value: value as StateOf<S>, errors };
}

/** The value as it goes into an input or the URL ('1'/'0' for booleans). */
export function formatFieldValue(spec: FieldSpec, v: unknown): string {
  if (spec.kind === 'bool') return v ? '1' : '0';
  return String(v);
}
