import type { SimState } from '../engine/state.ts';
import { SourceEv } from './sourceState.ts';
import { ingestTick } from './ingest.ts';
import { sqsCompleted, sqsPump, sqsThrottleRetry, sqsVisibilityReturn, sqsWindow } from './sqsMapping.ts';
import { sqsScale, startScaling } from './sqsScaling.ts';
import { minuteTick, sampleBucket } from './sampling.ts';
import { laneRetry, streamPoll } from './streamShards.ts';
import { streamCompleted } from './streamErrors.ts';
import { pushSourceEvent } from './sourceEvents.ts';

/**
 * The engine hands every EventKind.SOURCE event here (`id` = batch-or-lane << 4 | sub-kind), in the same
 * heap order as its own events: one event loop for functions, queues and streams.
 */
export function sourceEvent(s: SimState, id: number, t: number): void {
  const q = s.source;
  if (q === null) return;
  const x = id >> 4;
  switch (id & 15) {
    case SourceEv.INGEST: {
      const before = q.messagesIn;
      ingestTick(s, t);
      if (q.kind === 'sqs' && q.messagesIn > before) {
        startScaling(s, t);
        sqsPump(s, t);
      }
      break;
    }
    case SourceEv.SCALE:
      sqsScale(s, t);
      break;
    case SourceEv.MINUTE: {
      minuteTick(s, t);
      if (t + 60 <= s.cfg.simSeconds) pushSourceEvent(s, t + 60, SourceEv.MINUTE);
      break;
    }
    case SourceEv.SAMPLE: {
      const i = Math.round(t / q.bucketS) - 1;
      sampleBucket(s, i, t);
      if (t + q.bucketS <= s.cfg.simSeconds) pushSourceEvent(s, t + q.bucketS, SourceEv.SAMPLE);
      break;
    }
    case SourceEv.VIS_RETURN:
      sqsVisibilityReturn(s, x, t);
      break;
    case SourceEv.THROTTLE_RETRY:
      sqsThrottleRetry(s, x, t);
      break;
    case SourceEv.WINDOW:
      sqsWindow(s, t);
      break;
    case SourceEv.POLL:
      streamPoll(s, t);
      break;
    case SourceEv.LANE_RETRY:
      laneRetry(s, x, t);
      break;
  }
}

/** An invocation started by a source finished (its environment is already back in the idle list). */
export function sourceCompleted(s: SimState, ref: number, t: number): void {
  const q = s.source;
  if (q === null) return;
  if (q.kind === 'sqs') sqsCompleted(s, ref, t);
  else streamCompleted(s, ref, t);
}
