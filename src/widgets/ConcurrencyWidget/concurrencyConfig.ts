/**
 * The concurrency widget's scenario as the engine sees it, and its checks — no engine code, so the page
 * chunk can import it (the run itself is `concurrencyModel.ts`, in the worker).
 *
 *   trafficOf(s)    → the core's Traffic for the shape (steady = poisson, spike = steps, diurnal)
 *   offeredRate(s)  → mean arrival rate over the window (req/s), analytic
 *   simConfig(s)    → the SimConfig of one run
 *   checkState(s)   → cross-field problems keyed by input (the engine's rules, reworded; plus run size)
 */
import type { SimConfig } from '../../sim/engine/config.ts';
import type { Traffic } from '../../sim/traffic/types.ts';
import { MIN_UNRESERVED_CONCURRENCY as UNRESERVED } from '../../sim/constants/limits.ts';
import { formatNumber } from '../shared/format.ts';
import type { FieldProblem } from '../shared/fieldSpec.ts';
import { concurrencySchema, MAX_REQUESTS_PER_RUN, type ConcurrencyState } from './concurrencySchema.ts';

/** Engine speed measured here on spike traffic (arrivals per wall-clock second): runs take ~this long. */
export const ENGINE_ARRIVALS_PER_S = 2e6;
/** A hard stop well above the largest allowed run (events ≈ 2 × arrivals). */
export const MAX_EVENTS = 4 * MAX_REQUESTS_PER_RUN;

/** Seconds of the spike inside the window. */
function spikeOverlap(s: ConcurrencyState): number {
  return Math.max(0, Math.min(s.spikeStartS + s.spikeLengthS, s.windowS) - Math.min(s.spikeStartS, s.windowS));
}

export function trafficOf(s: ConcurrencyState): Traffic {
  // The core's Poisson source needs a rate above 0; no traffic at all is a single step at 0.
  const none: Traffic = { kind: 'steps', process: 'poisson', steps: [{ atS: 0, rate: 0 }] };
  if (s.shape === 'steady') return s.rate > 0 ? { kind: 'poisson', rate: s.rate } : none;
  if (s.shape === 'diurnal') {
    if (s.rate + s.peakRate <= 0) return none;
    const mean = (s.rate + s.peakRate) / 2;
    return { kind: 'diurnal', meanRate: mean, amplitude: mean > 0 ? (s.peakRate - s.rate) / (s.peakRate + s.rate) : 0, periodS: s.windowS, peakAtS: s.windowS / 2 };
  }
  const end = s.spikeStartS + s.spikeLengthS;
  const steps = s.spikeStartS > 0 ? [{ atS: 0, rate: s.rate }, { atS: s.spikeStartS, rate: s.peakRate }] : [{ atS: 0, rate: s.peakRate }];
  steps.push({ atS: end, rate: s.rate });
  return { kind: 'steps', process: 'poisson', steps };
}

/** Mean arrival rate over the simulated window (req/s). */
export function offeredRate(s: ConcurrencyState): number {
  if (s.shape === 'steady') return s.rate;
  if (s.shape === 'diurnal') return (s.rate + s.peakRate) / 2; // one full cycle
  const o = spikeOverlap(s);
  return (s.rate * (s.windowS - o) + s.peakRate * o) / s.windowS;
}

export const expectedRequests = (s: ConcurrencyState) => offeredRate(s) * s.windowS;
export const estimateMs = (s: ConcurrencyState) => (expectedRequests(s) / ENGINE_ARRIVALS_PER_S) * 1000;
/** The concurrency cap of the function: reserved when set, else the account limit. */
export const capOf = (s: ConcurrencyState) => (s.useReserved ? s.reserved : s.accountLimit);

export function simConfig(s: ConcurrencyState): SimConfig {
  return {
    traffic: trafficOf(s),
    duration: { kind: 'exp', meanMs: s.durationMs },
    concurrencyLimit: s.accountLimit,
    reserved: s.useReserved ? s.reserved : null,
    provisioned: s.provisioned,
    simSeconds: s.windowS,
    seed: s.seed,
    limits: { maxEvents: MAX_EVENTS },
  };
}

const label = (k: keyof typeof concurrencySchema) => concurrencySchema[k].label;

/** Cross-field rules, worded with the inputs' labels. Empty when the engine accepts the state. */
export function checkState(s: ConcurrencyState): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (s.shape === 'diurnal' && s.peakRate < s.rate)
    out.push({ key: 'peakRate', message: `${label('peakRate')} must be at least the trough (Rate, ${formatNumber(s.rate)}) for a diurnal shape; got ${formatNumber(s.peakRate)}` });
  const maxReserved = Math.max(0, s.accountLimit - UNRESERVED);
  if (s.useReserved && s.reserved > maxReserved)
    out.push({ key: 'reserved', message: `${label('reserved')} must be an integer from 0 to ${formatNumber(maxReserved)} (the account limit minus ${UNRESERVED} unreserved); got ${formatNumber(s.reserved)}` });
  const maxPc = s.useReserved ? Math.min(s.reserved, maxReserved) : maxReserved;
  if (s.provisioned > maxPc)
    out.push({ key: 'provisioned', message: `${label('provisioned')} must be an integer from 0 to ${formatNumber(maxPc)} (${s.useReserved ? 'at most the reserved concurrency' : `the account limit minus ${UNRESERVED}`}); got ${formatNumber(s.provisioned)}` });
  const n = expectedRequests(s);
  if (n > MAX_REQUESTS_PER_RUN)
    out.push({ key: 'windowS', message: `Rate × ${label('windowS')} must be at most ${formatNumber(MAX_REQUESTS_PER_RUN)} requests per run (a few seconds of simulation); got ${formatNumber(Math.round(n))}` });
  // Together with the schema's ranges these are exactly the engine's rules for this config
  // (tests/widgets/concurrency.test.ts checks that against validateSimConfig over generated states);
  // calling validateSimConfig here would pull the core into the page chunk.
  return out;
}
