/**
 * State of the concurrency-and-throttling widget: its fields, URL prefix, presets, the scenario as the
 * engine sees it and its checks. No engine code, so the element's page chunk can import it (the run is
 * concurrencyWidgetRun.ts, in the worker).
 *
 * Inputs (URL prefix `conc`, e.g. ?conc.shape=steady&conc.rate=100).
 * Traffic shapes map onto the core's traffic kinds: steady → `poisson`, spike → `steps` (spikeTraffic),
 * diurnal → `diurnal` with one full cycle over the simulated window (a compressed day).
 * The default is a spike to 5,000 requests/s with the account limit raised to 10,000, so the per-function
 * scaling rate (1,000 new environments per 10 s, constants/limits.ts) shows as a ramp with throttles.
 *
 *   trafficOf(s)    → the core's Traffic for the shape (steady = poisson, spike = steps, diurnal)
 *   offeredRate(s)  → mean arrival rate over the window (req/s), analytic
 *   simConfig(s)    → the SimConfig of one run
 *   (Ranges come from the core's limits, not from SIM_RULES through fieldFromRule: that table would add about
 *   1.5 KB gzip to the page chunk, and this widget is within 1 KB of its 30 KB budget.)
 *   checkState(s)   → cross-field problems keyed by input (the engine's rules, held equal to it by test; plus run size)
 *   PRESETS         → the preset buttons' values:
 *   - ramp: a spike to 30,000 requests/s of 1-s requests with the account limit raised to 30,000 — the
 *     scaling rate lets concurrency grow by 1,000 per 10 s (1,000 at 0 s, 2,000 at 10 s, 4,000 at 30 s,
 *     7,000 at 60 s; https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html) and throttles the rest.
 *   - erlang: steady 100 requests/s of 1 s under reserved concurrency 100 — Erlang-B B(100, 100) ≈ 7.57%.
 */
import { DEFAULT_ACCOUNT_CONCURRENCY, formatNumber, MIN_UNRESERVED_CONCURRENCY } from '~/sim';
import type { TrustedSimConfig, Traffic } from '~/sim';
import { SEED_FIELD, type FieldProblem, type Schema, type StateOf } from '../shared/fieldSpec.ts';
import type { Preset } from '../shared/widgetElement.ts';

export const CONC_PREFIX = 'conc';

/** Largest expected number of requests in one run (rate × simulated time): a few seconds in the worker. */
export const MAX_REQUESTS_PER_RUN = 5_000_000;
export const MAX_ACCOUNT_LIMIT = 100_000;

export const concurrencySchema = {
  shape: {
    kind: 'enum', label: 'Traffic shape', options: ['steady', 'spike', 'diurnal'] as const,
    optionLabels: { steady: 'Steady (Poisson)', spike: 'Spike', diurnal: 'Diurnal (one cycle over the window)' }, default: 'spike',
  },
  rate: { kind: 'number', label: 'Rate (requests/s)', min: 0, max: 50_000, step: 10, unit: 'requests/s', default: 100, urlKey: 'rate', help: 'Steady: the rate. Spike: before and after the spike. Diurnal: the trough.' },
  peakRate: { kind: 'number', label: 'Spike or peak rate (requests/s)', min: 0, max: 50_000, step: 100, unit: 'requests/s', default: 5000, urlKey: 'peak', help: 'Spike: during the spike. Diurnal: at the peak. Not used for steady traffic.' },
  spikeStartS: { kind: 'number', label: 'Spike starts at (s)', min: 0, max: 3600, step: 10, unit: 's', default: 30, urlKey: 'at' },
  spikeLengthS: { kind: 'number', label: 'Spike lasts (s)', min: 1, max: 3600, step: 10, unit: 's', default: 120, urlKey: 'len' },
  windowS: { kind: 'number', label: 'Simulated time (s)', min: 10, max: 3600, step: 10, unit: 's', default: 240, urlKey: 'win' },
  durationMs: { kind: 'number', label: 'Average duration (ms)', min: 1, max: 60_000, step: 10, unit: 'ms', default: 1000, urlKey: 'dur', help: 'Exponentially distributed around this mean.' },
  accountLimit: {
    kind: 'number', label: 'Account concurrency limit', min: 1, max: MAX_ACCOUNT_LIMIT, integer: true, step: 100, default: 10_000, urlKey: 'acct',
    help: `AWS's default is ${formatNumber(DEFAULT_ACCOUNT_CONCURRENCY)} per Region; raised here (a quota increase) so the scaling ramp shows.`,
  },
  useReserved: { kind: 'bool', label: 'Set reserved concurrency', default: false, urlKey: 'res_on' },
  reserved: { kind: 'number', label: 'Reserved concurrency', min: 0, max: MAX_ACCOUNT_LIMIT - MIN_UNRESERVED_CONCURRENCY, integer: true, step: 10, default: 100, urlKey: 'res', help: `Cap and guarantee; at most the account limit minus ${MIN_UNRESERVED_CONCURRENCY}. Used when the box above is ticked.` },
  provisioned: { kind: 'number', label: 'Provisioned concurrency', min: 0, max: MAX_ACCOUNT_LIMIT - MIN_UNRESERVED_CONCURRENCY, integer: true, step: 10, default: 0, urlKey: 'pc', help: 'Initialized before t = 0; counts inside the cap.' },
  seed: SEED_FIELD,
} satisfies Schema;

