// @ts-check
/**
 * Expressive Code plugin (registered in ec.config.mjs): every code block's <pre> can take keyboard
 * focus (tabindex="0"), so a keyboard user can scroll a long line sideways (axe:
 * scrollable-region-focusable). The focus ring comes from src/styles/theme.css (`:focus-visible`).
 * Plain .mjs because ec.config.mjs is also loaded on its own by the <Code> component.
 */

/** @param {any} node @returns {any} */
function findPre(node) {
  if (node.type === 'element' && node.tagName === 'pre') return node;
  for (const c of node.children ?? []) {
    const hit = findPre(c);
    if (hit) return hit;
  }
  return undefined;
}

/** @returns {import('@expressive-code/core').ExpressiveCodePlugin} */
export function focusableCode() {
  return {
    name: 'lambda-lab:focusable-code',
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const pre = findPre(renderData.blockAst);
        if (pre) pre.properties = { ...pre.properties, tabindex: 0 };
      },
    },
  };
}
