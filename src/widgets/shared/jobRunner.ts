/**
 * Runs a widget's heavy computation in its Web Worker, one job at a time, with progress and Cancel.
 * Starting a new job cancels the one in flight (readers drag sliders); `cancel()` terminates the worker
 * (a CPU-bound loop cannot poll a flag), and the next job starts a fresh one. An idle worker is reused.
 *
 *   // In the widget's element module. Vite only bundles the worker if the `new Worker(new URL(...))`
 *   // expression is written literally in source, so the widget passes a factory:
 *   const runner = createJobRunner<State, Result>({
 *     worker: () => new Worker(new URL('./myWidgetWorker.ts', import.meta.url), { type: 'module' }),
 *     onProgress: (done, total) => bar.value = done / total,
 *     onBusy: (busy) => frame.toggleAttribute('data-busy', busy),
 *   });
 *   const { result, ms } = await runner.run(state);  // rejects with JobCancelled when superseded or cancelled
 *
 * There is no main-thread path: a widget whose computation is cheap and small calls its run function
 * directly (PricingCalculator, ColdStartExplorer); one that needs the engine ships it once, in the
 * worker (a second, inline copy in the page chunk would count twice against the 30 KB budget).
 * `WidgetElement.attachRunner` wires this to the shared progress bar and Cancel button.
 */
import type { FromWorker, Progress, ToWorker } from './workerProtocol.ts';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobOutcome<R> {
  result: R;
  /** Wall-clock milliseconds from `run()` to the result. */
  ms: number;
}

export interface JobRunnerOptions {
  worker: () => Worker;
  onProgress?: (done: number, total: number) => void;
  onBusy?: (busy: boolean) => void;
}

export interface JobRunner<P, R> {
  run(payload: P): Promise<JobOutcome<R>>;
  cancel(): void;
  /** Terminates the worker for good (element disconnected). */
  dispose(): void;
  readonly busy: boolean;
}

export function createJobRunner<P, R>(opts: JobRunnerOptions): JobRunner<P, R> {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: { id: number; reject: (e: Error) => void } | null = null;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

  const setBusy = (b: boolean) => opts.onBusy?.(b);

  /** Rejects the job in flight and terminates its worker (a CPU-bound loop cannot be interrupted otherwise). */
  function cancel(): void {
    if (!pending) return;
    pending.reject(new JobCancelled());
    pending = null;
    setBusy(false);
    worker?.terminate();
    worker = null;
  }

  function dispose(): void {
    cancel();
    worker?.terminate();
    worker = null;
  }

  async function run(payload: P): Promise<JobOutcome<R>> {
    cancel();
    const t0 = now();
    if (typeof Worker === 'undefined') throw new Error('this browser cannot start a Web Worker, which this simulation needs');
    const id = nextId++;
    worker ??= opts.worker(); // an idle worker is reused
    const w = worker;
    setBusy(true);
    opts.onProgress?.(0, 1);
    return new Promise<JobOutcome<R>>((resolve, reject) => {
      pending = { id, reject };
      const settle = () => {
        pending = null;
        setBusy(false);
      };
      w.onmessage = (e: MessageEvent<FromWorker<R>>) => {
        const m = e.data;
        // Only the job in flight may settle: a superseded job's late messages are ignored.
        if (pending?.id !== id || m.id !== id) return;
        if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
        else if (m.type === 'result') {
          settle();
          resolve({ result: m.result, ms: now() - t0 });
        } else {
          settle();
          reject(new Error(m.message));
        }
      };
      w.onerror = (e) => {
        if (pending?.id !== id) return;
        settle();
        reject(new Error(e.message || 'worker failed'));
      };
      w.postMessage({ type: 'run', id, payload } satisfies ToWorker<P>);
    });
  }

  return {
    run,
    cancel,
    dispose,
    get busy() {
      return pending !== null;
    },
  };
}
