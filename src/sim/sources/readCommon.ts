import type { Dist } from '../dist/types.ts';
import { parseDist, formatDist, DIST_FORMS } from '../dist/parseDist.ts';
import { DEFAULT_RUNTIME, INIT_MS, defaultInitDist } from '../constants/initDurations.ts';
import type { Arch } from '../pricing/rates.ts';
import { type FieldError, type Raw, isRaw, pushError, readEnum } from '../validate/fields.ts';
import { type NumberRule, readWithRule } from '../validate/rules.ts';

/** Reads a duration distribution given as a `Dist` object or its text form ("exp:200"). */
export function readDistField(raw: Raw, field: string, fallback: Dist, errors: FieldError[]): Dist {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return fallback;
  const text = typeof v === 'string' ? v : isRaw(v) ? safeFormat(v) : null;
  const r = text === null ? null : parseDist(text);
  if (r && r.ok) return r.value;
  errors.push({ field, expected: `a distribution: ${DIST_FORMS}`, got: JSON.stringify(v)?.slice(0, 60) ?? String(v), message: `${field} must be a distribution: ${DIST_FORMS}; got ${JSON.stringify(v)?.slice(0, 60)}${r && !r.ok ? ` (${r.error})` : ''}` });
  return fallback;
}

function safeFormat(v: Raw): string | null {
  try {
    const t: unknown = formatDist(v as unknown as Dist);
    return typeof t === 'string' ? t : null;
  } catch {
    return null;
  }
}

/** The function fields every event source shares: runtime, its INIT default, architecture, seed, work cap. */
export function readFunction(raw: Raw, errors: FieldError[], table: { seed: NumberRule; maxEvents: NumberRule }): { runtime: string; init: Dist; arch: Arch; seed: number; maxEvents: number } {
  let runtime = DEFAULT_RUNTIME;
  const rt = raw['runtime'];
  if (rt !== undefined && rt !== null && rt !== '') {
    if (typeof rt === 'string' && INIT_MS[rt]) runtime = rt;
    else pushError(errors, 'runtime', `one of ${Object.keys(INIT_MS).join(', ')}`, rt);
  }
  const arch = readEnum<Arch>(raw, 'arch', ['x86_64', 'arm64'], 'x86_64', errors);
  const init = readDistField(raw, 'init', defaultInitDist(runtime, 'zip', arch), errors);
  const seed = readWithRule(raw, 'seed', table.seed, errors);
  const maxEvents = readWithRule(raw, 'maxEvents', table.maxEvents, errors);
  return { runtime, init, arch, seed, maxEvents };
}

/** Reads a boolean given as true/false (or "true"/"false"/1/0 from forms and flags). */
export function readFlag(raw: Raw, field: string, errors: FieldError[]): boolean {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return false;
  if (v === true || v === 'true' || v === 1 || v === '1') return true;
  if (v === false || v === 'false' || v === 0 || v === '0') return false;
  pushError(errors, field, 'true or false', v);
  return false;
}
