/**
 * Time spans for reading: "45 s", "12.5 min", "3.2 h", "31 days". Seconds in, one unit out, at most
 * one decimal, separators from `formatNumber` (so never "NaN" or "-0").
 */
import { DASH, formatNumber } from './numbers.ts';

/** "1,234.5 s": seconds with separators and at most `maxDecimals` decimals. */
export function formatSeconds(s: number, maxDecimals = 1): string {
  return Number.isFinite(s) ? `${formatNumber(s, maxDecimals)} s` : DASH;
}

/** The largest unit that keeps the number ≥ 1: seconds, minutes, hours, then days. */
export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return DASH;
  const a = Math.abs(s);
  if (a < 60) return formatSeconds(s);
  if (a < 3600) return `${formatNumber(s / 60, 1)} min`;
  if (a < 86_400) return `${formatNumber(s / 3600, 1)} h`;
  const d = formatNumber(s / 86_400, 1);
  return `${d} ${d === '1' ? 'day' : 'days'}`;
}
