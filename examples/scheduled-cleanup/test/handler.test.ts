import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../local/connect.ts';
import { resetTables, startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { dailyCleanup, firedAt } from './events.ts';

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
// Every test starts from the sample sessions in local/tables.ts (3 expired at the event's time, 2 live).
beforeEach(async () => {
  await resetTables(local.endpoint, true);
});

const remaining = async () =>
  ((await db.send(new ScanCommand({ TableName: 'sessions' }))).Items ?? []).map((i) => i.sessionId as string).sort();

describe('scheduled-cleanup handler', () => {
  it('deletes the sessions that expired before the scheduled time, and only those', async () => {
    expect(await handler(dailyCleanup)).toEqual({ now: '2026-11-27T02:00:00Z', deleted: 3 });
    expect(await remaining()).toEqual(['s-live-d', 's-live-e']);
  });

  it('uses the event time, not the clock: an earlier run deletes less', async () => {
    expect((await handler(firedAt('2026-11-27T00:00:00Z'))).deleted).toBe(1);
    expect(await remaining()).toHaveLength(4);
  });

  it('is safe to run twice (a retried invocation deletes nothing more)', async () => {
    await handler(dailyCleanup);
    expect((await handler(dailyCleanup)).deleted).toBe(0);
    expect(await remaining()).toEqual(['s-live-d', 's-live-e']);
  });

  it('deletes more than one BatchWriteItem (25) and more than one Scan page', async () => {
    const many = Array.from({ length: 260 }, (_, i) => ({
      sessionId: `bulk-${String(i).padStart(3, '0')}`,
      userId: 'bulk',
      expiresAt: i % 2 === 0 ? 1_700_000_000 : 1_800_000_000, // half long expired, half far in the future
      padding: 'x'.repeat(4000), // ~4 KB items: a Scan page stops at 1 MB, so this takes several pages
    }));
    for (let i = 0; i < many.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { sessions: many.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    expect((await handler(dailyCleanup)).deleted).toBe(130 + 3);
    expect(await remaining()).toHaveLength(130 + 2);
  });
});
