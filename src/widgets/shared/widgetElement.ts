/**
 * Base class for a widget as a plain custom element that hydrates, when it scrolls into view, the
 * markup its `.astro` file rendered on the server (`WidgetFrame.astro` + `Field.astro`).
 *
 * A widget subclass supplies its schema, URL prefix and one `update(state)` that redraws the outputs:
 *
 *   class MyWidget extends WidgetElement<typeof schema> {
 *     schema = schema;
 *     prefix = 'my';                                  // URL keys: ?my.rate=…&my.seed=…
 *     protected async update(state: StateOf<typeof schema>) {
 *       const { result } = await this.runner.run(state);        // optional: see attachRunner
 *       this.q('[data-out="total"]').textContent = formatUsd(result.total);
 *     }
 *   }
 *   defineWidget('ll-my-widget', MyWidget);
 *
 * Markup contract (the .astro side; WidgetFrame/Field render all of it):
 *   <ll-my-widget data-prefix="my">                    custom element = WidgetFrame's root
 *     <form data-form novalidate>                       inputs named by schema key (<input name="rate">)
 *       <div class="ll-field" data-key="rate"> … <p data-error-for="rate" aria-live="polite"></p></div>
 *     [data-action="reset"] [data-action="reroll"] [data-action="cancel"]   buttons
 *     [data-seed]                                        shows the seed
 *     [data-status]  (aria-live)   <progress data-progress hidden>
 *
 * Lifecycle:
 *   connected → IntersectionObserver (200px margin; immediately if unavailable) → hydrate() once:
 *     URL params (urlState.ts) → inputs; parse + show errors → state → update(state, 'init');
 *     sets `data-hydrated` on the element (browser tests wait for it).
 *   input (debounced `debounceMs`, 0 for select/checkbox) → parse → `validate(state)` (cross-field
 *     rules, optional) → errors shown on fields (aria-invalid, aria-describedby → message naming the
 *     range) → if the state changed: URL written, update(state, 'input'). Invalid fields keep the last
 *     good value (and a cross-field problem keeps the whole last good state), so outputs never show NaN.
 *   Reset → defaults into inputs, URL cleared, update(state, 'reset').
 *   Re-roll seed → new random 32-bit seed (crypto), URL written, update(state, 'reroll').
 *   Exceptions from update() are caught and shown in [data-status]; JobCancelled is ignored.
 */
import { BAD_NUMBER_INPUT, defaultsOf, formatFieldValue, parseFields, type FieldProblem, type Schema, type StateOf } from './fieldSpec.ts';
import { clearUrlState, hasUrlState, readUrlRaw, writeUrlState } from './urlState.ts';
import { createJobRunner, JobCancelled, type JobRunner, type JobRunnerOptions } from './jobRunner.ts';

export type UpdateReason = 'init' | 'input' | 'reset' | 'reroll';

export abstract class WidgetElement<S extends Schema> extends HTMLElement {
  abstract readonly schema: S;
  abstract readonly prefix: string;
  /** Delay before recomputing while the reader types in a text/number field. */
  protected debounceMs = 150;
  protected state!: StateOf<S>;
  private hydrated = false;
  private observer: IntersectionObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runners: JobRunner<unknown, unknown>[] = [];

  /** Redraws the outputs for a valid state. */
  protected abstract update(state: StateOf<S>, reason: UpdateReason): void | Promise<void>;

  /**
   * Cross-field rules on a state whose fields are each in range (e.g. "requests on provisioned
   * environments ≤ requests"). Return problems keyed by field; a state with any is not applied.
   */
  protected validate(_state: StateOf<S>): FieldProblem[] {
    return [];
  }

  /** parseFields + validate, errors shown; returns the state to apply, or null to keep the current one. */
  private readAndCheck(raw: Record<string, string | boolean | undefined>, fallback: StateOf<S> | undefined): StateOf<S> | null {
    const parsed = parseFields(this.schema, raw, fallback);
    const extra = this.validate(parsed.value).filter((e) => !parsed.errors.some((p) => p.key === e.key));
    this.showErrors([...parsed.errors, ...extra]);
    return extra.length ? null : parsed.value;
  }

