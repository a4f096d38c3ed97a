/**
 * Edge validation helpers shared by `validatePriceInput` and `validateSimConfig`.
 * Every error names the field, the accepted range and what was given, e.g.
 * `memoryMb must be an integer from 128 to 10240 (MB); got 64`. Shells (CLI, widgets) may swap the
 * field for their own name (a flag, an input label) using `field` + `expected` + `got`.
 */
import { formatNumber, quoteInput } from '../format/index.ts';

export interface FieldError {
  field: string;
  message: string;
  expected: string;
  got: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export type Raw = Record<string, unknown>;

/** What was given, for `got`: strings quoted with control characters escaped and long values cut. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return quoteInput(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  try {
    return JSON.stringify(v).slice(0, 60);
  } catch {
    return typeof v;
  }
}

export function pushError(errors: FieldError[], field: string, expected: string, value: unknown): void {
  const got = describe(value);
  errors.push({ field, expected, got, message: `${field} must be ${expected}; got ${got}` });
}

export interface NumberSpec {
  min: number;
  max: number;
  integer?: boolean;
  unit?: string;
  /** Exclusive lower bound (min itself not allowed). */
  above?: boolean;
}

export function expectedNumber(spec: NumberSpec): string {
  const kind = spec.integer ? 'an integer' : 'a number';
  const lo = spec.above ? `above ${spec.min}` : `from ${fmt(spec.min)}`;
  const hi = spec.max === Infinity ? '' : ` to ${fmt(spec.max)}`;
  const range = spec.above ? `${lo}${hi ? ` and up${hi}` : ''}` : `${lo}${hi || ' up'}`;
  return `${kind} ${range}${spec.unit ? ` (${spec.unit})` : ''}`;
}

/** Bounds: separators from 10,000 up ("10,240", but "1000" and "128"). */
function fmt(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 10000 ? formatNumber(n) : String(n);
}

/** Numbers and numeric strings are accepted (CLI flags and form inputs arrive as strings). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v.trim().replace(/_/g, ''));
  return NaN;
}

export function readNumber(raw: Raw, field: string, spec: NumberSpec, fallback: number, errors: FieldError[]): number {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return fallback;
  const n = toNumber(v);
  const ok =
    Number.isFinite(n) &&
    (spec.above ? n > spec.min : n >= spec.min) &&
    n <= spec.max &&
    (!spec.integer || Number.isInteger(n));
  if (!ok) {
    pushError(errors, field, expectedNumber(spec), v);
    return fallback;
  }
  return n === 0 ? 0 : n; // "-0" becomes 0, so no result or message can print "-0"
}

export function readOptionalNumber(raw: Raw, field: string, spec: NumberSpec, errors: FieldError[]): number | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return undefined;
  const n = readNumber(raw, field, spec, NaN, errors);
  return Number.isNaN(n) ? undefined : n;
}

export function readEnum<T extends string>(raw: Raw, field: string, options: readonly T[], fallback: T, errors: FieldError[]): T {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
  pushError(errors, field, `one of ${options.join(', ')}`, v);
  return fallback;
}

export function readBool(raw: Raw, field: string, fallback: boolean, errors: FieldError[]): boolean {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return fallback;
  if (v === true || v === 'true' || v === '1' || v === 1) return true;
  if (v === false || v === 'false' || v === '0' || v === 0) return false;
  pushError(errors, field, 'true or false', v);
  return fallback;
}

export function isRaw(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
