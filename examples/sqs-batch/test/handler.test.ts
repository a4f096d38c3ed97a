import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../local/connect.ts';
import { dropTables, resetTables, startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { parsePayment } from '../src/parsePayment.ts';
import { events, message } from './events.ts';

let local: LocalDynamo;
let db: ReturnType<typeof connect>;
let handler: typeof import('../src/handler.ts').handler;
beforeAll(async () => {
  local = await startLocalDynamo();
  useLocalEnvironment(local.endpoint);
  db = connect(local.endpoint);
  ({ handler } = await import('../src/handler.ts'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  db.destroy();
  await local.close();
});
// A fresh, empty table for every test.
beforeEach(async () => {
  await resetTables(local.endpoint);
});

const storedPayments = async () =>
  ((await db.send(new ScanCommand({ TableName: 'payments' }))).Items ?? []).map((i) => i.paymentId as string).sort();

describe('parsePayment', () => {
  it('names the bad field', () => {
    expect(() => parsePayment('{"paymentId":"p","orderId":"o","amountCents":1.5}')).toThrow('"amountCents"');
    expect(() => parsePayment('{"orderId":"o","amountCents":1}')).toThrow('"paymentId"');
    expect(() => parsePayment('nope')).toThrow('not valid JSON');
    expect(() => parsePayment('null')).toThrow('"paymentId"');
  });
});

describe('sqs-batch handler', () => {
  it('processes a valid batch and reports no failures', async () => {
    expect(await handler(events.allValid)).toEqual({ batchItemFailures: [] });
    expect(await storedPayments()).toEqual(['p-1001', 'p-1002', 'p-1003']);
  });

  it('reports exactly the bad messages, and still processes the good ones', async () => {
    const res = await handler(events.withBad);
    expect(res.batchItemFailures).toEqual([
      { itemIdentifier: 'c8e0f2a4-6b8d-4e0f-a2c4-e6f8a0b2c4d6' }, // amountCents: -300
      { itemIdentifier: 'd9f1a3b5-7c9e-4f1a-b3d5-f7a9b1c3d5e7' }, // not JSON
    ]);
    expect(await storedPayments()).toEqual(['p-1002', 'p-1004']);
  });

  it('treats a redelivered message as done (at-least-once delivery), with one item', async () => {
    await handler(events.allValid);
    const again = await handler(events.allValid);
    expect(again.batchItemFailures).toEqual([]);
    expect(await storedPayments()).toEqual(['p-1001', 'p-1002', 'p-1003']);
  });

  it('reports every message when DynamoDB itself fails, so they are all retried', async () => {
    await dropTables(local.endpoint);
    const res = await handler(events.allValid);
    expect(res.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(events.allValid.Records.map((r) => r.messageId));
  });

  it('handles a batch of 10 (the default batch size) with one failure', async () => {
    const records = Array.from({ length: 10 }, (_, i) =>
      message(`m-${i}`, i === 6 ? { paymentId: `p-${i}`, orderId: 'o' } : { paymentId: `p-${i}`, orderId: 'o', amountCents: 100 + i }),
    );
    const res = await handler({ Records: records });
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-6' }]);
    expect(await storedPayments()).toHaveLength(9);
  });
});
