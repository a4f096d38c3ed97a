import type { FieldError } from '../validate/fields.ts';
import type { ResolvedSimConfig, SimConfig } from './config.ts';
import type { SimState } from './state.ts';
import { createSimulationFromResolved } from './createSimulationFromResolved.ts';
import { validateSimConfig } from './validateSimConfig.ts';

/** Thrown by createSimulation for an invalid config; `errors` is what validateSimConfig returns. */
export class SimConfigError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SimConfigError';
    this.errors = errors;
  }
}

/**
 * A fresh simulation at t = 0: provisioned environments initialized and idle, nothing else.
 * Throws SimConfigError (readable, per field) when the config is invalid; call validateSimConfig first
 * to show errors without throwing. (validateSimConfig + createSimulationFromResolved.)
 */
export function createSimulation(config: SimConfig | ResolvedSimConfig): SimState {
  const checked = validateSimConfig(config);
  if (!checked.ok) throw new SimConfigError(checked.errors);
  return createSimulationFromResolved(checked.value);
}
