/**
 * EventBridge "OrderPlaced" → Lambda, invoked asynchronously → charge the order once.
 *
 * Asynchronous invocation (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
 * Lambda queues the event and, if the function throws or times out, retries it twice more (about
 * 1 min, then 2 min later); after that, or once the event is older than MaximumEventAgeInSeconds, it
 * sends the event to the on-failure destination (an SQS queue, see template.yaml). Even without errors
 * "duplicates are possible". So the same event can run
 * several times, including after a run whose write succeeded but which then timed out.
 *
 * Idempotency: the charge is a conditional write keyed by orderId (`attribute_not_exists(orderId)`).
 * The first run creates it; every repeat fails the condition and returns "duplicate" without a
 * second charge. A real fault throws, so Lambda retries, and the write either happened or not:
 * a single PutItem is atomic. (When the effect is not one DynamoDB write, e.g. calling a payment
 * API, record an idempotency key first and use the API's own idempotency key too.)
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseOrderPlaced } from './orderPlaced.ts';

const TABLE_NAME = process.env.TABLE_NAME ?? 'payments';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));

export type Outcome = { status: 'charged' | 'duplicate'; orderId: string };

export async function handler(event: EventBridgeEvent<'OrderPlaced', unknown>): Promise<Outcome> {
  // A malformed event will fail the same way on every retry; throwing still routes it to the
  // on-failure destination, where someone can look at it.
  const order = parseOrderPlaced(event.detail);
  try {
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...order, eventId: event.id, chargedAt: event.time },
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      console.log(`Order ${order.orderId} already charged (event ${event.id}): skipping`);
      return { status: 'duplicate', orderId: order.orderId };
    }
    throw err; // a real fault: let Lambda retry the event
  }
  console.log(`Charged order ${order.orderId}: ${order.amountCents} cents`);
  return { status: 'charged', orderId: order.orderId };
}
