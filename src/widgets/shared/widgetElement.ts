/**
 * Base class for a widget as a plain custom element that hydrates, when it scrolls into view, the
 * markup its `.astro` file rendered on the server (`WidgetFrame.astro` + `FieldGroup.astro`).
 *
 * A widget's element module (`<stem>Element.ts`) supplies its schema, URL prefix, cross-field check and
 * one `update(state)` that redraws the outputs; everything else lives here:
 *
 *   class MyWidget extends WidgetElement<typeof mySchema> {
 *     readonly schema = mySchema;
 *     readonly prefix = MY_PREFIX;                    // URL keys: ?my.rate=…&my.seed=…
 *     protected override check = checkState;          // from <stem>State.ts (the core's validator, mapped to fields)
 *     protected override presets = PRESETS;           // optional: buttons [data-preset="key"]
 *     private runner = this.attachRunner<MyState, MyResult>(() => new Worker(new URL('./myWidgetWorker.ts', import.meta.url), { type: 'module' }));
 *     protected async update(state: MyState) {
 *       const { result } = await this.runner.run(state);
 *       this.q('[data-out="total"]').textContent = formatUsd(result.total);
 *     }
 *   }
 *   defineWidget('ll-my-widget', MyWidget);
 *
 * Markup contract (the .astro side; WidgetFrame/FieldGroup/Field render all of it):
 *   <ll-my-widget data-prefix="my">                    custom element = WidgetFrame's root
 *     [data-notice] (role=status)                       what the widget did with values from the link
 *     <form data-form novalidate>                       inputs named by schema key (<input name="rate">)
 *       <div class="ll-field" data-key="rate"> … <p data-error-for="rate" aria-live="polite"></p></div>
 *     [data-preset="key"]                               optional preset buttons (Presets.astro)
 *     [data-action="reset"] [data-action="reroll"] [data-action="cancel"]   buttons
 *     [data-seed]                                        shows the seed
 *     [data-status]  (aria-live)   <progress data-progress hidden>
 *
 * Lifecycle:
 *   connected → IntersectionObserver (200px margin; immediately if unavailable) → hydrate() once:
 *     URL params (urlState.ts) → parse + check → state; accepted values are written back into the
 *     inputs normalised ("1,000,000" → 1000000), values the inputs round (a range slider's step) and
 *     values without an input (the seed) that were rejected are said in [data-notice];
 *     update(state, 'init') — skipped when the state is the default, which the server already rendered
 *     (`serverRenderedDefault`); sets `data-hydrated` on the element (browser tests wait for it).
 *   input (debounced `debounceMs`, 0 for select/checkbox/range) → parse → `check(state)` → errors shown
 *     on fields (aria-invalid, aria-describedby → message naming the range) → if the state changed: URL
 *     written, update(state, 'input'). Invalid fields keep the last good value (and a cross-field problem
 *     keeps the whole last good state), so outputs never show NaN.
 *   Preset → applyValues(values): the values into the inputs, then as if typed (or re-run when unchanged).
 *   Reset → defaults into inputs, URL cleared, update(state, 'reset').
 *   Re-roll seed → new random 32-bit seed (crypto), URL written, update(state, 'reroll').
 *   Cancel → the worker job stops; focus moves to the first input (a hidden button would drop it on <body>).
 *   Exceptions from update() are caught and shown in [data-status]; JobCancelled is ignored.
 */
import { BAD_NUMBER_INPUT, defaultsOf, formatFieldValue, parseFields, type FieldProblem, type Schema, type StateOf } from './fieldSpec.ts';
import { clearUrlState, hasUrlState, readUrlRaw, writeUrlState } from './urlState.ts';
import { createJobRunner, JobCancelled, type JobRunner, type JobRunnerOptions } from './jobRunner.ts';

/** A preset: a button label and the values it sets (the other inputs keep theirs). */
export interface Preset<S extends Schema> {
  label: string;
  values: Partial<StateOf<S>>;
}

export type UpdateReason = 'init' | 'input' | 'reset' | 'reroll';

export abstract class WidgetElement<S extends Schema> extends HTMLElement {
  abstract readonly schema: S;
  abstract readonly prefix: string;
  /** Delay before recomputing while the reader types in a text/number field. */
  protected debounceMs = 150;
  /**
   * True when the .astro file renders the default scenario's outputs on the server, so hydrating with
   * the default state has nothing to redraw (no engine run on page load).
   */
  protected serverRenderedDefault = true;
  /** Preset buttons (`[data-preset="key"]`, see Presets.astro), keyed like the buttons. */
  protected presets: Record<string, Preset<S>> = {};
  protected state!: StateOf<S>;
  private hydrated = false;
  private observer: IntersectionObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runners: JobRunner<unknown, unknown>[] = [];

  /** Redraws the outputs for a valid state. */
  protected abstract update(state: StateOf<S>, reason: UpdateReason): void | Promise<void>;

  /**
   * Cross-field rules on a state whose fields are each in range (e.g. "requests on provisioned
   * environments ≤ requests"): a widget's `checkState` from its `<stem>State.ts`, which calls the core's
   * validator and maps its errors to fields. A state with any problem is not applied.
   */
  protected check: (state: StateOf<S>) => FieldProblem[] = () => [];

  /** parseFields + check, errors shown; returns the state to apply (null to keep the current one) and the field errors. */
  private readAndCheck(raw: Record<string, string | boolean | undefined>, fallback: StateOf<S> | undefined): { state: StateOf<S> | null; errors: FieldProblem[] } {
    const parsed = parseFields(this.schema, raw, fallback);
    const extra = this.check(parsed.value).filter((e) => !parsed.errors.some((p) => p.key === e.key));
    this.showErrors([...parsed.errors, ...extra]);
    return { state: extra.length ? null : parsed.value, errors: parsed.errors };
  }

