/**
 * What template.yaml creates, for the local DynamoDB: the sessions table and the function's
 * environment, plus sample sessions for `npm start`. `expiresAt` is in epoch seconds; the sample
 * event's time is 2026-11-27T02:00:00Z = 1795744800, so three of these have expired by then.
 */
import type { CreateTableCommandInput, PutItemCommandInput } from '@aws-sdk/client-dynamodb';

export const environment = { TABLE_NAME: 'sessions' };

export const tables: CreateTableCommandInput[] = [
  {
    TableName: 'sessions',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'sessionId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
  },
];

const session = (sessionId: string, expiresAt: number) => ({
  sessionId: { S: sessionId },
  userId: { S: `user-${sessionId.slice(-1)}` },
  expiresAt: { N: String(expiresAt) },
});

/** Items (DynamoDB JSON) written before `npm start` runs the events. */
export const seedItems: Record<string, NonNullable<PutItemCommandInput['Item']>[]> = {
  sessions: [
    session('s-expired-a', 1795658400), // 2026-11-26T02:00Z, a day before the run
    session('s-expired-b', 1795741200), // 01:00Z, an hour before
    session('s-expired-c', 1795744799), // one second before
    session('s-live-d', 1795744800), // exactly at the run time: not expired yet
    session('s-live-e', 1795831200), // tomorrow
  ],
};
