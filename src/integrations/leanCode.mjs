// @ts-check
/**
 * Expressive Code plugin (registered in ec.config.mjs): fewer elements per highlighted code block,
 * same look. Expressive Code wraps every token in its own <span style="--0:…;--1:…"> (the colours of
 * the dark and light themes), so a 50-line handler is some 450 elements, and a page with four
 * runnable examples had thousands (Lighthouse: DOM size and the main-thread time it costs).
 *
 * Within each line, neighbouring token spans are merged when they have the same style, and a
 * whitespace-only token joins its neighbour (whitespace has no visible colour). Only plain token spans
 * (a `style` and text, no class) are touched: the line, indent and marker structure stays as it is.
 * Plain .mjs because ec.config.mjs is also loaded on its own by the <Code> component.
 */

/** @param {any} n */
const isToken = (n) =>
  n?.type === 'element' &&
  n.tagName === 'span' &&
  !n.properties?.className &&
  Object.keys(n.properties ?? {}).every((k) => k === 'style') &&
  (n.children ?? []).every((/** @type {any} */ c) => c.type === 'text');

/** @param {any} n */
const textOf = (n) => n.children.map((/** @type {any} */ c) => c.value).join('');
/** @param {any} n @param {string} value */
const setText = (n, value) => {
  n.children = [{ type: 'text', value }];
};

/** @param {any} node @returns {{ before: number, after: number }} */
export function mergeTokenSpans(node) {
  let before = 0;
  let after = 0;
  /** @param {any} n */
  const walk = (n) => {
    if (!n.children) return;
    /** @type {any[]} */
    const out = [];
    for (const c of n.children) {
      if (isToken(c)) before++;
      const prev = out[out.length - 1];
      if (isToken(c) && isToken(prev)) {
        const blankPrev = textOf(prev).trim() === '';
        const blankCur = textOf(c).trim() === '';
        if (prev.properties.style === c.properties.style || blankCur) {
          setText(prev, textOf(prev) + textOf(c));
          continue;
        }
        if (blankPrev) {
          setText(c, textOf(prev) + textOf(c));
          out[out.length - 1] = c;
          continue;
        }
      }
      out.push(c);
    }
    n.children = out;
    for (const c of out) {
      if (isToken(c)) after++;
      else walk(c);
    }
  };
  walk(node);
  return { before, after };
}

/** @returns {import('@expressive-code/core').ExpressiveCodePlugin} */
export function leanCode() {
  return {
    name: 'lambda-lab:lean-code',
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        mergeTokenSpans(renderData.blockAst);
      },
    },
  };
}
