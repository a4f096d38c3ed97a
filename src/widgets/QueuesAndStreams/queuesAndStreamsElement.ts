/**
 * `<ll-queues-and-streams>`: on each valid change, runs the event source mapping in a Web Worker
 * (progress, Cancel) and redraws the three charts and the readout; the async retry timeline redraws at
 * once without a run. Preset buttons fill the form and apply it (WidgetElement). This module imports
 * only the state and the pure view, never the engine: the engine ships once, in the worker.
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { checkState, fieldApplies, jobOf, PRESETS, QS_PREFIX, queuesSchema, type QueuesJob, type QueuesState } from './queuesAndStreamsState.ts';
import type { QueuesResult } from './queuesAndStreamsRun.ts';
import { ageChartSpec, asyncTimelineHtml, concurrencyChartSpec, queueChartSpec, readoutHtml, statusText } from './queuesAndStreamsView.ts';

/** What the run reads (the job): equal keys, no new run (e.g. when only the async timeline changed). */
const runKey = (s: QueuesState) => JSON.stringify(jobOf(s));

class QueuesAndStreams extends WidgetElement<typeof queuesSchema> {
  readonly schema = queuesSchema;
  readonly prefix = QS_PREFIX;
  protected override check = checkState;
  protected override presets = PRESETS;
  protected override debounceMs = 300;
  private lastRun = '';
  private runner = this.attachRunner<QueuesJob, QueuesResult>(() => new Worker(new URL('./queuesAndStreamsWorker.ts', import.meta.url), { type: 'module' }));

  override hydrate(): void {
    super.hydrate();
    if (!this.lastRun && this.isDefault(this.state)) this.lastRun = runKey(this.state); // the server rendered it
    this.showRelevantFields();
    this.form.addEventListener('input', () => this.showRelevantFields());
  }

  /**
   * Hides the inputs the chosen source does not use and disables a cap's input while its box is
   * unticked. Reads the inputs, so it follows the form at once, before the debounced run. Focus is never
   * on a hidden input: only the source select, the FIFO box and the mode select change what shows.
   */
  private showRelevantFields(): void {
    const el = (k: string) => this.form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    const checked = (k: string) => (el(k) as HTMLInputElement | null)?.checked ?? false;
    const now = {
      source: (el('source')?.value ?? 'sqs') as QueuesState['source'],
      fifo: checked('fifo'),
      mode: (el('mode')?.value ?? 'standard') as QueuesState['mode'],
      useMaxConcurrency: checked('useMaxConcurrency'),
      useReserved: checked('useReserved'),
    };
    for (const key of Object.keys(this.schema)) this.querySelector(`.ll-field[data-key="${key}"]`)?.toggleAttribute('hidden', !fieldApplies(now, key));
    for (const group of this.querySelectorAll<HTMLElement>('[data-for-source]')) group.hidden = !group.dataset['forSource']!.split(' ').includes(now.source);
    const mc = el('maxConcurrency');
    if (mc) mc.disabled = !now.useMaxConcurrency;
    const res = el('reserved');
    if (res) res.disabled = !now.useReserved;
  }

  protected async update(s: QueuesState): Promise<void> {
    this.showRelevantFields();
    this.q('[data-out="async"]').innerHTML = asyncTimelineHtml(s.asyncRetries);
    const key = runKey(s);
    if (key === this.lastRun) return;
    const out = await this.runner.run(jobOf(s));
    const r = out.result;
    this.lastRun = key;
    this.q('[data-out="readout"]').innerHTML = readoutHtml(r);
    this.q('[data-out="queue-chart"]').innerHTML = renderChartFigure(queueChartSpec(r));
    this.q('[data-out="age-chart"]').innerHTML = renderChartFigure(ageChartSpec(r));
    this.q('[data-out="concurrency-chart"]').innerHTML = renderChartFigure(concurrencyChartSpec(s, r));
    this.setStatus(statusText(r, out.ms));
  }
}

defineWidget('ll-queues-and-streams', QueuesAndStreams);
