/**
 * The one seeded random source: xoshiro128** (Blackman & Vigna), 128-bit state, period 2^128 − 1.
 *
 * Shape: `{ s: Int32Array(4) }` — a plain typed array, so a simulation state that holds an Rng survives
 * `structuredClone` / `postMessage` and resumes bit for bit.
 */
export interface Rng {
  s: Int32Array;
}

/** Seeds the 128-bit state from a 32-bit seed with splitmix32, so nearby seeds give unrelated streams. */
export function createRng(seed = 1): Rng {
  const s = new Int32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = z ^ (z >>> 16);
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // the all-zero state is a fixed point
  return { s };
}

/** Next 32 random bits as an unsigned integer. */
export function nextUint32(r: Rng): number {
  const s = r.s;
  const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return result >>> 0;
}

/** Uniform on [0, 1) with 2^-32 resolution. */
export function nextFloat(r: Rng): number {
  return nextUint32(r) * 2.3283064365386963e-10;
}
