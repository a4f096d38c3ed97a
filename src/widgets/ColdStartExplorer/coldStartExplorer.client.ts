/**
 * `<ll-cold-start-explorer>`: reruns the engine on every valid change and redraws the timeline and the
 * readout. Runs are capped at 15,000 requests (about 5–20 ms), so they always run inline: no worker.
 */
import { WidgetElement, defineWidget, type UpdateReason } from '../shared/widgetElement.ts';
import { defaultsOf, type FieldProblem } from '../shared/fieldSpec.ts';
import { coldStartSchema, COLD_PREFIX, type ColdStartState } from './coldStartSchema.ts';
import { checkState, runColdStart } from './coldStartModel.ts';
import { lanesFigure, readoutHtml, statusText } from './coldStartView.ts';

class ColdStartExplorer extends WidgetElement<typeof coldStartSchema> {
  readonly schema = coldStartSchema;
  readonly prefix = COLD_PREFIX;
  protected override debounceMs = 150;

  protected override validate(s: ColdStartState): FieldProblem[] {
    return checkState(s);
  }

  protected update(s: ColdStartState, reason: UpdateReason): void {
    const isDefault = Object.entries(defaultsOf(coldStartSchema)).every(([k, v]) => (s as Record<string, unknown>)[k] === v);
    if (reason === 'init' && isDefault) return; // the server rendered exactly this
    const t0 = performance.now();
    const r = runColdStart(s);
    const runMs = performance.now() - t0;
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, r);
    this.q('[data-out="lanes"]').innerHTML = lanesFigure(s, r);
    this.setStatus(statusText(r, runMs));
    this.dataset['lastRunMs'] = runMs.toFixed(2);
    this.dataset['lastRunWhere'] = 'inline';
  }
}

defineWidget('ll-cold-start-explorer', ColdStartExplorer);
