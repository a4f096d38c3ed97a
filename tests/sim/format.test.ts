import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DASH, formatCompact, formatCost, formatCount, formatDuration, formatNumber, formatPercent, formatQuantity, formatRate,
  formatSeconds, formatUsd, quoteInput,
} from '~/sim/index.ts';

const ALL = [formatNumber, formatCount, formatQuantity, formatPercent, formatCompact, formatUsd, formatCost, formatRate, formatSeconds, formatDuration];

describe('format module', () => {
  it('groups digits without a locale', () => {
    expect(formatNumber(3_000_000)).toBe('3,000,000');
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatCount(2_678_400.4)).toBe('2,678,400');
    expect(formatCount(999.5)).toBe('1,000');
    expect(formatNumber(-1234.5)).toBe('−1,234.5');
  });
  it('prints quantities as the CLI bill does', () => {
    expect(formatQuantity(3_000_000)).toBe('3,000,000');
    expect(formatQuantity(187_500.4)).toBe('187,500.4');
    expect(formatQuantity(0.0416666)).toBe('0.04167');
    expect(formatQuantity(1.23456e-7)).toBe('0.0000001235');
  });
  it('prints money: cents, sub-cent costs, unit rates', () => {
    expect(formatUsd(18.334)).toBe('$18.33');
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(0.0016667)).toBe('$0.001667');
    expect(formatCost(0.005)).toBe('$0.005000');
    expect(formatCost(1.5e-9)).toBe('$0.0000000015');
    expect(formatCost(1234.567)).toBe('$1,234.57');
    expect(formatRate(0.0000166667)).toBe('$0.0000166667');
    expect(formatRate(0.2)).toBe('$0.2');
  });
  it('prints percentages and durations', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.0762, 2)).toBe('7.62%');
    expect(formatSeconds(4983.57)).toBe('4,983.6 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(750)).toBe('12.5 min');
    expect(formatDuration(2_678_400)).toBe('31 days');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatCompact(10240)).toBe('10.2k');
  });
  it('never prints "NaN", "Infinity" or "-0", for any number', () => {
    for (const f of ALL) for (const x of [NaN, Infinity, -Infinity]) expect(f(x)).toBe(DASH);
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (x) => {
        for (const f of ALL) {
          const s = f(x);
          expect(s).not.toMatch(/NaN|Infinity/);
          expect(s).not.toMatch(/\de[+-]?\d/);
          if (/^[−-]/.test(s)) expect(s).toMatch(/[1-9]/);
          expect(s).not.toMatch(/-/);
        }
      }),
    );
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatPercent(-0.00001)).toBe('0.0%');
    expect(formatUsd(-0.001)).toBe('$0.00');
    expect(formatQuantity(-0)).toBe('0');
    expect(formatRate(-1e-20)).toBe('$0');
  });
});

describe('quoteInput', () => {
  it('quotes like JSON for ordinary text', () => {
    expect(quoteInput('lots')).toBe('"lots"');
    expect(quoteInput('a"b\\c\n')).toBe(JSON.stringify('a"b\\c\n'));
  });
  it('escapes terminal control sequences, C1 controls and bidi overrides', () => {
    const q = quoteInput('\u001b[2J\u009b31m\u202eevil\u0007');
    expect(q).toBe('"\\u001b[2J\\u009b31m\\u202eevil\\u0007"');
    // eslint-disable-next-line no-control-regex
    expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
  it('cuts long values and says how long they were', () => {
    const q = quoteInput('x'.repeat(10_000));
    expect(q).toBe(`"${'x'.repeat(60)}…" (10,000 characters)`);
    expect(quoteInput('😀'.repeat(61)).startsWith(`"${'😀'.repeat(60)}…"`)).toBe(true);
  });
});
