import type { SimState } from './state.ts';

/**
 * What the engine calls for an event source (SQS, streams): `event` for each EventKind.SOURCE event
 * (`id` = batch-or-lane << 4 | sub-kind), `completed` when an invocation a source started finishes (its
 * environment already back in the idle list). The engine imports only this type, so a plain function
 * simulation does not ship the sources' code; `SOURCE_DRIVER` (sources/dispatch.ts) is the implementation,
 * passed to `runUntil` / `processNext` / `step` for states made by `createSqsSimulation` and friends.
 * A function, not state: the state stays plain data.
 */
export interface SourceDriver {
  event(s: SimState, id: number, t: number): void;
  completed(s: SimState, ref: number, t: number): void;
}

/** Thrown when a state with an event source is run without its driver. */
export function missingDriver(): never {
  throw new Error('this simulation has an event source: pass SOURCE_DRIVER (from the sources module) to runUntil, processNext or step');
}
