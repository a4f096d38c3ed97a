/**
 * `npm start` in every example: one cold start, then one invocation per sample event, each printed
 * with a Lambda-style REPORT line (Init Duration on the first only), against the in-process local
 * DynamoDB it starts when DYNAMODB_ENDPOINT is unset. Plus the REPORT arithmetic on its own.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleNames, examplePayload } from '~/components/examples/examplePayload.ts';
import { functionSettings, invokeOnce, lambdaContext } from '../../examples/orders-api/local/lambda.ts';

const run = promisify(execFile);
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const REPORT =
  /^REPORT RequestId: [0-9a-f-]{36}\tDuration: (\d+\.\d\d) ms\tBilled Duration: (\d+) ms\tMemory Size: (\d+) MB\tMax Memory Used: (\d+) MB(?:\tInit Duration: (\d+\.\d\d) ms)?$/;

describe('REPORT line', () => {
  it('rounds billed time up to the ms, and bills INIT on the cold start only', async () => {
    const ctx = lambdaContext('f', { memoryMB: 512, timeoutS: 3 });
    const slow = async () => new Promise((r) => setTimeout(() => r('ok'), 20));
    const cold = await invokeOnce(slow, {}, ctx, 100.25);
    const [, duration, billed, memory, , init] = REPORT.exec(cold.report)!;
    expect(cold.response).toBe('ok');
    expect(memory).toBe('512');
    expect(init).toBe('100.25');
    expect(Number(billed)).toBe(Math.ceil(Number(duration) + 100.25));
    const warm = await invokeOnce(slow, {}, ctx);
    const m = REPORT.exec(warm.report)!;
    expect(m[5]).toBeUndefined();
    expect(Number(m[2])).toBeGreaterThanOrEqual(Number(m[1]));
    expect(Number(m[2]) - Number(m[1])).toBeLessThan(1.01);
  });

  it('reports a thrown error in Lambda\'s shape', async () => {
    const res = await invokeOnce(async () => Promise.reject(new RangeError('boom')), {}, lambdaContext());
    expect(res).toMatchObject({ failed: true, response: { errorType: 'RangeError', errorMessage: 'boom' } });
  });

  it('reads MemorySize and Timeout from template.yaml, with Lambda\'s defaults otherwise', () => {
    expect(functionSettings('Globals:\n  Function:\n    MemorySize: 1024\n    Timeout: 30\n')).toEqual({ memoryMB: 1024, timeoutS: 30 });
    expect(functionSettings('Resources: {}')).toEqual({ memoryMB: 128, timeoutS: 3 });
  });
});

describe.each(exampleNames())('npm start in %s', (name) => {
  it('invokes the handler once per sample event, with a REPORT line each and Init Duration first', { timeout: 60_000 }, async () => {
    const dir = path.join(EXAMPLES_DIR, name);
    const pkg = JSON.parse(examplePayload(name)['package.json']!) as { scripts: { start: string } };
    // "tsx local/invoke.ts a && tsx local/invoke.ts b": run each command the script chains.
    const commands = pkg.scripts.start.split('&&').map((c) => c.trim().split(/\s+/).slice(1));
    const events = Object.keys(examplePayload(name)).filter((f) => /^events\/.+\.json$/.test(f)).length;
    const env = { ...process.env };
    delete env.DYNAMODB_ENDPOINT;
    for (const args of commands) {
      const { stdout } = await run(process.execPath, [tsxCli, ...args], { cwd: dir, env });
      expect(stdout).toMatch(/^Started a local DynamoDB \(dynalite\) at http:\/\/127\.0\.0\.1:\d+$/m);
      const reports = stdout.split('\n').filter((l) => l.startsWith('REPORT '));
      expect(reports).toHaveLength(events);
      reports.forEach((line, i) => {
        const m = REPORT.exec(line);
        expect(m, line).toBeTruthy();
        expect(m![3]).toBe(String(functionSettings(examplePayload(name)['template.yaml']).memoryMB));
        expect(m![5] !== undefined, `Init Duration only on the first call: ${line}`).toBe(i === 0);
      });
    }
  });
});
