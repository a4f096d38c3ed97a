/** Parses and plans off the main thread (see shared/workerProtocol.ts): the parser and engine load only here. */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runTrafficPlan, type TrafficPayload } from './trafficPlannerRun.ts';

serveJobs((p: TrafficPayload, progress) => runTrafficPlan(p, progress));
