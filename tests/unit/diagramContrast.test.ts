/**
 * Diagram colours (src/styles/diagrams.css) against the page background in both themes:
 * text (fg, muted) at least 4.5:1 (WCAG AA), lines and borders at least 3:1 (WCAG 1.4.11),
 * also on the backgrounds the renderer mixes itself (subgraph headers: fg 5% into bg) and where
 * the scroll box's edge shade lies under a label at its strongest.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '~/lib/color/contrast.ts';

const css = fs.readFileSync('src/styles/diagrams.css', 'utf8');
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--ll-d-([a-z]+):\s*(#[0-9a-f]{6}|rgb\([^)]*\))/gi)].map((m) => [m[1]!, m[2]!]));
}
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
/** `color-mix(in srgb, a p, b)` and alpha compositing are the same linear blend of sRGB channels. */
const mix = (a: string, p: number, b: string) => hex(rgb(a).map((v, i) => v * p + rgb(b)[i]! * (1 - p)));
/** `rgb(r g b / a)` composited over an opaque colour. */
function over(rgba: string, base: string): string {
  const [r, g, b, a] = rgba.match(/[\d.]+/g)!.map(Number);
  return mix(hex([r!, g!, b!]), a!, base);
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
  for (const [name, t] of Object.entries(themes)) {
    it(`${name}: labels keep 4.5:1 on subgraph headers and under the scroll shade`, () => {
      const header = mix(t.vars.fg!, 0.05, t.vars.bg!);
      const shaded = over(t.vars.shade!, t.page);
      for (const bg of [header, shaded]) {
        expect(contrastRatio(t.vars.fg!, bg), bg).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(t.vars.muted!, bg), bg).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
  it('mixing helpers: half black and white is mid grey', () => {
    expect(mix('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(over('rgb(0 0 0 / 0.25)', '#ffffff')).toBe('#bfbfbf');
  });
  it('contrastRatio matches known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
