import { describe, expect, it } from 'vitest';
import { mergeTokenSpans } from '~/integrations/leanCode.mjs';

/** The slice of hast these tests build: elements with properties, and text nodes. */
interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { style?: string; className?: string[] };
  children?: Node[];
}

const tok = (style: string, value: string): Node => ({ type: 'element', tagName: 'span', properties: { style }, children: [{ type: 'text', value }] });
const line = (...children: Node[]): Node => ({ type: 'element', tagName: 'div', properties: { className: ['code'] }, children });
const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');

describe('mergeTokenSpans (Expressive Code: fewer spans, same text and colours)', () => {
  it('merges neighbours of the same style and lets whitespace join a neighbour', () => {
    const a = '--0:#111;--1:#222';
    const b = '--0:#333;--1:#444';
    const node = line(tok(a, 'const'), tok(b, ' '), tok(b, 'x'), tok(b, ' '), tok(a, '='), tok(a, ' 1'));
    const before = text(node);
    const r = mergeTokenSpans(node);
    expect(text(node)).toBe(before);
    expect(node.children!.map((c) => [c.properties?.style, text(c)])).toEqual([
      [a, 'const '],
      [b, 'x '],
      [a, '= 1'],
    ]);
    expect(r).toEqual({ before: 6, after: 3 });
  });

  it('leaves structural spans (indent, markers) and their content alone', () => {
    const a = '--0:#111';
    const indent: Node = { type: 'element', tagName: 'span', properties: { className: ['indent'] }, children: [tok(a, '  ')] };
    const node = line(indent, tok(a, 'x'), tok(a, 'y'));
    mergeTokenSpans(node);
    expect(node.children![0]).toBe(indent);
    expect(node.children).toHaveLength(2);
    expect(text(node)).toBe('  xy');
  });
});
