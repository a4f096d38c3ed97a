/** The sample events in events/, typed with @types/aws-lambda (`npm run typecheck` checks them). */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import photoUploaded from '../events/1-photo-uploaded.json' with { type: 'json' };
import multipart from '../events/2-large-photo-multipart.json' with { type: 'json' };

export const events: Record<'photoUploaded' | 'multipart', S3Event> = { photoUploaded, multipart };

/** The first sample record with another key / event name, as S3 would send it. */
export function eventFor(rawKey: string, eventName = 'ObjectCreated:Put'): S3Event {
  const record = events.photoUploaded.Records[0] as S3EventRecord;
  return { Records: [{ ...record, eventName, s3: { ...record.s3, object: { ...record.s3.object, key: rawKey } } }] };
}
