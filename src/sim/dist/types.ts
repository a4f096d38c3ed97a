/**
 * A duration distribution as plain data (milliseconds). One file per kind samples it.
 * `parseDist` reads the CLI/URL form: `const:MS`, `exp:MEAN_MS`, `lognormal:MEDIAN_MS:SIGMA`,
 * `uniform:MIN_MS:MAX_MS`.
 */
export type Dist =
  | { kind: 'const'; ms: number }
  | { kind: 'exp'; meanMs: number }
  | { kind: 'lognormal'; medianMs: number; sigma: number }
  | { kind: 'uniform'; minMs: number; maxMs: number };
