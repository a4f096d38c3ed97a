import { US_EAST_1, type Arch, type Rates } from '../pricing/rates.ts';
import { priceMonthly } from '../pricing/priceMonthly.ts';

/** One invocation's price: duration rounded up to 1 ms, at the architecture's first-tier GB-s rate, plus one request. */
export interface InvocationCost {
  billedMs: number;
  costPerInvocationUsd: number;
  monthlyCostUsd: number;
}

/**
 * Cost at memory m for an average duration: per invocation (first duration tier, request included) and per
 * month (`priceMonthly` with the tiers, no free tier: the free tier is shared by the whole account, so it
 * says nothing about which memory size is cheaper). Rates from `rates` (US_EAST_1 by default).
 * Billing granularity 1 ms: https://aws.amazon.com/lambda/pricing/, as of 2026-08.
 */
export function invocationCost(memoryMb: number, durationMs: number, arch: Arch, requests: number, rates: Rates = US_EAST_1): InvocationCost {
  const billedMs = Math.ceil(durationMs);
  const firstTier = rates[arch].durationTiers[0]!.usdPerGbs;
  const costPerInvocationUsd = (billedMs / 1000) * (memoryMb / 1024) * firstTier + rates.requestUsd;
  const monthlyCostUsd = requests === 0 ? 0 : priceMonthly({ memoryMb, arch, requests, durationMs: billedMs, durationIsBilled: true, freeTier: false }, rates).totalUsd;
  return { billedMs, costPerInvocationUsd, monthlyCostUsd };
}
