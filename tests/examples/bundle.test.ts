/**
 * "Deploys to AWS unchanged": bundle each function the way `sam build` does with the esbuild
 * settings in its template.yaml (ESM, .mjs, es2023, minified, createRequire banner), copy the
 * bundle to a folder with no node_modules (like a Lambda deployment package), and run it in a
 * separate Node 24 process against a local DynamoDB with the example's first sample event.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleNames, examplePayload } from '~/components/examples/examplePayload.ts';
import { templateFunctions } from './templateFunctions.ts';

const run = promisify(execFile);
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bundle-'));
afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

/** The BuildProperties every template.yaml uses; the test fails if a template drifts from them. */
const SAM_BUILD_PROPERTIES = [
  'BuildMethod: esbuild',
  'Format: esm',
  '- .js=.mjs',
  'Target: es2023',
  'Minify: true',
  "- js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
];

const INVOKE = `
console.log = (...args) => process.stderr.write(args.join(' ') + '\\n'); // stdout carries only the result
const [bundle, eventFile] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { handler } = await import(bundle);
const context = { awsRequestId: 'bundle-test', functionName: 'bundle-test', getRemainingTimeInMillis: () => 10000 };
const result = await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context);
process.stdout.write(JSON.stringify(result));
`;

/** What the first sample event of each function must produce. */
const EXPECTED: Record<string, (result: any) => void> = {
  'orders-api/handler': (r) => expect(r.statusCode).toBe(201),
  's3-object-created/handler': (r) => expect(r.recorded).toEqual(['holiday/beach day (1).jpg']),
  'sqs-batch/handler': (r) => expect(r).toEqual({ batchItemFailures: [] }),
  'scheduled-cleanup/handler': (r) => expect(r.deleted).toBe(3),
  'init-outside-handler/before': (r) => expect(JSON.parse(r.body).hits).toBe(1),
  'init-outside-handler/after': (r) => expect(JSON.parse(r.body).hits).toBe(1),
  'async-idempotent/handler': (r) => expect(r).toEqual({ status: 'charged', orderId: '123' }),
};

describe.each(exampleNames())('%s, bundled like sam build', (name) => {
  const dir = path.join(EXAMPLES_DIR, name);
  const files = examplePayload(name);
  const { handlers } = templateFunctions(files['template.yaml']!);
  const firstEvent = Object.keys(files).filter((f) => f.startsWith('events/')).sort()[0]!;

  it('uses the shared esbuild settings in template.yaml', () => {
    for (const line of SAM_BUILD_PROPERTIES) expect(files['template.yaml']).toContain(line);
  });

  it.each(handlers)(`%s.mjs runs on its own with ${firstEvent}`, async (handlerName) => {
    const outdir = path.join(outRoot, name, handlerName);
    await build({
      entryPoints: [path.join(dir, 'src', `${handlerName}.ts`)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'es2023',
      minify: true,
      outdir,
      outExtension: { '.js': '.mjs' },
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    const bundle = path.join(outdir, `${handlerName}.mjs`);
    expect(fs.readdirSync(outdir)).toEqual([`${handlerName}.mjs`]);

    const { startLocalDynamo } = (await import(path.join(dir, 'local/dynamo.ts'))) as typeof import('../../examples/orders-api/local/dynamo.ts');
    const { environment } = (await import(path.join(dir, 'local/tables.ts'))) as { environment: Record<string, string> };
    const local = await startLocalDynamo({ seed: true });
    try {
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', INVOKE, bundle, path.join(dir, firstEvent)], {
        cwd: outdir,
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          DYNAMODB_ENDPOINT: local.endpoint,
          ...environment,
        },
      });
      EXPECTED[`${name}/${handlerName}`]!(JSON.parse(stdout));
    } finally {
      await local.close();
    }
  });
});
