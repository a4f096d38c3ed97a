import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../local/connect.ts';
import { dropTables, startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { lambdaContext } from '../local/lambda.ts';
import { events, withBody } from './events.ts';

// The handler creates its client at import time (INIT), so point the environment at the local
// DynamoDB first, then import it.
let local: LocalDynamo;
let db: ReturnType<typeof connect>;
let handler: typeof import('../src/handler.ts').handler;
beforeAll(async () => {
  local = await startLocalDynamo();
  useLocalEnvironment(local.endpoint);
  db = connect(local.endpoint);
  ({ handler } = await import('../src/handler.ts'));
});
afterAll(async () => {
  db.destroy();
  await local.close();
});

const invoke = (event = events.create) => handler(event, lambdaContext('orders-api'));
const bodyOf = (r: { body: string }) => JSON.parse(r.body) as Record<string, unknown>;

describe('orders-api handler', () => {
  it('creates the order (201) and writes it to DynamoDB', async () => {
    const res = await invoke(events.create);
    expect(res.statusCode).toBe(201);
    expect(res.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(bodyOf(res)).toEqual({ message: 'Order created', id: '123' });
    const { Item } = await db.send(new GetCommand({ TableName: 'orders', Key: { id: '123' } }));
    expect(Item).toMatchObject({ id: '123', name: 'test' });
    expect(Item?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 409 for an id that exists, leaving the stored order unchanged', async () => {
    await invoke(withBody(JSON.stringify({ id: 'dup', name: 'first' })));
    const res = await invoke(withBody(JSON.stringify({ id: 'dup', name: 'second' })));
    expect(res.statusCode).toBe(409);
    expect(bodyOf(res).error).toContain('"dup" already exists');
    const { Item } = await db.send(new GetCommand({ TableName: 'orders', Key: { id: 'dup' } }));
    expect(Item?.name).toBe('first');
  });

  it.each([
    ['missing name', events.missingName, 'Field "name"'],
    ['invalid JSON', events.invalidJson, 'not valid JSON'],
    ['no body', withBody(null), 'Request body is required'],
    ['an array', withBody('[1,2]'), 'must be a JSON object, got an array'],
    ['a numeric id', withBody('{"id": 123, "name": "x"}'), 'Field "id" must be a string'],
    ['an empty name', withBody('{"id": "9", "name": "  "}'), 'Field "name"'],
    ['an id with a slash', withBody('{"id": "a/b", "name": "x"}'), 'got "a/b"'],
  ])('answers 400 naming the problem for %s', async (_label, event, message) => {
    const res = await invoke(event);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error).toContain(message);
  });

  it("accepts the chapter's `aws lambda invoke --payload '{\"body\": …}'` test event (no API Gateway around it)", async () => {
    const bare = { body: JSON.stringify({ id: 'cli-123', name: 'test' }) } as unknown as typeof events.create;
    const res = await invoke(bare);
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res)).toEqual({ message: 'Order created', id: 'cli-123' });
  });

  it('decodes a base64 body (binary media types)', async () => {
    const body = Buffer.from(JSON.stringify({ id: 'b64', name: 'encoded' })).toString('base64');
    const res = await invoke({ ...events.create, body, isBase64Encoded: true });
    expect(res.statusCode).toBe(201);
  });

  it('answers 500 only for a real fault, without leaking the error text', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await dropTables(local.endpoint); // a real fault: the table is gone
    const res = await invoke(withBody(JSON.stringify({ id: 'lost', name: 'x' })));
    expect(res.statusCode).toBe(500);
    expect(bodyOf(res)).toEqual({ error: 'Internal error. Please retry later.', requestId: expect.any(String) });
    expect(res.body).not.toMatch(/ResourceNotFound|table/i);
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });
});
