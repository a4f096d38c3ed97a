import type { Arch } from './rates.ts';

export type Packaging = 'zip' | 'image';
/** `managed`: an AWS managed runtime (nodejs24.x, python3.14, ...); `custom`: OS-only (provided.al2023). */
export type RuntimeKind = 'managed' | 'custom';
/** Which INIT billing rule applies: the current one (since 2025-08-01) or the one before it. */
export type InitBillingRule = 'since-2025-08-01' | 'before-2025-08-01';
export type SnapStartRuntime = 'java' | 'python' | 'dotnet';

/** A month of usage for one function. Mirrors the `price` CLI flags (camelCase). */
export interface PriceInput {
  memoryMb: number;
  arch: Arch;
  /** All invocations in the month, on-demand and provisioned. */
  requests: number;
  /** Average INVOKE duration of the on-demand invocations (ms); rounded up to 1 ms unless `durationIsBilled`. */
  durationMs: number;
  /** Set when `durationMs` is already an average of per-invocation billed (ceil) durations (the simulator does). */
  durationIsBilled?: boolean;
  ephemeralMb?: number;
  freeTier?: boolean;
  /** Provisioned concurrency (environments) and the hours it was enabled. */
  pc?: number;
  pcHours?: number;
  /** How many of `requests` ran on provisioned environments, and their average duration (ms). */
  pcRequests?: number;
  pcDurationMs?: number;
  /** On-demand cold starts in the month and their average INIT duration (ms). */
  coldStarts?: number;
  initMs?: number;
  packaging?: Packaging;
  runtimeKind?: RuntimeKind;
  initBilling?: InitBillingRule;
  /** SnapStart: INIT is replaced by cache (per GB-s while the version is active, min 3 h) and restore charges. */
  snapStart?: { runtime: SnapStartRuntime; activeHours: number; restores?: number };
}

export interface BillLine {
  label: string;
  quantity: number;
  unit: string;
  rate: number;
  usd: number;
  note?: string;
}

/**
 * Itemized bill, like the worked examples on the AWS pricing page. All `*Usd` are unrounded dollars.
 * `npm run sim -- price --json` prints these fields in snake_case (`total_usd`, `compute_gb_s`, …).
 */
export interface Bill {
  totalUsd: number;
  requestChargeUsd: number;
  computeChargeUsd: number;
  initChargeUsd: number;
  ephemeralChargeUsd: number;
  pcChargeUsd: number;
  pcDurationChargeUsd: number;
  snapstartChargeUsd: number;
  requests: number;
  onDemandRequests: number;
  pcRequests: number;
  billableRequests: number;
  billedDurationMs: number;
  computeGbS: number;
  billableComputeGbS: number;
  initBilled: boolean;
  initGbS: number;
  billableInitGbS: number;
  freeTierGbSUsed: number;
  freeTierRequestsUsed: number;
  ephemeralGbS: number;
  pcBilledSeconds: number;
  pcGbS: number;
  pcDurationGbS: number;
  snapstartCacheGbS: number;
  snapstartRestoreGb: number;
  lines: BillLine[];
}
