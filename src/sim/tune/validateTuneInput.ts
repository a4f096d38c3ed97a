import type { Arch } from '../pricing/rates.ts';
import { type FieldError, type Validation, isRaw, pushError, readEnum, toNumber } from '../validate/fields.ts';
import { expectedOf, readRule } from '../validate/rules.ts';
import { TUNE_RULES, TUNE_STRATEGIES, DEFAULT_MEMORY_SIZES, MAX_MEMORY_SIZES, type TuneStrategy } from './tuneRules.ts';
import { CPU_MODELS, type CpuModel } from './vcpu.ts';
import type { TuneProfile } from './tuneDuration.ts';

/** A checked tuning request: the profile, the sizes to evaluate and how to choose among them. */
export interface TuneInput extends TuneProfile {
  cpuModel: CpuModel;
  arch: Arch;
  requests: number;
  /** Ascending, distinct, 128–10,240 MB. */
  memorySizes: number[];
  strategy: TuneStrategy;
  balancedWeight: number;
  armDurationFactor: number;
}

export const ARCHES: readonly Arch[] = ['x86_64', 'arm64'];

/**
 * Checks a raw tuning request (numbers or numeric strings; `memorySizes` a list or "128,256,…") and
 * fills the defaults of `TUNE_RULES`. Errors name the field, the accepted range and what was given.
 */
export function validateTuneInput(raw: unknown): Validation<TuneInput> {
  if (!isRaw(raw)) return { ok: false, errors: [{ field: '(input)', expected: 'an object', got: typeof raw, message: 'tuning input must be an object' }] };
  const errors: FieldError[] = [];
  const value: TuneInput = {
    durationMs: readRule(raw, TUNE_RULES, 'durationMs', errors),
    atMemoryMb: readRule(raw, TUNE_RULES, 'atMemoryMb', errors),
    cpuShare: readRule(raw, TUNE_RULES, 'cpuShare', errors),
    threads: readRule(raw, TUNE_RULES, 'threads', errors),
    cpuModel: readEnum(raw, 'cpuModel', CPU_MODELS, 'proportional', errors),
    arch: readEnum(raw, 'arch', ARCHES, 'x86_64', errors),
    requests: readRule(raw, TUNE_RULES, 'requests', errors),
    memorySizes: readMemorySizes(raw['memorySizes'], errors),
    strategy: readEnum(raw, 'strategy', TUNE_STRATEGIES, 'cost', errors),
    balancedWeight: readRule(raw, TUNE_RULES, 'balancedWeight', errors),
    armDurationFactor: readRule(raw, TUNE_RULES, 'armDurationFactor', errors),
  };
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The expected text for a list of memory sizes, built from the memoryMb rule. */
export const MEMORY_SIZES_EXPECTED = `a comma-separated list of up to ${MAX_MEMORY_SIZES} memory sizes, each ${expectedOf(TUNE_RULES.memoryMb)}`;

function readMemorySizes(v: unknown, errors: FieldError[]): number[] {
  if (v === undefined || v === null || v === '') return [...DEFAULT_MEMORY_SIZES];
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
  const rule = TUNE_RULES.memoryMb;
  const sizes = (items ?? []).map(toNumber);
  const ok = items !== null && sizes.length > 0 && sizes.length <= MAX_MEMORY_SIZES &&
    sizes.every((m) => Number.isInteger(m) && m >= rule.min && m <= rule.max);
  if (!ok) {
    const bad = items === null ? undefined : items.find((_, i) => !(Number.isInteger(sizes[i]) && sizes[i]! >= rule.min && sizes[i]! <= rule.max));
    pushError(errors, 'memorySizes', MEMORY_SIZES_EXPECTED, bad === undefined ? v : bad);
    return [...DEFAULT_MEMORY_SIZES];
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

