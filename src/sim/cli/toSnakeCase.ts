/**
 * The `--json` edge: results are camelCase in TypeScript (`coldStartRatio`, `computeGbS`) and printed
 * with the documented snake_case names (`cold_start_ratio`, `compute_gb_s`). Each capital letter
 * becomes `_` + its lower case; arrays and plain objects are converted deeply, other values kept.
 */
export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function toSnakeCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnakeCase);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[snakeKey(k)] = toSnakeCase(v);
  return out;
}
