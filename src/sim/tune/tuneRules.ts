/**
 * The memory-tuning inputs: one rules table (shape: `../validate/rules.ts`) and the enum options. The
 * validator, the `tune` CLI flags and the Memory tuning widget's fields all read these.
 */
import type { RuleTable } from '../validate/rules.ts';
import { PRICE_RULES } from '../pricing/priceRules.ts';
import { MAX_VCPUS } from './vcpu.ts';

export type TuneStrategy = 'cost' | 'speed' | 'balanced';
/** Power Tuning's strategy names (https://github.com/alexcasalboni/aws-lambda-power-tuning, README-INPUT-OUTPUT.md). */
export const TUNE_STRATEGIES: readonly TuneStrategy[] = ['cost', 'speed', 'balanced'];

/** Most memory sizes one evaluation takes: every 64 MB step from 128 to 10,240 MB is 159, so 200 covers any sensible list. */
export const MAX_MEMORY_SIZES = 200;

// Sources as of 2026-12-01.
const MEMORY_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html';
const POWER_TUNING_SOURCE = 'https://github.com/alexcasalboni/aws-lambda-power-tuning/blob/master/README-INPUT-OUTPUT.md';

export const TUNE_RULES = {
  // Memory, duration and requests: the pricing rules' ranges, with this area's defaults and words.
  durationMs: {
    ...PRICE_RULES.durationMs, label: 'measured average duration', above: true, default: 1000,
    help: 'Average duration of one invocation, measured at the memory size below.',
  },
  atMemoryMb: {
    ...PRICE_RULES.memoryMb, label: 'memory of the measurement', default: 128,
    help: 'Memory size the duration was measured at (128 MB is the Lambda default).',
  },
  cpuShare: {
    label: 'CPU share of the duration', min: 0, max: 1, default: 0.8,
    help: 'Fraction of the measured duration spent computing; the rest (waiting on the network or disk) does not change with memory.',
  },
  threads: {
    label: 'threads', min: 1, max: MAX_VCPUS, integer: true, default: 1,
    help: 'How many threads the CPU work keeps busy at once; more CPU than this is wasted.',
    source: MEMORY_SOURCE,
  },
  memoryMb: { ...PRICE_RULES.memoryMb, label: 'memory size', help: 'A memory size to evaluate (1 MB steps).' },
  requests: {
    ...PRICE_RULES.requests, label: 'requests per month', default: 1_000_000,
    help: 'Invocations in a month, for the monthly cost (no free tier).', source: 'https://aws.amazon.com/lambda/pricing/',
  },
  balancedWeight: {
    label: 'balanced weight', min: 0, max: 1, default: 0.5,
    help: 'For the balanced strategy: 0 picks the fastest, 1 the cheapest (as Power Tuning).',
    source: POWER_TUNING_SOURCE,
  },
  armDurationFactor: {
    label: 'arm64 duration relative to x86_64', unit: '×', min: 0.25, max: 4, default: 1,
    help: 'arm64 duration = x86_64 duration × this factor (1 = same speed); measure your own code to set it.',
  },
} as const satisfies RuleTable;

/** The default list of memory sizes: Power Tuning's defaults plus each community vCPU step and the maximum. */
export const DEFAULT_MEMORY_SIZES: readonly number[] = [128, 256, 512, 1024, 1536, 1769, 2048, 3008, 3538, 4096, 5307, 7076, 8845, 10240];
