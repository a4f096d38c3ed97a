/** What template.yaml creates, for the local DynamoDB: the payments table and the function's environment. */
import type { CreateTableCommandInput, PutItemCommandInput } from '@aws-sdk/client-dynamodb';

export const environment = { TABLE_NAME: 'payments' };

export const tables: CreateTableCommandInput[] = [
  {
    TableName: 'payments',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
  },
];

/** Items (DynamoDB JSON) written before `npm start` runs the events: none here. */
export const seedItems: Record<string, NonNullable<PutItemCommandInput['Item']>[]> = {};
