// @ts-check
/**
 * Expressive Code plugin (registered in ec.config.mjs): each code block group says how big it is, so
 * that the browser can hold its exact place before rendering it.
 *
 * Why: code blocks below the fold are not rendered until they come near (src/styles/quality.css,
 * `content-visibility: auto`), and until then they are laid out at their `contain-intrinsic-size`.
 * With one estimate for every block (16rem), a link to a heading landed far from it on a desktop: a
 * 50-line example above the heading, rendered as the page scrolled there, grew from 256 to 1,236 px
 * and pushed the heading below the screen (10 of 95 heading links at 1280 px), and Chromium did not
 * compensate. A block's height is its lines times the code line height plus its frame (borders,
 * padding and, when it has one, the title bar), so the counts are enough for quality.css to compute it.
 *
 * Shape: the group's wrapper `<div class="expressive-code">` gets
 * `style="--ll-code-lines: <lines in all its blocks>; --ll-code-blocks: <blocks>; --ll-code-titled: <blocks with a title bar>"`.
 * Plain .mjs because ec.config.mjs is also loaded on its own by the <Code> component.
 */

/** @param {any} el @returns {string[]} */
const classesOf = (el) => {
  const c = el?.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

/**
 * The custom properties for one group, from its blocks' line counts and rendered frames.
 * @param {{ lines: number, frameClasses: string[] }[]} blocks
 */
export function codeSizeStyle(blocks) {
  const lines = blocks.reduce((n, b) => n + b.lines, 0);
  // An editor frame with a title and a terminal frame both draw a title bar; a plain frame does not.
  const titled = blocks.filter((b) => b.frameClasses.includes('has-title') || b.frameClasses.includes('is-terminal')).length;
  return `--ll-code-lines:${lines};--ll-code-blocks:${blocks.length};--ll-code-titled:${titled}`;
}

/** @returns {import('@expressive-code/core').ExpressiveCodePlugin} */
export function codeSize() {
  return {
    name: 'lambda-lab:code-size',
    hooks: {
      postprocessRenderedBlockGroup: ({ renderedGroupContents, renderData }) => {
        const style = codeSizeStyle(
          renderedGroupContents.map(({ codeBlock, renderedBlockAst }) => ({ lines: codeBlock.getLines().length, frameClasses: classesOf(renderedBlockAst) })),
        );
        const group = renderData.groupAst;
        const before = group.properties?.style ? `${String(group.properties.style).replace(/;?\s*$/, ';')}` : '';
        group.properties = { ...group.properties, style: before + style };
      },
    },
  };
}
