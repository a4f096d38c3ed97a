import { sampleStandardExponential } from '../dist/standardExponential.ts';
import { sampleDist } from '../dist/sampleDist.ts';
import { sampleStandardNormal } from '../dist/normal.ts';
import { recordLatency } from '../stats/latencyHistogram.ts';
import { EnvStatus, EventKind, type SimState } from './state.ts';

/**
 * The hot path of runUntil, for the events that make up almost every run: a synchronous Poisson arrival
 * that finds a warm environment (MRU) or is throttled at the cap, and the completion that returns an
 * environment to the idle stack.
 * It keeps the busy count, heap size, clock, idle stack and counters in local variables and handles those
 * two events inline; it returns (after writing everything back) as soon as the next event is anything
 * else — a cold start, a throttle, a reclamation, a bucket boundary, the last request, a cap — which
 * `processNext` then handles. It does exactly what `processNext` would do, in the same order and with the
 * same arithmetic (tests/sim/properties.test.ts checks runUntil against stepping with processNext).
 *
 * Eligible runs (checked by `fastRunEligible`): sync, one version, MRU, no lifetime recycling, no spans,
 * no provisioned concurrency, Poisson arrivals, past the warm-up.
 *
 * The contract. For speed this file inlines copies of four pieces of the engine: the 4-ary heap push and
 * pop (`heap.ts`), the busy/environment area integration (`clock.ts`), the MRU idle push
 * (`idleList.pushIdle`) and the exp/lognormal draws (`sampleDist`). A change to any of them must be made
 * here too, with the same draws in the same order; the property test "runUntil (with its inline fast
 * path) does exactly what stepping event by event does" (tests/sim/properties.test.ts) fails otherwise. The inline comments below only name which copy a block is.
 */
export function fastRunEligible(s: SimState): boolean {
  const c = s.cfg;
  return (
    c.invocation === 'sync' && c.routing === null && c.reuse === 'mru' && s.cfg.maxLifetimeS === Infinity && s.spans === null &&
    c.provisioned === 0 && s.poissonRate > 0 && s.source === null
  );
}

