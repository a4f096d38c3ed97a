/** The sample events in events/, typed with @types/aws-lambda (`npm run typecheck` checks them). */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import allValid from '../events/1-batch-all-valid.json' with { type: 'json' };
import withBad from '../events/2-batch-with-bad-messages.json' with { type: 'json' };

export const events: Record<'allValid' | 'withBad', SQSEvent> = { allValid, withBad };

/** An SQS record like the samples, with another id and body. */
export function message(messageId: string, body: unknown): SQSRecord {
  const base = events.allValid.Records[0] as SQSRecord;
  return { ...base, messageId, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
