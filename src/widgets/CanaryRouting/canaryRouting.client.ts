/**
 * `<ll-canary-routing>`: the weight slider shows its value at once; on each valid change the reader's
 * weight and the sweep over weights are simulated in a Web Worker (progress, Cancel), and the split,
 * the per-version table, the readout and the chart are redrawn. The server rendered the default
 * scenario, so hydrating with defaults runs nothing.
 *
 * Every run goes to the worker (started once, then reused): an inline path would put a second copy of
 * the simulation core in the page chunk and break the 30 KB gzip budget, so this module imports only
 * the scenario checks (canaryConfig.ts), never the engine.
 */
import { WidgetElement, defineWidget, type UpdateReason } from '../shared/widgetElement.ts';
import { defaultsOf, type FieldProblem } from '../shared/fieldSpec.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { canarySchema, CANARY_PREFIX, type CanaryState } from './canarySchema.ts';
import { checkState, estimateMs } from './canaryConfig.ts';
import type { CanaryResult } from './canaryModel.ts';
import { readoutHtml, splitSvg, statusText, sweepChartSpec, versionTable } from './canaryView.ts';

export const weightText = (v: string | number) => `${v}% to the canary, ${100 - Number(v)}% to the stable version`;

class CanaryRouting extends WidgetElement<typeof canarySchema> {
  readonly schema = canarySchema;
  readonly prefix = CANARY_PREFIX;
  protected override debounceMs = 250;
  private runner = this.attachRunner<CanaryState, CanaryResult>({
    // No `inline`: every run goes to the worker (see above).
    worker: () => new Worker(new URL('./canaryRouting.worker.ts', import.meta.url), { type: 'module' }),
    estimateMs,
  });

  override hydrate(): void {
    super.hydrate();
    const slider = this.form.elements.namedItem('weight') as HTMLInputElement | null;
    slider?.addEventListener('input', () => this.showWeight(slider.value));
  }

  private showWeight(v: string | number): void {
    const out = this.querySelector('[data-out="weight-value"]');
    if (out) out.textContent = weightText(v);
    const slider = this.form.elements.namedItem('weight') as HTMLInputElement | null;
    slider?.setAttribute('aria-valuetext', weightText(v));
  }

  protected override validate(s: CanaryState): FieldProblem[] {
    return checkState(s);
  }

  protected async update(s: CanaryState, reason: UpdateReason): Promise<void> {
    this.showWeight(s.weight);
    const isDefault = Object.entries(defaultsOf(canarySchema)).every(([k, v]) => (s as Record<string, unknown>)[k] === v);
    if (reason === 'init' && isDefault) return; // the server rendered exactly this
    const out = await this.runner.run(s);
    const r = out.result;
    this.q('[data-out="split"]').innerHTML = splitSvg(r.current);
    this.q('[data-out="versions"]').innerHTML = versionTable(s, r.current);
    this.q('[data-out="readout"]').innerHTML = readoutHtml(r);
    this.q('[data-out="chart"]').innerHTML = renderChartFigure(sweepChartSpec(s, r));
    this.setStatus(statusText(r, out.ms, out.where));
    this.dataset['lastRunMs'] = out.ms.toFixed(0);
    this.dataset['lastRunWhere'] = out.where;
  }
}

defineWidget('ll-canary-routing', CanaryRouting);
