import { unixFromCivil } from './civilTime.ts';

/**
 * A timestamp as Unix seconds, or NaN. Accepts ISO 8601 with `Z` or an offset (what the AWS CLI prints,
 * e.g. `2026-11-02T14:05:00+00:00`), the console's `2026-11-02 14:05:00` (read as UTC), and epoch seconds
 * or milliseconds (numbers above 1e11 are milliseconds).
 */
export function parseTimestamp(x: unknown): number {
  if (typeof x === 'number') return Number.isFinite(x) ? (x > 1e11 ? x / 1000 : x) : NaN;
  if (typeof x !== 'string') return NaN;
  const s = x.trim().replace(/^"|"$/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return parseTimestamp(Number(s));
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, se, frac, tz] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se ?? 0) > 60) return NaN;
  const base = unixFromCivil(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(se ?? 0));
  let off = 0;
  if (tz && !/^(Z|UTC)$/i.test(tz)) {
    const t = /^([+-])(\d{2}):?(\d{2})$/.exec(tz)!;
    off = (t[1] === '-' ? -1 : 1) * (Number(t[2]) * 3600 + Number(t[3]) * 60);
  }
  return base + (frac ? Number(`0.${frac}`) : 0) - off;
}
