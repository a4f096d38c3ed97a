import { US_EAST_1, type Rates } from './rates.ts';
import type { Bill, BillLine, PriceInput } from './types.ts';
import { tieredCost } from './tieredCost.ts';
import { formatSignificant } from '../format/index.ts';

/** A quantity for a bill note: integers whole, others to 6 significant digits, thousands grouped (3,000,000). */
const q = (x: number): string => formatSignificant(x, 6);

/** Whether INIT time of an on-demand cold start is billed under the given packaging/runtime/rule. */
export function isInitBilled(input: Pick<PriceInput, 'packaging' | 'runtimeKind' | 'initBilling' | 'snapStart'>): boolean {
  if (input.snapStart) return false; // INIT runs at publish time; restore charges apply instead
  if (input.packaging === 'image' || input.runtimeKind === 'custom') return true; // always billed
  return (input.initBilling ?? 'since-2025-08-01') === 'since-2025-08-01';
}

/**
 * A month's bill for one function, itemized like AWS's pricing examples.
 *
 * Rules (https://aws.amazon.com/lambda/pricing/, as of 2026-08): requests at $0.20/M; on-demand duration in GB-s (memory/1024 × s) with the
 * monthly tiers of the architecture; each average duration rounded up to 1 ms (unless `durationIsBilled`);
 * INIT GB-s at the same rate when billed (see `isInitBilled`); ephemeral storage above 512 MB per GB-s of
 * billed time; PC per GB-s while enabled (rounded up to 5 min) plus PC duration; SnapStart cache + restore.
 * The free tier (1M requests, 400,000 GB-s) reduces requests, then on-demand GB-s, then INIT GB-s; it never
 * reduces PC charges. Tiers count the GB-s left after the free tier, INIT after compute.
 * Pure: no input is mutated; quantities are unrounded.
 */
