import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateArb } from './stateArb.ts';
import { validateSimConfig } from '~/sim/engine/validateSimConfig.ts';
import { defaultsOf, parseFields } from '~/widgets/shared/fieldSpec.ts';
import { buildSearch, readUrlRaw } from '~/widgets/shared/urlState.ts';
import { INIT_MS, RUNTIMES } from '~/sim/constants/initDurations.ts';
import { lognormalSigmaFromP90 } from '~/sim/dist/lognormal.ts';
import { checkState, coldStartSchema, handlerMs, initDist, initMedianMs, simConfig, COLD_PREFIX, type ColdStartState } from '~/widgets/ColdStartExplorer/coldStartExplorerState.ts';
import { runColdStart } from '~/widgets/ColdStartExplorer/coldStartExplorerRun.ts';
import { lanesFigure, lanesSvg, MAX_LANES, mergeBusy, readoutHtml } from '~/widgets/ColdStartExplorer/coldStartExplorerView.ts';

const base = defaultsOf(coldStartSchema);
const state = (o: Partial<ColdStartState>): ColdStartState => ({ ...base, ...o });

describe('cold-start explorer: the SDK-client assumption', () => {
  it('inside: every request pays the setup; INIT is the runtime’s published one', () => {
    const s = state({ initOutside: false, clientSetupMs: 80, durationMs: 100 });
    expect(handlerMs(s)).toBe(180);
    const [m, p90] = INIT_MS['nodejs24.x']![0];
    expect(initDist(s)).toEqual({ kind: 'lognormal', medianMs: m, sigma: lognormalSigmaFromP90(m, p90) });
    expect(simConfig(s).duration).toEqual({ kind: 'const', ms: 180 });
  });

  it('outside: the setup moves into INIT (median and p90 shifted by it)', () => {
    const s = state({ initOutside: true, clientSetupMs: 80, durationMs: 100 });
    expect(handlerMs(s)).toBe(100);
    const [m, p90] = INIT_MS['nodejs24.x']![0];
    expect(initDist(s)).toEqual({ kind: 'lognormal', medianMs: m + 80, sigma: lognormalSigmaFromP90(m + 80, p90 + 80) });
    expect(initMedianMs(s)).toBe(m + 80);
  });

  it('every runtime takes its INIT median from the core’s table', () => {
    for (const rt of RUNTIMES) expect(initMedianMs(state({ runtime: rt, initOutside: false }))).toBe(INIT_MS[rt]![0][0]);
  });
});

describe('cold-start explorer: runs', () => {
  it('the default: a few environments, some reclaimed, cold starts in p99 but not p50', () => {
    const r = runColdStart(base);
    expect(r.environments).toBeGreaterThanOrEqual(3);
    expect(r.summary.environmentsReclaimed).toBeGreaterThanOrEqual(1);
    expect(r.summary.coldStarts).toBe(r.spans.filter((s) => !s.provisioned).length);
    expect(r.summary.coldStartRatio).toBeCloseTo(r.summary.coldStarts / r.summary.invocations, 12);
    expect(r.summary.latencyMs.p50).toBe(180);
    // More than 1% of requests are cold (INIT + handler), so the p99 is a cold start.
    if (r.summary.coldStartRatio > 0.012) expect(r.summary.latencyMs.p99).toBeGreaterThan(180 + 100);
    expect(r.spansTruncated).toBe(false);
  });

  it('initializing outside the handler lowers the p50 (warm) latency', () => {
    const inside = runColdStart(state({ initOutside: false }));
    const outside = runColdStart(state({ initOutside: true }));
    expect(inside.summary.latencyMs.p50).toBe(180);
    expect(outside.summary.latencyMs.p50).toBe(100);
    expect(outside.warmMs).toBeLessThan(inside.warmMs);
    expect(outside.coldMedianMs).toBe(inside.coldMedianMs); // the cost moves, it does not vanish
  });

  it('provisioned environments exist from t = 0, never cold start and are never reclaimed', () => {
    const r = runColdStart(state({ provisioned: 3 }));
    const pc = r.spans.filter((s) => s.provisioned);
    expect(pc).toHaveLength(3);
    for (const s of pc) expect(s.reclaimedAt).toBeNull();
    expect(r.summary.coldStarts).toBeLessThan(runColdStart(base).summary.coldStarts);
    expect(r.summary.provisionedExecutions).toBeGreaterThan(0);
  });

  it('a longer idle timeout keeps environments: fewer reclaimed, no more cold starts', () => {
    const short = runColdStart(state({ idleTimeoutS: 5 }));
    const long = runColdStart(state({ idleTimeoutS: 600 }));
    expect(long.summary.environmentsReclaimed).toBe(0);
    expect(short.summary.environmentsReclaimed).toBeGreaterThan(long.summary.environmentsReclaimed);
    expect(long.summary.coldStarts).toBeLessThanOrEqual(short.summary.coldStarts);
  });

  it('a run too large for inline is refused with the range', () => {
    expect(checkState(state({ rate: 100, windowS: 600 }))).toEqual([
      { key: 'rate', message: 'Average rate (requests/s) × Simulated time (s) must be at most 15,000 requests; got 60,000' },
    ]);
    expect(checkState(base)).toEqual([]);
  });
});