/** Returns the number of events it handled (0 when the next event is not one of its kinds). */
export function fastRun(s: SimState, limit: number): number {
  if (s.done || s.lastT < s.cfg.warmupS || s.now < s.cfg.warmupS) return 0;
  const rng = s.rng;
  const rate = s.poissonRate;
  const dist = s.cfg.duration;
  const expMean = dist.kind === 'exp' ? dist.meanMs : -1;
  const logMedian = dist.kind === 'lognormal' ? dist.medianMs : -1;
  const logSigma = dist.kind === 'lognormal' ? dist.sigma : -1;
  const maxEvents = s.cfg.limits.maxEvents;
  const maxRequests = s.cfg.requests;
  const odCap = s.odCap;
  const envCount = s.envCount;
  const ht = s.heapT;
  const hp = s.heapP;
  const hcap = ht.length;
  const l = s.idle[0]!;
  const lSlot = l.slot;
  const lStamp = l.stamp;
  const lMask = l.mask;
  const lHead = l.head;
  const lCap = lSlot.length;
  const envState = s.envState;
  const envIdleSince = s.envIdleSince;
  const envStamp = s.envStamp;
  const st = s.stats;
  const lat = st.latency;
  const ser = s.ser;
  const sIdx = ser.idx;
  const sEnd = ser.end;
  const sBusyArea = ser.busyArea;
  const sEnvArea = ser.envArea;
  const sArrivals = ser.arrivals;
  const sThrottles = ser.throttles;
  const sPeak = ser.peak;
  const reclaimT = s.reclaimT;

  let t = s.now;
  let lastT = s.lastT;
  let busy = s.busy;
  let heapN = s.heapN;
  let nextArr = s.nextArrivalT;
  let events = s.events;
  let lSize = l.size;
  let lCount = l.count;
  let stamp = s.stampCounter;
  // Integer counters that move together are kept as one delta each and added at the end (exact).
  const arrivalsLeft = maxRequests - s.totals.arrivals - 1; // arrivals this call may take (the last one is the slow path's)
  let nArr = 0;
  let nDone = 0;
  let nThr = 0;
  let started = st.started;
  let billed = st.billedOdMs;
  let busyArea = st.busyArea;
  let envArea = st.envArea;
  let peakBusy = st.peakBusy;
  let peak = sPeak[sIdx]!;
  let bBusy = sBusyArea[sIdx]!;
  let bEnv = sEnvArea[sIdx]!;
  let dirty = s.reclaimDirty;

  for (;;) {
    if (dirty || events >= maxEvents) break;
    const th = heapN > 0 ? ht[0]! : Infinity;
    const isArrival = !(th <= nextArr);
    const tn = isArrival ? nextArr : th;
    if (reclaimT <= tn || tn > limit || tn >= sEnd || tn === Infinity) break;
    if (isArrival) {
      // a warm start (an idle environment and room under the cap) or a throttle at the cap; not the last
      // request; heap room
      if ((lCount === 0 && busy < odCap) || nArr >= arrivalsLeft || heapN === hcap) break;
    } else if (lSize === lCap) break; // (every heap event is a sync on-demand completion in eligible runs)

    events++;
    // integrate busy and environment area (same arithmetic as clock.ts)
    const dt = tn - lastT;
    if (dt > 0) {
      bBusy += busy * dt;
      bEnv += envCount * dt;
      busyArea += busy * dt;
      envArea += envCount * dt;
      lastT = tn;
    }
    t = tn;

    if (isArrival) {
      nArr++;
      nextArr = t + sampleStandardExponential(rng) / rate;
      if (busy >= odCap) {
        // throttled (429), as step.ts `throttled`
        nThr++;
        continue;
      }
      // take the most recently idled environment (MRU stack top; entries are never stale here)
      lSize--;
      const slot = lSlot[(lHead + lSize) & lMask]!;
      lCount--;
      if (lSize === 0) dirty = true;
      // (same draws and arithmetic as sampleDist, without the switch for the two common kinds)
      const durMs =
        expMean >= 0 ? expMean * sampleStandardExponential(rng)
        : logSigma >= 0 ? Math.max(0, logMedian * Math.exp(logSigma * sampleStandardNormal(rng)))
        : Math.max(0, sampleDist(rng, dist));
      const end = t + (0 + durMs) * 0.001;
      envState[slot] = EnvStatus.BUSY; // (envEv[slot] is already −1: sync runs never set it)
      // heap push
      let i = heapN++;
      const payload = (slot << 2) | EventKind.COMPLETE;
      while (i > 0) {
        const parent = (i - 1) >> 2;
        const pt = ht[parent]!;
        if (pt <= end) break;
        ht[i] = pt;
        hp[i] = hp[parent]!;
        i = parent;
      }
      ht[i] = end;
      hp[i] = payload;
      busy++;
      if (busy > peak) peak = busy;
      started++;
      if (busy > peakBusy) peakBusy = busy;
      billed += Math.ceil(durMs);
      recordLatency(lat, 0 + durMs);
    } else {
      const slot = hp[0]! >> 2;
      // heap pop (4-ary Floyd, as heap.ts)
      const n = --heapN;
      if (n > 0) {
        const lt = ht[n]!;
        const lp = hp[n]!;
        let i = 0;
        let c = 1;
        while (c < n) {
          let m = c;
          let mt = ht[c]!;
          const e = c + 4 < n ? c + 4 : n;
          for (let k = c + 1; k < e; k++) {
            const kt = ht[k]!;
            if (kt < mt) {
              mt = kt;
              m = k;
            }
          }
          ht[i] = mt;
          hp[i] = hp[m]!;
          i = m;
          c = 4 * i + 1;
        }
        while (i > 0) {
          const parent = (i - 1) >> 2;
          const pt = ht[parent]!;
          if (pt <= lt) break;
          ht[i] = pt;
          hp[i] = hp[parent]!;
          i = parent;
        }
        ht[i] = lt;
        hp[i] = lp;
      }
      busy--;
      nDone++;
      // push on the idle stack (as idleList.pushIdle)
      stamp = (stamp + 1) | 0;
      envState[slot] = EnvStatus.IDLE;
      envIdleSince[slot] = t;
      envStamp[slot] = stamp;
      if (lSize === 0) dirty = true;
      const k = (lHead + lSize) & lMask;
      lSlot[k] = slot;
      lStamp[k] = stamp;
      lSize++;
      lCount++;
    }
  }

  const handled = events - s.events;
  s.now = t;
  s.lastT = lastT;
  s.busy = busy;
  s.odBusy = busy; // no provisioned concurrency here: every busy environment is on-demand
  s.heapN = heapN;
  s.nextArrivalT = nextArr;
  s.events = events;
  l.size = lSize;
  l.count = lCount;
  s.stampCounter = stamp;
  s.totals.arrivals += nArr;
  s.totals.completedFinal += nDone;
  s.totals.throttledSync += nThr;
  st.arrivals += nArr;
  st.attempts += nArr;
  st.started = started;
  st.completed += nDone;
  st.billedOdMs = billed;
  st.busyArea = busyArea;
  st.envArea = envArea;
  st.peakBusy = peakBusy;
  sPeak[sIdx] = peak;
  sBusyArea[sIdx] = bBusy;
  sEnvArea[sIdx] = bEnv;
  sArrivals[sIdx]! += nArr;
  sThrottles[sIdx]! += nThr;
  st.throttles += nThr;
  s.reclaimDirty = dirty;
  return handled;
}
