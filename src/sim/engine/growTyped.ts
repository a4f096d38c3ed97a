/**
 * A typed array of the same kind, `n` long, holding `a`'s values at the front: how the struct-of-arrays
 * tables (environments, source batches, queue segments) double their capacity. Rare, so not hot.
 */
export function growTyped<T extends Uint8Array | Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  (b as Float64Array).set(a as Float64Array);
  return b;
}
