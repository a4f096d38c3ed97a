/** Runs the "Queues and streams" widget's simulation off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runQueues } from './queuesAndStreamsRun.ts';
import type { QueuesState } from './queuesAndStreamsState.ts';

serveJobs((state: QueuesState, progress) => runQueues(state, progress));
