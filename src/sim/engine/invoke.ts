import { sampleDist } from '../dist/sampleDist.ts';
import { sampleStandardExponential } from '../dist/standardExponential.ts';
import { recordLatency } from '../stats/latencyHistogram.ts';
import { EnvStatus, EventKind, type SimState } from './state.ts';
import { heapPush } from './heap.ts';
import { takeIdle } from './idleList.ts';
import { newEnv } from './environments.ts';
import { spanBusy } from './spans.ts';
import { formatCount, formatNumber } from '../format/index.ts';

/**
 * One invocation attempt of version v at time t (ev: async event slot or −1 for sync).
 * Order: an idle provisioned environment (version A) → the on-demand cap ((reserved ?? account) −
 * provisioned) → a warm idle environment by reuse order → a new environment, which needs a scaling
 * token (the scaling rate in src/sim/README.md, Model). Returns false when throttled (429).
 */
export function attempt(s: SimState, v: number, t: number, ev: number): boolean {
  if (v === 0 && s.pcIdleN > 0) {
    begin(s, s.pcIdle[--s.pcIdleN]!, v, t, 0, ev, true, false);
    return true;
  }
  if (s.odBusy >= s.odCap) return false;
  const warm = takeIdle(s, s.idle[v]!);
  if (warm >= 0) {
    begin(s, warm, v, t, 0, ev, false, false);
    return true;
  }
  if (s.envCount >= s.cfg.limits.maxEnvironments) {
    s.truncated = true;
    s.done = true;
    s.warnings.push(`stopped at t = ${formatNumber(t, 3)} s: ${formatCount(s.cfg.limits.maxEnvironments)} environments (limits.maxEnvironments) reached; the request that hit the cap is counted as throttled`);
    return false;
  }
  const sc = s.cfg.scaling;
  if (sc) {
    const tokens = s.tokens + (t - s.tokensT) * sc.refillPerS;
    s.tokens = tokens > sc.bucket ? sc.bucket : tokens;
    s.tokensT = t;
    if (s.tokens < 1) {
      if (t >= s.cfg.warmupS) s.stats.scalingThrottles++;
      return false;
    }
    s.tokens -= 1;
  }
  const initMs = Math.max(0, sampleDist(s.rng, v === 0 ? s.cfg.init : s.cfg.routing!.initB));
  const slot = newEnv(s, v, t, t + initMs * 0.001, false);
  begin(s, slot, v, t, initMs, ev, false, true);
  return true;
}

function begin(s: SimState, slot: number, v: number, t: number, initMs: number, ev: number, pc: boolean, cold: boolean): void {
  const d = v === 0 ? s.cfg.duration : s.cfg.routing!.durationB;
  // exp fast path: the same draw as sampleExponential, without the switch
  const durMs = d.kind === 'exp' ? d.meanMs * sampleStandardExponential(s.rng) : Math.max(0, sampleDist(s.rng, d));
  const end = t + (initMs + durMs) * 0.001;
  s.envState[slot] = EnvStatus.BUSY;
  s.envEv[slot] = ev;
  heapPush(s, end, (slot << 2) | EventKind.COMPLETE);
  const busy = ++s.busy;
  if (!pc) s.odBusy++;
  const ser = s.ser;
  if (busy > ser.peak[ser.idx]!) ser.peak[ser.idx] = busy;
  if (cold) ser.coldStarts[ser.idx]!++;
  if (t >= s.cfg.warmupS) {
    const st = s.stats;
    st.started++;
    if (busy > st.peakBusy) st.peakBusy = busy;
    const billed = Math.ceil(durMs);
    if (pc) {
      st.pcStarts++;
      st.billedPcMs += billed;
    } else st.billedOdMs += billed;
    if (cold) {
      st.coldStarts++;
      st.initMs += initMs;
      st.billedInitMs += Math.ceil(initMs + durMs) - billed;
    }
    recordLatency(st.latency, initMs + durMs);
  }
  if (s.spans !== null && s.envSpan[slot]! >= 0) spanBusy(s, slot, t, end);
}