describe('cold-start explorer: the timeline', () => {
  it('merges busy intervals closer than the gap', () => {
    expect(mergeBusy([0, 1, 1.1, 2, 5, 6], 0.5)).toEqual([0, 2, 5, 6]);
    expect(mergeBusy([], 1)).toEqual([]);
  });

  it('one lane per environment, INIT marked, reclaimed marked; text summary and table', () => {
    const r = runColdStart(base);
    const svg = lanesSvg(r);
    expect((svg.match(/<rect class="ll-tone-1"/g) ?? []).length).toBe(r.summary.coldStarts); // one INIT block per cold start
    expect((svg.match(/<path class="ll-tone-3"/g) ?? []).length).toBe(r.summary.environmentsReclaimed);
    const fig = lanesFigure(base, r);
    expect(fig).toContain(`${r.environments} environments over 300 s`);
    expect(fig).toContain('reclaimed after 20 s idle');
    expect((fig.match(/<tr><th scope="row">Env /g) ?? []).length).toBe(r.environments);
    expect(fig + readoutHtml(base, r)).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('says when lanes are capped and when the trace is truncated', () => {
    const r = runColdStart(state({ shape: 'steady', rate: 50, windowS: 300, durationMs: 2000, idleTimeoutS: 1 }));
    expect(r.environments).toBeGreaterThan(MAX_LANES);
    const fig = lanesFigure(base, r);
    expect(fig).toContain(`Showing the first ${MAX_LANES} of`);
    const fake = { ...r, spansTruncated: true, maxSpans: 200 };
    expect(lanesFigure(base, fake)).toContain('Trace truncated: only the first 200 environments were recorded.');
  });

  it('URL state round-trips, seed included', () => {
    const s = state({ runtime: 'python3.13', initOutside: true, clientSetupMs: 120, seed: 99 });
    const back = parseFields(coldStartSchema, readUrlRaw(COLD_PREFIX, coldStartSchema, buildSearch(COLD_PREFIX, coldStartSchema, s, '')));
    expect(back.errors).toEqual([]);
    expect(back.value).toEqual(s);
  });
});

describe('cold-start explorer: edge states never print NaN', () => {
  it('no traffic, one request, all provisioned, a long handler', () => {
    for (const e of [{ rate: 0 }, { rate: 0.01, windowS: 10 }, { provisioned: 50, rate: 0.5 }, { durationMs: 10_000, rate: 1, windowS: 30 }, { shape: 'steady' as const, rate: 0 }]) {
      const s = state(e);
      expect(checkState(s)).toEqual([]);
      const r = runColdStart(s);
      expect(lanesFigure(s, r) + readoutHtml(s, r), JSON.stringify(e)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});


describe('cold-start explorer: every accepted state is a config the engine takes', () => {
  it('checkState passing ⇒ validateSimConfig accepts (generated states)', () => {
    fc.assert(
      fc.property(stateArb(coldStartSchema), (raw) => {
        const s = raw as unknown as ColdStartState;
        if (checkState(s).length) return;
        expect(validateSimConfig(simConfig(s)).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
