/**
 * Browser-project setup: serve the built site (dist/) on a free loopback port with the same
 * static server `npm start` uses, and find Chromium.
 *
 * Provides (vitest `inject`): `baseUrl` (e.g. http://127.0.0.1:41234) and `chromiumPath`
 * (string, or '' when no browser exists). With CI=true a missing browser is a failure here,
 * never a silent skip; outside CI the browser tests skip with a visible message.
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** The built site to test: dist/, or LL_DIST when set (lets a developer test a build kept elsewhere). */
export const distDir = (): string => process.env.LL_DIST || 'dist';

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p)) ?? '';
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const msg =
      'No Chromium found (set CHROME_PATH or `apt-get install -y chromium`): browser tests cannot run.';
    if (process.env.CI === 'true') throw new Error(`${msg} CI=true, so this is a failure.`);
    console.warn(`\n⚠️  ${msg} Skipping them (outside CI only).\n`);
  }
  const server = await startServer({ root: distDir(), port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
