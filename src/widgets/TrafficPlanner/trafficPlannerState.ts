/**
 * Inputs of the traffic planner (URL prefix `tp`): the numbers `plan` takes, with ranges and defaults
 * from the core's PLAN_RULES (one home per range). The imported file is not part of the state: it stays
 * in the page (and its worker) and is never written to the URL or sent anywhere.
 */
// Direct module paths (not the ~/sim/index.ts facade) keep the page chunk free of engine code.
import { PLAN_RULES } from '~/sim/plan/planRules.ts';
import type { NumberRule } from '~/sim/validate/rules.ts';
import { SEED_FIELD, type NumberField, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const TRAFFIC_PREFIX = 'tp';

/** A number field from a rules-table entry: the range, unit, default and help come from the core. */
function fromRule(rule: NumberRule, label: string, urlKey: string, step?: number): NumberField {
  return {
    kind: 'number', label, min: rule.min, max: rule.max, integer: rule.integer ?? false, default: rule.default ?? rule.min, urlKey, help: rule.help,
    ...(rule.unit ? { unit: rule.unit } : {}), ...(step ? { step } : {}),
  };
}

export const trafficSchema = {
  memoryMb: fromRule(PLAN_RULES.memoryMb, 'Memory (MB)', 'mem', 64),
  arch: { kind: 'enum', label: 'Measured on', options: ['x86_64', 'arm64'] as const, default: 'x86_64', urlKey: 'arch', help: 'The architecture the metrics come from; the provisioned options keep it.' },
  armSpeedFactor: fromRule(PLAN_RULES.armSpeedFactor, 'Arm speed factor (arm64 ÷ x86_64 duration)', 'arm', 0.05),
  coldStartTargetPct: fromRule(PLAN_RULES.coldStartTargetPct, 'Cold-start target (% of invocations)', 'cold', 0.01),
  concurrencyLimit: fromRule(PLAN_RULES.concurrencyLimit, 'Account concurrency limit', 'limit', 100),
  freeTier: { kind: 'bool', label: 'Include the free tier', default: true, urlKey: 'free' },
  seed: SEED_FIELD,
} satisfies Schema;

export type TrafficState = StateOf<typeof trafficSchema>;

/** The two synthetic example exports (made by scripts/makeTrafficExamples.ts), served from public/. */
export const EXAMPLES = {
  diurnal: { file: 'traffic/synthetic-diurnal-api.json', label: 'Synthetic diurnal API (get-metric-data JSON)' },
  batch: { file: 'traffic/synthetic-spiky-batch.csv', label: 'Synthetic spiky batch job (console CSV)' },
} as const;
export type ExampleKey = keyof typeof EXAMPLES;
