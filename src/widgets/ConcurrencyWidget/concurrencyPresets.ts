/**
 * Scenario presets (buttons above the form). Each sets every input it names; the rest keep their value.
 * - ramp: a spike to 30,000 requests/s of 1-s requests with the account limit raised to 30,000 — the
 *   scaling rate lets concurrency grow by 1,000 per 10 s (simulation-anchors.md §2: 1,000 at 0 s,
 *   2,000 at 10 s, 4,000 at 30 s, 7,000 at 60 s) and throttles the rest.
 * - erlang: steady 100 requests/s of 1 s under reserved concurrency 100 — Erlang-B B(100, 100) ≈ 7.57%.
 */
import type { ConcurrencyState } from './concurrencySchema.ts';

export const PRESETS: Record<'ramp' | 'erlang', { label: string; values: Partial<ConcurrencyState> }> = {
  ramp: {
    label: 'Spike to 30,000 requests/s (the scaling ramp)',
    values: { shape: 'spike', rate: 100, peakRate: 30_000, spikeStartS: 10, spikeLengthS: 60, windowS: 120, durationMs: 1000, accountLimit: 30_000, useReserved: false, provisioned: 0 },
  },
  erlang: {
    label: 'Steady at a reserved cap of 100 (Erlang-B)',
    values: { shape: 'steady', rate: 100, windowS: 600, durationMs: 1000, accountLimit: 1000, useReserved: true, reserved: 100, provisioned: 0 },
  },
};
