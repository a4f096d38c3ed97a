import { EnvStatus, EventKind, type SimState } from './state.ts';
import { heapPush } from './heap.ts';
import { openSpan, closeSpan } from './spans.ts';

function growEnvs(s: SimState): void {
  const cap = s.envCap * 2;
  const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
    const b = make(cap);
    b.set(a);
    return b;
  };
  s.envState = g(s.envState, (n) => new Uint8Array(n));
  s.envVer = g(s.envVer, (n) => new Uint8Array(n));
  s.envPc = g(s.envPc, (n) => new Uint8Array(n));
  s.envCreated = g(s.envCreated, (n) => new Float64Array(n));
  s.envIdleSince = g(s.envIdleSince, (n) => new Float64Array(n));
  s.envStamp = g(s.envStamp, (n) => new Int32Array(n));
  s.envId = g(s.envId, (n) => new Float64Array(n));
  s.envEv = g(s.envEv, (n) => new Int32Array(n));
  s.envSpan = g(s.envSpan, (n) => new Int32Array(n));
  s.freeSlots = g(s.freeSlots, (n) => new Int32Array(n));
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
