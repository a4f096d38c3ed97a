/**
 * The Expressive Code plugin that writes each code block group's size counts (src/integrations/codeSize.mjs),
 * which src/styles/quality.css turns into the height the block holds before it is rendered.
 * tests/browser/offscreenBlocks.test.ts checks the resulting heights and heading links in a browser.
 */
import { describe, expect, it } from 'vitest';
import { codeSize, codeSizeStyle } from '~/integrations/codeSize.mjs';

interface El {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: El[];
}
const el = (tagName: string, properties: Record<string, unknown> = {}): El => ({ type: 'element', tagName, properties, children: [] });
const block = (lines: number, frameClasses: string[]) => ({
  codeBlock: { getLines: () => Array.from({ length: lines }, () => ({})) },
  renderedBlockAst: el('figure', { className: frameClasses }),
});

/** Runs the plugin's hook on a group as Expressive Code would hand it over. */
function runHook(groupAst: El, blocks: ReturnType<typeof block>[]) {
  const hook = codeSize().hooks!.postprocessRenderedBlockGroup as unknown as (ctx: unknown) => void;
  hook({ renderedGroupContents: blocks, renderData: { groupAst }, pluginStyles: [], addStyles: () => {} });
  return groupAst.properties.style;
}

describe('code block size counts', () => {
  it('sums lines over the blocks of a group and counts the frames that draw a title bar', () => {
    expect(codeSizeStyle([{ lines: 48, frameClasses: ['frame', 'has-title'] }])).toBe('--ll-code-lines:48;--ll-code-blocks:1;--ll-code-titled:1');
    expect(
      codeSizeStyle([
        { lines: 4, frameClasses: ['frame', 'is-terminal', 'has-title'] },
        { lines: 10, frameClasses: ['frame'] },
      ]),
    ).toBe('--ll-code-lines:14;--ll-code-blocks:2;--ll-code-titled:1');
  });

  it('writes the counts on the group wrapper, after any style it already has', () => {
    expect(runHook(el('div', { className: ['expressive-code'] }), [block(12, ['frame', 'has-title'])])).toBe('--ll-code-lines:12;--ll-code-blocks:1;--ll-code-titled:1');
    expect(runHook(el('div', { style: 'color: red' }), [block(3, ['frame'])])).toBe('color: red;--ll-code-lines:3;--ll-code-blocks:1;--ll-code-titled:0');
  });
});
