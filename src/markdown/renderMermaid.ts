/**
 * Build-time Mermaid → inline SVG.
 *
 * Shape: `renderMermaid(source, meta, idPrefix)` returns the HTML of one
 * `<figure>` holding a named, keyboard-focusable scroll box around an accessible
 * `<svg role="img">` drawn at its natural size. Colours are CSS custom
 * properties (`--ll-d-*`, defined in src/styles/diagrams.css for both themes), so the
 * diagram follows Starlight's light/dark toggle with no JavaScript.
 *
 * Why beautiful-mermaid: it renders without a DOM or a browser; client-side mermaid would cost
 * ~243 KB gzip per page. Its output needs these fixes applied here: the Google Fonts `@import` is
 * removed (no third-party request, works offline; the page ships Inter itself), boxes are widened
 * where its width estimate is narrower than real Inter (src/markdown/labelFit.ts), marker ids are
 * made unique per diagram (several diagrams share a page), and `accTitle`/`accDescr` lines, which
 * it does not understand, are lifted out and become the SVG's <title>/<desc>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { MissingGlyphError } from './interMetrics.ts';
import { checkFit, paddingNeeded, padLabels, stripPads, svgLabels } from './labelFit.ts';

/** Diagram types the renderer supports; anything else fails the build. */
export const SUPPORTED_DIAGRAMS = [
  'flowchart',
  'graph',
  'sequenceDiagram',
  'stateDiagram',
  'stateDiagram-v2',
  'classDiagram',
  'erDiagram',
  'xychart-beta',
] as const;

export interface MermaidMeta {
  title?: string;
  desc?: string;
}

export interface MermaidAccessibility {
  /** Source with accTitle/accDescr lines removed (what the renderer receives). */
  body: string;
  title?: string;
  desc?: string;
}

const ACC_TITLE = /^\s*accTitle\s*:\s*(.+)$/;
const ACC_DESCR = /^\s*accDescr\s*:\s*(.+)$/;

/** Lift `accTitle:` / `accDescr:` (standard Mermaid accessibility lines) out of the source. */
export function extractAccessibility(source: string): MermaidAccessibility {
  let title: string | undefined;
  let desc: string | undefined;
  const kept: string[] = [];
  for (const line of source.split('\n')) {
    const t = ACC_TITLE.exec(line);
    const d = ACC_DESCR.exec(line);
    if (t) title = t[1]!.trim();
    else if (d) desc = d[1]!.trim();
    else kept.push(line);
  }
  return { body: kept.join('\n'), title, desc };
}

/** Parse `title="..." desc="..."` from a code fence's meta string. */
export function parseFenceMeta(meta: string | null | undefined): MermaidMeta {
  const out: MermaidMeta = {};
  if (!meta) return out;
  const re = /(\w+)=(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(meta); m; m = re.exec(meta)) {
    const key = m[1];
    const value = m[2] ?? m[3] ?? '';
    if (key === 'title') out.title = value;
    if (key === 'desc') out.desc = value;
  }
  return out;
}

