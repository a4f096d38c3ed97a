/**
 * `npm start`: load the handler once (a cold start), then invoke it with every event in events/,
 * in name order, printing each response and a Lambda-style REPORT line.
 *
 *   tsx local/invoke.ts [handler file, default src/handler.ts]
 *
 * With no DYNAMODB_ENDPOINT set it starts a local DynamoDB in this process (no AWS account needed,
 * works in StackBlitz). Set DYNAMODB_ENDPOINT (e.g. http://localhost:8000 for DynamoDB Local) to use
 * another server; the tables are created there if missing. This file is the same in every example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { prepareTables, startLocalDynamo, useLocalEnvironment } from './dynamo.ts';
import { functionSettings, invokeOnce, lambdaContext, type Handler } from './lambda.ts';

const handlerFile = process.argv[2] ?? 'src/handler.ts';
const functionName = path.basename(process.cwd()) + (handlerFile === 'src/handler.ts' ? '' : `-${path.basename(handlerFile, '.ts')}`);
const settings = functionSettings();

let local: Awaited<ReturnType<typeof startLocalDynamo>> | undefined;
if (process.env.DYNAMODB_ENDPOINT) {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  useLocalEnvironment(endpoint);
  await prepareTables(endpoint, true);
  console.log(`Using DynamoDB at ${endpoint}\n`);
} else {
  local = await startLocalDynamo({ seed: true });
  useLocalEnvironment(local.endpoint);
  console.log(`Started a local DynamoDB (dynalite) at ${local.endpoint}\n`);
}

// The INIT phase: importing the module runs everything outside the handler.
const initStart = performance.now();
const { handler } = (await import(pathToFileURL(path.resolve(handlerFile)).href)) as { handler: Handler };
let initMs: number | undefined = performance.now() - initStart;

let failures = 0;
for (const file of readdirSync('events').filter((f) => f.endsWith('.json')).sort()) {
  const event: unknown = JSON.parse(readFileSync(path.join('events', file), 'utf8'));
  const context = lambdaContext(functionName, settings);
  console.log(`── ${handlerFile} ← events/${file}`);
  console.log(`START RequestId: ${context.awsRequestId} Version: $LATEST`);
  const result = await invokeOnce(handler, event, context, initMs);
  initMs = undefined;
  if (result.failed) failures++;
  console.log(JSON.stringify(result.response, null, 2));
  console.log(`END RequestId: ${context.awsRequestId}`);
  console.log(result.report + '\n');
}
if (failures) console.log(`${failures} invocation(s) threw: in AWS these would count as errors (and async ones would be retried).`);
await local?.close();
