/**
 * Erlang-B blocking probability B(c, a) for c servers and offered load a = λ·E[S] (Erlangs), by the
 * stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). The share of synchronous requests
 * throttled under a static concurrency cap with no queue (M/G/c/c), insensitive to the duration law.
 * Returns NaN-free results: c is floored at 0, a < 0 is treated as 0.
 */
export function erlangB(c: number, a: number): number {
  const n = Math.max(0, Math.floor(c));
  const load = Math.max(0, a);
  let b = 1;
  for (let k = 1; k <= n; k++) b = (load * b) / (k + load * b);
  return b;
}
