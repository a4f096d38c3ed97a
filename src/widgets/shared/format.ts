/**
 * Number formatting shared by every widget (server and client produce identical text: fixed
 * 'en-US' locale, no Intl options that vary by runtime). Every formatter returns a string for any
 * input and never "NaN": non-finite values become '—'.
 */
const DASH = '—';

/** "$1,234.56": dollars and cents, rounded half away from zero to the cent. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return DASH;
  const cents = Math.round(Math.abs(usd) * 100 + 1e-9);
  const sign = usd < 0 && cents > 0 ? '−' : '';
  return `${sign}$${groupDigits(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
}

/** Dollars with enough digits for small amounts ("$0.0000166667" for a rate, "$12.35" otherwise). */
export function formatRate(usd: number): string {
  if (!Number.isFinite(usd)) return DASH;
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 0.01) return formatUsd(usd);
  return `$${Number(usd.toPrecision(6)).toFixed(10).replace(/0+$/, '').replace(/\.$/, '')}`;
}

/** "3,000,000"; non-integers keep up to `maxDecimals` decimals ("1,234.5"). */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return DASH;
  const f = 10 ** maxDecimals;
  const r = Math.round(n * f) / f;
  const neg = r < 0;
  const [int, dec] = Math.abs(r).toFixed(maxDecimals).split('.');
  const decTrim = (dec ?? '').replace(/0+$/, '');
  return `${neg ? '−' : ''}${groupDigits(Number(int))}${decTrim ? `.${decTrim}` : ''}`;
}

/** "12.3%" from a ratio (0.123). */
export function formatPercent(ratio: number, decimals = 1): string {
  if (!Number.isFinite(ratio)) return DASH;
  return `${(ratio * 100).toFixed(decimals)}%`;
}

/** Compact axis labels: 1200 → "1.2k", 3e6 → "3M", 0.5 → "0.5". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  const a = Math.abs(n);
  const strip = (x: number) => String(Number(x.toPrecision(3)));
  if (a >= 1e9) return `${strip(n / 1e9)}B`;
  if (a >= 1e6) return `${strip(n / 1e6)}M`;
  if (a >= 1e4) return `${strip(n / 1e3)}k`;
  return strip(n);
}

function groupDigits(int: number): string {
  return String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
