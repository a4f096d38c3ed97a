/**
 * S3 ObjectCreated (suffix filter ".jpg", see template.yaml) → record each new photo in DynamoDB.
 *
 * S3 invokes the function asynchronously: the return value goes nowhere (it is returned here for
 * the logs and the tests), and a thrown error makes Lambda retry the event (twice by default).
 * S3 may also deliver the same notification more than once, so the write is a plain PutItem keyed
 * by bucket + key: repeating it leaves the same item.
 */
import type { S3Event } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { decodeObjectKey, matchesFilter, SUFFIX } from './objectKey.ts';

const TABLE_NAME = process.env.TABLE_NAME ?? 'photos';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));

export interface Summary {
  recorded: string[];
  skipped: string[];
}

export async function handler(event: S3Event): Promise<Summary> {
  const summary: Summary = { recorded: [], skipped: [] };
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeObjectKey(record.s3.object.key);
    if (!record.eventName.startsWith('ObjectCreated:') || !matchesFilter(key)) {
      console.warn(`Skipping ${record.eventName} for s3://${bucket}/${key}: not a new ${SUFFIX} object`);
      summary.skipped.push(key);
      continue;
    }
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: {
          bucket,
          key,
          size: record.s3.object.size,
          eTag: record.s3.object.eTag,
          uploadedAt: record.eventTime,
          uploadedBy: record.userIdentity.principalId,
        },
      }),
    );
    summary.recorded.push(key);
  }
  console.log(JSON.stringify({ message: 'photos recorded', ...summary }));
  return summary;
}
