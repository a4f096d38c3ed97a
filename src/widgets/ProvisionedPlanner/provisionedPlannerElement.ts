/**
 * `<ll-provisioned-planner>`: on each valid change it runs the plan — the engine (one simulated day per
 * provisioned level), the Erlang-B expectation and the break-even — in a Web Worker with progress and
 * Cancel, and redraws the charts, the readout and the break-even text. The previous charts stay (dimmed)
 * while it runs. Neither the engine nor the pricing code is in the page bundle: only the worker has them
 * (page bundle + worker ≤ 30 KB gzip).
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { formatNumber } from '~/sim';
import { checkState, plannerSchema, PLANNER_PREFIX, type PlannerState } from './provisionedPlannerState.ts';
import { estimatePlanMs, planInvocations, planLevels, type PlanResult } from './provisionedPlannerAnalytic.ts';
import { breakEvenHtml, coldChartSpec, costChartSpec, readoutHtml, statusText } from './provisionedPlannerView.ts';

class ProvisionedPlanner extends WidgetElement<typeof plannerSchema> {
  readonly schema = plannerSchema;
  readonly prefix = PLANNER_PREFIX;
  protected override check = checkState;
  protected override debounceMs = 400;
  private runner = this.attachRunner<PlannerState, PlanResult>(() => new Worker(new URL('./provisionedPlannerWorker.ts', import.meta.url), { type: 'module' }));

  protected async update(s: PlannerState): Promise<void> {
    const levels = planLevels(s);
    const job = this.runner.run(s);
    const est = estimatePlanMs(s);
    if (this.runner.busy && est > 1500) this.setStatus(`Simulating ${formatNumber(planInvocations(s) / 1e6, 1)} million invocations (${levels.length} levels × one day; roughly ${formatNumber(Math.round(est / 1000))} s)…`);
    const out = await job;
    const plan = { ...out.result, ms: out.ms };
    this.q('[data-out="cost-chart"]').innerHTML = renderChartFigure(costChartSpec(s, plan.analytic, plan.sim));
    this.q('[data-out="cold-chart"]').innerHTML = renderChartFigure(coldChartSpec(s, plan.sim, plan.levels));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, plan.sim);
    this.q('[data-out="breakeven"]').innerHTML = breakEvenHtml(plan.breakEven, plan.analytic);
    this.setStatus(statusText(plan, 'worker'));
  }
}

defineWidget('ll-provisioned-planner', ProvisionedPlanner);
