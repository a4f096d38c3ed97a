import { createSimulation } from '../engine/createSimulation.ts';
import { step } from '../engine/step.ts';
import type { Dist } from '../dist/types.ts';

/** One thing that happened to a single asynchronous event. */
export interface AsyncTimelineStep {
  /** Seconds after the event was queued. */
  t: number;
  kind: 'attempt' | 'error' | 'success' | 'throttle' | 'destination';
}

export interface AsyncTimelineInput {
  /** Probability that an execution fails (1 shows the whole retry schedule). [1] */
  errorRate?: number;
  /** MaximumRetryAttempts 0–2 [2] and MaximumEventAgeInSeconds 60–21,600 [21,600]. */
  maxRetryAttempts?: number;
  maxEventAgeS?: number;
  /** Handler duration [const:0], and reserved concurrency (0 sends the event to the destination). */
  duration?: Dist | string;
  reserved?: number | null;
  seed?: number;
}

/**
 * The life of ONE asynchronous event through the engine (same rules as every async run): attempts at
 * 0, +60 s and +180 s after function errors, then the on-failure destination. For a timeline widget;
 * INIT is 0 so the times are the retry schedule itself. Throws SimConfigError for invalid input.
 */
export function asyncTimeline(input: AsyncTimelineInput = {}): AsyncTimelineStep[] {
  const s = createSimulation({
    traffic: { kind: 'traceTimes', timesS: Float64Array.of(0) }, duration: input.duration ?? 'const:0', init: 'const:0', invocation: 'async',
    reserved: input.reserved ?? null, seed: input.seed ?? 1, simSeconds: 86_400,
    async: { errorRate: input.errorRate ?? 1, maxRetryAttempts: input.maxRetryAttempts, maxEventAgeS: input.maxEventAgeS },
  });
  const out: AsyncTimelineStep[] = [];
  let started = 0;
  let errors = 0;
  let destination = 0;
  for (let e = step(s); e.kind !== 'none'; e = step(s)) {
    const st = s.stats;
    if (e.kind === 'arrival' || e.kind === 'retry') out.push({ t: e.t, kind: st.started > started ? 'attempt' : 'throttle' });
    else if (e.kind === 'complete') out.push({ t: e.t, kind: st.errors > errors ? 'error' : 'success' });
    if (st.onFailure > destination) out.push({ t: e.t, kind: 'destination' });
    started = st.started;
    errors = st.errors;
    destination = st.onFailure;
  }
  return out;
}
