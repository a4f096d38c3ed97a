/**
 * Where Chromium is and how to start it here, shared by the browser tests (tests/browser/) and
 * `npm run audit` (scripts/lighthouse.mjs). Flags from ../shared/STACK-NOTES.md: what works as root in
 * a sandbox with no network but the package registries (without the background-networking flags
 * Chromium keeps trying to reach Google's hosts).
 */
import fs from 'node:fs';

/** Launch flags, headless mode excluded (Playwright and Lighthouse each add their own). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** CHROME_PATH, else the usual system locations; '' when there is no browser. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => !!p && fs.existsSync(p)) ?? '';
}
