/**
 * The one place both versions get their DynamoDB client from. It counts how many clients this
 * execution environment has created, so the handlers (and the tests) can show the difference.
 * Each client has its own connection pool: a new client means a new TCP (and, in AWS, TLS) connection.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let created = 0;

export function createClient(): DynamoDBDocumentClient {
  created++;
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));
}

/** Clients created so far in this execution environment (this Node process). */
export const clientsCreated = (): number => created;
