/**
 * Browser-project setup: serve the built site (dist/) on a free loopback port with the same
 * static server `npm start` uses, and find Chromium.
 *
 * Provides (vitest `inject`): `baseUrl` (e.g. http://127.0.0.1:41234) and `chromiumPath`
 * (string, or '' when no browser exists). With CI=true a missing browser is a failure here,
 * never a silent skip; outside CI the browser tests skip with a visible message.
 */
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';
import { findChromium } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** The built site to test: dist/, or LL_DIST when set (lets a developer test a build kept elsewhere). */
export const distDir = (): string => process.env.LL_DIST || 'dist';

/**
 * What to do when no browser exists: under CI=true that is a failure (thrown), never a silent skip;
 * elsewhere the suites skip visibly. Returns the warning to print, or '' when a browser exists.
 */
export function browserPolicy(chromiumPath: string, env: Record<string, string | undefined>): string {
  if (chromiumPath) return '';
  const msg = 'No Chromium found (set CHROME_PATH or `apt-get install -y chromium`): browser tests cannot run.';
  if (env.CI === 'true') throw new Error(`${msg} CI=true, so this is a failure.`);
  return `\n⚠️  ${msg} Skipping them (outside CI only).\n`;
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const warning = browserPolicy(chromiumPath, process.env);
  if (warning) console.warn(warning);
  const server = await startServer({ root: distDir(), port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
