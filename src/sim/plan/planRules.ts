import type { RuleTable } from '../validate/rules.ts';
import { MEMORY_MB } from '../constants/limits.ts';
import { SIM_RULES } from '../engine/simRules.ts';

/**
 * The numeric inputs of `plan` (CLI flags, widget fields): one home for each range and default.
 * The cold-start target and the Arm speed factor are the reader's; the duration σ fallback and the
 * replay-check budget are this project's model choices.
 */
export const PLAN_RULES = {
  memoryMb: {
    label: 'memory', unit: 'MB', min: MEMORY_MB.min, max: MEMORY_MB.max, integer: true, default: 1024,
    help: 'Configured memory of the function the metrics come from.', source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  },
  coldStartTargetPct: {
    label: 'cold-start target', unit: '% of invocations', min: 0, max: 100, default: 0.1,
    help: 'Provisioned concurrency is chosen to keep cold starts at or under this share of invocations.',
  },
  armSpeedFactor: {
    label: 'Arm speed factor', unit: 'arm64 duration ÷ x86_64 duration', min: 0.2, max: 5, default: 1,
    help: 'How long the handler takes on arm64 relative to x86_64; measure it (1 = same speed).',
  },
  durationSigma: {
    label: 'duration spread', unit: 'σ of ln(duration)', min: 0, max: 3, default: 0.5,
    help: 'Lognormal σ used for a period whose export has no p50/p90/p99 (a model choice).',
  },
  concurrencyLimit: {
    label: 'account concurrency limit', unit: 'environments', min: 100, max: 1_000_000, integer: true, default: 1000,
    help: "The Region's account concurrency quota (1,000 unless raised); the scaling rate only throttles below it.",
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html',
  },
  pcLevel: {
    label: 'provisioned concurrency level', unit: 'environments', min: 0, max: 100_000, integer: true, default: null,
    help: 'One candidate level of provisioned concurrency.', source: 'https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html',
  },
  pcLevelCount: {
    label: 'number of candidate levels', min: 1, max: 64, integer: true, default: 17,
    help: 'How many levels are tried (0 to the peak, evenly) when no list is given.',
  },
  fullReplayMaxInvocations: {
    label: 'replay check budget', unit: 'invocations', min: 0, max: 1e9, integer: true, default: 20_000_000,
    help: 'With --replay-check, imports up to this many invocations are replayed in full to check the model (the plan itself always comes from the model).',
  },
  seed: SIM_RULES.seed,
} as const satisfies RuleTable;

/** A month for `monthly_usd`: 8,760 h / 12 = 730 h (a model choice: real months are 672–744 h). */
export const HOURS_PER_MONTH = 730;
