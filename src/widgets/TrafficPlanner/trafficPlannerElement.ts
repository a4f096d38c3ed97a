/**
 * `<ll-traffic-planner>`: the reader drops, picks or pastes a CloudWatch export (or loads a synthetic
 * example); the text goes to the widget's Web Worker, which parses and plans it (the parser and the
 * engine are only in the worker, fetched on the first plan). Nothing is uploaded or stored: the text
 * lives in this page's memory until it is closed. Inputs (memory, Arm factor, target, ...) re-plan the
 * same text.
 */
import { MAX_IMPORT_BYTES } from '~/sim/import/importLimits.ts';
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { EXAMPLES, TRAFFIC_PREFIX, trafficSchema, type ExampleKey, type TrafficState } from './trafficPlannerState.ts';
import type { TrafficOutcome, TrafficPayload } from './trafficPlannerRun.ts';
import { checkHtml, coldChartSpec, notesHtml, peakChartSpec, planTableHtml, scheduleHtml, statusText } from './trafficPlannerView.ts';

class TrafficPlanner extends WidgetElement<typeof trafficSchema> {
  readonly schema = trafficSchema;
  readonly prefix = TRAFFIC_PREFIX;
  protected override debounceMs = 400;
  /** The export being planned; null = the default example the server rendered. */
  private source: { name: string; text: string } | null = null;
  private wired = false;
  private runner = this.attachRunner<TrafficPayload, TrafficOutcome>(() => new Worker(new URL('./trafficPlannerWorker.ts', import.meta.url), { type: 'module' }));

  override hydrate(): void {
    super.hydrate();
    if (this.wired) return;
    this.wired = true;
    const file = this.q<HTMLInputElement>('[data-file]');
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void this.loadFile(f);
    });
    const drop = this.q('[data-drop]');
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.toggleAttribute('data-over', true);
    });
    drop.addEventListener('dragleave', () => drop.toggleAttribute('data-over', false));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.toggleAttribute('data-over', false);
      const f = e.dataTransfer?.files[0];
      if (f) void this.loadFile(f);
    });
    this.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLElement>('[data-load]');
      if (!btn || !this.contains(btn)) return;
      const what = btn.dataset['load']!;
      if (what === 'paste') {
        const text = this.q<HTMLTextAreaElement>('[data-paste]').value;
        if (text.trim() === '') return this.showDataError('The text box is empty: paste the output of aws cloudwatch get-metric-data or a console CSV.');
        this.use({ name: 'Pasted text', text });
      } else void this.loadExample(what as ExampleKey);
    });
  }

  private showDataError(message: string): void {
    const box = this.q('[data-out="data-error"]');
    box.textContent = message;
    box.hidden = message === '';
  }

  private async loadFile(f: File): Promise<void> {
    if (f.size > MAX_IMPORT_BYTES) return this.showDataError(`${f.name} is ${(f.size / 1048576).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB is accepted.`);
    this.use({ name: f.name, text: await f.text() });
  }

  private async fetchExample(key: ExampleKey): Promise<{ name: string; text: string }> {
    const ex = EXAMPLES[key];
    const res = await fetch(`/${ex.file}`); // the site is served from its root (no base path in astro.config.mjs)
    if (!res.ok) throw new Error(`could not load the example (${res.status})`);
    return { name: ex.label, text: await res.text() };
  }

  private async loadExample(key: ExampleKey): Promise<void> {
    try {
      this.use(await this.fetchExample(key));
    } catch (err) {
      this.showDataError(err instanceof Error ? err.message : String(err));
    }
  }

  private use(src: { name: string; text: string }): void {
    this.source = src;
    this.showDataError('');
    this.applyValues({}); // same inputs, new data: run again
  }

  protected async update(s: TrafficState): Promise<void> {
    const src = this.source ?? (this.source = await this.fetchExample('diurnal'));
    this.setStatus(`Reading and planning ${src.name} in your browser…`);
    const { result, ms } = await this.runner.run({ text: src.text, name: src.name, state: s });
    if (!result.ok) {
      this.showDataError(`${result.name}: ${result.error}`);
      this.setStatus('Nothing planned: the file has a problem (see above). The last plan is still shown.');
      return;
    }
    const p = result.plan;
    this.q('[data-out="check"]').innerHTML = checkHtml(p, result.name);
    this.q('[data-out="peak-chart"]').innerHTML = renderChartFigure(peakChartSpec(result.columns, p));
    this.q('[data-out="cold-chart"]').innerHTML = renderChartFigure(coldChartSpec(result.columns, p));
    this.q('[data-out="plan"]').innerHTML = planTableHtml(p);
    this.q('[data-out="schedule-box"]').innerHTML = scheduleHtml(p);
    this.q('[data-out="notes"]').innerHTML = notesHtml(p);
    this.setStatus(statusText(p, ms));
  }
}

defineWidget('ll-traffic-planner', TrafficPlanner);
