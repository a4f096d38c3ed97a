/** Runs the planner's engine simulations off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runPlan } from './provisionedPlannerRun.ts';
import type { PlannerState } from './provisionedPlannerState.ts';

serveJobs((state: PlannerState, progress) => runPlan(state, progress));
