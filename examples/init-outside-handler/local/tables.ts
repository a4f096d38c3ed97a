/** What template.yaml creates, for the local DynamoDB: the visits table and the functions' environment. */
import type { CreateTableCommandInput, PutItemCommandInput } from '@aws-sdk/client-dynamodb';

export const environment = { TABLE_NAME: 'visits' };

export const tables: CreateTableCommandInput[] = [
  {
    TableName: 'visits',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'page', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'page', KeyType: 'HASH' }],
  },
];

/** Items (DynamoDB JSON) written before `npm start` runs the events: none here. */
export const seedItems: Record<string, NonNullable<PutItemCommandInput['Item']>[]> = {};
