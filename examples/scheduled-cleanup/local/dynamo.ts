/**
 * A local DynamoDB for `npm start` and the tests: dynalite, a DynamoDB-compatible server written in
 * JavaScript that keeps tables in memory, listening on a free loopback port (127.0.0.1, port 0).
 * The handler's AWS SDK client reaches it through its `endpoint` setting (env DYNAMODB_ENDPOINT),
 * so the code that runs here is the code that runs in Lambda. Nothing is mocked.
 *
 * Tables are created with plain HTTP calls to DynamoDB's JSON API rather than with the AWS SDK, so
 * that the SDK is first loaded by the handler itself and its cost shows up in "Init Duration".
 * The tables and environment come from ./tables.ts (a copy of what template.yaml creates).
 * This file is the same in every example (a test checks it), so each folder stays self-contained.
 */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { environment, seedItems, tables } from './tables.ts';

export interface LocalDynamo {
  /** e.g. http://127.0.0.1:41234 */
  endpoint: string;
  /** TCP connections the server has accepted so far (each new SDK client opens its own). */
  connections(): number;
  close(): Promise<void>;
}

/** Start dynalite on a free loopback port and create the example's tables in it. */
export async function startLocalDynamo(options: { seed?: boolean } = {}): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await prepareTables(endpoint, options.seed ?? false);
  return {
    endpoint,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.(); // Node ≥ 18.2; absent in some WebContainer builds
        server.close(() => resolve());
      }),
  };
}

/** Create the tables (skipping ones that exist) and, if asked, write the sample items. */
export async function prepareTables(endpoint: string, seed: boolean): Promise<void> {
  for (const table of tables) {
    const res = await call(endpoint, 'CreateTable', table);
    if (!res.ok && !(await res.text()).includes('ResourceInUseException')) {
      throw new Error(`CreateTable ${table.TableName} failed: HTTP ${res.status}`);
    }
    await waitForTable(endpoint, table.TableName!, 'ACTIVE');
  }
  if (!seed) return;
  for (const [table, items] of Object.entries(seedItems)) {
    for (const Item of items) {
      const res = await call(endpoint, 'PutItem', { TableName: table, Item });
      if (!res.ok) throw new Error(`PutItem into ${table} failed: ${await res.text()}`);
    }
  }
}

/** Delete the tables and wait until they are gone (tests use it to cause a real fault). */
export async function dropTables(endpoint: string): Promise<void> {
  for (const { TableName } of tables) {
    await call(endpoint, 'DeleteTable', { TableName });
    await waitForTable(endpoint, TableName!, 'GONE');
  }
}

/** Drop and create the tables again: an empty (or freshly seeded) start for a test. */
export async function resetTables(endpoint: string, seed = false): Promise<void> {
  await dropTables(endpoint);
  await prepareTables(endpoint, seed);
}

/** Table changes are asynchronous in DynamoDB (and in dynalite): poll DescribeTable until done. */
async function waitForTable(endpoint: string, TableName: string, want: 'ACTIVE' | 'GONE'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const res = await call(endpoint, 'DescribeTable', { TableName });
    const body = (await res.json()) as { Table?: { TableStatus?: string } };
    if (want === 'GONE' ? res.status === 400 && !body.Table : body.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`Table ${TableName} did not become ${want}`);
}

/** One call to DynamoDB's JSON API. A local server needs an Authorization header but checks no signature. */
function call(endpoint: string, operation: string, body: unknown): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${operation}`,
      Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
      'X-Amz-Date': '20260101T000000Z',
    },
    body: JSON.stringify(body),
  });
}

/**
 * Give this process the environment template.yaml gives the function, pointed at `endpoint`.
 * Call it before importing the handler: handlers read their configuration at init.
 */
export function useLocalEnvironment(endpoint: string): void {
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.DYNAMODB_ENDPOINT = endpoint;
  Object.assign(process.env, environment);
}
