/**
 * Money formatting (US dollars). Locale-independent and NaN/"-0"-free, like `numbers.ts`.
 * - `formatUsd`: dollars and cents ("$1,234.57"), for totals and anything a reader compares.
 * - `formatCost`: as `formatUsd`, but an amount under a cent keeps 4 significant digits
 *   ("$0.001667") instead of showing "$0.00"; the CLI bill and the widget's bill table use it.
 * - `formatRate`: a unit price the way AWS writes it ("$0.0000166667", "$0.2"), up to 13 decimals.
 */
import { DASH, groupDigits, intDigits, plainDecimal } from './numbers.ts';

const MINUS = '−';

/** "$1,234.56": rounded half away from zero to the cent. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd * 100)) return DASH;
  const cents = Math.round(Math.abs(usd) * 100 + 1e-9);
  const sign = usd < 0 && cents > 0 ? MINUS : '';
  return `${sign}$${groupDigits(intDigits(Math.floor(cents / 100)))}.${String(cents % 100).padStart(2, '0')}`;
}

/** As `formatUsd`, with 4 significant digits for non-zero amounts under a cent. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd)) return DASH;
  if (usd === 0 || Math.abs(usd) >= 0.01) return formatUsd(usd);
  const a = Math.abs(usd);
  const p = a.toPrecision(4);
  return `${usd < 0 ? MINUS : ''}$${p.includes('e') ? plainDecimal(Number(p)) : p}`;
}

/** A unit rate: "$0.0000166667", not "1.66667e-5"; "$0.2" for twenty cents per unit. */
export function formatRate(usd: number): string {
  if (!Number.isFinite(usd)) return DASH;
  if (Math.abs(usd) >= 1e6) return formatUsd(usd); // no unit price is this large; keeps toFixed in range
  const body = Math.abs(usd).toFixed(13).replace(/0+$/, '').replace(/\.$/, '');
  return `${usd < 0 && /[1-9]/.test(body) ? MINUS : ''}$${body}`;
}
