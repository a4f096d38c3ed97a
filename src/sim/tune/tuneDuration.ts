import { cpuCapacity, type CpuModel } from './vcpu.ts';

/**
 * What is known about one function: its average duration at one memory size, the share of that
 * duration that is CPU work, and how many threads the CPU work can use. Plain data.
 */
export interface TuneProfile {
  /** Average duration (ms) measured at `atMemoryMb`. */
  durationMs: number;
  atMemoryMb: number;
  /** 0–1: the CPU part of `durationMs`; the rest is I/O and does not change with memory. */
  cpuShare: number;
  /** 1–6: threads the CPU work keeps busy at once. */
  threads: number;
  cpuModel?: CpuModel;
}

/**
 * Modelled average duration (ms) at memory m:
 *   d(m) = d₀ · [(1 − s) + s · c(m₀) / c(m)],  c(m) = cpuCapacity(m, threads)
 * The CPU part scales with the inverse of the CPU capacity; the I/O part stays. d(m₀) = d₀ exactly.
 */
export function durationAt(p: TuneProfile, memoryMb: number): number {
  if (memoryMb === p.atMemoryMb) return p.durationMs;
  const ratio = cpuCapacity(p.atMemoryMb, p.threads, p.cpuModel) / cpuCapacity(memoryMb, p.threads, p.cpuModel);
  return p.durationMs * (1 - p.cpuShare + p.cpuShare * ratio);
}
