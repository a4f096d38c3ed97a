/** The sample event in events/, typed with @types/aws-lambda (`npm run typecheck` checks it). */
import type { ScheduledEvent } from 'aws-lambda';
import daily from '../events/1-daily-cleanup.json' with { type: 'json' };

// A JSON import types "detail-type" as string; the type wants the literal EventBridge sends.
const scheduled = (e: Omit<ScheduledEvent, 'detail-type'> & { 'detail-type': string }): ScheduledEvent => {
  if (e['detail-type'] !== 'Scheduled Event') throw new Error(`not a scheduled event: ${e['detail-type']}`);
  return { ...e, 'detail-type': 'Scheduled Event' };
};

export const dailyCleanup = scheduled(daily);

/** The schedule firing at another time. */
export const firedAt = (time: string): ScheduledEvent => ({ ...dailyCleanup, time });
