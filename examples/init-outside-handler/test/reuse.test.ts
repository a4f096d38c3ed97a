/**
 * The before/after pair, side by side in one "execution environment" (this test's Node process):
 * three warm invocations of each, counting SDK clients created and TCP connections the local
 * DynamoDB accepted. Each handler module is imported once, as Lambda does during INIT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { clientsCreated } from '../src/client.ts';
import { visits } from './events.ts';

let local: LocalDynamo;
beforeAll(async () => {
  local = await startLocalDynamo();
  useLocalEnvironment(local.endpoint);
});
afterAll(() => local.close());

type Handler = (typeof import('../src/after.ts'))['handler'];

/** INIT (import the module), then invoke once per sample event; count what was created. */
async function run(load: () => Promise<{ handler: Handler }>) {
  const clients0 = clientsCreated();
  const connections0 = local.connections();
  const { handler } = await load();
  const afterInit = clientsCreated() - clients0;
  const hits: unknown[] = [];
  for (const event of visits) {
    const res = await handler(event);
    if (typeof res === 'string' || res.statusCode !== 200) throw new Error(`unexpected response ${JSON.stringify(res)}`);
    hits.push(JSON.parse(res.body as string).hits);
  }
  return { afterInit, clients: clientsCreated() - clients0, connections: local.connections() - connections0, hits };
}

describe('initialize outside the handler', () => {
  it('before.ts creates a client, and opens a connection, on every one of 3 invocations', async () => {
    const before = await run(() => import('../src/before.ts'));
    expect(before).toEqual({ afterInit: 0, clients: 3, connections: 3, hits: [1, 2, 3] });
  });

  it('after.ts creates one client during INIT and reuses it, and its connection, across 3 invocations', async () => {
    const after = await run(() => import('../src/after.ts'));
    expect(after).toEqual({ afterInit: 1, clients: 1, connections: 1, hits: [4, 5, 6] });
  });

  it('both versions return the same kind of response (only the client lifecycle differs)', async () => {
    const { handler: before } = await import('../src/before.ts');
    const { handler: after } = await import('../src/after.ts');
    const [a, b] = [await before(visits[0]!), await after(visits[0]!)];
    const shape = (r: typeof a) => (typeof r === 'string' ? r : { ...r, body: Object.keys(JSON.parse(r.body as string)) });
    expect(shape(a)).toEqual(shape(b));
  });
});
