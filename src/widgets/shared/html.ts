/**
 * HTML-string helpers shared by the widgets' pure views (server render and client alike): escaping, the
 * labelled readout item, and the scroll box every table sits in.
 */

/** Escapes text for HTML element content and attribute values (renderers build strings). */
export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One labelled value of a readout row: `<div><span class="ll-label">…</span><output data-out="key">…</output>[note]</div>`. */
export function readoutItem(label: string, key: string, value: string, note = ''): string {
  return `<div><span class="ll-label">${esc(label)}</span><output data-out="${esc(key)}">${esc(value)}</output>${note ? `<span class="ll-note">${esc(note)}</span>` : ''}</div>`;
}

/**
 * A table in its own horizontally scrolling box, so a wide table (long numbers, many columns) scrolls
 * inside the widget instead of widening the page on a phone. The box is focusable and named, so a
 * keyboard user can scroll it with the arrow keys and a screen reader announces what it holds.
 */
export function scrollBox(label: string, tableHtml: string): string {
  return `<div class="ll-scroll" tabindex="0" role="region" aria-label="${esc(label)}">${tableHtml}</div>`;
}
