/** The work both versions do: count a visit to a page, atomically, and answer with the new count. */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientsCreated } from './client.ts';

const TABLE_NAME = process.env.TABLE_NAME ?? 'visits';

export async function countVisit(db: DynamoDBDocumentClient, event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  const page = event.rawPath;
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { page },
      UpdateExpression: 'ADD hits :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ page, hits: Attributes?.hits, clientsCreated: clientsCreated() }),
  };
}
