/**
 * POST /orders (API Gateway REST API, Lambda proxy integration) → DynamoDB PutItem.
 *
 * The chapter's Python `lambda_handler`, in TypeScript, with its error handling fixed:
 * - a bad body is the caller's mistake: 400 with a message naming the field (not a 500);
 * - an order id that already exists: 409 (the conditional write refuses to overwrite it);
 * - 500 only for real faults (DynamoDB unreachable, missing permission…), logged with the request
 *   id and never echoing the exception text to the caller.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseOrder } from './parseOrder.ts';

// INIT phase: runs once per execution environment; warm invocations reuse the client.
// DYNAMODB_ENDPOINT is unset in AWS (the default endpoint is used) and set locally.
const TABLE_NAME = process.env.TABLE_NAME ?? 'orders';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));

export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
  const parsed = parseOrder(event.body, event.isBase64Encoded);
  if (!parsed.ok) return json(400, { error: parsed.error });
  const { id, name } = parsed.order;

  try {
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { id, name, requestId: context.awsRequestId, createdAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      return json(409, { error: `An order with id "${id}" already exists.` });
    }
    // Goes to CloudWatch Logs; the caller gets the request id to quote, not our internals.
    console.error('PutItem failed', { requestId: context.awsRequestId, error: err });
    return json(500, { error: 'Internal error. Please retry later.', requestId: context.awsRequestId });
  }
  return json(201, { message: 'Order created', id });
}

function json(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
