/**
 * Lambda rates as plain data. `US_EAST_1` is the default; pass another `Rates` for other Regions (take
 * them from the AWS Price List API:
 * https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json).
 * All figures as of 2026-08 (https://aws.amazon.com/lambda/pricing/), us-east-1.
 */
export type Arch = 'x86_64' | 'arm64';

/** Price per GB-s for usage up to `upToGbs` GB-s in the month (cumulative), per architecture. */
export interface DurationTier {
  upToGbs: number;
  usdPerGbs: number;
}

export interface ArchRates {
  durationTiers: DurationTier[];
  pcUsdPerGbs: number;
  pcDurationUsdPerGbs: number;
}

export interface Rates {
  region: string;
  asOf: string;
  requestUsd: number;
  x86_64: ArchRates;
  arm64: ArchRates;
  ephemeralUsdPerGbs: number;
  ephemeralFreeMb: number;
  freeRequests: number;
  freeGbs: number;
  pcBillingRoundS: number;
  snapStartCacheUsdPerGbs: number;
  snapStartRestoreUsdPerGb: number;
  snapStartMinCacheS: number;
}

export const US_EAST_1: Rates = {
  region: 'us-east-1',
  asOf: '2026-08',
  // $0.20 per 1M requests, both architectures. https://aws.amazon.com/lambda/pricing/ (pricing-page
  // examples; Price List SKUs Request / Request-ARM), as of 2026-08.
  requestUsd: 0.2 / 1e6,
  x86_64: {
    // Tiers: first 6B GB-s, next 9B (−10%), over 15B (−20%).
    // Rate: https://aws.amazon.com/lambda/pricing/ (worked examples), as of 2026-08.
    // Breakpoints: https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/, as of 2026-08.
    durationTiers: [
      { upToGbs: 6e9, usdPerGbs: 0.0000166667 },
      { upToGbs: 15e9, usdPerGbs: 0.000015 },
      { upToGbs: Infinity, usdPerGbs: 0.0000133334 },
    ],
    // Provisioned Concurrency while enabled, and duration on PC. https://aws.amazon.com/lambda/pricing/
    // (Provisioned Concurrency examples), as of 2026-08.
    pcUsdPerGbs: 0.0000041667,
    pcDurationUsdPerGbs: 0.0000097222,
  },
  arm64: {
    // Arm tiers break at 7.5B and 18.75B GB-s. https://aws.amazon.com/lambda/pricing/ (durable-functions
    // example rate; tier ranges) and https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/,
    // as of 2026-08.
    durationTiers: [
      { upToGbs: 7.5e9, usdPerGbs: 0.0000133334 },
      { upToGbs: 18.75e9, usdPerGbs: 0.0000120001 },
      { upToGbs: Infinity, usdPerGbs: 0.0000106667 },
    ],
    // 20% below x86, PC included. https://aws.amazon.com/lambda/pricing/ (PC examples), as of 2026-08.
    pcUsdPerGbs: 0.0000033334,
    pcDurationUsdPerGbs: 0.0000077778,
  },
  // Ephemeral storage above the free 512 MB, per GB-s. https://aws.amazon.com/lambda/pricing/ (ML example),
  // as of 2026-08.
  ephemeralUsdPerGbs: 0.0000000309,
  ephemeralFreeMb: 512,
  // Free tier: 1M requests and 400,000 GB-s a month, x86 and Arm together, not for PC charges.
  // https://aws.amazon.com/lambda/pricing/, as of 2026-08.
  freeRequests: 1e6,
  freeGbs: 400_000,
  // PC is billed from enable to disable, rounded up to the nearest 5 minutes.
  // https://aws.amazon.com/lambda/pricing/, as of 2026-08.
  pcBillingRoundS: 300,
  // SnapStart cache (per GB-s, minimum 3 h while the version is active) and restore (per GB restored);
  // not charged for Java managed runtimes. https://aws.amazon.com/lambda/pricing/, as of 2026-08.
  snapStartCacheUsdPerGbs: 0.0000015046,
  snapStartRestoreUsdPerGb: 0.0001397998,
  snapStartMinCacheS: 3 * 3600,
};

/**
 * INIT billing for on-demand ZIP functions on managed runtimes starts on this date; before it, only
 * container images, custom (OS-only) runtimes and PC had INIT billed.
 * https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/, as of 2026-08.
 */
export const INIT_BILLED_SINCE = '2025-08-01';
