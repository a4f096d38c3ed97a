/**
 * Event source mapping behaviour: the published rules (each with its AWS source, as of 2026-12-01) and,
 * apart, the MODELS this simulator uses where AWS publishes no number. A model says what it is and what
 * would change it; pages that show its effect say it is a model.
 */

// ---------------------------------------------------------------- published rules

/**
 * SQS standard queues (on-demand mode, since 2023-11-06): 5 concurrent invocations when messages are
 * available, up to 300 more per minute while messages remain, at most 1,250 per mapping; back to 5 when
 * traffic drops. https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html and
 * https://aws.amazon.com/about-aws/whats-new/2023/11/aws-lambda-polling-scale-rate-sqs-event-source/
 */
export const SQS_START_CONCURRENCY = 5;
export const SQS_SCALE_PER_MINUTE = 300;
export const SQS_MAX_CONCURRENCY_PER_MAPPING = 1_250;
/** Since 2023-11-06 (the What's New post above). */
export const SQS_SCALING_SINCE = '2023-11-06';

/**
 * Before 2023-11-06: up to 60 more per minute, at most 1,000.
 * https://aws.amazon.com/blogs/compute/understanding-how-aws-lambda-scales-when-subscribed-to-amazon-sqs-queues/
 */
export const SQS_LEGACY_SCALE_PER_MINUTE = 60;
export const SQS_LEGACY_MAX_CONCURRENCY = 1_000;

/**
 * Provisioned mode (GA 2025-11-14): each event poller runs up to 10 concurrent invocations; the mapping
 * adds up to 1,000 concurrency per minute, up to 20,000.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html and
 * https://aws.amazon.com/blogs/aws/aws-lambda-enhances-sqs-processing-with-new-provisioned-mode-3x-faster-scaling-16x-higher-capacity/
 */
export const PROVISIONED_INVOKES_PER_POLLER = 10;
export const PROVISIONED_SCALE_PER_MINUTE = 1_000;
export const PROVISIONED_MAX_CONCURRENCY = 20_000;
export const PROVISIONED_MODE_SINCE = '2025-11-14';

/**
 * Batching: FIFO batches hold at most 10 messages and take no batching window; a batch size above 10
 * needs a window of at least 1 s; one invocation's payload is at most 6 MB.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const FIFO_MAX_BATCH = 10;
export const BATCH_ABOVE_NEEDS_WINDOW = 10;
export const PAYLOAD_LIMIT_KB = 6 * 1024;

/**
 * Streams: Lambda polls each Kinesis shard once per second and each DynamoDB Streams shard 4 times per
 * second; DynamoDB Streams keep records 24 hours.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export const POLLS_PER_SECOND = { kinesis: 1, dynamodb: 4 } as const;
export const DYNAMODB_RETENTION_HOURS = 24;
/** MaximumRecordAgeInSeconds: −1 or 60–604,800. https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html */
export const MIN_RECORD_AGE_S = 60;

// ---------------------------------------------------------------- models (AWS publishes no number)

/**
 * MODEL: how an SQS mapping backs off after function errors. AWS says it "gradually backs off, reducing
 * the amount of concurrency" and does not scale down on failures when ReportBatchItemFailures is on.
 * Here, at each scaling step (every minute), a share f > 0 of failed invocations in the past minute
 * scales the target down to ⌊target·(1 − f)⌋ (never below 5) instead of growing it. A published rule
 * or a measured back-off curve would replace it.
 */
export const SQS_ERROR_BACKOFF = 'target × (1 − failed share of the past minute)';

/**
 * MODEL: throttled SQS invocations. AWS backs off and retries until the messages' visibility timeout
 * passes, then the messages become visible again with their receive count raised. Here a poller that
 * holds a throttled batch retries after 1 s, then 2, 4, … s, while the batch is still invisible, and a
 * scaling step after a minute with throttles holds the target where it is (no +300). A published
 * retry schedule would replace the 1 s doubling.
 */
export const SQS_THROTTLE_RETRY_FIRST_S = 1;

/**
 * MODEL: poller timing. A poller that finishes a batch receives the next one at once (no long-poll round
 * trip is simulated), and messages sent to an empty queue are seen at the next ingest tick. Message
 * arrivals are generated in ticks of `ingestTickS(rate)`: about one message per tick at low rates, at
 * least 10 ms and at most 100 ms. Measured receive latencies would add a delay per batch here.
 */
export function ingestTickS(rate: number): number {
  return rate > 0 ? Math.min(0.1, Math.max(0.01, 1 / rate)) : 0.1;
}

/**
 * MODEL: when the queue runs empty at a scaling step, the target falls to the most batches in flight
 * during the past step (never below the start value), so steady traffic keeps what it uses and an
 * empty queue goes back to 5. AWS documents only "scales back to 5" (optimizing to as few as 2).
 */
export const SQS_SCALE_DOWN = 'max(start, peak in flight during the past step)';

/** MODEL: provisioned mode re-evaluates pollers every second (AWS: "detects the growing backlog within seconds"). */
export const PROVISIONED_SCALE_TICK_S = 1;

/**
 * MODEL: a stream batch that failed (function error or throttle) is retried at the shard's next poll
 * (1 s Kinesis, 0.25 s DynamoDB); AWS publishes no retry delay.
 */
export const STREAM_RETRY = 'next poll of the shard';

/**
 * MODEL: FIFO batches hold messages of one message group each (AWS may mix groups in a batch while
 * keeping each group in order); concurrency is still at most the number of active groups.
 */
export const FIFO_ONE_GROUP_PER_BATCH = true;