  connectedCallback(): void {
    if (this.hydrated || this.observer) return;
    if (typeof IntersectionObserver === 'undefined') return this.hydrate();
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.observer?.disconnect();
          this.observer = null;
          this.hydrate();
        }
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const r of this.runners) r.dispose();
  }

  /** `querySelector` inside the widget that throws a clear error when the markup contract is broken. */
  protected q<E extends Element = HTMLElement>(sel: string): E {
    const el = this.querySelector<E>(sel);
    if (!el) throw new Error(`${this.localName}: missing ${sel}`);
    return el;
  }

  protected get form(): HTMLFormElement {
    return this.q<HTMLFormElement>('form[data-form]');
  }

  /**
   * Raw values of the schema's inputs (strings; booleans for checkboxes). A schema key with no input
   * (the seed: shown, not typed) keeps its current state value.
   */
  protected readInputs(): Record<string, string | boolean | undefined> {
    const raw: Record<string, string | boolean | undefined> = {};
    for (const [key, spec] of Object.entries(this.schema)) {
      const el = this.form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
      if (!el) {
        if (this.state) raw[key] = formatFieldValue(spec, (this.state as Record<string, unknown>)[key]);
        continue;
      }
      if (el instanceof HTMLInputElement && el.type === 'checkbox') raw[key] = el.checked;
      // A number input holding text ("12abc") reports value '' with validity.badInput.
      else if (el instanceof HTMLInputElement && el.validity.badInput) raw[key] = BAD_NUMBER_INPUT;
      else raw[key] = el.value;
    }
    return raw;
  }

  /** Puts values (state or raw URL strings) into the inputs. */
  protected writeInputs(values: Record<string, unknown>): void {
    for (const [key, spec] of Object.entries(this.schema)) {
      if (!(key in values)) continue;
      const el = this.form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
      if (!el) continue;
      const v = values[key];
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true || v === '1' || v === 'true';
      else el.value = typeof v === 'string' ? v : formatFieldValue(spec, v);
    }
    const seedOut = this.querySelector('[data-seed]');
    if (seedOut && 'seed' in values) seedOut.textContent = String(values['seed']);
  }

  /** Shows or clears each field's message; returns true when there is none. */
  protected showErrors(errors: { key: string; message: string }[]): boolean {
    const byKey = new Map(errors.map((e) => [e.key, e.message]));
    for (const key of Object.keys(this.schema)) {
      const el = this.form.elements.namedItem(key) as HTMLElement | null;
      const msg = this.querySelector(`[data-error-for="${key}"]`);
      const m = byKey.get(key);
      if (el) {
        if (m) el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
      if (msg) {
        msg.textContent = m ?? '';
        msg.toggleAttribute('hidden', !m);
      }
      this.querySelector(`.ll-field[data-key="${key}"]`)?.toggleAttribute('data-invalid', !!m);
    }
    return errors.length === 0;
  }

  /** Status line under the widget (aria-live). */
  protected setStatus(text: string): void {
    const s = this.querySelector('[data-status]');
    if (s) s.textContent = text;
  }

  /**
   * A job runner wired to this widget's progress bar, Cancel button and status line. Call once,
   * e.g. in a field initializer: `private runner = this.attachRunner({...})`.
   */
  protected attachRunner<P, R>(opts: Omit<JobRunnerOptions<P, R>, 'onProgress' | 'onBusy'>): JobRunner<P, R> {
    const runner = createJobRunner<P, R>({
      ...opts,
      onProgress: (done, total) => {
        const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
        if (bar) bar.value = total > 0 ? done / total : 0;
      },
      onBusy: (busy) => {
        this.toggleAttribute('data-busy', busy);
        this.querySelector('[data-progress]')?.toggleAttribute('hidden', !busy);
        this.querySelector('[data-action="cancel"]')?.toggleAttribute('hidden', !busy);
        if (busy) this.setStatus('Simulating…');
      },
    });
    this.runners.push(runner as JobRunner<unknown, unknown>);
    return runner;
  }

  /** Public so tests and other scripts can force hydration. */
  hydrate(): void {
    if (this.hydrated) return;
    this.hydrated = true;
    const defaults = defaultsOf(this.schema);
    let raw = this.readInputs(); // may hold values the browser restored (back/forward cache)
    if (hasUrlState(this.prefix, location.search)) {
      const fromUrl = readUrlRaw(this.prefix, this.schema, location.search) as Record<string, string | undefined>;
      this.writeInputs(fromUrl);
      raw = { ...raw, ...fromUrl };
    }
    const initial = this.readAndCheck(raw, undefined) ?? defaults;
    this.state = initial;
    const seedOut = this.querySelector('[data-seed]');
    if (seedOut && 'seed' in this.schema) seedOut.textContent = String((initial as Record<string, unknown>)['seed']);

    const form = this.form;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', (e) => {
      const t = e.target as HTMLElement;
      const immediate = t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio' || t.type === 'range'));
      clearTimeout(this.timer);
      if (immediate || this.debounceMs <= 0) this.onInput();
      else this.timer = setTimeout(() => this.onInput(), this.debounceMs);
    });
    form.addEventListener('change', () => {
      clearTimeout(this.timer);
      this.onInput();
    });
    this.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLElement>('[data-action]');
      if (!btn || !this.contains(btn)) return;
      const action = btn.dataset['action'];
      if (action === 'reset') this.reset();
      else if (action === 'reroll') this.reroll();
      else if (action === 'cancel') {
        for (const r of this.runners) r.cancel();
        this.setStatus('Cancelled. Change an input to run again.');
      }
    });
    this.setAttribute('data-hydrated', '');
    this.apply('init');
  }

  private onInput(): void {
    const next = this.readAndCheck(this.readInputs(), this.state);
    if (!next) return;
    const changed = Object.keys(this.schema).some((k) => (next as Record<string, unknown>)[k] !== (this.state as Record<string, unknown>)[k]);
    if (!changed) return;
    this.state = next;
    writeUrlState(this.prefix, this.schema, this.state);
    this.apply('input');
  }

  reset(): void {
    this.state = defaultsOf(this.schema);
    this.writeInputs(this.state as Record<string, unknown>);
    this.showErrors([]);
    clearUrlState(this.prefix, this.schema);
    this.apply('reset');
  }

  reroll(): void {
    if (!('seed' in this.schema)) return;
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    this.state = { ...this.state, seed: buf[0]! };
    this.writeInputs({ seed: buf[0]! });
    writeUrlState(this.prefix, this.schema, this.state);
    this.apply('reroll');
  }

  private apply(reason: UpdateReason): void {
    try {
      const p = this.update(this.state, reason);
      if (p && typeof p.then === 'function') p.catch((err: unknown) => this.fail(err));
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    if (err instanceof JobCancelled) return;
    console.warn(`${this.localName}:`, err);
    this.setStatus(`Could not compute this scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Registers the element once (a page may include the same widget's script more than once). */
export function defineWidget(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
