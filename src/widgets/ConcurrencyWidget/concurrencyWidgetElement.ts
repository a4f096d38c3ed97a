/**
 * `<ll-concurrency-widget>`: on each valid change, runs the engine in a Web Worker (progress, Cancel)
 * and redraws both charts and the readout. Preset buttons fill the form and apply it (WidgetElement).
 * This module imports only the state (concurrencyWidgetState.ts), never the engine: the engine ships
 * once, in the worker (see jobRunner.ts).
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { checkState, concurrencySchema, CONC_PREFIX, PRESETS, type ConcurrencyState } from './concurrencyWidgetState.ts';
import type { ConcurrencyResult } from './concurrencyWidgetRun.ts';
import { concurrencyChartSpec, readoutHtml, requestsChartSpec, statusText } from './concurrencyWidgetView.ts';

class ConcurrencyWidget extends WidgetElement<typeof concurrencySchema> {
  readonly schema = concurrencySchema;
  readonly prefix = CONC_PREFIX;
  protected override check = checkState;
  protected override presets = PRESETS;
  protected override debounceMs = 300;
  private runner = this.attachRunner<ConcurrencyState, ConcurrencyResult>(() => new Worker(new URL('./concurrencyWidgetWorker.ts', import.meta.url), { type: 'module' }));

  override hydrate(): void {
    super.hydrate();
    this.showRelevantFields();
    this.form.addEventListener('input', () => this.showRelevantFields());
  }

  /**
   * Hides the inputs the chosen shape does not use (spike timing unless Spike; the peak for Steady) and
   * disables Reserved concurrency while its box is unticked. Reads the inputs, so it follows the form
   * immediately, before the debounced run.
   */
  private showRelevantFields(): void {
    const shape = (this.form.elements.namedItem('shape') as HTMLSelectElement | null)?.value;
    const show: Record<string, boolean> = { peakRate: shape !== 'steady', spikeStartS: shape === 'spike', spikeLengthS: shape === 'spike' };
    for (const [key, visible] of Object.entries(show)) this.querySelector(`.ll-field[data-key="${key}"]`)?.toggleAttribute('hidden', !visible);
    const on = (this.form.elements.namedItem('useReserved') as HTMLInputElement | null)?.checked ?? false;
    const reserved = this.form.elements.namedItem('reserved') as HTMLInputElement | null;
    if (reserved) reserved.disabled = !on;
  }

  protected async update(s: ConcurrencyState): Promise<void> {
    this.showRelevantFields();
    const out = await this.runner.run(s);
    const r = out.result;
    this.q('[data-out="chart"]').innerHTML = renderChartFigure(concurrencyChartSpec(s, r));
    this.q('[data-out="requests-chart"]').innerHTML = renderChartFigure(requestsChartSpec(r));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, r);
    this.setStatus(statusText(r, out.ms));
  }
}

defineWidget('ll-concurrency-widget', ConcurrencyWidget);
