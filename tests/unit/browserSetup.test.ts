/** The browser suites never skip silently in CI, and find Chromium where the README says. */
import { afterEach, describe, expect, it } from 'vitest';
import { browserPolicy } from '../browser/globalSetup.ts';
import { findChromium } from '../../scripts/chromium.mjs';

describe('browser test setup', () => {
  const saved = process.env.CHROME_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  });

  it('fails under CI=true when there is no Chromium', () => {
    expect(() => browserPolicy('', { CI: 'true' })).toThrow(/No Chromium found.*CI=true, so this is a failure/);
  });

  it('skips with a visible message outside CI, and runs when a browser exists', () => {
    expect(browserPolicy('', {})).toMatch(/Skipping them \(outside CI only\)/);
    expect(browserPolicy('/usr/bin/chromium', { CI: 'true' })).toBe('');
  });

  it('prefers CHROME_PATH when it points at a file', () => {
    process.env.CHROME_PATH = process.execPath; // any existing file stands in for a browser binary
    expect(findChromium()).toBe(process.execPath);
  });
});
