/**
 * Inputs of the canary-routing widget (URL prefix `canary`, e.g. ?canary.w=5&canary.errB=3&canary.seed=9).
 * A weighted alias sends a share `weight` of requests to the canary version (Lambda's alias
 * RoutingConfig.AdditionalVersionWeights = weight / 100), the rest to the stable version; each version
 * has its own execution environments. The error probabilities are what-if inputs: the engine has no
 * notion of a failing synchronous request, so the widget draws each request's outcome itself.
 */
import { DEFAULT_IDLE_TIMEOUT_S } from '../../sim/constants/limits.ts';
import { SEED_FIELD, type Schema, type StateOf } from '../shared/fieldSpec.ts';

export const CANARY_PREFIX = 'canary';
/** Largest expected number of requests in one run (rate × time); the weight sweep runs this 8–9 times. */
export const MAX_REQUESTS_PER_RUN = 100_000;

export const canarySchema = {
  weight: { kind: 'number', label: 'Canary weight (%)', min: 0, max: 100, step: 1, unit: '%', default: 10, urlKey: 'w', help: 'AdditionalVersionWeights on the alias (10% = 0.1).' },
  rate: { kind: 'number', label: 'Rate (requests/s)', min: 0, max: 500, step: 1, unit: 'requests/s', default: 20, urlKey: 'rate', help: 'Poisson arrivals on the alias.' },
  windowS: { kind: 'number', label: 'Simulated time (s)', min: 10, max: 3600, step: 60, unit: 's', default: 600, urlKey: 'win' },
  durationA: { kind: 'number', label: 'Stable version: duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 120, urlKey: 'durA' },
  durationB: { kind: 'number', label: 'Canary version: duration (ms)', min: 1, max: 10_000, step: 10, unit: 'ms', default: 120, urlKey: 'durB' },
  errorA: { kind: 'number', label: 'Stable version: error probability (%)', min: 0, max: 100, step: 0.1, unit: '%', default: 0.5, urlKey: 'errA', help: 'What-if input: the chance a request fails on this version.' },
  errorB: { kind: 'number', label: 'Canary version: error probability (%)', min: 0, max: 100, step: 0.1, unit: '%', default: 2, urlKey: 'errB', help: 'What-if input: say the new code fails more often.' },
  idleTimeoutS: { kind: 'number', label: 'Idle timeout (s)', min: 1, max: 3600, step: 60, unit: 's', default: DEFAULT_IDLE_TIMEOUT_S, urlKey: 'idle', help: 'AWS publishes no number; measured 5–10 minutes.' },
  seed: SEED_FIELD,
} satisfies Schema;

export type CanaryState = StateOf<typeof canarySchema>;
