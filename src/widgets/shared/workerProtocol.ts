/**
 * The message protocol between `jobRunner.ts` (page) and a widget's worker, plus `serveJobs`, the one
 * line a worker file needs. Payloads and results must be structured-clone safe (plain objects, typed
 * arrays) — which the sim core's state and outputs are by design.
 *
 *   page → worker   { type: 'run', id, payload }
 *   worker → page   { type: 'progress', id, done, total }   (0 ≤ done ≤ total; at most ~20 per second)
 *                   { type: 'result', id, result }
 *                   { type: 'error', id, message }
 *
 * A worker file (e.g. `src/widgets/MyWidget/myWidget.worker.ts`):
 *
 *   import { serveJobs } from '../shared/workerProtocol.ts';
 *   import { runMyModel } from './myModel.ts';         // the same pure function the inline path calls
 *   serveJobs((payload, progress) => runMyModel(payload, progress));
 *
 * Cancel = the page terminates the worker (a CPU-bound loop cannot poll a flag without yielding);
 * the runner creates a fresh worker for the next job.
 */
export type ToWorker<P> = { type: 'run'; id: number; payload: P };
export type FromWorker<R> =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: R }
  | { type: 'error'; id: number; message: string };

/** Progress callback handed to a job: call it as often as you like, it throttles itself. */
export type Progress = (done: number, total: number) => void;

/** Throttles a progress sink to about one call per `everyMs` (plus always the final done === total). */
export function throttleProgress(sink: Progress, now: () => number, everyMs = 50): Progress {
  let last = -Infinity;
  return (done, total) => {
    const t = now();
    if (done >= total || t - last >= everyMs) {
      last = t;
      sink(done, total);
    }
  };
}

/** Installs the job handler in a worker global scope. */
export function serveJobs<P, R>(handler: (payload: P, progress: Progress) => R | Promise<R>): void {
  const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ToWorker<P>>) => void) | null; postMessage(m: FromWorker<R>): void };
  scope.onmessage = async (e) => {
    const msg = e.data;
    if (!msg || msg.type !== 'run') return;
    const progress = throttleProgress((done, total) => scope.postMessage({ type: 'progress', id: msg.id, done, total }), () => performance.now());
    try {
      const result = await handler(msg.payload, progress);
      scope.postMessage({ type: 'result', id: msg.id, result });
    } catch (err) {
      scope.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
