// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { WidgetElement, defineWidget } from '~/widgets/shared/widgetElement.ts';
import { SEED_FIELD, type Schema, type StateOf } from '~/widgets/shared/fieldSpec.ts';

const schema = {
  rate: { kind: 'number', label: 'Rate (req/s)', min: 0, max: 100, default: 10, unit: 'req/s' },
  arch: { kind: 'enum', label: 'Architecture', options: ['x86_64', 'arm64'], default: 'x86_64' },
  on: { kind: 'bool', label: 'On', default: false },
  seed: SEED_FIELD,
} satisfies Schema;

const calls: { state: StateOf<typeof schema>; reason: string }[] = [];
class TestWidget extends WidgetElement<typeof schema> {
  schema = schema;
  prefix = 'tw';
  protected override debounceMs = 0;
  // This test's markup renders no outputs on the server, so the first run must happen on hydration.
  protected override serverRenderedDefault = false;
  protected update(state: StateOf<typeof schema>, reason: string) {
    calls.push({ state: { ...state }, reason });
    this.q('[data-out]').textContent = String(state.rate * 2);
  }
}
defineWidget('ll-test-widget', TestWidget);

const markup = `
<ll-test-widget>
  <form data-form novalidate>
    <div class="ll-field" data-key="rate"><input name="rate" type="text" value="10"><p data-error-for="rate" hidden></p></div>
    <select name="arch"><option>x86_64</option><option>arm64</option></select>
    <input name="on" type="checkbox">
  </form>
  <output data-out>20</output>
  <button data-action="reset">Reset</button><button data-action="reroll">Re-roll seed</button><output data-seed>1</output>
  <span data-status></span>
</ll-test-widget>`;

function mount(search = ''): TestWidget {
  history.replaceState(null, '', `/page/${search}`);
  document.body.innerHTML = markup;
  const el = document.querySelector('ll-test-widget') as TestWidget;
  el.hydrate();
  return el;
}

beforeEach(() => {
  calls.length = 0;
});

describe('WidgetElement', () => {
  it('hydrates with defaults and marks itself', () => {
    const el = mount();
    expect(el.hasAttribute('data-hydrated')).toBe(true);
    expect(calls).toEqual([{ state: { rate: 10, arch: 'x86_64', on: false, seed: 1 }, reason: 'init' }]);
  });
  it('reads state from the URL into the inputs', () => {
    const el = mount('?tw.rate=7&tw.arch=arm64&tw.on=1&tw.seed=99');
    expect(calls[0]!.state).toEqual({ rate: 7, arch: 'arm64', on: true, seed: 99 });
    expect((el.querySelector('[name=rate]') as HTMLInputElement).value).toBe('7');
    expect(el.querySelector('[data-seed]')!.textContent).toBe('99');
  });
  it('shows a bad URL value in its field with the message, and computes from the default', () => {
    const el = mount('?tw.rate=500');
    const input = el.querySelector('[name=rate]') as HTMLInputElement;
    expect(input.value).toBe('500');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('[data-error-for=rate]')!.textContent).toBe('Rate (req/s) must be a number from 0 to 100 (req/s); got "500"');
    expect(calls[0]!.state.rate).toBe(10);
  });
  it('updates on input, writes the URL, and clears the error when fixed', () => {
    const el = mount();
    const input = el.querySelector('[name=rate]') as HTMLInputElement;
    input.value = '-1';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(1);
    input.value = '42';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(el.querySelector('[data-out]')!.textContent).toBe('84');
    expect(location.search).toBe('?tw.rate=42&tw.arch=x86_64&tw.on=0&tw.seed=1');
  });
  it('keeps a re-rolled (or linked) seed when another input changes', () => {
    const el = mount('?tw.seed=77');
    (el.querySelector('[data-action=reroll]') as HTMLButtonElement).click();
    const seed = calls.at(-1)!.state.seed;
    const input = el.querySelector('[name=rate]') as HTMLInputElement;
    input.value = '11';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(calls.at(-1)!.state).toMatchObject({ rate: 11, seed });
    expect(location.search).toContain(`tw.seed=${seed}`);
  });
  it('Reset restores defaults and clears the URL; Re-roll changes only the seed', () => {
    const el = mount('?tw.rate=5&x=1');
    (el.querySelector('[data-action=reroll]') as HTMLButtonElement).click();
    const seed = calls.at(-1)!.state.seed;
    expect(calls.at(-1)!.reason).toBe('reroll');
    expect(calls.at(-1)!.state.rate).toBe(5);
    expect(location.search).toContain(`tw.seed=${seed}`);
    (el.querySelector('[data-action=reset]') as HTMLButtonElement).click();
    expect(calls.at(-1)).toEqual({ state: { rate: 10, arch: 'x86_64', on: false, seed: 1 }, reason: 'reset' });
    expect(location.search).toBe('?x=1');
    expect((el.querySelector('[name=rate]') as HTMLInputElement).value).toBe('10');
  });
});

describe('WidgetElement: what the base class does for every widget', () => {
  class SkippingWidget extends WidgetElement<typeof schema> {
    schema = schema;
    prefix = 'sw';
    protected override debounceMs = 0;
    protected override presets = { fast: { label: 'Fast', values: { rate: 90, arch: 'arm64' as const } } };
    protected update(state: StateOf<typeof schema>, reason: string) {
      calls.push({ state: { ...state }, reason });
    }
  }
  defineWidget('ll-skipping-widget', SkippingWidget);
  const mountSkipping = (search = '') => {
    history.replaceState(null, '', `/page/${search}`);
    document.body.innerHTML = markup.replaceAll('ll-test-widget', 'll-skipping-widget').replace('</form>', '</form><p data-notice hidden></p><button data-preset="fast">Fast</button>');
    const el = document.querySelector('ll-skipping-widget') as SkippingWidget;
    el.hydrate();
    return el;
  };

  it('skips the first run when the state is the default the server rendered, not otherwise', () => {
    mountSkipping();
    expect(calls).toEqual([]);
    mountSkipping('?sw.rate=3');
    expect(calls).toEqual([{ state: { rate: 3, arch: 'x86_64', on: false, seed: 1 }, reason: 'init' }]);
  });
  it('a preset sets its values as if typed; pressed again with the same state, it runs again', () => {
    const el = mountSkipping();
    (el.querySelector('[data-preset="fast"]') as HTMLButtonElement).click();
    expect(calls.at(-1)).toEqual({ state: { rate: 90, arch: 'arm64', on: false, seed: 1 }, reason: 'input' });
    expect((el.querySelector('[name=rate]') as HTMLInputElement).value).toBe('90');
    expect(location.search).toContain('sw.rate=90');
    (el.querySelector('[data-preset="fast"]') as HTMLButtonElement).click();
    expect(calls).toHaveLength(2);
  });
  it('shows a URL value normalised in its input, and says when a value without an input was rejected', () => {
    const el = mountSkipping('?sw.rate=2e1&sw.seed=-5');
    expect((el.querySelector('[name=rate]') as HTMLInputElement).value).toBe('20');
    const notice = el.querySelector<HTMLElement>('[data-notice]')!;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toBe('From the link: Seed must be an integer from 0 to 4,294,967,295; got "-5"; using 1.');
    expect(calls.at(-1)!.state).toMatchObject({ rate: 20, seed: 1 });
    (el.querySelector('[data-action=reset]') as HTMLButtonElement).click();
    expect(notice.hidden).toBe(true);
  });
});
