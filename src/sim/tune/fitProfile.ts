import { cpuCapacity, MAX_VCPUS, type CpuModel } from './vcpu.ts';
import type { TuneProfile } from './tuneDuration.ts';

/** What the fit found, and how well the model reproduces the measurements. */
export interface ProfileFit {
  /** The fitted profile, referred to the smallest measured memory (its duration is the model's, not the measurement). */
  profile: TuneProfile;
  /** Root mean square of (model − measured) / measured over the points. */
  rmsRelativeError: number;
  /** Largest |model − measured| / measured. */
  maxRelativeError: number;
  /** The thread counts (1–6) that fit equally well; measurements below T × 1,769 MB cannot tell T from more. */
  threadsRange: [number, number];
}

/**
 * Fits the duration model to measured points: for each thread count T = 1…6 the model is linear,
 *   d(m) = a + b / c(m, T)   (a: the I/O time, ms; b: the CPU work, vCPU·ms; c = cpuCapacity),
 * so a and b come from weighted least squares with weights 1/d² (minimising the relative error),
 * constrained to a, b ≥ 0 (the constrained optimum is interior or on a = 0 or b = 0). The thread count
 * with the lowest RMS relative error wins; ties (within 1e-9) go to the fewest threads. The CPU share is
 * then b/c(m₀) / d(m₀) at the smallest measured memory m₀. Needs at least two distinct memory sizes.
 */
export function fitProfile(points: readonly { memoryMb: number; durationMs: number }[], cpuModel: CpuModel = 'proportional'): ProfileFit {
  const m0 = Math.min(...points.map((p) => p.memoryMb));
  const fits: { t: number; a: number; b: number; rms: number; max: number }[] = [];
  for (let t = 1; t <= MAX_VCPUS; t++) {
    const g = points.map((p) => 1 / cpuCapacity(p.memoryMb, t, cpuModel));
    const [a, b] = solve(points.map((p) => p.durationMs), g);
    const rel = points.map((p, i) => (a + b * g[i]! - p.durationMs) / p.durationMs);
    fits.push({ t, a, b, rms: Math.sqrt(rel.reduce((s, r) => s + r * r, 0) / rel.length), max: Math.max(...rel.map(Math.abs)) });
  }
  const bestRms = Math.min(...fits.map((f) => f.rms));
  const tied = fits.filter((f) => f.rms <= bestRms + 1e-9);
  const best = tied[0]!;
  const cpuMs = best.b / cpuCapacity(m0, best.t, cpuModel);
  const d0 = best.a + cpuMs;
  return {
    profile: { durationMs: d0, atMemoryMb: m0, cpuShare: d0 > 0 ? cpuMs / d0 : 0, threads: best.t, cpuModel },
    rmsRelativeError: best.rms,
    maxRelativeError: best.max,
    threadsRange: [tied[0]!.t, tied[tied.length - 1]!.t],
  };
}

/** Non-negative weighted least squares for d ≈ a + b·g with weights 1/d²: the best of the interior and edge solutions. */
function solve(d: readonly number[], g: readonly number[]): [number, number] {
  let sw = 0, sg = 0, sgg = 0, sd = 0, sgd = 0;
  for (let i = 0; i < d.length; i++) {
    const w = 1 / (d[i]! * d[i]!);
    sw += w; sg += w * g[i]!; sgg += w * g[i]! * g[i]!; sd += w * d[i]!; sgd += w * g[i]! * d[i]!;
  }
  const candidates: [number, number][] = [[sd / sw, 0], [0, sgd / sgg]];
  const det = sw * sgg - sg * sg;
  if (det > 1e-12 * sw * sgg) {
    const a = (sd * sgg - sg * sgd) / det;
    const b = (sw * sgd - sg * sd) / det;
    if (a >= 0 && b >= 0) candidates.unshift([a, b]);
  }
  let best = candidates[0]!;
  let bestErr = Infinity;
  for (const c of candidates) {
    let e = 0;
    for (let i = 0; i < d.length; i++) e += ((c[0] + c[1] * g[i]! - d[i]!) / d[i]!) ** 2;
    if (e < bestErr - 1e-15) { best = c; bestErr = e; }
  }
  return best;
}
