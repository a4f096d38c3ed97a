import { EnvStatus, type IdleList, type SimState } from './state.ts';

/**
 * Idle environments of one version. A ring buffer in the order environments became idle gives MRU (take
 * from the top, a stack) and LRU (take from the bottom, a queue); idle reclamation always reads the
 * bottom (longest idle). For 'newest' a max-heap by environment id is kept alongside. Entries carry the
 * environment's idle stamp, so an entry whose environment was taken or retired another way is stale and
 * is skipped when met (lazy deletion).
 */
export function createIdleList(): IdleList {
  return {
    slot: new Int32Array(64), stamp: new Int32Array(64), head: 0, size: 0, mask: 63, count: 0,
    hKey: new Float64Array(16), hSlot: new Int32Array(16), hStamp: new Int32Array(16), hN: 0,
  };
}

function isLive(s: SimState, slot: number, stamp: number): boolean {
  return s.envState[slot] === EnvStatus.IDLE && s.envStamp[slot] === stamp;
}

function grow(l: IdleList): void {
  const cap = l.slot.length * 2;
  const slot = new Int32Array(cap);
  const stamp = new Int32Array(cap);
  for (let i = 0; i < l.size; i++) {
    slot[i] = l.slot[(l.head + i) & l.mask]!;
    stamp[i] = l.stamp[(l.head + i) & l.mask]!;
  }
  l.slot = slot;
  l.stamp = stamp;
  l.head = 0;
  l.mask = cap - 1;
}

/** Marks `slot` idle at time t and files it on top. */
export function pushIdle(s: SimState, l: IdleList, slot: number, t: number): void {
  const stamp = (s.stampCounter = (s.stampCounter + 1) | 0);
  s.envState[slot] = EnvStatus.IDLE;
  s.envIdleSince[slot] = t;
  s.envStamp[slot] = stamp;
  if (l.size === 0) s.reclaimDirty = true; // a new bottom
  if (l.size === l.slot.length) grow(l);
  const i = (l.head + l.size) & l.mask;
  l.slot[i] = slot;
  l.stamp[i] = stamp;
  l.size++;
  l.count++;
  if (s.cfg.reuse === 'newest') newestPush(l, s.envId[slot]!, slot, stamp);
}

/** Takes an idle environment by the configured reuse order, or returns −1. */
export function takeIdle(s: SimState, l: IdleList): number {
  if (l.count === 0) return -1;
  const reuse = s.cfg.reuse;
  if (reuse === 'mru') {
    while (l.size > 0) {
      l.size--;
      const i = (l.head + l.size) & l.mask;
      const slot = l.slot[i]!;
      if (isLive(s, slot, l.stamp[i]!)) {
        l.count--;
        // The bottom (cached for reclamation) is only taken when the list empties.
        if (l.size === 0) s.reclaimDirty = true;
        return slot;
      }
    }
    s.reclaimDirty = true;
    return -1;
  }
  s.reclaimDirty = true;
  if (reuse === 'lru') {
    while (l.size > 0) {
      const slot = popBottom(l);
      if (isLive(s, slot, l.stamp[(l.head - 1) & l.mask]!)) {
        l.count--;
        return slot;
      }
    }
    return -1;
  }
  while (l.hN > 0) {
    const slot = l.hSlot[0]!;
    const stamp = l.hStamp[0]!;
    newestPop(l);
    if (isLive(s, slot, stamp)) {
      l.count--;
      return slot;
    }
  }
  return -1;
}

function popBottom(l: IdleList): number {
  const slot = l.slot[l.head]!;
  l.head = (l.head + 1) & l.mask;
  l.size--;
  return slot;
}

/** Slot at the bottom (longest idle) after dropping stale entries, or −1. */
export function peekOldest(s: SimState, l: IdleList): number {
  while (l.size > 0) {
    const slot = l.slot[l.head]!;
    if (isLive(s, slot, l.stamp[l.head]!)) return slot;
    popBottom(l);
  }
  return -1;
}

/** Removes the bottom entry (after peekOldest returned it) because it is being retired. */
export function dropOldest(s: SimState, l: IdleList): void {
  s.reclaimDirty = true;
  popBottom(l);
  l.count--;
}

/** Bookkeeping when an idle environment is retired out of order (lifetime expiry): its entry goes stale. */
export function forgetIdle(s: SimState, l: IdleList): void {
  s.reclaimDirty = true;
  l.count--;
}

function newestPush(l: IdleList, key: number, slot: number, stamp: number): void {
  if (l.hN === l.hKey.length) {
    const k = new Float64Array(l.hN * 2), a = new Int32Array(l.hN * 2), b = new Int32Array(l.hN * 2);
    k.set(l.hKey);
    a.set(l.hSlot);
    b.set(l.hStamp);
    l.hKey = k;
    l.hSlot = a;
    l.hStamp = b;
  }
  let i = l.hN++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (l.hKey[p]! >= key) break;
    moveEntry(l, i, p);
    i = p;
  }
  setEntry(l, i, key, slot, stamp);
}

/** Copies heap entry `from` into position `to` (the three parallel columns). */
function moveEntry(l: IdleList, to: number, from: number): void {
  l.hKey[to] = l.hKey[from]!;
  l.hSlot[to] = l.hSlot[from]!;
  l.hStamp[to] = l.hStamp[from]!;
}

function setEntry(l: IdleList, i: number, key: number, slot: number, stamp: number): void {
  l.hKey[i] = key;
  l.hSlot[i] = slot;
  l.hStamp[i] = stamp;
}

function newestPop(l: IdleList): void {
  const n = --l.hN;
  if (n === 0) return;
  const key = l.hKey[n]!, slot = l.hSlot[n]!, stamp = l.hStamp[n]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && l.hKey[c + 1]! > l.hKey[c]!) c++;
    if (l.hKey[c]! <= key) break;
    moveEntry(l, i, c);
    i = c;
  }
  setEntry(l, i, key, slot, stamp);
}

/** Drops stale entries from the 'newest' heap when they outnumber live ones (keeps memory bounded). */
export function compactNewest(s: SimState, l: IdleList): void {
  if (l.hN < 1024 || l.hN < 4 * l.count) return;
  const n = l.hN;
  const keys = l.hKey.slice(0, n), slots = l.hSlot.slice(0, n), stamps = l.hStamp.slice(0, n);
  l.hN = 0;
  for (let i = 0; i < n; i++) if (isLive(s, slots[i]!, stamps[i]!)) newestPush(l, keys[i]!, slots[i]!, stamps[i]!);
}
