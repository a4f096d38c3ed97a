import type { RuleTable } from '../validate/rules.ts';
import { SOURCE_RULES } from './sourceRules.ts';

/**
 * The SQS event source mapping's numeric inputs: one home for each range and default (read by
 * `validateSqsConfig`, the `sim sqs` flags and the widget's fields). Limits as of 2026-12-01, from the
 * AWS page in each `source`.
 */
export const SQS_RULES = {
  backlog: {
    label: 'backlog', unit: 'messages', min: 0, max: 100_000_000, integer: true, default: 100_000,
    help: 'Messages already waiting in the queue at t = 0 (a simulator cap, not an AWS limit).',
  },
  rate: {
    label: 'arrival rate', unit: 'messages/s', min: 0, max: 1_000_000, default: 0,
    help: 'New messages per second sent to the queue during the run (a simulator cap, not an AWS limit).',
  },
  batchSize: {
    label: 'batch size', unit: 'messages', min: 1, max: 10_000, integer: true, default: 10,
    help: 'Most messages per invocation; above 10 needs a batching window of at least 1 s, and FIFO queues take at most 10.',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html',
  },
  messageKb: {
    label: 'message size', unit: 'KB', min: 1, max: 1024, integer: true, default: 1,
    help: 'Size of each message; a batch stops at the 6 MB invocation payload limit (6,144 KB) whatever the batch size.',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  },
  minPollers: {
    label: 'minimum pollers', unit: 'pollers', min: 2, max: 200, integer: true, default: 2,
    help: 'Provisioned mode: event pollers kept running even when the queue is empty.',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  },
  maxPollers: {
    label: 'maximum pollers', unit: 'pollers', min: 2, max: 2_000, integer: true, default: 200,
    help: 'Provisioned mode: the most event pollers; each runs up to 10 concurrent invocations.',
    source: 'https://docs.aws.amazon.com/lambda/latest/api/API_ProvisionedPollerConfig.html',
  },
  maxConcurrency: {
    label: 'maximum concurrency', unit: 'concurrent invocations', min: 2, max: 1_000, integer: true, default: null,
    help: 'The mapping\'s own cap on concurrent invocations (ScalingConfig); off unless given. Not with provisioned mode.',
    source: 'https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html',
  },
  visibilityTimeoutS: {
    label: 'visibility timeout', unit: 's', min: 0, max: 43_200, integer: true, default: 30,
    help: 'How long a received message stays hidden; a failed or throttled batch comes back after it with its receive count raised.',
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
  },
  maxReceiveCount: {
    label: 'maximum receives', unit: 'receives', min: 1, max: 1_000, integer: true, default: 5,
    help: 'Redrive policy: a message received this many times goes to the dead-letter queue instead of a further receive.',
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  },
  errorRate: {
    label: 'error rate', unit: 'probability per message attempt', min: 0, max: 1, default: 0,
    help: 'Each message fails each attempt independently with this probability.',
  },
  groups: {
    label: 'message groups', unit: 'groups', min: 1, max: 100_000, integer: true, default: 10,
    help: 'FIFO: distinct message group IDs; each message picks one uniformly (a simulator cap, not an AWS limit).',
  },
  ...SOURCE_RULES,
} as const satisfies RuleTable;

export type SqsRuleKey = keyof typeof SQS_RULES;
