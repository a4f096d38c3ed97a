/**
 * Widget formatting. The number and money formatters live in the simulator's format module (one home
 * for the CLI and the widgets: locale-independent, never "NaN" or "-0"); this file adds HTML escaping.
 */
export { formatUsd, formatRate, formatNumber, formatPercent, formatCompact } from '../../sim/format/index.ts';

/** Escapes text for HTML element content and attribute values (renderers build strings). */
export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