export function diagramType(source: string): string {
  const first = source
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('%%'));
  return (first ?? '').split(/\s+/)[0] ?? '';
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The family the SVG names for its text: Inter from @fontsource/inter, declared under this name
 * in src/styles/diagrams.css (weights 400, 500, 600: the renderer's edge, node and header text).
 */
export const DIAGRAM_FONT = 'Lambda Lab Inter';

/** Colours as CSS variables; values per theme live in src/styles/diagrams.css. */
const THEME = {
  bg: 'var(--ll-d-bg)',
  fg: 'var(--ll-d-fg)',
  muted: 'var(--ll-d-muted)',
  line: 'var(--ll-d-line)',
  accent: 'var(--ll-d-accent)',
  surface: 'var(--ll-d-surface)',
  border: 'var(--ll-d-border)',
  transparent: true,
  font: DIAGRAM_FONT,
  // The renderer's default 40 px margin would cost 80 px of a 328 px phone column; the figure has its own.
  padding: 8,
};

export class MermaidError extends Error {}

/** CSS with comments dropped and every run of white space made one space (to compare rule texts). */
export function normalizeCss(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').trim();
}

/** The `selector { declarations }` rules of a stylesheet, normalised (those inside an at-rule too). */
export function cssRules(css: string): string[] {
  return [...normalizeCss(css).matchAll(/[^{}]+\{[^{}]*\}/g)].map((m) => m[0].trim());
}

let siteRules: Set<string> | undefined;
/** The rules of src/styles/diagrams.css, which every page with a diagram loads (read once). */
function diagramsCssRules(): Set<string> {
  // A path, not a URL object: a test environment may replace the global URL (happy-dom does).
  siteRules ??= new Set(cssRules(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../styles/diagrams.css'), 'utf8')));
  return siteRules;
}

/**
 * The SVG without the rules of its `<style>` that src/styles/diagrams.css already has, and without a
 * `<style>` left empty. The renderer writes the same rules (the text font, the colour variables it
 * derives from the theme) into every SVG; inline, each copy is a document stylesheet added while the
 * page is parsed, and each addition makes the browser recompute the style of everything parsed so
 * far. So they live once in diagrams.css; a rule that is not there (another diagram type's, or one
 * the renderer changed) stays inline, and tests/unit/renderMermaid.test.ts notices.
 */
export function withoutSharedRules(svg: string, shared: ReadonlySet<string> = diagramsCssRules()): string {
  return svg.replace(/<style>([\s\S]*?)<\/style>/g, (whole, css: string) => {
    const all = normalizeCss(css);
    let rest = all;
    for (const rule of cssRules(css)) if (shared.has(rule)) rest = rest.replace(rule, '');
    rest = rest.trim();
    return rest === all ? whole : rest ? `<style>${rest}</style>` : '';
  });
}

function renderSvg(body: string): string {
  let svg: string;
  try {
    svg = renderMermaidSVG(body, THEME);
  } catch (e) {
    throw new MermaidError(e instanceof Error ? e.message : String(e));
  }
  if (!svg.startsWith('<svg')) throw new MermaidError('renderer returned no SVG');
  return svg;
}

const labelSet = (svg: string) => svgLabels(svg).map((l) => stripPads(l.raw)).sort().join('\n');

/**
 * Render with every box wide enough for its label in the shipped Inter (src/markdown/labelFit.ts):
 * pad the labels the renderer's estimate makes too narrow, render again, drop the padding, and
 * prove the result. A label that still spills, or padding that changed what the diagram says,
 * fails the build.
 */
function fittedSvg(body: string): string {
  let svg = renderSvg(body);
  const labels = labelSet(svg);
  let padded = body;
  try {
    for (let round = 0; round < 3; round++) {
      const need = paddingNeeded(svg);
      if (need.size === 0) break;
      padded = padLabels(padded, need);
      svg = renderSvg(padded);
    }
  } catch (e) {
    if (e instanceof MissingGlyphError) throw new MermaidError(`a label cannot be measured: ${e.message}`);
    throw e;
  }
  svg = stripPads(svg);
  if (labelSet(svg) !== labels) throw new MermaidError('fitting the labels changed their text; reword a label that repeats inside another');
  const spills = checkFit(svg);
  if (spills.length > 0) throw new MermaidError(`labels do not fit their boxes in Inter: ${spills.join('; ')}`);
  return svg;
}

/**
 * Render one diagram. Throws MermaidError (without file context; the plugin adds
 * file and line) when the type is unsupported or the renderer rejects the source.
 */
export function renderMermaid(source: string, meta: MermaidMeta, idPrefix: string): string {
  const acc = extractAccessibility(source);
  const type = diagramType(acc.body);
  if (!(SUPPORTED_DIAGRAMS as readonly string[]).includes(type)) {
    throw new MermaidError(
      `unsupported diagram type "${type || '(empty)'}"; supported: ${SUPPORTED_DIAGRAMS.join(', ')}`,
    );
  }
  const title = meta.title ?? acc.title;
  const desc = meta.desc ?? acc.desc;
  if (!title) {
    throw new MermaidError('a diagram needs an accessible name: add `accTitle: …` or title="…" to the fence');
  }
  let svg = fittedSvg(acc.body);

  // Unique ids: every id="x" and url(#x) / href="#x" gets the prefix.
  svg = svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${idPrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${idPrefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${idPrefix}-${id}"`);
  // No third-party font request: the page ships Inter itself (src/styles/diagrams.css) under a name
  // of its own, so a different Inter installed on the reader's machine cannot change the widths.
  svg = svg.replace(/@import url\([^)]*\);?/g, '');
  // An inline <style> in an SVG applies to the whole document: scope its bare `svg`/`text`
  // selectors to diagrams, and lift "faint" text (25% mix, too low contrast) to the muted colour.
  svg = svg
    .replace(/(^|[\s}])svg \{/g, '$1.ll-diagram svg {')
    .replace(/(^|[\s}])text \{/g, '$1.ll-diagram text {')
    .replace(/--_text-faint:\s*color-mix\([^;]*\);/g, '--_text-faint: var(--muted);');
  svg = withoutSharedRules(svg);

  // One line: the plugin splices this into Markdown/MDX, where a blank line would end the HTML
  // block and silently drop the rest of the SVG.
  svg = svg.replace(/\s*\n\s*/g, ' ');

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const labelled = desc ? `aria-labelledby="${titleId}" aria-describedby="${descId}"` : `aria-labelledby="${titleId}"`;
  const a11y = `<title id="${titleId}">${escapeXml(title)}</title>${desc ? `<desc id="${descId}">${escapeXml(desc)}</desc>` : ''}`;
  // Natural size from the viewBox: the page never scales a diagram (its labels would shrink).
  const [, , vbWidth = 0, vbHeight = 0] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(/\s+/).map(Number);
  const size = `width="${+vbWidth.toFixed(3)}" height="${+vbHeight.toFixed(3)}"`;
  svg = svg.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${cleaned} ${size} role="img" ${labelled} class="ll-diagram__svg" focusable="false">${a11y}`;
  });
  // The scroll box is in the tab order so a keyboard can scroll it (axe: scrollable-region-focusable).
  const scrollName = escapeXml(`${title} (diagram, scrolls sideways when wider than the page)`);
  return `<figure class="ll-diagram not-content" data-pagefind-ignore data-diagram-type="${escapeXml(type)}"><div class="ll-diagram__scroll" tabindex="0" role="group" aria-label="${scrollName}">${svg}</div>${
    desc ? `<figcaption class="ll-diagram__caption">${escapeXml(desc)}</figcaption>` : ''
  }</figure>`;
}
