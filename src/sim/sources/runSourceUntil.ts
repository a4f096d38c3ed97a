import { runEventsUntil } from '../engine/step.ts';
import type { SimState } from '../engine/state.ts';
import { SOURCE_DRIVER } from './dispatch.ts';

/**
 * runUntil(s, tSeconds, SOURCE_DRIVER) for a state with an event source, without the engine's fast path
 * (which never applies to one: see fastRunEligible), so a Web Worker that runs mappings does not bundle it.
 */
export function runSourceUntil(s: SimState, tSeconds: number): number {
  return runEventsUntil(s, tSeconds, SOURCE_DRIVER, null);
}
