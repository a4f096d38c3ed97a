/**
 * `<ll-provisioned-planner>`: on each valid change it draws the instant Erlang-B expectation and the
 * break-even text, then runs the engine (one simulated day per provisioned level) in a Web Worker with
 * progress and Cancel, and draws the simulated cost and cold starts. The engine is not in the page
 * bundle (see jobRunner.ts).
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { formatNumber } from '../shared/format.ts';
import { checkState, plannerSchema, PLANNER_PREFIX, type PlannerState } from './provisionedPlannerState.ts';
import { analyticPlan, breakEven, estimatePlanMs, planInvocations, planLevels, type PlanResult } from './provisionedPlannerAnalytic.ts';
import { breakEvenHtml, coldChartSpec, costChartSpec, readoutHtml, statusText } from './provisionedPlannerView.ts';

class ProvisionedPlanner extends WidgetElement<typeof plannerSchema> {
  readonly schema = plannerSchema;
  readonly prefix = PLANNER_PREFIX;
  protected override check = checkState;
  protected override debounceMs = 400;
  private runner = this.attachRunner<PlannerState, PlanResult>({
    worker: () => new Worker(new URL('./provisionedPlannerWorker.ts', import.meta.url), { type: 'module' }),
  });

  protected async update(s: PlannerState): Promise<void> {
    const levels = planLevels(s);
    const analytic = analyticPlan(s, levels);
    this.q('[data-out="breakeven"]').innerHTML = breakEvenHtml(breakEven(s.arch), analytic);
    this.q('[data-out="cost-chart"]').innerHTML = renderChartFigure(costChartSpec(s, analytic, null));
    this.q('[data-out="cold-chart"]').innerHTML = renderChartFigure(coldChartSpec(s, null, levels));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, null);
    const job = this.runner.run(s);
    const est = estimatePlanMs(s);
    if (this.runner.busy && est > 1500) this.setStatus(`Simulating ${formatNumber(planInvocations(s) / 1e6, 1)} million invocations (${levels.length} levels × one day; roughly ${formatNumber(Math.round(est / 1000))} s)…`);
    const out = await job;
    const plan = { ...out.result, ms: out.ms };
    this.q('[data-out="cost-chart"]').innerHTML = renderChartFigure(costChartSpec(s, plan.analytic, plan.sim));
    this.q('[data-out="cold-chart"]').innerHTML = renderChartFigure(coldChartSpec(s, plan.sim, plan.levels));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, plan.sim);
    this.setStatus(statusText(plan, 'worker'));
  }
}

defineWidget('ll-provisioned-planner', ProvisionedPlanner);
