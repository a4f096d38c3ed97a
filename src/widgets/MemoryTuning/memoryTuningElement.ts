/**
 * `<ll-memory-tuning>`: redraws the duration and cost curves on every valid input, and reads AWS Lambda
 * Power Tuning results pasted, dropped or chosen as a file. Arithmetic only (well under a millisecond),
 * so it runs on the main thread: no worker. Nothing leaves the browser: a file is read with
 * `File.text()`, a URL is decoded from its fragment, never fetched.
 *
 * Imported measurements live in `this.measured` and in the link as `tune.pt` (Power Tuning's own
 * `sizes;durations;costs` encoding); importing also puts the fitted profile into the inputs.
 */
import { encodeVisualizationHash, parsePowerTuning, type PowerTuningResults } from '~/sim';
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { checkState, tuneSchema, TUNE_PRESETS, TUNE_PREFIX, MEASURED_PARAM, type TuneState } from './memoryTuningState.ts';
import { fittedValues, runTuning } from './memoryTuningRun.ts';
import { cliText, costChartSpec, durationChartSpec, measuredHtml, pointsTableHtml, summaryText } from './memoryTuningView.ts';

class MemoryTuning extends WidgetElement<typeof tuneSchema> {
  readonly schema = tuneSchema;
  readonly prefix = TUNE_PREFIX;
  protected override check = checkState;
  protected override presets = TUNE_PRESETS;
  protected override debounceMs = 120;
  private measured: PowerTuningResults | null = null;
  private measuredHash: string | null = null;

  protected override isDefault(state: TuneState): boolean {
    return super.isDefault(state) && this.measured === null;
  }

  override hydrate(): void {
    if (this.hasAttribute('data-hydrated')) return;
    const hash = new URLSearchParams(location.search).get(MEASURED_PARAM);
    if (hash) {
      const r = parsePowerTuning(hash);
      if (r.ok) this.setMeasured(r.value, `Read ${r.value.points.length} measured memory sizes from the link.`);
      else this.importStatus(`The link's measurements could not be read: ${r.error}.`, true);
    }
    super.hydrate();
    this.wireImport();
  }

  override reset(): void {
    this.setMeasured(null, '');
    super.reset();
  }

  protected update(s: TuneState): void {
    const { result: r } = this.timed(() => runTuning(s, this.measured));
    if (!r.ok) return; // check() already showed the messages; keep the last good output
    const v = r.view;
    this.q('[data-out="summary"]').textContent = summaryText(v);
    this.q('[data-out="duration-chart"]').innerHTML = renderChartFigure(durationChartSpec(v));
    this.q('[data-out="cost-chart"]').innerHTML = renderChartFigure(costChartSpec(v));
    this.q('[data-out="points"]').innerHTML = pointsTableHtml(v);
    this.q('[data-out="measured"]').innerHTML = measuredHtml(v);
    this.q('[data-out="cli"]').textContent = cliText(s, this.measuredHash);
  }

  private wireImport(): void {
    const text = this.q<HTMLTextAreaElement>('[data-import-text]');
    const file = this.q<HTMLInputElement>('[data-import-file]');
    this.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLElement>('[data-import]');
      if (!btn || !this.contains(btn)) return;
      if (btn.dataset['import'] === 'apply') this.importText(text.value);
      else {
        text.value = '';
        file.value = '';
        this.setMeasured(null, 'Measurements cleared.');
        this.rerun();
      }
    });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void this.importFile(f);
    });
    const zone = this.q('[data-import-zone]');
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.toggleAttribute('data-dragging', true);
    });
    zone.addEventListener('dragleave', () => zone.removeAttribute('data-dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.removeAttribute('data-dragging');
      const f = e.dataTransfer?.files[0];
      if (f) void this.importFile(f);
      else {
        const t = e.dataTransfer?.getData('text/plain');
        if (t) this.importText(t);
      }
    });
  }

  private async importFile(f: File): Promise<void> {
    if (f.size > 1_000_000) return this.importStatus(`${f.name} is ${Math.round(f.size / 1024)} KB; Power Tuning results are a few KB. Choose its output JSON.`, true);
    const t = await f.text();
    this.q<HTMLTextAreaElement>('[data-import-text]').value = t;
    this.importText(t);
  }

  private importText(t: string): void {
    const r = parsePowerTuning(t);
    if (!r.ok) return this.importStatus(`Could not read these results: ${r.error}.`, true);
    const kind = r.value.format === 'url' ? 'visualization URL' : 'output JSON';
    this.setMeasured(r.value, `Read ${r.value.points.length} measured memory sizes from the ${kind}; the inputs above now hold the fitted model.`);
    this.applyValues(fittedValues(r.value, this.state));
  }

  private setMeasured(m: PowerTuningResults | null, status: string): void {
    this.measured = m;
    this.measuredHash = m ? encodeVisualizationHash(m.points) : null;
    const params = new URLSearchParams(location.search);
    if (this.measuredHash) params.set(MEASURED_PARAM, this.measuredHash);
    else params.delete(MEASURED_PARAM);
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    this.importStatus(status, false);
  }

  private importStatus(text: string, isError: boolean): void {
    const s = this.querySelector<HTMLElement>('[data-out="import-status"]');
    if (!s) return;
    s.textContent = text;
    s.toggleAttribute('data-error', isError);
  }

  /** Redraws with the current state (measurements changed, inputs did not). */
  private rerun(): void {
    this.applyValues({});
  }
}

defineWidget('ll-memory-tuning', MemoryTuning);
