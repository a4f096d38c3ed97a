#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that gives the fastest useful failure.
 *   1. astro check        (TypeScript + Astro + MDX type check)
 *   2. vitest unit        (simulator, markdown plugins, widget logic, content sources)
 *   3. vitest examples    (each runnable handler against a local DynamoDB-compatible server)
 *   4. astro build        (the whole site, search index, service worker)
 *   5. vitest browser     (Chromium against the built site; also checks that read dist/)
 * Stops at the first failing step and exits with its code.
 */
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', 'npx', ['astro', 'check']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['example tests', 'npx', ['vitest', 'run', '--project', 'examples']],
  ['build', 'npx', ['astro', 'build']],
  ['browser tests', 'npx', ['vitest', 'run', '--project', 'browser']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs} s (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
