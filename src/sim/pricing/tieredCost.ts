import type { DurationTier } from './rates.ts';

/** Cost of `gbs` GB-s consumed after `startGbs` GB-s already used this month, walking the tiers. */
export function tieredCost(tiers: readonly DurationTier[], startGbs: number, gbs: number): number {
  let usd = 0;
  let lo = startGbs;
  let left = gbs;
  for (const tier of tiers) {
    if (left <= 0) break;
    if (lo >= tier.upToGbs) continue;
    const take = Math.min(left, tier.upToGbs - lo);
    usd += take * tier.usdPerGbs;
    lo += take;
    left -= take;
  }
  return usd;
}
