/** What template.yaml creates, for the local DynamoDB: the photos table and the function's environment. */
import type { CreateTableCommandInput, PutItemCommandInput } from '@aws-sdk/client-dynamodb';

export const environment = { TABLE_NAME: 'photos' };

export const tables: CreateTableCommandInput[] = [
  {
    TableName: 'photos',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'bucket', AttributeType: 'S' },
      { AttributeName: 'key', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'bucket', KeyType: 'HASH' },
      { AttributeName: 'key', KeyType: 'RANGE' },
    ],
  },
];

/** Items (DynamoDB JSON) written before `npm start` runs the events: none here. */
export const seedItems: Record<string, NonNullable<PutItemCommandInput['Item']>[]> = {};
