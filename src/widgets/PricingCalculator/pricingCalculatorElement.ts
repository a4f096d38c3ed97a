/**
 * `<ll-pricing-calculator>`: recomputes the bill and the memory chart on every valid input. Pure
 * arithmetic (well under 1 ms), so it runs on the main thread: no worker, no progress bar.
 */
import { WidgetElement, defineWidget } from '../shared/widgetElement.ts';
import { renderChartFigure } from '../shared/chart.ts';
import { checkState, priceSchema, toCliArgs, PRICE_PREFIX, type PriceState } from './pricingCalculatorState.ts';
import { computeBill, memorySweep } from './pricingCalculatorRun.ts';
import { billLinesHtml, sweepChartSpec, totalText } from './pricingCalculatorView.ts';

class PricingCalculator extends WidgetElement<typeof priceSchema> {
  readonly schema = priceSchema;
  readonly prefix = PRICE_PREFIX;
  protected override check = checkState;
  protected override debounceMs = 120;

  protected update(s: PriceState): void {
    const { result: r } = this.timed(() => computeBill(s));
    if (!r.ok) return; // check() already showed the messages; keep the last good bill
    this.q('[data-out="total"]').textContent = totalText(r.bill);
    this.q('[data-out="lines"]').innerHTML = billLinesHtml(r.bill);
    this.q('[data-out="cli"]').textContent = `npm run sim -- ${toCliArgs(s).join(' ')}`;
    this.q('[data-out="chart"]').innerHTML = renderChartFigure(sweepChartSpec(memorySweep(s), s, 'price'));
    // Open a section the URL state uses, so a shared link shows what it changed.
    if (s.pc > 0 || s.pcRequests > 0) this.querySelector<HTMLDetailsElement>('[data-section="pc"]')?.setAttribute('open', '');
    if (s.coldStarts > 0 || s.snapStart !== 'off') this.querySelector<HTMLDetailsElement>('[data-section="init"]')?.setAttribute('open', '');
  }
}

defineWidget('ll-pricing-calculator', PricingCalculator);
