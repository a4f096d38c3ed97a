/**
 * AFTER: the client is created outside the handler, during INIT. Lambda keeps the execution
 * environment between invocations, so warm invocations reuse the client and its open connection.
 * (Since 2025-08-01 INIT time is billed like handler time, so this moves the cost, once, rather
 * than removing it; what disappears is the repeated cost on every warm call.)
 */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { createClient } from './client.ts';
import { countVisit } from './visits.ts';

const db = createClient(); // ✓ once per execution environment

export async function handler(event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  return countVisit(db, event);
}
