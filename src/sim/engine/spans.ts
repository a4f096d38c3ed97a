import type { SimState } from './state.ts';

/**
 * One environment's life for a cold-start timeline (times in simulated seconds).
 * `busy` is flattened [start0, end0, start1, end1, ...]; the first interval of a cold start begins at
 * `createdAt` and includes INIT (which ends at `initEnd`). `reclaimedAt` is null while it lives.
 */
export interface EnvSpan {
  id: number;
  version: number;
  provisioned: boolean;
  createdAt: number;
  initEnd: number;
  busy: number[];
  busyTruncated: boolean;
  reclaimedAt: number | null;
  reason: 'idle' | 'lifetime' | null;
}

export interface EnvSpans {
  spans: EnvSpan[];
  /** True when more environments were created than `maxSpans` (later ones are not recorded). */
  truncated: boolean;
  maxSpans: number;
}

export function openSpan(s: SimState, slot: number, t: number, initEnd: number): void {
  const spans = s.spans;
  const cfg = s.cfg.spans;
  if (!spans || !cfg) return;
  if (spans.length >= cfg.maxSpans) {
    s.spansTruncated = true;
    s.envSpan[slot] = -1;
    return;
  }
  s.envSpan[slot] = spans.length;
  spans.push({
    id: s.envId[slot]!, version: s.envVer[slot]!, provisioned: s.envPc[slot] === 1, createdAt: t, initEnd,
    busy: [], busyTruncated: false, reclaimedAt: null, reason: null,
  });
}

export function spanBusy(s: SimState, slot: number, start: number, end: number): void {
  const span = s.spans![s.envSpan[slot]!]!;
  if (span.busy.length >= 2 * s.cfg.spans!.maxIntervalsPerSpan) span.busyTruncated = true;
  else span.busy.push(start, end);
}

export function closeSpan(s: SimState, slot: number, t: number, reason: 'idle' | 'lifetime'): void {
  const span = s.spans![s.envSpan[slot]!]!;
  span.reclaimedAt = t;
  span.reason = reason;
}

/** The recorded spans (empty unless `config.spans` was set). */
export function envSpans(s: SimState): EnvSpans {
  return { spans: s.spans ?? [], truncated: s.spansTruncated, maxSpans: s.cfg.spans?.maxSpans ?? 0 };
}
