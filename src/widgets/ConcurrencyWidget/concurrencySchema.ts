/**
 * Inputs of the concurrency-and-throttling widget (URL prefix `conc`, e.g. ?conc.shape=steady&conc.rate=100).
 * Traffic shapes map onto the core's traffic kinds: steady → `poisson`, spike → `steps` (spikeTraffic),
 * diurnal → `diurnal` with one full cycle over the simulated window (a compressed day).
 * The default is a spike to 5,000 requests/s with the account limit raised to 10,000, so the per-function
 * scaling rate (1,000 new environments per 10 s, constants/limits.ts) shows as a ramp with throttles.
 */
import { DEFAULT_ACCOUNT_CONCURRENCY, MIN_UNRESERVED_CONCURRENCY } from '../../sim/constants/limits.ts';
import { SEED_FIELD, type Schema, type StateOf } from '../shared/fieldSpec.ts';

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
    help: `AWS's default is ${DEFAULT_ACCOUNT_CONCURRENCY.toLocaleString('en-US')} per Region; raised here (a quota increase) so the scaling ramp shows.`,
  },
  useReserved: { kind: 'bool', label: 'Set reserved concurrency', default: false, urlKey: 'res_on' },
  reserved: { kind: 'number', label: 'Reserved concurrency', min: 0, max: MAX_ACCOUNT_LIMIT - MIN_UNRESERVED_CONCURRENCY, integer: true, step: 10, default: 100, urlKey: 'res', help: `Cap and guarantee; at most the account limit minus ${MIN_UNRESERVED_CONCURRENCY}. Used when the box above is ticked.` },
  provisioned: { kind: 'number', label: 'Provisioned concurrency', min: 0, max: MAX_ACCOUNT_LIMIT - MIN_UNRESERVED_CONCURRENCY, integer: true, step: 10, default: 0, urlKey: 'pc', help: 'Initialized before t = 0; counts inside the cap.' },
  seed: SEED_FIELD,
} satisfies Schema;

export type ConcurrencyState = StateOf<typeof concurrencySchema>;
