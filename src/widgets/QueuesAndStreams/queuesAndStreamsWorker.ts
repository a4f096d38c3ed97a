/** Runs the "Queues and streams" widget's simulation off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runQueues } from './queuesAndStreamsRun.ts';
import type { QueuesJob } from './queuesAndStreamsState.ts';

serveJobs((job: QueuesJob, progress) => runQueues(job, progress));
