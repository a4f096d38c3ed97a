/**
 * Number formatting for every shell (CLI text, widget views, server render and client alike).
 *
 * Locale-independent: digits are grouped by hand, never with `toLocaleString`/`Intl`, so Node, a
 * browser and a Web Worker print the same text whatever their locale or ICU build. Every formatter
 * returns a string for any input: non-finite values give `DASH` ("—", never "NaN"), and a value that
 * rounds to zero prints without a sign (never "-0"). Negative values use the typographic minus "−".
 */
export const DASH = '—';
const MINUS = '−';

/** "1234567" → "1,234,567" (a string of decimal digits, no sign). */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The decimal digits of a non-negative whole number, also past 1e21 where `String` turns to "1e+21". */
export function intDigits(a: number): string {
  return a < 1e21 ? String(a) : BigInt(a).toString();
}

/** |n| fixed to `decimals` (kept, or trimmed of trailing zeros), grouped; the sign is the caller's. */
function fixedAbs(n: number, decimals: number, trim = true): string {
  const a = Math.abs(n);
  if (a >= 1e21) return groupDigits(intDigits(Math.round(a))); // toFixed turns to exponent notation here
  const [int = '0', dec = ''] = a.toFixed(decimals).split('.');
  if (!trim) return `${groupDigits(int)}${dec ? `.${dec}` : ''}`;
  const trimmed = dec.replace(/0+$/, '');
  return `${groupDigits(int)}${trimmed ? `.${trimmed}` : ''}`;
}

function signed(n: number, body: string): string {
  return n < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body;
}

/** "3,000,000"; non-integers keep up to `maxDecimals` decimals ("1,234.57"), trailing zeros trimmed. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return DASH;
  const f = 10 ** maxDecimals;
  const r = Math.abs(n) >= 1e15 ? Math.round(n) : Math.round(n * f) / f; // no decimals left to round up there
  return signed(r, fixedAbs(r, maxDecimals));
}

/** A count or span rounded to a whole number, with separators: 1234.6 → "1,235". */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/**
 * A quantity as the CLI bill prints it: integers and values ≥ 1,000 grouped (one decimal at most),
 * smaller values to `digits` significant digits (0.0416667 → "0.04167").
 */
export function formatQuantity(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return DASH;
  if (Number.isInteger(x) || Math.abs(x) >= 1000) return formatNumber(x, Number.isInteger(x) ? 0 : 1);
  return formatSignificant(x, digits);
}

/** Integers whole, others to `digits` significant digits, grouped: 1500000.123 → "1,500,000", 0.1234567 → "0.123457". */
export function formatSignificant(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return DASH;
  const r = Number.isInteger(x) ? x : Number(x.toPrecision(digits));
  const [int = '0', frac] = plainDecimal(Math.abs(r)).split('.');
  return signed(r, `${groupDigits(int)}${frac ? `.${frac}` : ''}`);
}

/** A non-negative number in plain decimal notation ("1.5e-9" → "0.0000000015"), its shortest digits. */
export function plainDecimal(a: number): string {
  const s = String(a);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? '');
  const exp = Number(m[3]);
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  return digits.padEnd(exp + 1, '0');
}

/**
 * "12.3%" from a ratio (0.123). What the percentage is of ("of invocations") is the caller's to say,
 * next to the number.
 */
export function formatPercent(ratio: number, decimals = 1): string {
  if (!Number.isFinite(ratio * 100)) return DASH;
  const body = fixedAbs(ratio * 100, decimals, false);
  return `${signed(ratio, body)}%`;
}

/** Compact axis labels: 1200 → "1.2k" (from 10,000), 3e6 → "3M", 0.5 → "0.5". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  const a = Math.abs(n);
  const strip = (x: number) => signed(x, plainDecimal(Math.abs(Number(x.toPrecision(3)))));
  if (a >= 1e9) return `${strip(n / 1e9)}B`;
  if (a >= 1e6) return `${strip(n / 1e6)}M`;
  if (a >= 1e4) return `${strip(n / 1e3)}k`;
  return strip(n);
}
