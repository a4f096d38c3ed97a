/**
 * The Memory tuning widget's inputs and presets. Every number field takes its range, default and help
 * from `TUNE_RULES` (src/sim/tune/tuneRules.ts), the table `npm run sim -- tune` and `validateTuneInput`
 * read; only the label (with its unit), the URL key and the arrow-key step are the widget's own.
 * URL prefix `tune` (e.g. ?tune.dur=11722&tune.at=128&tune.cpu=1); imported Power Tuning measurements
 * travel separately as `tune.pt` (Power Tuning's own `sizes;durations;costs` encoding).
 */
import { TUNE_RULES, TUNE_STRATEGIES, CPU_MODELS, DEFAULT_MEMORY_SIZES, validateTuneInput, type Arch, type NumberRule, type TuneInput } from '~/sim';
import { problemsFromCore, type FieldProblem, type NumberField, type Schema, type StateOf } from '../shared/fieldSpec.ts';
import type { Preset } from '../shared/widgetElement.ts';

export const TUNE_PREFIX = 'tune';
/** URL parameter holding imported measurements. */
export const MEASURED_PARAM = `${TUNE_PREFIX}.pt`;

function fromRule(rule: NumberRule, label: string, urlKey: string, step?: number): NumberField {
  return {
    kind: 'number', label, min: rule.min, max: rule.max, default: rule.default ?? rule.min, urlKey, help: rule.help,
    ...(rule.integer ? { integer: true } : {}), ...(rule.unit && rule.unit !== '×' ? { unit: rule.unit } : {}), ...(step ? { step } : {}),
  };
}

const R = TUNE_RULES;

export const tuneSchema = {
  durationMs: fromRule(R.durationMs, 'Measured average duration (ms)', 'dur', 1),
  atMemoryMb: fromRule(R.atMemoryMb, 'Measured at memory (MB)', 'at', 64),
  cpuShare: fromRule(R.cpuShare, 'CPU share of the duration (0–1)', 'cpu', 0.05),
  threads: fromRule(R.threads, 'Threads the CPU work can use', 'thr'),
  cpuModel: {
    kind: 'enum', label: 'CPU model', options: CPU_MODELS, default: 'proportional', urlKey: 'model',
    optionLabels: { proportional: 'Memory ÷ 1,769 MB vCPU (AWS)', 'whole-vcpus': 'Whole vCPUs above 1,769 MB (community table)' },
  },
  armDurationFactor: fromRule(R.armDurationFactor, 'arm64 duration relative to x86_64 (×)', 'arm', 0.05),
  requests: fromRule(R.requests, 'Requests per month', 'req', 100_000),
  strategy: {
    kind: 'enum', label: 'Strategy', options: TUNE_STRATEGIES, default: 'cost', urlKey: 'strat',
    optionLabels: { cost: 'Cost (cheapest)', speed: 'Speed (fastest)', balanced: 'Balanced' },
  },
  balancedWeight: fromRule(R.balancedWeight, 'Balanced weight (0 = fastest, 1 = cheapest)', 'w', 0.1),
} satisfies Schema;

export type TuneState = StateOf<typeof tuneSchema>;

/**
 * Four shapes of function. The prime-number one is AWS's own example (operator guide, "Computing
 * power": https://docs.aws.amazon.com/lambda/latest/operatorguide/computing-power.html): 11.722 s at
 * 128 MB, CPU-bound. The others are illustrations, not measurements.
 */
export const TUNE_PRESETS: Record<string, Preset<typeof tuneSchema>> = {
  single: { label: 'CPU-bound, single thread', values: { durationMs: 2000, atMemoryMb: 512, cpuShare: 1, threads: 1 } },
  multi: { label: 'Multi-threaded', values: { durationMs: 4000, atMemoryMb: 1024, cpuShare: 0.95, threads: 4 } },
  io: { label: 'I/O-bound API call', values: { durationMs: 250, atMemoryMb: 128, cpuShare: 0.1, threads: 1 } },
  prime: { label: "AWS's prime-number example", values: { durationMs: 11722, atMemoryMb: 128, cpuShare: 1, threads: 1 } },
};

/**
 * The state as the core's checked `TuneInput` at the table's sizes (Power Tuning's defaults, each vCPU
 * step, and the measured size), or the core's errors re-worded with the widget's labels.
 */
export function tuneInputOf(s: TuneState, arch: Arch = 'x86_64'): { ok: true; input: TuneInput } | { ok: false; errors: FieldProblem[] } {
  const v = validateTuneInput({ ...s, arch, memorySizes: [...DEFAULT_MEMORY_SIZES, s.atMemoryMb] });
  return v.ok ? { ok: true, input: v.value } : { ok: false, errors: problemsFromCore(v.errors, tuneSchema, {}, 'atMemoryMb') };
}

/** The element's cross-field check: the core's validator (e.g. a duration of 0 ms, which the field's range allows). */
export const checkState = (s: TuneState): FieldProblem[] => {
  const r = tuneInputOf(s);
  return r.ok ? [] : r.errors;
};
