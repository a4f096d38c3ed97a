import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../local/connect.ts';
import { dropTables, prepareTables, resetTables, startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { deliverAsync } from './asyncInvoke.ts';
import { events } from './events.ts';

let local: LocalDynamo;
let db: ReturnType<typeof connect>;
let handler: typeof import('../src/handler.ts').handler;
beforeAll(async () => {
  local = await startLocalDynamo();
  useLocalEnvironment(local.endpoint);
  db = connect(local.endpoint);
  ({ handler } = await import('../src/handler.ts'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  db.destroy();
  await local.close();
});
beforeEach(async () => {
  await resetTables(local.endpoint);
});

const charges = async () => (await db.send(new ScanCommand({ TableName: 'payments' }))).Items ?? [];

describe('async-idempotent handler', () => {
  it('charges an order once', async () => {
    expect(await handler(events.placed)).toEqual({ status: 'charged', orderId: '123' });
    expect(await charges()).toEqual([
      { orderId: '123', customerId: 'c-42', amountCents: 1999, eventId: events.placed.id, chargedAt: '2026-11-27T11:00:00Z' },
    ]);
  });

  it('does nothing the second time the same event arrives (a retry or a duplicate delivery)', async () => {
    await handler(events.placed);
    expect(await handler(events.again)).toEqual({ status: 'duplicate', orderId: '123' });
    expect(await handler(events.again)).toEqual({ status: 'duplicate', orderId: '123' });
    expect(await charges()).toHaveLength(1);
  });

  it('charges once when the same event is processed by 5 environments at the same time', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => handler(events.placed)));
    expect(outcomes.filter((o) => o.status === 'charged')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(4);
    expect(await charges()).toHaveLength(1);
  });

  it('throws on a real fault (so Lambda retries), and the retry charges exactly once', async () => {
    await dropTables(local.endpoint); // the fault: the table is unavailable
    const delivery = await deliverAsync(handler, events.placed, {
      beforeRetry: async (attempt) => {
        if (attempt === 3) await prepareTables(local.endpoint, false); // fixed before the last retry
      },
    });
    expect(delivery).toMatchObject({ attempts: 3, result: { status: 'charged' } });
    expect(await charges()).toHaveLength(1);
  });

  it('sends an event that fails every attempt to the on-failure destination, with no charge', async () => {
    const delivery = await deliverAsync(handler, events.missingAmount);
    expect(delivery).toEqual({
      attempts: 3,
      toDestination: { condition: 'RetriesExhausted', errorMessage: 'detail.amountCents must be a positive whole number of cents, got undefined' },
    });
    expect(await charges()).toEqual([]);
  });

  it('a retry after a run that charged but then failed (e.g. timed out) does not charge again', async () => {
    let calls = 0;
    // The first attempt writes, then "times out" before Lambda sees its result.
    const timesOutOnce = async (e: typeof events.placed) => {
      const outcome = await handler(e);
      if (++calls === 1) throw new Error('Task timed out after 10.00 seconds');
      return outcome;
    };
    const delivery = await deliverAsync(timesOutOnce, events.placed);
    expect(delivery).toMatchObject({ attempts: 2, result: { status: 'duplicate' } });
    expect(await charges()).toHaveLength(1);
  });
});
