/** Runs the planner's engine simulations off the main thread (see shared/workerProtocol.ts). */
import { serveJobs } from '../shared/workerProtocol.ts';
import { runPlan } from './plannerSim.ts';
import type { PlannerState } from './plannerSchema.ts';

serveJobs((state: PlannerState, progress) => runPlan(state, progress));
