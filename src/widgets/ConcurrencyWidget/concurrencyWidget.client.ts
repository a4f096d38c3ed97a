/**
 * `<ll-concurrency-widget>`: on each valid change, runs the engine in a Web Worker (progress, Cancel)
 * and redraws both charts and the readout. The server rendered the default scenario, so hydrating with
 * defaults runs nothing. Preset buttons fill the form and apply it.
 *
 * Every run goes to the worker, even small ones (the worker is started once and reused): an inline path
 * would put a second copy of the simulation core in the page chunk and break the 30 KB gzip budget.
 * So this module imports only the scenario checks (concurrencyConfig.ts), never the engine.
 */
import { WidgetElement, defineWidget, type UpdateReason } from '../shared/widgetElement.ts';
import { defaultsOf, type FieldProblem } from '../shared/fieldSpec.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { JobCancelled } from '../shared/jobRunner.ts';
import { concurrencySchema, CONC_PREFIX, type ConcurrencyState } from './concurrencySchema.ts';
import { checkState, estimateMs } from './concurrencyConfig.ts';
import type { ConcurrencyResult } from './concurrencyModel.ts';
import { concurrencyChartSpec, readoutHtml, requestsChartSpec, statusText } from './concurrencyView.ts';
import { PRESETS } from './concurrencyPresets.ts';

class ConcurrencyWidget extends WidgetElement<typeof concurrencySchema> {
  readonly schema = concurrencySchema;
  readonly prefix = CONC_PREFIX;
  protected override debounceMs = 300;
  private runner = this.attachRunner<ConcurrencyState, ConcurrencyResult>({
    // No `inline`: every run goes to the worker (see above).
    worker: () => new Worker(new URL('./concurrencyWidget.worker.ts', import.meta.url), { type: 'module' }),
    estimateMs,
  });

  override hydrate(): void {
    super.hydrate();
    this.showRelevantFields();
    this.form.addEventListener('input', () => this.showRelevantFields());
    this.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLElement>('[data-preset]');
      const preset = btn && PRESETS[btn.dataset['preset'] as keyof typeof PRESETS];
      if (!preset) return;
      const same = Object.entries(preset.values).every(([k, v]) => (this.state as Record<string, unknown>)[k] === v);
      this.writeInputs(preset.values as Record<string, unknown>);
      if (!same) this.form.dispatchEvent(new Event('change'));
      // Already this scenario (e.g. its run was cancelled): run it again.
      else
        Promise.resolve(this.update(this.state, 'input')).catch((err: unknown) => {
          if (!(err instanceof JobCancelled)) this.setStatus(`Could not compute this scenario: ${err instanceof Error ? err.message : String(err)}`);
        });
    });
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

  protected override validate(s: ConcurrencyState): FieldProblem[] {
    return checkState(s);
  }

  protected async update(s: ConcurrencyState, reason: UpdateReason): Promise<void> {
    this.showRelevantFields();
    const isDefault = Object.entries(defaultsOf(concurrencySchema)).every(([k, v]) => (s as Record<string, unknown>)[k] === v);
    if (reason === 'init' && isDefault) return; // the server rendered exactly this
    const out = await this.runner.run(s);
    const r = out.result;
    this.q('[data-out="chart"]').innerHTML = renderChartFigure(concurrencyChartSpec(s, r));
    this.q('[data-out="requests-chart"]').innerHTML = renderChartFigure(requestsChartSpec(r));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, r);
    this.setStatus(statusText(r, out.ms, out.where));
    this.dataset['lastRunMs'] = out.ms.toFixed(0);
    this.dataset['lastRunWhere'] = out.where;
  }
}

defineWidget('ll-concurrency-widget', ConcurrencyWidget);
