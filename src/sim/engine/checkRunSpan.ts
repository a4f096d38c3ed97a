import { formatDuration, formatNumber, formatSignificant } from '../format/index.ts';
import { meanRate } from '../traffic/nextArrival.ts';
import { pushError, type FieldError } from '../validate/fields.ts';
import type { ResolvedSimConfig } from './config.ts';
import { MAX_SIM_SECONDS } from './simRules.ts';

/**
 * The planning shells' one limit on simulated time: a run given by `requests` at a steady rate ends at
 * about requests / rate, and that span obeys `MAX_SIM_SECONDS` like `simSeconds` does (traces are held to
 * it by `parseTrace`). The engine itself accepts longer request-bounded runs (the statistical tests use
 * them); the CLI refuses them.
 */
export function checkRunSpan(cfg: ResolvedSimConfig): FieldError[] {
  const errors: FieldError[] = [];
  const { traffic, requests, simSeconds } = cfg;
  if (requests === Infinity || simSeconds !== Infinity) return errors;
  if (traffic.kind !== 'poisson' && traffic.kind !== 'constant' && traffic.kind !== 'diurnal') return errors;
  const rate = meanRate(traffic);
  if (!(rate > 0) || requests / rate <= MAX_SIM_SECONDS) return errors;
  const most = Math.max(1, Math.floor(rate * MAX_SIM_SECONDS));
  pushError(errors, 'requests', `at most ${formatNumber(most)} at ${formatSignificant(rate, 6)} requests/s (${formatDuration(MAX_SIM_SECONDS)} of simulated time, the most a run covers)`, requests);
  return errors;
}
