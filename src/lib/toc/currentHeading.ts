/**
 * Index of the current section's heading: the last heading whose top edge is above `line` (px from the
 * viewport top), given each heading's top in document order (NaN for a heading that is not rendered,
 * e.g. inside a closed `<details>`: skipped); -1 when none is. A pure function so the rule is
 * unit-tested without a browser (tests/unit/currentHeading.test.ts).
 */
export function currentHeadingIndex(tops: readonly number[], line: number): number {
  let current = -1;
  for (let i = 0; i < tops.length; i++) {
    const top = tops[i]!;
    if (Number.isNaN(top)) continue;
    if (top < line) current = i;
    else break;
  }
  return current;
}
