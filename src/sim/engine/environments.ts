import { EnvStatus, EventKind, type SimState } from './state.ts';
import { heapPush } from './heap.ts';
import { openSpan, closeSpan } from './spans.ts';
import { growTyped } from './growTyped.ts';

function growEnvs(s: SimState): void {
  const cap = s.envCap * 2;
  s.envState = growTyped(s.envState, cap);
  s.envVer = growTyped(s.envVer, cap);
  s.envPc = growTyped(s.envPc, cap);
  s.envCreated = growTyped(s.envCreated, cap);
  s.envIdleSince = growTyped(s.envIdleSince, cap);
  s.envStamp = growTyped(s.envStamp, cap);
  s.envId = growTyped(s.envId, cap);
  s.envEv = growTyped(s.envEv, cap);
  s.envSpan = growTyped(s.envSpan, cap);
  s.freeSlots = growTyped(s.freeSlots, cap);
  s.envCap = cap;
}

/** A new execution environment of version v, busy from t (INIT until initEnd); returns its slot. */
export function newEnv(s: SimState, v: number, t: number, initEnd: number, provisioned: boolean): number {
  let slot: number;
  if (s.freeN > 0) slot = s.freeSlots[--s.freeN]!;
  else {
    if (s.nextSlot === s.envCap) growEnvs(s);
    slot = s.nextSlot++;
  }
  s.envCount++;
  if (s.envCount > s.stats.peakEnvs && t >= s.cfg.warmupS) s.stats.peakEnvs = s.envCount;
  s.envState[slot] = EnvStatus.BUSY;
  s.envVer[slot] = v;
  s.envPc[slot] = provisioned ? 1 : 0;
  s.envCreated[slot] = t;
  s.envId[slot] = s.nextEnvId++;
  s.envEv[slot] = -1;
  s.envSpan[slot] = -1;
  if (s.spans) openSpan(s, slot, t, initEnd);
  const life = s.cfg.maxLifetimeS;
  if (life !== Infinity && !provisioned) heapPush(s, t + life, (slot << 2) | EventKind.EXPIRE);
  return slot;
}

/** The environment is gone at t (idle timeout or periodic recycling); its slot is recycled. */
export function retireEnv(s: SimState, slot: number, t: number, reason: 'idle' | 'lifetime'): void {
  s.envState[slot] = EnvStatus.FREE;
  s.envStamp[slot] = (s.envStamp[slot]! + 1) | 0;
  s.envCount--;
  s.freeSlots[s.freeN++] = slot;
  if (t >= s.cfg.warmupS) {
    if (reason === 'idle') s.stats.reclaimed++;
    else s.stats.recycled++;
  }
  if (s.envSpan[slot]! >= 0) closeSpan(s, slot, t, reason);
}
