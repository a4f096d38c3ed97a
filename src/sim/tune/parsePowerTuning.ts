/**
 * Reads AWS Lambda Power Tuning results (https://github.com/alexcasalboni/aws-lambda-power-tuning) in
 * either of the two forms it hands out:
 *
 * 1. The state machine's output JSON (README-INPUT-OUTPUT.md, "State machine output"), or its bare
 *    `results` object:
 *      { "results": { "power": "128", "cost": 2.08e-7, "duration": 2.9,
 *                     "stateMachine": { "executionCost": …, "lambdaCost": …, "visualization": "https://…#…" },
 *                     "stats": [{ "averagePrice": 2.08e-7, "averageDuration": 2.9, "value": 128 }, …] } }
 *    `stats` is present only with `includeOutputResults`; without it the points come from `visualization`.
 * 2. The visualization URL (lambda/utils.js, buildVisualizationURL): `<base>[?currency=CNY]#A;B;C`, where
 *    A, B, C are base64 of the little-endian bytes of an Int16Array of memory sizes (ascending), a
 *    Float32Array of average durations (ms) and a Float32Array of average costs per invocation. Power
 *    Tuning's costs exclude the request price; `currency` is set for China Regions.
 *
 * Pure: nothing is fetched (the data is in the URL's fragment). Every failure is one sentence that says
 * what was wrong, never a NaN.
 */
import { decodeBase64 } from './decodeBase64.ts';
import { MEMORY_MB } from '../constants/limits.ts';

export interface MeasuredPoint {
  memoryMb: number;
  /** Average duration (ms), as Power Tuning measured it. */
  durationMs: number;
  /** Power Tuning's average cost per invocation, request price excluded, in `currency`. */
  costUsd: number;
}

export interface PowerTuningResults {
  format: 'json' | 'url';
  points: MeasuredPoint[];
  /** 'USD' unless the URL said otherwise (`?currency=CNY`). */
  currency: string;
  /** Power Tuning's own pick (`results.power/cost/duration`), when the JSON had it. */
  reported?: { memoryMb: number; costUsd: number; durationMs: number };
}

export type PowerTuningParse = { ok: true; value: PowerTuningResults } | { ok: false; error: string };

const MAX_POINTS = 200;
const fail = (error: string): PowerTuningParse => ({ ok: false, error });

/** Accepts pasted text, a file's content or a URL; tells JSON from a URL by the first character. */
export function parsePowerTuning(text: string): PowerTuningParse {
  const t = text.trim();
  if (t === '') return fail('Power Tuning results are empty: paste the output JSON or the visualization URL');
  if (t.startsWith('{') || t.startsWith('[')) return parseJson(t);
  return parseVisualizationUrl(t);
}

function parseJson(t: string): PowerTuningParse {
  let doc: unknown;
  try {
    doc = JSON.parse(t);
  } catch {
    return fail('Power Tuning JSON does not parse (truncated?)');
  }
  const root = obj(doc);
  const results = obj(root?.['results']) ?? (root && ('stats' in root || 'stateMachine' in root) ? root : undefined);
  if (!results) return fail('Power Tuning JSON has no "results" object (expected the state machine output)');
  const reported = readReported(results);
  const stats = results['stats'];
  if (stats === undefined) {
    const url = obj(results['stateMachine'])?.['visualization'];
    if (typeof url !== 'string') return fail('Power Tuning JSON has neither results.stats (run with includeOutputResults) nor results.stateMachine.visualization');
    const r = parseVisualizationUrl(url);
    if (!r.ok) return r;
    return { ok: true, value: { ...r.value, format: 'json', ...(reported ? { reported } : {}) } };
  }
  if (!Array.isArray(stats) || stats.length === 0) return fail('results.stats must be a non-empty list of { averagePrice, averageDuration, value }');
  if (stats.length > MAX_POINTS) return fail(`results.stats has ${stats.length} entries; at most ${MAX_POINTS} are read`);
  const points: MeasuredPoint[] = [];
  for (let i = 0; i < stats.length; i++) {
    const s = obj(stats[i]);
    const where = `results.stats[${i}]`;
    if (!s) return fail(`${where} must be an object { averagePrice, averageDuration, value }`);
    const memoryMb = num(s['value']);
    const durationMs = num(s['averageDuration']);
    const costUsd = num(s['averagePrice']);
    const bad = checkPoint(memoryMb, durationMs, costUsd);
    if (bad) return fail(`${where}.${bad}`);
    points.push({ memoryMb, durationMs, costUsd });
  }
  points.sort((a, b) => a.memoryMb - b.memoryMb);
  for (let i = 1; i < points.length; i++)
    if (points[i]!.memoryMb === points[i - 1]!.memoryMb) return fail(`results.stats lists ${points[i]!.memoryMb} MB twice`);
  if (points.length < 2) return fail('Power Tuning results need at least 2 memory sizes to compare; got 1');
  return { ok: true, value: { format: 'json', points, currency: 'USD', ...(reported ? { reported } : {}) } };
}

