// The format module: locale-independent numbers, money, durations and quoted user input. Re-exports only.
export { DASH, groupDigits, plainDecimal, formatNumber, formatCount, formatQuantity, formatSignificant, formatPercent, formatCompact } from './numbers.ts';
export { formatUsd, formatCost, formatRate } from './money.ts';
export { formatSeconds, formatDuration } from './durations.ts';
export { quoteInput, escapeInput, QUOTE_MAX_CHARS } from './quoteInput.ts';
