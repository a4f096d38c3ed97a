import type { SimState } from '../engine/state.ts';
import { SourceEv, type SourceState } from './sourceState.ts';
import { pushSourceEvent } from './sourceEvents.ts';
import { sqsPump } from './sqsMapping.ts';
import {
  PROVISIONED_INVOKES_PER_POLLER, PROVISIONED_MAX_CONCURRENCY, PROVISIONED_SCALE_PER_MINUTE, PROVISIONED_SCALE_TICK_S,
  SQS_LEGACY_MAX_CONCURRENCY, SQS_LEGACY_SCALE_PER_MINUTE, SQS_MAX_CONCURRENCY_PER_MAPPING, SQS_SCALE_PER_MINUTE, SQS_START_CONCURRENCY,
} from './limits.ts';

/** Seconds between scaling steps: a minute in standard mode, a second in provisioned mode (a model). */
export function scaleStepS(q: SourceState): number {
  return q.sqs!.mode === 'provisioned' ? PROVISIONED_SCALE_TICK_S : 60;
}

/**
 * The most concurrent batches the mapping itself will run: 1,250 (legacy 1,000) or 20,000 and the
 * maximum pollers × 10 in provisioned mode, MaximumConcurrency when set, and the account limit. Not
 * reserved concurrency: the mapping does not see it (that is the overpull trap).
 */
export function mappingCap(q: SourceState): number {
  const c = q.sqs!;
  const own = c.mode === 'provisioned'
    ? Math.min(PROVISIONED_MAX_CONCURRENCY, c.maxPollers * PROVISIONED_INVOKES_PER_POLLER)
    : c.scaling === 'legacy' ? SQS_LEGACY_MAX_CONCURRENCY : SQS_MAX_CONCURRENCY_PER_MAPPING;
  return Math.min(own, c.maxConcurrency ?? Infinity, c.concurrencyLimit);
}

/** The target and pollers at t = 0: 5 concurrent batches, or the minimum pollers × 10. */
export function initialTarget(q: SourceState): void {
  const c = q.sqs!;
  if (c.mode === 'provisioned') {
    q.provConc = c.minPollers * PROVISIONED_INVOKES_PER_POLLER;
    setProvisioned(q);
  } else {
    q.target = Math.min(SQS_START_CONCURRENCY, mappingCap(q));
    q.pollers = q.target;
  }
  q.peakPollers = q.pollers;
}

function setProvisioned(q: SourceState): void {
  const c = q.sqs!;
  q.pollers = Math.min(c.maxPollers, Math.max(c.minPollers, Math.ceil(q.provConc / PROVISIONED_INVOKES_PER_POLLER - 1e-9)));
  q.target = Math.min(q.pollers * PROVISIONED_INVOKES_PER_POLLER, mappingCap(q));
}

/**
 * One scaling step (see limits.ts for the published rates and the models):
 * - function errors in the past step (without ReportBatchItemFailures): back off to target·(1 − f);
 * - else, messages waiting and no throttles: grow by 300 (legacy 60) a minute, or 1,000 a minute in
 *   provisioned mode, up to the mapping's cap;
 * - throttles: hold;
 * - queue empty: fall to the most batches in flight during the step, not below the start value.
 */
export function sqsScale(s: SimState, t: number): void {
  const q = s.source!;
  const c = q.sqs!;
  const prov = c.mode === 'provisioned';
  const floor = prov ? c.minPollers * PROVISIONED_INVOKES_PER_POLLER : Math.min(SQS_START_CONCURRENCY, mappingCap(q));
  let target = prov ? q.provConc : q.target;
  if (!c.partialBatch && q.stepFailures > 0) {
    const f = q.stepFailures / Math.max(1, q.stepInvocations);
    target = Math.max(floor, Math.floor(target * (1 - f)));
  } else if (q.visible > 0) {
    if (q.stepThrottles === 0) {
      const per = prov ? PROVISIONED_SCALE_PER_MINUTE * (scaleStepS(q) / 60) : c.scaling === 'legacy' ? SQS_LEGACY_SCALE_PER_MINUTE : SQS_SCALE_PER_MINUTE;
      target = Math.min(mappingCap(q), target + per);
    }
  } else target = Math.max(floor, Math.min(target, q.stepPeak));
  if (prov) {
    q.provConc = target;
    setProvisioned(q);
  } else {
    q.target = target;
    q.pollers = target;
  }
  if (q.pollers > q.peakPollers) q.peakPollers = q.pollers;
  q.stepFailures = 0;
  q.stepInvocations = 0;
  q.stepThrottles = 0;
  q.stepPeak = q.inFlight;
  const next = t + scaleStepS(q);
  if (next <= s.cfg.simSeconds) pushSourceEvent(s, next, SourceEv.SCALE);
  sqsPump(s, t);
}

/** Starts the scaling clock when messages first become available (5 at once, +300 a minute later). */
export function startScaling(s: SimState, t: number): void {
  const q = s.source!;
  if (q.scaleStarted) return;
  q.scaleStarted = true;
  const next = t + scaleStepS(q);
  if (next <= s.cfg.simSeconds) pushSourceEvent(s, next, SourceEv.SCALE);
}