export type ConcurrencyState = StateOf<typeof concurrencySchema>;

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
    const mean = (s.rate + s.peakRate) / 2;
    if (!(mean > 0)) return none; // also a mean that underflows to 0 (5e-324 / 2)
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
/** The concurrency cap of the function: reserved when set, else the account limit. */
export const capOf = (s: ConcurrencyState) => (s.useReserved ? s.reserved : s.accountLimit);

export function simConfig(s: ConcurrencyState): TrustedSimConfig {
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

/**
 * Cross-field rules, worded with the inputs' labels; empty when the engine accepts the state. The
 * reserved/provisioned ranges are the engine's rules restated: calling `validateSimConfig` here would put
 * the validator (about 6 KB gzip with its runtime and distribution tables) in the page chunk, over the
 * 30 KB budget, so tests/widgets/concurrencyWidget.test.ts holds this check equal to `validateSimConfig`
 * over generated states instead. Plus two rules of this widget's own: a diurnal peak is at least its
 * trough (the shape it maps onto the core's amplitude), and a run stays within a few seconds.
 */
export function checkState(s: ConcurrencyState): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (s.shape === 'diurnal' && s.peakRate < s.rate)
    out.push({ key: 'peakRate', message: `${label('peakRate')} must be at least the trough (Rate, ${formatNumber(s.rate)}) for a diurnal shape; got ${formatNumber(s.peakRate)}` });
  const maxReserved = Math.max(0, s.accountLimit - MIN_UNRESERVED_CONCURRENCY);
  if (s.useReserved && s.reserved > maxReserved)
    out.push({ key: 'reserved', message: `${label('reserved')} must be an integer from 0 to ${formatNumber(maxReserved)} (the account limit minus ${MIN_UNRESERVED_CONCURRENCY} unreserved); got ${formatNumber(s.reserved)}` });
  const maxPc = s.useReserved ? Math.min(s.reserved, maxReserved) : maxReserved;
  if (s.provisioned > maxPc)
    out.push({ key: 'provisioned', message: `${label('provisioned')} must be an integer from 0 to ${formatNumber(maxPc)} (${s.useReserved ? 'at most the reserved concurrency' : `the account limit minus ${MIN_UNRESERVED_CONCURRENCY}`}); got ${formatNumber(s.provisioned)}` });
  const n = expectedRequests(s);
  if (n > MAX_REQUESTS_PER_RUN)
    out.push({ key: 'windowS', message: `Rate × ${label('windowS')} must be at most ${formatNumber(MAX_REQUESTS_PER_RUN)} requests per run (a few seconds of simulation); got ${formatNumber(Math.round(n))}` });
  return out;
}

export const PRESETS: Record<'ramp' | 'erlang', Preset<typeof concurrencySchema>> = {
  ramp: {
    label: 'Spike to 30,000 requests/s (the scaling ramp)',
    values: { shape: 'spike', rate: 100, peakRate: 30_000, spikeStartS: 10, spikeLengthS: 60, windowS: 120, durationMs: 1000, accountLimit: 30_000, useReserved: false, provisioned: 0 },
  },
  erlang: {
    label: 'Steady at a reserved cap of 100 (Erlang-B)',
    values: { shape: 'steady', rate: 100, windowS: 600, durationMs: 1000, accountLimit: 1000, useReserved: true, reserved: 100, provisioned: 0 },
  },
};
