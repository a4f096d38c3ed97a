import type { Dist } from './types.ts';
import { MAX_DURATION_MS } from '../constants/limits.ts';
import { formatNumber, quoteInput } from '../format/index.ts';

/** Largest duration accepted anywhere (ms): the longest standard invocation (`MAX_DURATION_MS`). */
export const MAX_DIST_MS = MAX_DURATION_MS;

export const DIST_FORMS = 'const:MS, exp:MEAN_MS, lognormal:MEDIAN_MS:SIGMA or uniform:MIN_MS:MAX_MS';
/** What a distribution must be, as messages state it. */
export const DIST_EXPECTED = `${DIST_FORMS} with times from 0 to ${formatNumber(MAX_DIST_MS)} ms`;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function num(s: string | undefined): number {
  if (s === undefined || s.trim() === '') return NaN;
  return Number(s);
}

/**
 * Parses `const:120`, `exp:1991`, `lognormal:120:0.5`, `uniform:50:150` (all in ms; sigma unitless).
 * The error message says what is accepted; the caller prefixes the field or flag name.
 */
export function parseDist(text: string): ParseResult<Dist> {
  const parts = String(text).trim().split(':');
  const kind = parts[0]?.toLowerCase();
  const a = num(parts[1]);
  const b = num(parts[2]);
  const inMs = (x: number) => Number.isFinite(x) && x >= 0 && x <= MAX_DIST_MS;
  const bad = (why: string): ParseResult<Dist> => ({ ok: false, error: `${why}; expected ${DIST_EXPECTED}, got ${quoteInput(text)}` });
  switch (kind) {
    case 'const':
      if (parts.length !== 2 || !inMs(a)) return bad('const needs one time');
      return { ok: true, value: { kind: 'const', ms: a } };
    case 'exp':
      if (parts.length !== 2 || !inMs(a) || a === 0) return bad('exp needs a mean above 0');
      return { ok: true, value: { kind: 'exp', meanMs: a } };
    case 'lognormal':
      if (parts.length !== 3 || !inMs(a) || a === 0 || !Number.isFinite(b) || b < 0 || b > 3)
        return bad('lognormal needs a median above 0 and a sigma from 0 to 3');
      return { ok: true, value: { kind: 'lognormal', medianMs: a, sigma: b } };
    case 'uniform':
      if (parts.length !== 3 || !inMs(a) || !inMs(b) || b < a) return bad('uniform needs MIN ≤ MAX');
      return { ok: true, value: { kind: 'uniform', minMs: a, maxMs: b } };
    default:
      return bad('unknown distribution');
  }
}

/** Inverse of parseDist. */
export function formatDist(d: Dist): string {
  switch (d.kind) {
    case 'const':
      return `const:${d.ms}`;
    case 'exp':
      return `exp:${d.meanMs}`;
    case 'lognormal':
      return `lognormal:${d.medianMs}:${d.sigma}`;
    case 'uniform':
      return `uniform:${d.minMs}:${d.maxMs}`;
  }
}
