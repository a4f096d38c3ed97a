/**
 * `<ll-canary-routing>`: the weight slider shows its value at once; on each valid change the reader's
 * weight and the sweep over weights are simulated in a Web Worker (progress, Cancel), and the split,
 * the per-version table, the readout and the chart are redrawn.
 * This module imports only the state (canaryRoutingState.ts), never the engine: the engine ships once,
 * in the worker (see jobRunner.ts).
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { canarySchema, checkState, weightText, CANARY_PREFIX, type CanaryState } from './canaryRoutingState.ts';
import type { CanaryResult } from './canaryRoutingRun.ts';
import { readoutHtml, splitSvg, statusText, sweepChartSpec, versionTable } from './canaryRoutingView.ts';

class CanaryRouting extends WidgetElement<typeof canarySchema> {
  readonly schema = canarySchema;
  readonly prefix = CANARY_PREFIX;
  protected override check = checkState;
  protected override debounceMs = 250;
  private runner = this.attachRunner<CanaryState, CanaryResult>(() => new Worker(new URL('./canaryRoutingWorker.ts', import.meta.url), { type: 'module' }));

  override hydrate(): void {
    super.hydrate();
    const slider = this.form.elements.namedItem('weight') as HTMLInputElement | null;
    slider?.addEventListener('input', () => this.showWeight(Number(slider.value)));
  }

  private showWeight(v: number): void {
    const out = this.querySelector('[data-value-for="weight"]');
    if (out) out.textContent = weightText(v);
    this.querySelector('input[name="weight"]')?.setAttribute('aria-valuetext', weightText(v));
  }

  protected async update(s: CanaryState): Promise<void> {
    this.showWeight(s.weight);
    const out = await this.runner.run(s);
    const r = out.result;
    this.q('[data-out="split"]').innerHTML = splitSvg(r.current);
    this.q('[data-out="versions"]').innerHTML = versionTable(s, r.current);
    this.q('[data-out="readout"]').innerHTML = readoutHtml(r);
    this.q('[data-out="chart"]').innerHTML = renderChartFigure(sweepChartSpec(s, r));
    this.setStatus(statusText(r, out.ms));
  }
}

defineWidget('ll-canary-routing', CanaryRouting);
