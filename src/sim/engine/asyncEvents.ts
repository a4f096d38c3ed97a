import { nextFloat } from '../rng/createRng.ts';
import { ASYNC_ERROR_RETRY_DELAYS_S, ASYNC_THROTTLE_BACKOFF_S } from '../constants/limits.ts';
import { EventKind, type SimState } from './state.ts';
import { heapPush } from './heap.ts';
import { formatCount, formatNumber } from '../format/index.ts';

/**
 * Asynchronous events (Lambda's internal queue). Each event has a slot: first arrival time, throttled
 * attempts, retries after function errors. Throttled attempts are retried with exponential backoff
 * from 1 s up to 5 min while the event is younger than maxEventAgeS; function errors are retried
 * maxRetryAttempts times, 60 s then 120 s later; an event out of age or attempts goes to the
 * on-failure destination (counted, never lost silently). With reserved concurrency 0 an event goes to the
 * destination at once.
 */
export function allocEvent(s: SimState, t: number): number {
  let ev: number;
  if (s.evFreeN > 0) ev = s.evFree[--s.evFreeN]!;
  else {
    if (s.evNext >= s.cfg.limits.maxQueuedEvents) {
      s.truncated = true;
      s.done = true;
      s.warnings.push(`stopped at t = ${formatNumber(t, 3)} s: ${formatCount(s.cfg.limits.maxQueuedEvents)} async events in flight (limits.maxQueuedEvents) reached; the event that hit the cap is counted as dropped`);
      s.totals.dropped++;
      return -1;
    }
    if (s.evNext === s.evCap) {
      const cap = s.evCap * 2;
      const a = new Float64Array(cap); a.set(s.evArrival); s.evArrival = a;
      const b = new Int32Array(cap); b.set(s.evThrottles); s.evThrottles = b;
      const c = new Int32Array(cap); c.set(s.evErrRetries); s.evErrRetries = c;
      const d = new Int32Array(cap); d.set(s.evFree); s.evFree = d;
      s.evCap = cap;
    }
    ev = s.evNext++;
  }
  s.evArrival[ev] = t;
  s.evThrottles[ev] = 0;
  s.evErrRetries[ev] = 0;
  s.asyncLive++;
  return ev;
}

/**
 * Frees an event's slot. When the run is bounded by a request count and every request has arrived, the
 * last event to finish ends the run (its retries at +1 min and +3 min are part of the run, not dropped).
 */
function release(s: SimState, ev: number): void {
  s.evFree[s.evFreeN++] = ev;
  if (--s.asyncLive === 0 && s.totals.arrivals >= s.cfg.requests) s.done = true;
}

function toDestination(s: SimState, ev: number): void {
  s.totals.dropped++;
  if (s.evArrival[ev]! >= s.cfg.warmupS) s.stats.onFailure++;
  release(s, ev);
}

/** A throttled attempt: schedule the next one with backoff, or give up at the maximum event age. */
export function asyncThrottled(s: SimState, ev: number, t: number): void {
  // reserved concurrency 0: new events go to the on-failure destination without retries
  // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html, as of 2026-12-01)
  if (s.cfg.reserved === 0) return toDestination(s, ev);
  const k = ++s.evThrottles[ev]!;
  const delay = Math.min(ASYNC_THROTTLE_BACKOFF_S.first * 2 ** (k - 1), ASYNC_THROTTLE_BACKOFF_S.max);
  if (t + delay - s.evArrival[ev]! > s.cfg.async.maxEventAgeS) return toDestination(s, ev);
  heapPush(s, t + delay, (ev << 2) | EventKind.RETRY);
  s.queued++;
}

/** An execution of event ev ended at t: success, or a function error that may be retried. */
export function asyncCompleted(s: SimState, ev: number, t: number): void {
  const p = s.cfg.async.errorRate;
  if (p > 0 && nextFloat(s.rng) < p) {
    if (t >= s.cfg.warmupS) s.stats.errors++;
    const n = s.evErrRetries[ev]!;
    const delay = ASYNC_ERROR_RETRY_DELAYS_S[n] ?? Infinity;
    if (n < s.cfg.async.maxRetryAttempts && t + delay - s.evArrival[ev]! <= s.cfg.async.maxEventAgeS) {
      s.evErrRetries[ev] = n + 1;
      heapPush(s, t + delay, (ev << 2) | EventKind.RETRY);
      s.queued++;
      return;
    }
    return toDestination(s, ev);
  }
  s.totals.completedFinal++;
  const age = t - s.evArrival[ev]!;
  if (s.evArrival[ev]! >= s.cfg.warmupS) {
    s.stats.eventAgeSum += age;
    s.stats.eventAgeN++;
    if (age > s.stats.eventAgeMax) s.stats.eventAgeMax = age;
  }
  release(s, ev);
}