export function priceMonthly(input: PriceInput, rates: Rates = US_EAST_1): Bill {
  const gb = input.memoryMb / 1024;
  const arch = rates[input.arch];
  const pcRequests = input.pcRequests ?? 0;
  const onDemand = Math.max(0, input.requests - pcRequests);
  const billedMs = input.durationIsBilled ? input.durationMs : Math.ceil(input.durationMs);
  const pcBilledMs = input.durationIsBilled ? (input.pcDurationMs ?? input.durationMs) : Math.ceil(input.pcDurationMs ?? input.durationMs);
  const freeTier = input.freeTier ?? true;
  const initBilled = isInitBilled(input);
  const coldStarts = input.coldStarts ?? 0;
  const initMs = input.initMs ?? 0;

  // Requests
  const freeReq = freeTier ? Math.min(input.requests, rates.freeRequests) : 0;
  const billableRequests = input.requests - freeReq;
  const requestUsd = billableRequests * rates.requestUsd;

  // On-demand compute and INIT
  const computeGbs = (onDemand * billedMs * gb) / 1000;
  const initGbs = initBilled ? (coldStarts * initMs * gb) / 1000 : 0;
  let free = freeTier ? rates.freeGbs : 0;
  const freeOnCompute = Math.min(free, computeGbs);
  free -= freeOnCompute;
  const freeOnInit = Math.min(free, initGbs);
  const billableCompute = computeGbs - freeOnCompute;
  const billableInit = initGbs - freeOnInit;
  const computeUsd = tieredCost(arch.durationTiers, 0, billableCompute);
  const initUsd = tieredCost(arch.durationTiers, billableCompute, billableInit);

  // Ephemeral storage above 512 MB, over all billed time (on-demand, PC, billed INIT)
  const extraGb = Math.max(0, (input.ephemeralMb ?? rates.ephemeralFreeMb) - rates.ephemeralFreeMb) / 1024;
  const billedSeconds = (onDemand * billedMs + pcRequests * pcBilledMs + (initBilled ? coldStarts * initMs : 0)) / 1000;
  const ephemeralGbs = extraGb * billedSeconds;
  const ephemeralUsd = ephemeralGbs * rates.ephemeralUsdPerGbs;

  // Provisioned concurrency
  const pc = input.pc ?? 0;
  const pcSecondsRaw = (input.pcHours ?? 0) * 3600;
  const pcBilledSeconds = pc > 0 ? Math.ceil(pcSecondsRaw / rates.pcBillingRoundS - 1e-9) * rates.pcBillingRoundS : 0;
  const pcGbs = pc * gb * pcBilledSeconds;
  const pcUsd = pcGbs * arch.pcUsdPerGbs;
  const pcDurationGbs = (pcRequests * pcBilledMs * gb) / 1000;
  const pcDurationUsd = pcDurationGbs * arch.pcDurationUsdPerGbs;

  // SnapStart
  let cacheGbs = 0;
  let restoreGb = 0;
  let snapUsd = 0;
  const ss = input.snapStart;
  if (ss && ss.runtime !== 'java') {
    cacheGbs = gb * Math.max(rates.snapStartMinCacheS, ss.activeHours * 3600);
    restoreGb = (ss.restores ?? coldStarts) * gb;
    snapUsd = cacheGbs * rates.snapStartCacheUsdPerGbs + restoreGb * rates.snapStartRestoreUsdPerGb;
  }

  const tier1 = arch.durationTiers[0]!.usdPerGbs;
  const lines: BillLine[] = [
    { label: 'Requests', quantity: billableRequests, unit: 'requests', rate: rates.requestUsd, usd: requestUsd, ...(freeReq > 0 ? { note: `${q(input.requests)} requests − ${q(freeReq)} free` } : {}) },
    {
      label: `Compute (${input.arch})`, quantity: billableCompute, unit: 'GB-s', rate: billableCompute > 0 ? computeUsd / billableCompute : tier1, usd: computeUsd,
      note: `${q(onDemand)} on-demand × ${q(billedMs)} ms × ${q(gb)} GB = ${q(computeGbs)} GB-s${freeOnCompute > 0 ? ` − ${q(freeOnCompute)} free` : ''}`,
    },
    {
      label: 'INIT duration', quantity: billableInit, unit: 'GB-s', rate: billableInit > 0 ? initUsd / billableInit : tier1, usd: initUsd,
      note: initBilled ? `${q(coldStarts)} cold starts × ${q(initMs)} ms × ${q(gb)} GB${freeOnInit > 0 ? ` − ${q(freeOnInit)} free` : ''}` : 'INIT not billed for this configuration',
    },
  ];
  if (extraGb > 0) lines.push({ label: 'Ephemeral storage above 512 MB', quantity: ephemeralGbs, unit: 'GB-s', rate: rates.ephemeralUsdPerGbs, usd: ephemeralUsd });
  if (pc > 0) {
    lines.push({ label: 'Provisioned concurrency', quantity: pcGbs, unit: 'GB-s', rate: arch.pcUsdPerGbs, usd: pcUsd, note: `${q(pc)} × ${q(gb)} GB × ${q(pcBilledSeconds)} s (rounded up to 5 min); no free tier` });
    lines.push({ label: 'Provisioned concurrency duration', quantity: pcDurationGbs, unit: 'GB-s', rate: arch.pcDurationUsdPerGbs, usd: pcDurationUsd, note: `${q(pcRequests)} requests × ${q(pcBilledMs)} ms × ${q(gb)} GB` });
  }
  if (ss) {
    lines.push({ label: 'SnapStart cache', quantity: cacheGbs, unit: 'GB-s', rate: rates.snapStartCacheUsdPerGbs, usd: cacheGbs * rates.snapStartCacheUsdPerGbs, ...(ss.runtime === 'java' ? { note: 'not charged for Java managed runtimes' } : { note: 'minimum 3 h' }) });
    lines.push({ label: 'SnapStart restore', quantity: restoreGb, unit: 'GB', rate: rates.snapStartRestoreUsdPerGb, usd: restoreGb * rates.snapStartRestoreUsdPerGb });
  }

  return {
    totalUsd: requestUsd + computeUsd + initUsd + ephemeralUsd + pcUsd + pcDurationUsd + snapUsd,
    requestChargeUsd: requestUsd,
    computeChargeUsd: computeUsd,
    initChargeUsd: initUsd,
    ephemeralChargeUsd: ephemeralUsd,
    pcChargeUsd: pcUsd,
    pcDurationChargeUsd: pcDurationUsd,
    snapstartChargeUsd: snapUsd,
    requests: input.requests,
    onDemandRequests: onDemand,
    pcRequests: pcRequests,
    billableRequests: billableRequests,
    billedDurationMs: billedMs,
    computeGbS: computeGbs,
    billableComputeGbS: billableCompute,
    initBilled: initBilled,
    initGbS: initGbs,
    billableInitGbS: billableInit,
    freeTierGbSUsed: freeOnCompute + freeOnInit,
    freeTierRequestsUsed: freeReq,
    ephemeralGbS: ephemeralGbs,
    pcBilledSeconds: pcBilledSeconds,
    pcGbS: pcGbs,
    pcDurationGbS: pcDurationGbs,
    snapstartCacheGbS: cacheGbs,
    snapstartRestoreGb: restoreGb,
    lines,
  };
}
