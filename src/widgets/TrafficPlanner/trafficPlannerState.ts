/**
 * Inputs of the traffic planner (URL prefix `tp`): the numbers `plan` takes, with ranges and defaults
 * from the core's PLAN_RULES (one home per range). The imported file is not part of the state: it stays
 * in the page (and its worker) and is never written to the URL or sent anywhere.
 */
// Direct module paths (not the ~/sim/index.ts facade) keep the page chunk free of engine code.
import { PLAN_RULES } from '~/sim/plan/planRules.ts';
import { SEED_FIELD, fieldFromRule, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const TRAFFIC_PREFIX = 'tp';

export const trafficSchema = {
  memoryMb: fieldFromRule(PLAN_RULES.memoryMb, { label: 'Memory (MB)', urlKey: 'mem', step: 64 }),
  arch: { kind: 'enum', label: 'Measured on', options: ['x86_64', 'arm64'] as const, default: 'x86_64', urlKey: 'arch', help: 'The architecture the metrics come from; the provisioned options keep it.' },
  armSpeedFactor: fieldFromRule(PLAN_RULES.armSpeedFactor, { label: 'Arm speed factor (arm64 ÷ x86_64 duration)', urlKey: 'arm', step: 0.05 }),
  coldStartTargetPct: fieldFromRule(PLAN_RULES.coldStartTargetPct, { label: 'Cold-start target (% of invocations)', urlKey: 'cold', step: 0.01 }),
  concurrencyLimit: fieldFromRule(PLAN_RULES.concurrencyLimit, { label: 'Account concurrency limit', urlKey: 'limit', step: 100 }),
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