  /** True when every field holds its default. */
  protected isDefault(state: StateOf<S>): boolean {
    return Object.entries(this.schema).every(([k, f]) => (state as Record<string, unknown>)[k] === f.default);
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
   * A job runner wired to this widget's progress bar, Cancel button and status line; each result's wall
   * time lands in `data-last-run-ms` (browser tests read it). Call once, in a field initializer:
   * `private runner = this.attachRunner<State, Result>(() => new Worker(new URL(…), { type: 'module' }))`.
   */
  protected attachRunner<P, R>(worker: JobRunnerOptions['worker']): JobRunner<P, R> {
    const runner = createJobRunner<P, R>({
      worker,
      onProgress: (done, total) => {
        const bar = this.querySelector<HTMLProgressElement>('[data-progress]');
        if (bar) bar.value = total > 0 ? done / total : 0;
      },
      onBusy: (busy) => {
        const cancel = this.querySelector<HTMLElement>('[data-action="cancel"]');
        // Hiding the focused Cancel button would drop focus on <body>: hand it to the first input.
        if (!busy && cancel && document.activeElement === cancel) this.firstControl()?.focus();
        this.toggleAttribute('data-busy', busy);
        this.querySelector('[data-progress]')?.toggleAttribute('hidden', !busy);
        cancel?.toggleAttribute('hidden', !busy);
        if (busy) this.setStatus('Simulating…');
      },
    });
    const run = runner.run;
    runner.run = async (payload) => {
      const out = await run(payload);
      this.recordRun(out.ms, 'worker');
      return out;
    };
    this.runners.push(runner as JobRunner<unknown, unknown>);
    return runner;
  }

  /** Times a main-thread computation (a widget without a worker) the way `attachRunner` times jobs. */
  protected timed<T>(fn: () => T): { result: T; ms: number } {
    const t0 = performance.now();
    const result = fn();
    const ms = performance.now() - t0;
    this.recordRun(ms, 'inline');
    return { result, ms };
  }

  private recordRun(ms: number, where: 'inline' | 'worker'): void {
    this.dataset['lastRunMs'] = ms.toFixed(2);
    this.dataset['lastRunWhere'] = where;
  }

  private firstControl(): HTMLElement | null {
    return this.form.querySelector<HTMLElement>('input:not([disabled]):not([type=hidden]), select:not([disabled])');
  }

  /** Says what the widget did with values from the link (rounded or rejected), or clears the notice. */
  protected setNotice(lines: string[]): void {
    const n = this.querySelector<HTMLElement>('[data-notice]');
    if (!n) return;
    n.textContent = lines.join(' ');
    n.hidden = lines.length === 0;
  }

  /**
   * Puts `values` into the inputs and applies them as if the reader had typed them (a preset). When they
   * are already the state (e.g. its run was cancelled), runs the same state again.
   */
  applyValues(values: Partial<StateOf<S>>): void {
    const same = Object.entries(values).every(([k, v]) => (this.state as Record<string, unknown>)[k] === v);
    this.writeInputs(values as Record<string, unknown>);
    if (same) this.apply('input');
    else this.onInput();
  }

  /** Public so tests and other scripts can force hydration. */
  hydrate(): void {
    if (this.hydrated) return;
    this.hydrated = true;
    const defaults = defaultsOf(this.schema);
    let raw = this.readInputs(); // may hold values the browser restored (back/forward cache)
    const fromUrl = hasUrlState(this.prefix, location.search) ? (readUrlRaw(this.prefix, this.schema, location.search) as Record<string, string | undefined>) : {};
    raw = { ...raw, ...fromUrl };
    const { state, errors } = this.readAndCheck(raw, undefined);
    const notes: string[] = [];
    let initial = state ?? defaults;
    // Accepted values go back into the inputs normalised; rejected ones stay as given, beside their message.
    // (A state failing a cross-field check shows the link's values as given, beside the message.)
    const bad = new Set(state ? errors.map((e) => e.key) : Object.keys(fromUrl));
    const asGiven = Object.fromEntries(Object.entries(fromUrl).filter(([k]) => bad.has(k)));
    this.writeInputs({ ...(initial as Record<string, unknown>), ...asGiven });
    for (const e of errors) if (!this.form.elements.namedItem(e.key)) notes.push(`From the link: ${e.message}; using ${formatFieldValue(this.schema[e.key]!, (initial as Record<string, unknown>)[e.key])}.`);
    // An input may round what it was given (a range slider moves in whole steps): use what it shows, and say so.
    this.state = initial;
    const shown = this.readAndCheck({ ...this.readInputs(), ...asGiven }, initial);
    if (shown.state) {
      for (const [k, spec] of Object.entries(this.schema)) {
        const was = (initial as Record<string, unknown>)[k];
        const now = (shown.state as Record<string, unknown>)[k];
        if (was !== now && !bad.has(k)) notes.push(`From the link: ${spec.label} ${formatFieldValue(spec, was)} was rounded to ${formatFieldValue(spec, now)}, the nearest value this input offers.`);
      }
      initial = shown.state;
    }
    this.state = initial;
    this.setNotice(notes);
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
    this.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLElement>('[data-preset]');
      const preset = btn && this.presets[btn.dataset['preset'] ?? ''];
      if (preset) this.applyValues(preset.values);
    });
    this.setAttribute('data-hydrated', '');
    this.apply('init');
  }

  private onInput(): void {
    const next = this.readAndCheck(this.readInputs(), this.state).state;
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
    this.setNotice([]);
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
    if (reason === 'init' && this.serverRenderedDefault && this.isDefault(this.state)) return; // the server rendered exactly this
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
