import type { Dist } from '../dist/types.ts';
import type { Arch } from '../pricing/rates.ts';
import { createSimulation } from '../engine/createSimulation.ts';
import { runUntil } from '../engine/step.ts';
import { summarize, type Summary } from '../engine/summarize.ts';
import type { MetricsTable } from '../import/types.ts';

export interface ReplayOptions {
  memoryMb: number;
  arch: Arch;
  seed: number;
  runtime?: string;
  provisioned?: number;
  /** Account concurrency limit [the engine's default, 1,000]. */
  concurrencyLimit?: number;
  /** Called after each period with the share done; return true to stop (Cancel). */
  onProgress?: (fraction: number) => boolean | void;
}

/** Per-period results of a full replay, one entry per imported period, and the engine's summary. */
export interface Replay {
  peak: Float64Array;
  coldStarts: Float64Array;
  throttles: Float64Array;
  scalingThrottles: Float64Array;
  summary: Summary;
  cancelled: boolean;
}

/**
 * Replays imported metrics through the engine, every invocation: traffic `traceCounts` places each
 * period's count at uniform random instants in it (a Poisson process conditioned on its count), and the
 * handler duration of an invocation is drawn from its period's distribution `dists[k]`.
 *
 * How the per-period duration is applied without a second engine: the run advances one period at a time
 * (`runUntil` to the period's end) and the resolved config's `duration` is set to that period's
 * distribution before it; the engine draws a duration when an invocation starts, and every start in
 * period k happens while k is being run. Per-period peaks are read the same way: the window peak
 * counter is reset to the current busy count at each period start and the run's overall peak is restored
 * at the end, so `summary.peak_concurrency` is unchanged.
 */
export function replayMetrics(table: MetricsTable, dists: readonly Dist[], opts: ReplayOptions): Replay {
  const P = table.periodS;
  const s = createSimulation({
    traffic: { kind: 'traceCounts', counts: table.invocations, binS: P },
    duration: dists[0] ?? { kind: 'const', ms: 0 },
    simSeconds: table.periods * P,
    memoryMb: opts.memoryMb,
    arch: opts.arch,
    seed: opts.seed,
    provisioned: opts.provisioned ?? 0,
    ...(opts.runtime ? { runtime: opts.runtime } : {}),
    ...(opts.concurrencyLimit ? { concurrencyLimit: opts.concurrencyLimit } : {}),
  });
  const n = table.periods;
  const peak = new Float64Array(n);
  const coldStarts = new Float64Array(n);
  const throttles = new Float64Array(n);
  const scalingThrottles = new Float64Array(n);
  const st = s.stats;
  let overall = 0;
  let cancelled = false;
  for (let k = 0; k < n; k++) {
    s.cfg.duration = dists[k]!;
    st.peakBusy = s.busy;
    const c0 = st.coldStarts;
    const t0 = st.throttles;
    const sc0 = st.scalingThrottles;
    runUntil(s, (k + 1) * P);
    peak[k] = st.peakBusy;
    if (st.peakBusy > overall) overall = st.peakBusy;
    coldStarts[k] = st.coldStarts - c0;
    throttles[k] = st.throttles - t0;
    scalingThrottles[k] = st.scalingThrottles - sc0;
    if (opts.onProgress && (k % 64 === 63 || k === n - 1) && opts.onProgress((k + 1) / n) === true) {
      cancelled = true;
      break;
    }
  }
  st.peakBusy = overall;
  return { peak, coldStarts, throttles, scalingThrottles, summary: summarize(s), cancelled };
}
