import type { SimState } from './state.ts';

/**
 * 4-ary min-heap of event times in typed arrays (grows by doubling): half the depth of a binary heap, and
 * the four children of a node share a cache line. Ties pop in no particular (but deterministic) order.
 */
export function heapPush(s: SimState, t: number, payload: number): void {
  if (s.heapN === s.heapT.length) {
    const T = new Float64Array(s.heapN * 2);
    T.set(s.heapT);
    const P = new Int32Array(s.heapN * 2);
    P.set(s.heapP);
    s.heapT = T;
    s.heapP = P;
  }
  siftUp(s.heapT, s.heapP, s.heapN++, t, payload);
}

/** Places (t, payload) at hole i or above it, moving later parents down: the sift-up of push and pop. */
function siftUp(ht: Float64Array, hp: Int32Array, i: number, t: number, payload: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 2;
    const pt = ht[parent]!;
    if (pt <= t) break;
    ht[i] = pt;
    hp[i] = hp[parent]!;
    i = parent;
  }
  ht[i] = t;
  hp[i] = payload;
}

/**
 * Removes the earliest event (the caller has read heapT[0] / heapP[0]). Floyd's variant: walk the hole
 * down to a leaf along the smallest children, then sift the last element up from there (usually zero or
 * one step, since it came from the bottom).
 */
export function heapPop(s: SimState): void {
  const n = --s.heapN;
  if (n === 0) return;
  const ht = s.heapT;
  const hp = s.heapP;
  const t = ht[n]!;
  const p = hp[n]!;
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
  siftUp(ht, hp, i, t, p);
}
