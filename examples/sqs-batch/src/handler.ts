/**
 * SQS (standard queue) → Lambda, reporting partial batch failures.
 *
 * Lambda polls the queue and invokes the function with up to BatchSize messages. Without partial
 * batch responses, one bad message fails the whole batch and every message in it comes back after
 * the visibility timeout, including the ones already processed. With `ReportBatchItemFailures`
 * enabled on the event source mapping (template.yaml), the function returns the ids of only the
 * failed messages; Lambda deletes the rest from the queue. A message that keeps failing moves to
 * the dead-letter queue after maxReceiveCount receives.
 *
 * SQS delivers at least once, so a message can be processed twice: the conditional write makes the
 * second time a no-op. (On a FIFO queue, stop at the first failure and report it and every later
 * message, or the order within a message group breaks.)
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parsePayment } from './parsePayment.ts';

const TABLE_NAME = process.env.TABLE_NAME ?? 'payments';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const results = await Promise.allSettled(event.Records.map(processMessage));
  const batchItemFailures: SQSBatchItemFailure[] = [];
  results.forEach((result, i) => {
    const record = event.Records[i] as SQSRecord;
    if (result.status === 'rejected') {
      console.error(`Message ${record.messageId} failed: ${(result.reason as Error).message}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  });
  return { batchItemFailures };
}

async function processMessage(record: SQSRecord): Promise<void> {
  const payment = parsePayment(record.body);
  try {
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...payment, messageId: record.messageId, receivedAt: new Date(Number(record.attributes.SentTimestamp)).toISOString() },
        ConditionExpression: 'attribute_not_exists(paymentId)',
      }),
    );
  } catch (err) {
    // Already recorded by an earlier delivery of this message: nothing left to do.
    if (err instanceof ConditionalCheckFailedException) return;
    throw err;
  }
}
