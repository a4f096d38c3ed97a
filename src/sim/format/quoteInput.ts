/**
 * Quotes a value a user typed (a flag, a URL parameter, a trace line) for a message, so echoing it can
 * neither drive the terminal nor flood it:
 * - control characters (C0, DEL, C1), line/paragraph separators and bidirectional overrides are
 *   written as `\uXXXX` escapes, as are `"` and `\` so the quoting stays unambiguous;
 * - values longer than `max` characters (code points) are cut, and the message says how long they were:
 *   `"aaaa…" (10,000 characters)`.
 */
import { formatCount } from './numbers.ts';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"\\]/g;

export const QUOTE_MAX_CHARS = 60;

export function quoteInput(value: unknown, max = QUOTE_MAX_CHARS): string {
  const { shown, cut, length } = escapeCut(value, max);
  return cut ? `"${shown}…" (${formatCount(length)} characters)` : `"${shown}"`;
}

/** As `quoteInput` without the quotes, for input that reads as part of the message (`--bogus`). */
export function escapeInput(value: unknown, max = QUOTE_MAX_CHARS): string {
  const { shown, cut } = escapeCut(value, max);
  return cut ? `${shown}…` : shown;
}

function escapeCut(value: unknown, max: number): { shown: string; cut: boolean; length: number } {
  const text = String(value);
  const chars = Array.from(text);
  const cut = chars.length > max;
  const shown = (cut ? chars.slice(0, max).join('') : text).replace(UNSAFE, (c) =>
    c === '"' ? '\\"' : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c === '\b' ? '\\b' : c === '\f' ? '\\f' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { shown, cut, length: chars.length };
}
