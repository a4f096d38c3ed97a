import type { RuleTable } from '../validate/rules.ts';
import { SIM_RULES } from '../engine/simRules.ts';
import { PRICE_RULES } from '../pricing/priceRules.ts';

/**
 * Rules every event source shares (spread into SQS_RULES and STREAM_RULES): the batching window, the
 * function's concurrency and memory, and the run's length, seed and work cap. Limits as of 2026-12-01.
 */
export const SOURCE_RULES = {
  batchWindowS: {
    label: 'batching window', unit: 's', min: 0, max: 300, integer: true, default: 0,
    help: 'How long to gather messages or records before invoking, unless the batch fills first.',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  },
  concurrencyLimit: SIM_RULES.concurrencyLimit,
  reserved: SIM_RULES.reserved,
  simSeconds: {
    label: 'simulated time', unit: 's', min: 1, max: 7 * 86_400, default: 600,
    help: 'How long to simulate (a simulator cap of 7 days).',
  },
  memoryMb: PRICE_RULES.memoryMb,
  seed: SIM_RULES.seed,
  maxEvents: {
    label: 'event cap', min: 1, max: 1e10, integer: true, default: 50_000_000,
    help: 'Work cap: the run stops (truncated, with a warning) after this many engine events.',
  },
} as const satisfies RuleTable;

/**
 * Work cap on messages that are handled one by one: FIFO messages and stream records each draw their
 * message group or partition key, so backlog + rate × simulated time is capped here (a simulator cap,
 * about a minute of work). Standard SQS messages are handled in bulk and bounded by the event cap.
 */
export const MAX_KEYED_MESSAGES = 200_000_000;
