import { describe, expect, it } from 'vitest';
import { currentHeadingIndex } from '../../src/lib/toc/currentHeading.ts';

describe('currentHeadingIndex: the table of contents marks the last heading above the reading line', () => {
  it('is -1 at the top of a page, before any heading reaches the line', () => {
    expect(currentHeadingIndex([200, 900, 1500], 120)).toBe(-1);
  });
  it('is the last heading whose top is above the line', () => {
    expect(currentHeadingIndex([-800, -20, 119, 121, 600], 120)).toBe(2);
  });
  it('skips headings that are not rendered (NaN) without ending the search', () => {
    expect(currentHeadingIndex([-500, NaN, -100, 300], 120)).toBe(2);
  });
  it('is the last heading when every heading is above the line', () => {
    expect(currentHeadingIndex([-3000, -2000, -1000], 120)).toBe(2);
  });
});
