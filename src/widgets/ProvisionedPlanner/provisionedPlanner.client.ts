/**
 * `<ll-provisioned-planner>`: on each valid change it draws the instant Erlang-B expectation and the
 * break-even text, then runs the engine (one simulated day per provisioned level) in a Web Worker —
 * always: the engine is not in the page bundle (see the runner below) — with progress and Cancel, and
 * draws the simulated cost and cold starts.
 * The default scenario is already rendered by the server, so hydrating with defaults runs nothing.
 */
import { WidgetElement, defineWidget, type UpdateReason } from '../shared/widgetElement.ts';
import { defaultsOf, type FieldProblem } from '../shared/fieldSpec.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { formatNumber } from '../shared/format.ts';
import { plannerSchema, PLANNER_PREFIX, type PlannerState } from './plannerSchema.ts';
import { analyticPlan, breakEven, estimatePlanMs, planInvocations, planLevels, type PlanResult } from './plannerModel.ts';
import { breakEvenHtml, coldChartSpec, costChartSpec, readoutHtml, statusText } from './plannerView.ts';

class ProvisionedPlanner extends WidgetElement<typeof plannerSchema> {
  readonly schema = plannerSchema;
  readonly prefix = PLANNER_PREFIX;
  protected override debounceMs = 400;
  // No inline path: the engine lives only in the worker, so the widget ships it once (page bundle +
  // worker ≤ 30 KB gzip). Even a tiny plan (a day per level) goes there; the worker starts in tens of ms.
  private runner = this.attachRunner<PlannerState, PlanResult>({
    worker: () => new Worker(new URL('./provisionedPlanner.worker.ts', import.meta.url), { type: 'module' }),
    estimateMs: estimatePlanMs,
  });

  protected override validate(s: PlannerState): FieldProblem[] {
    if (s.troughRate > s.peakRate) return [{ key: 'troughRate', message: `Trough rate (requests/s) must be at most the peak rate (${formatNumber(s.peakRate)}); got ${formatNumber(s.troughRate)}` }];
    return [];
  }

  protected async update(s: PlannerState, reason: UpdateReason): Promise<void> {
    const isDefault = Object.entries(defaultsOf(plannerSchema)).every(([k, v]) => (s as Record<string, unknown>)[k] === v);
    if (reason === 'init' && isDefault) return; // the server rendered exactly this
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
    this.setStatus(statusText(plan, out.where));
    this.dataset['lastRunMs'] = out.ms.toFixed(0);
    this.dataset['lastRunWhere'] = out.where;
  }
}

defineWidget('ll-provisioned-planner', ProvisionedPlanner);
