/** What template.yaml creates, for the local DynamoDB: the orders table and the function's environment. */
import type { CreateTableCommandInput, PutItemCommandInput } from '@aws-sdk/client-dynamodb';

export const environment = { TABLE_NAME: 'orders' };

export const tables: CreateTableCommandInput[] = [
  {
    TableName: 'orders',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  },
];

/** Items (DynamoDB JSON) written before `npm start` runs the events: none here, the events create orders. */
export const seedItems: Record<string, NonNullable<PutItemCommandInput['Item']>[]> = {};
