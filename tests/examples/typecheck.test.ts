/**
 * The examples type-check (strict, with the tsconfig.json they all share): the handlers, the tests, and the
 * sample events in events/ against the @types/aws-lambda event types (test/events.ts assigns each
 * JSON file to its event type, so an event that does not have AWS's shape fails here).
 * One tsc program for all of them (tsconfig.examples.json): six separate runs take far longer.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('examples type-check', () => {
  it('tsc --noEmit over every example', { timeout: 120_000 }, async () => {
    const project = path.join(import.meta.dirname, 'tsconfig.examples.json');
    const result = await run(process.execPath, [tsc, '--noEmit', '-p', project]).then(
      () => '',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe('');
  });
});
