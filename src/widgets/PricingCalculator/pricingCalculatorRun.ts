/**
 * The pricing calculator's run: state → validated `PriceInput` → `priceMonthly` bill (the very
 * function `npm run sim -- price` calls, so the numbers are identical by construction and by test), and
 * the chart's memory sweep under the reader's opt-in duration assumption.
 */
import { priceMonthly, US_EAST_1, durationAt as tuneDurationAt } from '~/sim';
import type { Arch, Bill, PriceInput, Rates } from '~/sim';
import type { FieldProblem } from '../shared/fieldSpec.ts';
import { priceInputOf, type PriceState } from './pricingCalculatorState.ts';

// One vCPU per 1,769 MB, up to 6: the memory-tuning model's constants, sourced in src/sim/tune/vcpu.ts.
export { MB_PER_VCPU, MAX_VCPUS } from '~/sim';

/** Memory sizes the chart samples (MB), 128 … 10,240; the reader's own size is added. */
export const SWEEP_MEMORY_MB = [128, 192, 256, 384, 512, 768, 1024, 1280, 1536, 1769, 2048, 2560, 3008, 3538, 4096, 5120, 6144, 7168, 8192, 9216, 10240] as const;

export type BillResult = { ok: true; input: PriceInput; bill: Bill } | { ok: false; errors: FieldProblem[] };

/** The bill for a state (the core's `priceMonthly`), or the problems `checkState` names. */
export function computeBill(s: PriceState, rates: Rates = US_EAST_1): BillResult {
  const r = priceInputOf(s);
  return r.ok ? { ok: true, input: r.input, bill: priceMonthly(r.input, rates) } : r;
}

/**
 * The chart's assumption (opt-in; 0% share = no change): a share of the duration is CPU work that speeds
 * up with the CPU the threads can use, the rest does not change with memory. It is the memory-tuning
 * model (`durationAt` in src/sim/tune/tuneDuration.ts), with the share given in percent here.
 */
export function durationAt(memoryMb: number, baseMemoryMb: number, baseDurationMs: number, cpuSharePct: number, threads: number): number {
  const cpuShare = Math.min(1, Math.max(0, cpuSharePct / 100));
  return tuneDurationAt({ durationMs: baseDurationMs, atMemoryMb: baseMemoryMb, cpuShare, threads: Math.max(1, threads) }, memoryMb);
}

export interface MemorySweep {
  memoryMb: number[];
  durationMs: number[];
  /** Monthly bill ÷ requests × 1e6, per architecture, at each memory size (null when requests = 0). */
  perMillion: Record<Arch, number[]>;
  /** Cheapest point; `tie` when the other architecture costs the same there (e.g. all inside the free tier). */
  cheapest: { arch: Arch; memoryMb: number; usd: number; tie: boolean } | null;
  current: { memoryMb: number; usd: number } | null;
  /** Memory sizes with no point, each with the first problem the core found there (e.g. duration over the limit). */
  missing: { memoryMb: number; problem: FieldProblem }[];
}

/**
 * Cost per million invocations across memory sizes, for both architectures, with every other input as
 * the reader set it (free tier, PC, cold starts; INIT time is kept as given). Arm is assumed to run at
 * the same speed as x86 (an assumption: measure your own code). Requests = 0 gives empty series.
 */
export function memorySweep(s: PriceState, rates: Rates = US_EAST_1): MemorySweep {
  const mems = [...new Set<number>([...SWEEP_MEMORY_MB, s.memoryMb])].sort((a, b) => a - b);
  const durations = mems.map((m) => durationAt(m, s.memoryMb, s.durationMs, s.cpuShare, s.threads));
  const perMillion: Record<Arch, number[]> = { x86_64: [], arm64: [] };
  let cheapest: MemorySweep['cheapest'] = null;
  let current: MemorySweep['current'] = null;
  const missing: MemorySweep['missing'] = [];
  if (s.requests > 0) {
    for (const arch of ['x86_64', 'arm64'] as const) {
      mems.forEach((m, i) => {
        const pcd = durationAt(m, s.memoryMb, s.pcDurationMs, s.cpuShare, s.threads);
        const r = computeBill({ ...s, arch, memoryMb: m, durationMs: round3(durations[i]!), pcDurationMs: round3(pcd) }, rates);
        const usd = r.ok ? (r.bill.totalUsd / s.requests) * 1e6 : NaN;
        if (!r.ok && arch === s.arch) missing.push({ memoryMb: m, problem: r.errors[0]! });
        perMillion[arch].push(usd);
        if (Number.isFinite(usd) && (!cheapest || usd < cheapest.usd - 1e-12)) cheapest = { arch, memoryMb: m, usd, tie: false };
        else if (cheapest && cheapest.arch !== arch && cheapest.memoryMb === m && Math.abs(usd - cheapest.usd) <= 1e-12) cheapest.tie = true;
        if (arch === s.arch && m === s.memoryMb) current = { memoryMb: m, usd };
      });
    }
  }
  return { memoryMb: mems, durationMs: durations, perMillion, cheapest, current, missing };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
