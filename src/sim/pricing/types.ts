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

/** Itemized bill, like the worked examples on the AWS pricing page. All `*_usd` are unrounded dollars. */
export interface Bill {
  total_usd: number;
  request_charge_usd: number;
  compute_charge_usd: number;
  init_charge_usd: number;
  ephemeral_charge_usd: number;
  pc_charge_usd: number;
  pc_duration_charge_usd: number;
  snapstart_charge_usd: number;
  requests: number;
  on_demand_requests: number;
  pc_requests: number;
  billable_requests: number;
  billed_duration_ms: number;
  compute_gb_s: number;
  billable_compute_gb_s: number;
  init_billed: boolean;
  init_gb_s: number;
  billable_init_gb_s: number;
  free_tier_gb_s_used: number;
  free_tier_requests_used: number;
  ephemeral_gb_s: number;
  pc_billed_seconds: number;
  pc_gb_s: number;
  pc_duration_gb_s: number;
  snapstart_cache_gb_s: number;
  snapstart_restore_gb: number;
  lines: BillLine[];
}
