/** Runs the concurrency widget's simulation off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runConcurrency } from './concurrencyWidgetRun.ts';
import type { ConcurrencyState } from './concurrencyWidgetState.ts';

serveJobs((state: ConcurrencyState, progress) => runConcurrency(state, progress));