function parseVisualizationUrl(t: string): PowerTuningParse {
  const hashAt = t.indexOf('#');
  const head = hashAt >= 0 ? t.slice(0, hashAt) : '';
  let hash = hashAt >= 0 ? t.slice(hashAt + 1) : t;
  if (hash.includes('%')) {
    try {
      hash = decodeURIComponent(hash);
    } catch {
      return fail('the visualization URL has a broken %-escape');
    }
  }
  const currency = /[?&]currency=([A-Za-z]{3})\b/.exec(head)?.[1]?.toUpperCase() ?? 'USD';
  const fields = hash.split(';');
  if (fields.length !== 3) return fail(`the visualization URL must end in #sizes;durations;costs (3 base64 fields); got ${fields.length} field${fields.length === 1 ? '' : 's'}`);
  const names = ['memory sizes', 'durations', 'costs'] as const;
  const widths = [2, 4, 4] as const;
  const views: DataView[] = [];
  for (let f = 0; f < 3; f++) {
    const d = decodeBase64(fields[f]!.trim());
    if (!d.ok) return fail(`the ${names[f]} field ${d.error}`);
    if (d.bytes.length === 0) return fail(`the ${names[f]} field is empty`);
    if (d.bytes.length % widths[f]! !== 0)
      return fail(`the ${names[f]} field has ${d.bytes.length} bytes, not a multiple of ${widths[f]} (truncated?)`);
    views.push(new DataView(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength));
  }
  const n = views[0]!.byteLength / 2;
  const nd = views[1]!.byteLength / 4;
  const nc = views[2]!.byteLength / 4;
  if (n !== nd || n !== nc) return fail(`the visualization URL holds ${n} memory sizes, ${nd} durations and ${nc} costs; the counts must match`);
  if (n > MAX_POINTS) return fail(`the visualization URL holds ${n} points; at most ${MAX_POINTS} are read`);
  if (n < 2) return fail('Power Tuning results need at least 2 memory sizes to compare; got 1');
  const points: MeasuredPoint[] = [];
  for (let i = 0; i < n; i++) {
    const memoryMb = views[0]!.getInt16(2 * i, true);
    const durationMs = views[1]!.getFloat32(4 * i, true);
    const costUsd = views[2]!.getFloat32(4 * i, true);
    const bad = checkPoint(memoryMb, durationMs, costUsd);
    if (bad) return fail(`point ${i + 1} of the visualization URL: ${bad}`);
    if (i > 0 && memoryMb <= points[i - 1]!.memoryMb)
      return fail(`the memory sizes must increase; ${memoryMb} MB follows ${points[i - 1]!.memoryMb} MB`);
    points.push({ memoryMb, durationMs, costUsd });
  }
  return { ok: true, value: { format: 'url', points, currency } };
}

/** The first thing wrong with one point, named after Power Tuning's field, or '' when it is fine. */
function checkPoint(memoryMb: number, durationMs: number, costUsd: number): string {
  if (!Number.isInteger(memoryMb) || memoryMb < MEMORY_MB.min || memoryMb > MEMORY_MB.max)
    return `value (memory) must be an integer from ${MEMORY_MB.min} to ${MEMORY_MB.max.toLocaleString('en-US')} (MB); got ${show(memoryMb)}`;
  if (!Number.isFinite(durationMs) || durationMs <= 0) return `averageDuration must be a number above 0 (ms); got ${show(durationMs)}`;
  if (!Number.isFinite(costUsd) || costUsd < 0) return `averagePrice must be a number from 0 up; got ${show(costUsd)}`;
  return '';
}

function readReported(results: Record<string, unknown>): PowerTuningResults['reported'] {
  const memoryMb = num(results['power']);
  const costUsd = num(results['cost']);
  const durationMs = num(results['duration']);
  return checkPoint(memoryMb, durationMs, costUsd) ? undefined : { memoryMb, costUsd, durationMs };
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Numbers, or numeric strings ("128", as `results.power` is); anything else NaN (reported, never used). */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

function show(x: number): string {
  return Number.isNaN(x) ? 'a missing or non-numeric value' : String(x);
}
