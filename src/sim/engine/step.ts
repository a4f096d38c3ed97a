import { nextFloat } from '../rng/createRng.ts';
import { nextArrival } from '../traffic/nextArrival.ts';
import { sampleStandardExponential } from '../dist/standardExponential.ts';
import { EnvStatus, EventKind, type SimState } from './state.ts';
import { heapPop } from './heap.ts';
import { advanceTo } from './clock.ts';
import { attempt } from './invoke.ts';
import { pushIdle, peekOldest, dropOldest, forgetIdle, compactNewest } from './idleList.ts';
import { retireEnv } from './environments.ts';
import { fastRun, fastRunEligible } from './fastRun.ts';
import { allocEvent, asyncCompleted, asyncThrottled } from './asyncEvents.ts';
import { formatCount, formatNumber } from '../format/index.ts';
import { missingDriver, type SourceDriver } from './sourceDriver.ts';

/**
 * What one step did. The engine's events, as a discriminated union on `kind` (the heap stores them as
 * numbers; see EventKind). `none` means nothing happened: no event at or before the limit, or done.
 */
export type SimEvent =
  | { kind: 'arrival'; t: number }
  | { kind: 'complete'; t: number; env: number }
  | { kind: 'expire'; t: number; env: number }
  | { kind: 'retry'; t: number }
  | { kind: 'source'; t: number }
  | { kind: 'reclaim'; t: number; env: number }
  | { kind: 'none'; t: number };

/** The kinds `processNext` reports: the heap's four (`EventKind`), plus arrivals and reclamations. */
export const ProcessedKind = { COMPLETE: EventKind.COMPLETE, EXPIRE: EventKind.EXPIRE, RETRY: EventKind.RETRY, SOURCE: EventKind.SOURCE, ARRIVAL: 4, RECLAIM: 5 } as const;

/**
 * What `processNext` did, packed in one number so the event loop allocates nothing:
 * - `PROCESSED_NONE` (−1): no event was due at or before the limit, or the run is done;
 * - otherwise `kind | (slot + 1) << 3`, always ≥ 0: `processedKind(r)` is a `ProcessedKind` and
 *   `processedSlot(r)` the environment slot the event touched (complete, expire, reclaim) or −1.
 */
export type Processed = number;
export const PROCESSED_NONE = -1;
export const processedKind = (r: Processed): number => (r < 0 ? -1 : r & 7);
export const processedSlot = (r: Processed): number => (r < 0 ? -1 : (r >> 3) - 1);

const { ARRIVAL, RECLAIM } = ProcessedKind;
const NONE = PROCESSED_NONE;

/** Earliest idle-timeout reclamation over all versions (cached in s.reclaimT/V/Slot). */
function nextReclaim(s: SimState): number {
  if (!s.reclaimDirty) return s.reclaimT;
  s.reclaimDirty = false;
  const T = s.cfg.idleTimeoutS;
  let best = Infinity;
  if (T === Infinity) return (s.reclaimT = best);
  const lists = s.idle;
  for (let v = 0; v < lists.length; v++) {
    const l = lists[v]!;
    if (l.count === 0) continue;
    const slot = peekOldest(s, l);
    if (slot < 0) continue;
    const r = s.envIdleSince[slot]! + T;
    if (r < best) {
      best = r;
      s.reclaimV = v;
      s.reclaimSlot = slot;
    }
  }
  return (s.reclaimT = best);
}
function route(s: SimState): number {
  const r = s.cfg.routing;
  return r !== null && nextFloat(s.rng) < r.weightB ? 1 : 0;
}

/**
 * Processes the earliest pending event if its time is ≤ tLimit; returns what it did (`Processed`).
 * Tie order at equal times: reclamation, then completions/expiries/retries, then the arrival, so a
 * request arriving exactly when another finishes can reuse its environment. A state with an event source
 * needs its `driver` (SOURCE_DRIVER); without one its source events throw.
 */
