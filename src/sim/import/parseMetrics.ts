import { parseCloudWatchJson } from './parseCloudWatchJson.ts';
import { parseConsoleCsv } from './parseConsoleCsv.ts';
import type { ImportResult, SeriesRole } from './types.ts';

/** JSON (get-metric-data) when the text starts with `{` or `[`, else the console CSV. */
export function parseMetrics(text: string, roles: Readonly<Record<string, SeriesRole>> = {}): ImportResult {
  const head = String(text).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[') ? parseCloudWatchJson(text, roles) : parseConsoleCsv(text, roles);
}
