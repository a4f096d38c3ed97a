/**
 * `<ll-cold-start-explorer>`: reruns the engine on every valid change and redraws the timeline and the
 * readout. Runs are capped at 15,000 requests (about 5–20 ms), so they run on the main thread: no worker.
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { checkState, coldStartSchema, COLD_PREFIX, type ColdStartState } from './coldStartExplorerState.ts';
import { runColdStart } from './coldStartExplorerRun.ts';
import { lanesFigure, readoutHtml, statusText } from './coldStartExplorerView.ts';

class ColdStartExplorer extends WidgetElement<typeof coldStartSchema> {
  readonly schema = coldStartSchema;
  readonly prefix = COLD_PREFIX;
  protected override check = checkState;

  protected update(s: ColdStartState): void {
    const { result: r, ms } = this.timed(() => runColdStart(s));
    this.q('[data-out="readout"]').innerHTML = readoutHtml(s, r);
    this.q('[data-out="lanes"]').innerHTML = lanesFigure(s, r);
    this.setStatus(statusText(r, ms));
  }
}

defineWidget('ll-cold-start-explorer', ColdStartExplorer);
