import { describe, expect, it } from 'vitest';
import { asyncTimeline, createSimulation, runUntil, step, summarize, ASYNC_ERROR_RETRY_DELAYS_S, type SimConfig } from '~/sim/index.ts';

/** Runs event by event and returns the times of the async retries and the final summary. */
function retryTimes(config: Partial<SimConfig>) {
  const s = createSimulation({ traffic: { kind: 'traceTimes', timesS: Float64Array.of(0) }, duration: 'const:0', init: 'const:0', invocation: 'async', simSeconds: 30_000, ...config });
  const times: number[] = [];
  for (let e = step(s); e.kind !== 'none'; e = step(s)) if (e.kind === 'retry') times.push(e.t);
  return { times, summary: summarize(s) };
}

describe('asynchronous invocation: retries after function errors', () => {
  it('two retries, 1 minute then 2 minutes apart (attempts at 0, +60 s, +180 s), then the on-failure destination', () => {
    expect(ASYNC_ERROR_RETRY_DELAYS_S).toEqual([60, 120]);
    const { times, summary } = retryTimes({ async: { errorRate: 1 } });
    expect(times).toEqual([60, 180]);
    expect(summary.async).toMatchObject({ attempts: 3, retries: 2, errors: 3, onFailure: 1 });
  });
  it('MaximumRetryAttempts 0–2', () => {
    expect(retryTimes({ async: { errorRate: 1, maxRetryAttempts: 1 } }).times).toEqual([60]);
    const none = retryTimes({ async: { errorRate: 1, maxRetryAttempts: 0 } });
    expect(none.times).toEqual([]);
    expect(none.summary.async!.onFailure).toBe(1);
  });
  it('MaximumEventAgeInSeconds: a retry that would start after it sends the event to the destination instead', () => {
    const { times, summary } = retryTimes({ async: { errorRate: 1, maxEventAgeS: 100 } });
    expect(times).toEqual([60]);
    expect(summary.async!.onFailure).toBe(1);
  });
  it('the event age at each execution start is recorded (queue to invoke)', () => {
    const { summary } = retryTimes({ async: { errorRate: 1 } });
    expect(summary.async!.eventAgeMs.max).toBeCloseTo(180_000, -1);
    expect(summary.async!.eventAgeMs.p50).toBeCloseTo(60_000, -1);
  });
});

describe('asynchronous invocation: a run bounded by a request count', () => {
  // Constant arrivals 1 s apart from t = 0; INIT and the handler take no time, so each attempt ends as it starts.
  const bounded = (requests: number) => ({ traffic: { kind: 'constant', rate: 1 }, requests, simSeconds: null, async: { errorRate: 1, maxRetryAttempts: 2 } }) satisfies Partial<SimConfig>;

  it('runs on past the last arrival until its retries are done: 1 request → attempts at 0, +1 min, +3 min, then the destination', () => {
    const { times, summary } = retryTimes(bounded(1));
    expect(times).toEqual([60, 180]);
    expect(summary.async).toMatchObject({ attempts: 3, retries: 2, errors: 3, onFailure: 1, queuedAtEnd: 0 });
    expect(summary.conservation).toMatchObject({ arrivals: 1, dropped: 1, inFlight: 0 });
    expect(summary.simSeconds).toBe(180);
  });
  it('every accepted event of the run finishes its retries, then the run stops (no reclamation or later event)', () => {
    const s = createSimulation({ duration: 'const:0', init: 'const:0', invocation: 'async', ...bounded(3) });
    runUntil(s, Infinity);
    expect(s.done).toBe(true);
    expect(s.now).toBe(182);
    expect(summarize(s).async).toMatchObject({ attempts: 9, retries: 6, onFailure: 3 });
  });
  it('with no errors the run ends when the last event succeeds', () => {
    const { summary } = retryTimes({ ...bounded(2), duration: 'const:500', async: { errorRate: 0 } });
    expect(summary.async).toMatchObject({ attempts: 2, retries: 0, onFailure: 0 });
    expect(summary.simSeconds).toBe(1.5);
  });
});

describe('asynchronous invocation: throttles', () => {
  it('are retried with backoff from 1 s doubling (1, 3, 7, 15, … s after arrival) until the function has room', () => {
    // one slot, taken for 100 s by the first event: the second event retries until then
    const s = createSimulation({ traffic: { kind: 'traceTimes', timesS: Float64Array.of(0, 0) }, duration: 'const:100000', init: 'const:0', invocation: 'async', concurrencyLimit: 1, scaling: false, simSeconds: 1_000 });
    const times: number[] = [];
    for (let e = step(s); e.kind !== 'none'; e = step(s)) if (e.kind === 'retry') times.push(e.t);
    expect(times).toEqual([1, 3, 7, 15, 31, 63, 127]);
    expect(summarize(s).async).toMatchObject({ onFailure: 0, attempts: 2 });
  });
  it('the backoff stops growing at 5 minutes', () => {
    const s = createSimulation({ traffic: { kind: 'traceTimes', timesS: Float64Array.of(0, 0) }, duration: 'const:900000', init: 'const:0', invocation: 'async', concurrencyLimit: 1, scaling: false, simSeconds: 3_000 });
    const times: number[] = [];
    for (let e = step(s); e.kind !== 'none'; e = step(s)) if (e.kind === 'retry') times.push(e.t);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.slice(0, 9)).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300]);
    expect(Math.max(...gaps)).toBe(300);
  });
  it('reserved concurrency 0 sends every event straight to the on-failure destination, without retries', () => {
    const s = createSimulation({ traffic: { kind: 'traceTimes', timesS: Float64Array.of(0, 1, 2, 3, 4) }, duration: 'const:10', invocation: 'async', reserved: 0, simSeconds: 10 });
    const kinds: string[] = [];
    for (let e = step(s); e.kind !== 'none'; e = step(s)) kinds.push(e.kind);
    expect(kinds.every((k) => k === 'arrival')).toBe(true);
    const a = summarize(s).async!;
    expect(kinds.length).toBe(5);
    expect(a.onFailure).toBe(5);
    expect(a.attempts).toBe(0);
    expect(a.retries).toBe(0);
  });
});

describe('asyncTimeline: one event, for the retry timeline', () => {
  it('attempts at 0, +60 s and +180 s, then the destination', () => {
    expect(asyncTimeline()).toEqual([
      { t: 0, kind: 'attempt' }, { t: 0, kind: 'error' }, { t: 60, kind: 'attempt' }, { t: 60, kind: 'error' },
      { t: 180, kind: 'attempt' }, { t: 180, kind: 'error' }, { t: 180, kind: 'destination' },
    ]);
  });
  it('follows MaximumRetryAttempts, success, and reserved concurrency 0', () => {
    expect(asyncTimeline({ maxRetryAttempts: 0 }).map((x) => x.kind)).toEqual(['attempt', 'error', 'destination']);
    expect(asyncTimeline({ errorRate: 0 })).toEqual([{ t: 0, kind: 'attempt' }, { t: 0, kind: 'success' }]);
    expect(asyncTimeline({ reserved: 0 })).toEqual([{ t: 0, kind: 'throttle' }, { t: 0, kind: 'destination' }]);
  });
});
