import { priceMonthly } from '../pricing/priceMonthly.ts';
import type { Bill } from '../pricing/types.ts';
import type { SimState } from './state.ts';

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * What the statistics window [warmupS, now] costs, priced as if it were the month (no free tier): each
 * execution one request, billed durations as the engine rounded them. `summarize` reports it as `cost`;
 * the event source summaries read it alone, so a bundle running mappings does not carry `summarize`.
 */
export function windowBill(s: SimState): Bill {
  const st = s.stats;
  const cfg = s.cfg;
  const win = Math.max(0, s.now - cfg.warmupS);
  const odStarts = st.started - st.pcStarts;
  return priceMonthly(
    {
      memoryMb: cfg.memoryMb, arch: cfg.arch, requests: st.started, durationMs: ratio(st.billedOdMs, odStarts), durationIsBilled: true,
      ephemeralMb: cfg.ephemeralMb, freeTier: false, pc: cfg.provisioned, pcHours: win / 3600, pcRequests: st.pcStarts,
      pcDurationMs: ratio(st.billedPcMs, st.pcStarts), coldStarts: st.coldStarts, initMs: ratio(st.billedInitMs, st.coldStarts),
      packaging: cfg.packaging, runtimeKind: cfg.pricing.runtimeKind, initBilling: cfg.pricing.initBilling,
    },
    cfg.pricing.rates,
  );
}
