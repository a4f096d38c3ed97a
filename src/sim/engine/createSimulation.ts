import { createRng } from '../rng/createRng.ts';
import { newArrivalCursor } from '../traffic/types.ts';
import { nextArrival } from '../traffic/nextArrival.ts';
import { createLatencyHistogram } from '../stats/latencyHistogram.ts';
import type { FieldError } from '../validate/fields.ts';
import type { ResolvedSimConfig, SimConfig } from './config.ts';
import { EnvStatus, type SimState } from './state.ts';
import { createIdleList } from './idleList.ts';
import { newEnv } from './environments.ts';
import { validateSimConfig } from './validateSimConfig.ts';

/** Thrown by createSimulation for an invalid config; `errors` is what validateSimConfig returns. */
export class SimConfigError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SimConfigError';
    this.errors = errors;
  }
}

/**
 * A fresh simulation at t = 0: provisioned environments initialized and idle, nothing else.
 * Throws SimConfigError (readable, per field) when the config is invalid; call validateSimConfig first
 * to show errors without throwing.
 */
export function createSimulation(config: SimConfig | ResolvedSimConfig): SimState {
  const checked = validateSimConfig(config);
  if (!checked.ok) throw new SimConfigError(checked.errors);
  const cfg = checked.value;
  const envCap = 1024;
  const nVersions = cfg.routing ? 2 : 1;
  const serCap = cfg.limits.maxSeriesBuckets;
  const s: SimState = {
    cfg,
    rng: createRng(cfg.seed),
    now: 0,
    done: false,
    truncated: false,
    warnings: [],
    events: 0,
    cursor: newArrivalCursor(),
    nextArrivalT: Infinity,
    heapT: new Float64Array(1024),
    heapP: new Int32Array(1024),
    heapN: 0,
    envCap,
    envState: new Uint8Array(envCap),
    envVer: new Uint8Array(envCap),
    envPc: new Uint8Array(envCap),
    envCreated: new Float64Array(envCap),
    envIdleSince: new Float64Array(envCap),
    envStamp: new Int32Array(envCap),
    envId: new Float64Array(envCap),
    envEv: new Int32Array(envCap),
    envSpan: new Int32Array(envCap),
    freeSlots: new Int32Array(envCap),
    freeN: 0,
    nextSlot: 0,
    nextEnvId: 0,
    stampCounter: 0,
    envCount: 0,
    busy: 0,
    odBusy: 0,
    odCap: (cfg.reserved ?? cfg.concurrencyLimit) - cfg.provisioned,
    idle: Array.from({ length: nVersions }, createIdleList),
    reclaimT: Infinity,
    reclaimV: 0,
    reclaimSlot: -1,
    reclaimDirty: true,
    poissonRate: cfg.traffic.kind === 'poisson' ? cfg.traffic.rate : 0,
    pcIdle: new Int32Array(cfg.provisioned),
    pcIdleN: 0,
    tokens: cfg.scaling ? cfg.scaling.bucket : 0,
    tokensT: 0,
    evArrival: new Float64Array(cfg.invocation === 'async' ? 1024 : 1),
    evThrottles: new Int32Array(cfg.invocation === 'async' ? 1024 : 1),
    evErrRetries: new Int32Array(cfg.invocation === 'async' ? 1024 : 1),
    evFree: new Int32Array(cfg.invocation === 'async' ? 1024 : 1),
    evFreeN: 0,
    evNext: 0,
    evCap: cfg.invocation === 'async' ? 1024 : 1,
    queued: 0,
    asyncLive: 0,
    lastT: 0,
    stats: {
      arrivals: 0, attempts: 0, started: 0, pcStarts: 0, completed: 0, coldStarts: 0, throttles: 0, scalingThrottles: 0,
      retries: 0, errors: 0, onFailure: 0, reclaimed: 0, recycled: 0, billedOdMs: 0, billedPcMs: 0, billedInitMs: 0,
      initMs: 0, busyArea: 0, envArea: 0, peakBusy: 0, peakEnvs: 0, latency: createLatencyHistogram(), eventAgeSum: 0, eventAgeN: 0,
      eventAgeMax: 0, asyncAge: createLatencyHistogram(),
    },
    totals: { arrivals: 0, throttledSync: 0, completedFinal: 0, dropped: 0 },
    ser: {
      w: 1, idx: 0, end: 1, cap: serCap,
      arrivals: new Float64Array(serCap), throttles: new Float64Array(serCap), coldStarts: new Float64Array(serCap),
      busyArea: new Float64Array(serCap), envArea: new Float64Array(serCap), peak: new Float64Array(serCap),
    },
    spans: cfg.spans ? [] : null,
    spansTruncated: false,
    source: null,
  };
  // Provisioned environments: initialized before t = 0 (their INIT is billed with PC, not simulated).
  for (let i = 0; i < cfg.provisioned; i++) {
    const slot = newEnv(s, 0, 0, 0, true);
    s.envState[slot] = EnvStatus.IDLE;
    s.pcIdle[s.pcIdleN++] = slot;
  }
  s.nextArrivalT = nextArrival(s.rng, s.cursor, cfg.traffic, 0);
  if (cfg.requests <= 0) s.nextArrivalT = Infinity;
  return s;
}
