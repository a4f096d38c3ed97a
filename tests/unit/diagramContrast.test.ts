/**
 * Diagram colours (src/styles/diagrams.css) against the page background in both themes:
 * text (fg, muted) at least 4.5:1 (WCAG AA), lines and borders at least 3:1 (WCAG 1.4.11).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '~/lib/color/contrast.ts';

const css = fs.readFileSync('src/styles/diagrams.css', 'utf8');
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--ll-d-([a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}
// Starlight's page backgrounds: dark hsl(224, 10%, 10%) = #17181c, light #ffffff.
const themes = { dark: { vars: block(':root'), page: '#17181c' }, light: { vars: block(":root[data-theme='light']"), page: '#ffffff' } };

describe('diagram colours', () => {
  for (const [name, t] of Object.entries(themes)) {
    it(`${name}: text reaches 4.5:1 and strokes 3:1 on the page and label backgrounds`, () => {
      for (const bg of [t.page, t.vars.bg!, t.vars.surface!]) {
        expect(contrastRatio(t.vars.fg!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(t.vars.muted!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(t.vars.line!, bg)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(t.vars.border!, bg)).toBeGreaterThanOrEqual(3);
      }
    });
  }
  it('contrastRatio matches known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
