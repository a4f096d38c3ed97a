import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '~': fileURLToPath(new URL('./src', import.meta.url)) };

/**
 * Three projects, run in this order by `npm test` (scripts/test.mjs):
 * - unit:     pure logic (simulator, markdown plugins, widget logic, content checks on sources)
 * - examples: each runnable handler in examples/<name>/test (real local DynamoDB-compatible server)
 * - browser:  Chromium via playwright-core against the built site in dist/ (needs `astro build` first)
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/sim/**/*.test.ts', 'tests/widgets/**/*.test.ts'],
          environment: 'node',
          // Statistical runs take 1–3 s on an idle 2-core machine; a loaded one (parallel builds) can be
          // several times slower. A timeout is not an assertion: speed is measured by `npm run bench:sim`.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'examples',
          include: ['examples/*/test/**/*.test.ts', 'tests/examples/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
