/**
 * Build-time data handed from a widget's `.astro` file to its page script through the HTML, for data the
 * server computes from the core's tables: a widget's field specs built from the rules tables are a few
 * hundred bytes of JSON, while the tables themselves (every rule's help text and AWS source, and the
 * tables they build on) would be several kilobytes of the page's JavaScript.
 *
 *   server (.astro):  <script type="application/json" data-page-data="qs" set:html={pageDataJson(clientFields(F))} />
 *   page script:      const F = import.meta.env.SSR ? fieldsFromRules() : readPageData<Fields>('qs');
 *
 * `import.meta.env.SSR` is a constant of each build, so the client bundle keeps only `readPageData` and
 * drops the rules tables; the server render and the Node tests build the same object from the rules.
 * A data block is not a script the browser runs: the CSP step leaves it unhashed.
 */
import type { FieldSpec, Schema } from './fieldSpec.ts';

/** JSON safe inside `<script>` (no `</script>` can close it early); throws on a value JSON cannot carry. */
export function pageDataJson(value: unknown): string {
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`page data cannot carry ${v}`);
    return v;
  });
  return json.replace(/</g, '\\u003c');
}

/** The data the server rendered under `key` (see above); throws, naming the key, when the page has none. */
export function readPageData<T>(key: string): T {
  const el = document.querySelector(`script[type="application/json"][data-page-data="${key}"]`);
  if (!el?.textContent) throw new Error(`page data "${key}" is missing from the page`);
  return JSON.parse(el.textContent) as T;
}

/** A schema as the page script needs it: without what only the server renders (help, option labels). */
export function clientSchema<S extends Schema>(schema: S): S {
  const out: Record<string, FieldSpec> = {};
  for (const [k, f] of Object.entries(schema)) {
    const { help: _help, ...rest } = f;
    if (rest.kind === 'enum') {
      const { optionLabels: _labels, ...e } = rest;
      out[k] = e;
    } else out[k] = rest;
  }
  return out as S;
}
