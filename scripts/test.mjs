#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that gives the fastest useful failure.
 *   1. astro check        (TypeScript + Astro + MDX type check)
 *      sim purity         (src/sim without cli/ type-checks with the ECMAScript library only: no DOM, no Node)
 *   2. vitest unit        (simulator, markdown plugins, widget logic, content sources)
 *   3. vitest examples    (each runnable handler against a local DynamoDB-compatible server)
 *   4. astro build        (the whole site, search index, CSP, link check, service worker)
 *   5. vitest browser     (Chromium against the built site; also checks that read dist/)
 * Stops at the first failing step and exits with its code. Each vitest step also writes a JSON report
 * (node_modules/.cache/lambda-lab-tests/<project>.json); the last line totals them as
 * "tests: N passed, N failed, N skipped" so a CI log states how many tests ran.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const reportDir = path.join('node_modules', '.cache', 'lambda-lab-tests');
fs.rmSync(reportDir, { recursive: true, force: true });
fs.mkdirSync(reportDir, { recursive: true });

const vitest = (project) => [
  'npx',
  ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reportDir, `${project}.json`)}`],
];
const steps = [
  ['type check', 'npx', ['astro', 'check']],
  ['sim purity (compiler)', 'npx', ['tsc', '-p', 'src/sim/tsconfig.json', '--noEmit']],
  ['unit tests', ...vitest('unit')],
  ['example tests', ...vitest('examples')],
  ['build', 'npx', ['astro', 'build']],
  ['browser tests', ...vitest('browser')],
];

function totals() {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for (const f of fs.readdirSync(reportDir)) {
    const r = JSON.parse(fs.readFileSync(path.join(reportDir, f), 'utf8'));
    t.passed += r.numPassedTests ?? 0;
    t.failed += r.numFailedTests ?? 0;
    t.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  return t;
}
const summary = () => {
  const t = totals();
  return `tests: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;
};

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs} s (exit ${r.status ?? r.signal}).`);
    console.log(summary());
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(summary());
