/**
 * Splits text holding one or more JSON documents written one after another (pages of
 * `aws cloudwatch get-metric-data` appended to one file) into the text of each top-level value.
 * Strings are skipped so braces inside them do not count. Returns null when the brackets do not balance.
 */
export function splitJsonDocuments(text: string): string[] | null {
  const docs: string[] = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) docs.push(text.slice(start, i + 1));
    }
  }
  return depth === 0 && !inStr ? docs : null;
}
