/**
 * EventBridge schedule (cron(0 2 * * ? *), daily at 02:00 UTC) → delete expired sessions.
 *
 * "Now" is the event's `time` (when the schedule fired), not the clock: a late or retried run then
 * deletes exactly what had expired at its scheduled time, and tests can pin the time.
 *
 * The job scans with a filter (a Scan reads the whole table and pays for every item read, so keep
 * this for small tables; for large ones query a GSI on an expiry bucket), then deletes in batches
 * of 25, the BatchWriteItem maximum, retrying any UnprocessedItems DynamoDB hands back.
 * If deletion only has to happen "eventually", DynamoDB TTL does it for free, typically within a few
 * days of expiry; a scheduled job is for when the deadline matters.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';

const TABLE_NAME = process.env.TABLE_NAME ?? 'sessions';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));

const BATCH_LIMIT = 25; // BatchWriteItem accepts at most 25 requests
const MAX_ATTEMPTS = 5;

export interface CleanupResult {
  now: string;
  deleted: number;
}

export async function handler(event: ScheduledEvent): Promise<CleanupResult> {
  const nowSeconds = Math.floor(Date.parse(event.time) / 1000);
  let deleted = 0;
  const pages = paginateScan(
    { client: db },
    {
      TableName: TABLE_NAME,
      ProjectionExpression: 'sessionId',
      FilterExpression: 'expiresAt < :now',
      ExpressionAttributeValues: { ':now': nowSeconds },
    },
  );
  for await (const page of pages) {
    const keys = (page.Items ?? []).map((item) => ({ sessionId: item.sessionId as string }));
    for (let i = 0; i < keys.length; i += BATCH_LIMIT) {
      deleted += await deleteBatch(keys.slice(i, i + BATCH_LIMIT));
    }
  }
  console.log(JSON.stringify({ message: 'cleanup done', scheduledAt: event.time, deleted }));
  return { now: event.time, deleted };
}

async function deleteBatch(keys: { sessionId: string }[]): Promise<number> {
  let pending = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`${pending.length} deletions still unprocessed after ${MAX_ATTEMPTS} attempts`);
    if (attempt > 1) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt)); // back off when throttled
    const res = await db.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending } }));
    pending = (res.UnprocessedItems?.[TABLE_NAME] ?? []) as typeof pending;
  }
  return keys.length;
}
