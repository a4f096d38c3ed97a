/**
 * Pure: widget state (+ imported measurements) → everything the view draws, by calling the tuning core
 * in `~/sim` (the functions `npm run sim -- tune` calls). Arithmetic only, well under a millisecond, so
 * the element runs it inline (no worker). Shape:
 *   { input, grid, duration[arch][], costPerMillion[arch][], byArch[arch]: TuneResult, measured? }
 */
import {
  evaluateTuning, fitProfile, modelDurations, pricePoints, ARCHES, DEFAULT_MEMORY_SIZES, VCPU_STEPS_MB,
  type Arch, type PowerTuningResults, type TuneInput, type TuneResult,
} from '~/sim';
import type { FieldProblem } from '../shared/fieldSpec.ts';
import { tuneInputOf, type TuneState } from './memoryTuningState.ts';

/** Chart x values: a geometric grid from 128 to 10,240 MB, the table's sizes, and both sides of each vCPU step. */
export function chartGrid(extra: readonly number[] = []): number[] {
  const g: number[] = [];
  for (let i = 0; i <= 40; i++) g.push(Math.round(128 * (10240 / 128) ** (i / 40)));
  for (const s of VCPU_STEPS_MB) g.push(s, s + 1);
  return [...new Set([...g, ...DEFAULT_MEMORY_SIZES, ...extra])].sort((a, b) => a - b);
}

export interface TuneView {
  input: TuneInput;
  grid: number[];
  duration: Record<Arch, number[]>;
  /** Cost of a million invocations (request price included, 1 ms rounding). */
  costPerMillion: Record<Arch, number[]>;
  /** The table sizes (Power Tuning's defaults, each vCPU step, and the measured size), priced and picked. */
  byArch: Record<Arch, TuneResult>;
  /** With imported results: measured durations priced at x86_64 rates, the fit and its error. */
  measured: TuneResult | null;
}

export type RunOutcome = { ok: true; view: TuneView } | { ok: false; errors: FieldProblem[] };

export function runTuning(s: TuneState, measured: PowerTuningResults | null = null): RunOutcome {
  const base = tuneInputOf(s);
  if (!base.ok) return base;
  const grid = chartGrid(measured ? measured.points.map((p) => p.memoryMb) : [s.atMemoryMb]);
  const duration = {} as Record<Arch, number[]>;
  const costPerMillion = {} as Record<Arch, number[]>;
  const byArch = {} as Record<Arch, TuneResult>;
  for (const arch of ARCHES) {
    const input = { ...base.input, arch };
    duration[arch] = modelDurations(input, grid, arch, input.armDurationFactor);
    costPerMillion[arch] = pricePoints(grid, duration[arch], arch, 0).map((p) => p.costPerInvocationUsd * 1e6);
    byArch[arch] = evaluateTuning(input);
  }
  return { ok: true, view: { input: base.input, grid, duration, costPerMillion, byArch, measured: measured ? evaluateTuning(base.input, measured) : null } };
}

/** The profile fitted to measurements, as input values (rounded as the inputs show them: 0.1 ms, 0.001 share). */
export function fittedValues(measured: PowerTuningResults, s: TuneState): Partial<TuneState> {
  const p = fitProfile(measured.points, s.cpuModel).profile;
  return { durationMs: Math.max(0.1, Math.round(p.durationMs * 10) / 10), atMemoryMb: p.atMemoryMb, cpuShare: Math.round(p.cpuShare * 1000) / 1000, threads: p.threads };
}
