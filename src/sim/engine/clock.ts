import type { SimState } from './state.ts';

/**
 * Moves the integrals (busy and environment area, per bucket and over the statistics window) from
 * `s.lastT` to t. Called before every state change, so the integrals are exact for any event order.
 */
export function advanceTo(s: SimState, t: number): void {
  const ser = s.ser;
  while (t >= ser.end) {
    integrate(s, ser.end);
    closeBucket(s);
  }
  integrate(s, t);
}

function integrate(s: SimState, t: number): void {
  const last = s.lastT;
  const dt = t - last;
  if (dt <= 0) return;
  const ser = s.ser;
  const i = ser.idx;
  ser.busyArea[i]! += s.busy * dt;
  ser.envArea[i]! += s.envCount * dt;
  const w = s.cfg.warmupS;
  if (last < w && t >= w) {
    // entering the statistics window: what already exists counts toward the peaks
    if (s.busy > s.stats.peakBusy) s.stats.peakBusy = s.busy;
    if (s.envCount > s.stats.peakEnvs) s.stats.peakEnvs = s.envCount;
  }
  if (t > w) {
    const d = last >= w ? dt : t - w;
    s.stats.busyArea += s.busy * d;
    s.stats.envArea += s.envCount * d;
  }
  s.lastT = t;
}

function closeBucket(s: SimState): void {
  const ser = s.ser;
  ser.idx++;
  if (ser.idx >= ser.cap) coarsen(s);
  ser.end = (ser.idx + 1) * ser.w;
  ser.peak[ser.idx] = s.busy;
}

/** Halves the resolution: merges bucket pairs and doubles the width, so the series never outgrows `cap`. */
function coarsen(s: SimState): void {
  const ser = s.ser;
  const half = ser.cap >> 1;
  for (const a of [ser.arrivals, ser.throttles, ser.coldStarts, ser.busyArea, ser.envArea]) {
    for (let j = 0; j < half; j++) a[j] = a[2 * j]! + a[2 * j + 1]!;
    a.fill(0, half);
  }
  const p = ser.peak;
  for (let j = 0; j < half; j++) p[j] = Math.max(p[2 * j]!, p[2 * j + 1]!);
  p.fill(0, half);
  ser.w *= 2;
  ser.idx = half;
}
