/**
 * A widget's state in the query string, under a per-widget prefix, so a shared link reproduces the
 * scenario (seed included).
 *
 *   ?price.mem=512&price.arch=arm64&pcp.peak=80&pcp.seed=7
 *
 * Each schema field is stored as `<prefix>.<urlKey ?? key>`; values are `formatFieldValue` strings
 * ('1'/'0' for booleans). Other parameters and the #hash are left untouched, so several widgets on one
 * page share the URL. Writes use `history.replaceState` (no history entry per keystroke).
 *
 * Lifecycle in a widget (see `widgetElement.ts`, which does this for you):
 *   hydrate: raw = readUrlRaw(prefix, schema, location.search)   → parseFields(schema, raw)
 *            (URL values are validated like typed input: a bad one shows its message in its field)
 *   change:  writeUrlState(prefix, schema, state)                 (every field written; seed included)
 *   Reset:   clearUrlState(prefix, schema)                        (back to a clean link)
 * `read*`/`build*` are pure (string in, string out) and unit-tested; only `write*`/`clear*` touch `window`.
 */
import { formatFieldValue, type Schema, type StateOf } from './fieldSpec.ts';

const paramName = (prefix: string, key: string, urlKey?: string) => `${prefix}.${urlKey ?? key}`;

/** The raw strings present in `search` for this widget, keyed by schema key (absent keys are omitted). */
export function readUrlRaw<S extends Schema>(prefix: string, schema: S, search: string): Partial<Record<keyof S, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<keyof S, string>> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const v = params.get(paramName(prefix, key, spec.urlKey));
    if (v !== null) out[key as keyof S] = v;
  }
  return out;
}

/** True when `search` carries any parameter of this widget. */
export function hasUrlState(prefix: string, search: string): boolean {
  for (const k of new URLSearchParams(search).keys()) if (k.startsWith(`${prefix}.`)) return true;
  return false;
}

/** `search` with this widget's parameters set to `state` (or removed when `state` is null). Pure. */
export function buildSearch<S extends Schema>(prefix: string, schema: S, state: StateOf<S> | null, search: string): string {
  const params = new URLSearchParams(search);
  for (const [key, spec] of Object.entries(schema)) {
    const name = paramName(prefix, key, spec.urlKey);
    if (state === null) params.delete(name);
    else params.set(name, formatFieldValue(spec, (state as Record<string, unknown>)[key]));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Writes the state into the current URL with `history.replaceState`. */
export function writeUrlState<S extends Schema>(prefix: string, schema: S, state: StateOf<S>): void {
  replaceSearch(buildSearch(prefix, schema, state, location.search));
}

/** Removes this widget's parameters from the current URL. */
export function clearUrlState(prefix: string, schema: Schema): void {
  replaceSearch(buildSearch(prefix, schema, null, location.search));
}

function replaceSearch(search: string): void {
  if (search === location.search || (search === '' && location.search === '?')) return;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}
