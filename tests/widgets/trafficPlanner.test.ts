import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { runCli } from '~/sim/cli/runCli.ts';
import { PLAN_RULES } from '~/sim/index.ts';
import { spikyBatchTable, toConsoleCsv } from '~/sim/plan/syntheticExports.ts';
import { defaultsOf } from '~/widgets/shared/fieldSpec.ts';
import { renderChartFigure } from '~/widgets/shared/chart.ts';
import { EXAMPLES, trafficSchema } from '~/widgets/TrafficPlanner/trafficPlannerState.ts';
import { MAX_POINTS, runTrafficPlan } from '~/widgets/TrafficPlanner/trafficPlannerRun.ts';
import { checkHtml, coldChartSpec, notesHtml, peakChartSpec, planTableHtml, scheduleHtml } from '~/widgets/TrafficPlanner/trafficPlannerView.ts';

const state = defaultsOf(trafficSchema);
const read = (f: string) => readFileSync(`public/${f}`, 'utf8');

describe('traffic planner widget logic', () => {
  it('takes its ranges and defaults from the core rules table', () => {
    for (const [k, rule] of [['memoryMb', PLAN_RULES.memoryMb], ['armSpeedFactor', PLAN_RULES.armSpeedFactor], ['coldStartTargetPct', PLAN_RULES.coldStartTargetPct], ['concurrencyLimit', PLAN_RULES.concurrencyLimit]] as const) {
      const f = trafficSchema[k];
      expect([f.min, f.max, f.default]).toEqual([rule.min, rule.max, rule.default]);
    }
  });
  // The diurnal file takes a 3.4-million-invocation replay to regenerate, so only the smaller one is
  // rebuilt here; both come from scripts/makeTrafficExamples.ts.
  it('the batch example in public/ is exactly what the synthetic generator writes', () => {
    expect(read(EXAMPLES.batch.file)).toBe(toConsoleCsv(spikyBatchTable()));
  }, 120_000);
  for (const key of ['diurnal', 'batch'] as const) {
    it(`plans the ${key} example and renders every output without NaN`, () => {
      const out = runTrafficPlan({ text: read(EXAMPLES[key].file), name: EXAMPLES[key].label, state });
      if (!out.ok) throw new Error(out.error);
      expect(out.plan.details.replay_check).toBeNull(); // the widget ships no engine
      expect(out.columns.hours.length).toBeLessThanOrEqual(MAX_POINTS);
      const html = [checkHtml(out.plan, 'x'), planTableHtml(out.plan), scheduleHtml(out.plan), notesHtml(out.plan),
        renderChartFigure(peakChartSpec(out.columns, out.plan)), renderChartFigure(coldChartSpec(out.columns, out.plan))].join('');
      expect(html).not.toMatch(/NaN|undefined|Infinity/);
      expect(html).toContain('<table');
      expect(out.plan.pc_schedule).toHaveLength(24);
    });
  }
  // One code path for the plan: the page's numbers for a file are the CLI's JSON for it, key for key.
  for (const key of ['diurnal', 'batch'] as const) {
    it(`the ${key} example: the widget's plan is exactly \`sim plan --json\` for the same file`, () => {
      const out = runTrafficPlan({ text: read(EXAMPLES[key].file), name: EXAMPLES[key].label, state });
      if (!out.ok) throw new Error(out.error);
      const printed: string[] = [];
      const code = runCli(['plan', '--cloudwatch', `public/${EXAMPLES[key].file}`, '--json'], {
        stdout: (t) => printed.push(t), stderr: (t) => printed.push(t),
        readFile: (p) => readFileSync(p, 'utf8'), statFile: (p) => ({ isFile: true, size: statSync(p).size }),
      });
      expect(code).toBe(0);
      expect(JSON.parse(JSON.stringify(out.plan))).toEqual(JSON.parse(printed.join('')));
    });
  }
  it('the batch example throttles (its 02:00 burst exceeds the account limit) and the check says so', () => {
    const out = runTrafficPlan({ text: read(EXAMPLES.batch.file), name: 'b', state });
    if (!out.ok) throw new Error(out.error);
    expect(out.plan.details.throttles_observed).toBeGreaterThan(100_000);
    expect(out.plan.details.throttles_simulated).toBeGreaterThan(100_000);
  });
  it('a bad file comes back as a message, not an exception', () => {
    const out = runTrafficPlan({ text: 'Time,Invocations,Duration\nnope,1,2\n', name: 'bad.csv', state });
    expect(out).toEqual({ ok: false, name: 'bad.csv', error: 'line 2: timestamp "nope" does not parse (expected ISO 8601 such as 2026-11-02T14:05:00Z, or epoch seconds)' });
  });
});
