/**
 * BEFORE: the client is created inside the handler, so every invocation (warm ones included) pays
 * for a new client and a new connection, and leaves the old ones behind until the environment dies.
 */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { createClient } from './client.ts';
import { countVisit } from './visits.ts';

export async function handler(event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  const db = createClient(); // ✗ once per invocation
  return countVisit(db, event);
}
