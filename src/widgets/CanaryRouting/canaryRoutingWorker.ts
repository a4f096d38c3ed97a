/** Runs the canary widget's weight sweep off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runCanary } from './canaryRoutingRun.ts';
import type { CanaryState } from './canaryRoutingState.ts';

serveJobs((state: CanaryState, progress) => runCanary(state, progress));