export function processNext(s: SimState, tLimit: number, driver?: SourceDriver): Processed {
  if (s.done) return NONE;
  let t = s.nextArrivalT;
  let kind: number = ARRIVAL;
  if (s.heapN > 0 && s.heapT[0]! <= t) {
    t = s.heapT[0]!;
    kind = s.heapP[0]! & 3;
  }
  const rt = s.reclaimDirty ? nextReclaim(s) : s.reclaimT;
  if (rt <= t) {
    t = rt;
    kind = RECLAIM;
  }
  if (t > tLimit || t === Infinity) return NONE;
  if (s.events >= s.cfg.limits.maxEvents) {
    s.truncated = true;
    s.done = true;
    s.warnings.push(`stopped at t = ${formatNumber(s.now, 3)} s after ${formatCount(s.events)} events (limits.maxEvents)`);
    return NONE;
  }
  s.events++;
  advanceTo(s, t);
  s.now = t;
  let slot = -1;
  switch (kind) {
    case ARRIVAL: {
      const tot = ++s.totals.arrivals;
      if (t >= s.cfg.warmupS) s.stats.arrivals++;
      s.ser.arrivals[s.ser.idx]!++;
      const last = tot >= s.cfg.requests;
      const rate = s.poissonRate; // fast path for the common Poisson case (same draw as nextPoissonArrival)
      s.nextArrivalT = last ? Infinity : rate > 0 ? t + sampleStandardExponential(s.rng) / rate : nextArrival(s.rng, s.cursor, s.cfg.traffic, t);
      const v = s.cfg.routing === null ? 0 : route(s);
      if (s.cfg.invocation === 'async') {
        const ev = allocEvent(s, t);
        if (ev >= 0) {
          if (t >= s.cfg.warmupS) s.stats.attempts++;
          if (!attempt(s, v, t, ev)) throttled(s, t, ev);
        }
      } else {
        if (t >= s.cfg.warmupS) s.stats.attempts++;
        if (!attempt(s, v, t, -1)) throttled(s, t, -1);
      }
      // a run bounded by a request count ends at its last arrival, but async events still retrying
      // run on until each has succeeded or reached its destination (asyncEvents.release ends the run)
      if (last && (s.cfg.invocation !== 'async' || s.asyncLive === 0)) s.done = true;
      break;
    }
    case EventKind.COMPLETE: {
      slot = s.heapP[0]! >> 2;
      heapPop(s);
      s.busy--;
      const pc = s.envPc[slot] === 1;
      if (!pc) s.odBusy--;
      if (t >= s.cfg.warmupS) s.stats.completed++;
      const ev = s.envEv[slot]!;
      if (ev >= 0) asyncCompleted(s, ev, t);
      else if (ev === -1) s.totals.completedFinal++;
      if (pc) {
        s.envState[slot] = EnvStatus.IDLE;
        s.pcIdle[s.pcIdleN++] = slot;
      } else if (t >= s.envCreated[slot]! + s.cfg.maxLifetimeS) retireEnv(s, slot, t, 'lifetime');
      else {
        const l = s.idle[s.envVer[slot]!]!;
        pushIdle(s, l, slot, t);
        if (s.cfg.reuse === 'newest') compactNewest(s, l);
      }
      // an event source batch (envEv = −2 − batch): its mapping decides what comes next, once the
      // environment is back in the idle list so the next batch can reuse it
      if (ev < -1) (driver ?? missingDriver()).completed(s, -2 - ev, t);
      break;
    }
    case EventKind.EXPIRE: {
      slot = s.heapP[0]! >> 2;
      heapPop(s);
      if (s.envState[slot] === EnvStatus.IDLE && s.envCreated[slot]! + s.cfg.maxLifetimeS === t) {
        forgetIdle(s, s.idle[s.envVer[slot]!]!);
        retireEnv(s, slot, t, 'lifetime');
      }
      break;
    }
    case EventKind.RETRY: {
      const ev = s.heapP[0]! >> 2;
      heapPop(s);
      s.queued--;
      if (t >= s.cfg.warmupS) {
        s.stats.retries++;
        s.stats.attempts++;
      }
      if (!attempt(s, route(s), t, ev)) throttled(s, t, ev);
      break;
    }
    case EventKind.SOURCE: {
      const id = s.heapP[0]! >> 2;
      heapPop(s);
      (driver ?? missingDriver()).event(s, id, t);
      break;
    }
    case RECLAIM: {
      slot = s.reclaimSlot;
      dropOldest(s, s.idle[s.reclaimV]!);
      retireEnv(s, slot, t, 'idle');
      break;
    }
  }
  return kind | ((slot + 1) << 3);
}

function throttled(s: SimState, t: number, ev: number): void {
  if (t >= s.cfg.warmupS) s.stats.throttles++;
  s.ser.throttles[s.ser.idx]!++;
  if (ev >= 0) asyncThrottled(s, ev, t);
  else s.totals.throttledSync++;
}

/** Processes exactly one event (the earliest) and says what it was (`driver`: as for processNext). */
export function step(s: SimState, driver?: SourceDriver): SimEvent {
  if (s.source !== null && !driver) missingDriver();
  const r = processNext(s, Infinity, driver);
  const t = s.now;
  const slot = processedSlot(r);
  switch (processedKind(r)) {
    case ARRIVAL:
      return { kind: 'arrival', t };
    case EventKind.COMPLETE:
      return { kind: 'complete', t, env: s.envId[slot]! };
    case EventKind.EXPIRE:
      return { kind: 'expire', t, env: s.envId[slot]! };
    case EventKind.RETRY:
      return { kind: 'retry', t };
    case EventKind.SOURCE:
      return { kind: 'source', t };
    case RECLAIM:
      return { kind: 'reclaim', t, env: s.envId[slot]! };
    default:
      return { kind: 'none', t };
  }
}

/**
 * Processes every event with time ≤ tSeconds (bounded by the config's simSeconds and work limits), then
 * moves the clock to tSeconds. Returns the number of events processed. A state with an event source
 * needs its `driver` (SOURCE_DRIVER from the sources module) and throws without one.
 */
export function runUntil(s: SimState, tSeconds: number, driver?: SourceDriver): number {
  if (s.source !== null && !driver) missingDriver();
  return runEventsUntil(s, tSeconds, driver, fastRunEligible(s) ? fastRun : null);
}

/**
 * runUntil with the fast path passed in (`fast`: fastRun, or null for none). A run that can never take the
 * fast path (an event source: see fastRunEligible) calls this with null, so its bundle (a Web Worker) does
 * not carry fastRun.
 */
export function runEventsUntil(s: SimState, tSeconds: number, driver: SourceDriver | undefined, fast: ((s: SimState, limit: number) => number) | null): number {
  if (!(tSeconds >= s.now)) return 0; // NaN or the past: nothing to do
  const limit = Math.min(tSeconds, s.cfg.simSeconds);
  const before = s.events;
  let skip = 0;
  for (;;) {
    // the fast path handles the common events inline and stops at anything else; when it could not take
    // a single event, let a few slow events pass before trying again (results are the same either way)
    if (fast !== null && --skip < 0 && fast(s, limit) === 0) skip = 8;
    if (processNext(s, limit, driver) === NONE) break;
  }
  if (!s.done && limit !== Infinity && limit > s.now) {
    advanceTo(s, limit);
    s.now = limit;
  }
  if (s.now >= s.cfg.simSeconds) s.done = true;
  return s.events - before;
}
