/**
 * Runs a widget's computation inline when it is cheap, in a Web Worker otherwise, one job at a time.
 *
 * Rule: if `estimateMs(payload) < INLINE_BUDGET_MS` (50 ms) the job runs inline on the main thread
 * (no worker start-up cost, no flash of a progress bar); otherwise it is posted to the worker. A widget
 * whose computation needs the engine usually omits `inline` (see its docblock): the engine then ships
 * once, in the worker, and every run goes there.
 * Starting a new job cancels the one in flight (readers drag sliders); `cancel()` terminates the worker.
 *
 *   // In the widget's client module. Vite only bundles the worker if the `new Worker(new URL(...))`
 *   // expression is written literally in source, so the widget passes a factory:
 *   const runner = createJobRunner<Payload, Result>({
 *     inline: (p, progress) => runModel(p, progress),          // same pure function as the worker
 *     worker: () => new Worker(new URL('./myWidget.worker.ts', import.meta.url), { type: 'module' }),
 *     estimateMs: (p) => p.requests / 5e6,                      // rough: the sim does ~10M invocations/s
 *     onProgress: (done, total) => bar.value = done / total,   // worker jobs only
 *     onBusy: (busy) => frame.toggleAttribute('data-busy', busy),
 *   });
 *   const out = await runner.run(payload);     // rejects with JobCancelled when superseded or cancelled
 *   if (out.where === 'worker') ...            // { result, where: 'inline' | 'worker', ms }
 *
 * When `worker` is omitted (or `Worker` is unavailable, e.g. in Node tests) every job runs inline.
 * `WidgetElement` wires this to the shared progress bar and Cancel button (`attachRunner`).
 */
import type { FromWorker, Progress, ToWorker } from './workerProtocol.ts';

export const INLINE_BUDGET_MS = 50;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobOutcome<R> {
  result: R;
  where: 'inline' | 'worker';
  /** Wall-clock milliseconds from `run()` to the result. */
  ms: number;
}

export interface JobRunnerOptions<P, R> {
  /**
   * The same computation on the main thread, for runs estimated under the budget. May return a Promise.
   * Omit it when the computation's code should live only in the worker: a lazy `import()` of the
   * engine for the inline path would be a second copy of it (Vite bundles workers separately), and
   * tests/browser/budgets.test.ts counts every file a page can download against the 30 KB budget.
   * Without `inline`, every run goes to the worker (and rejects clearly where Workers are unavailable).
   */
  inline?: (payload: P, progress: Progress) => R | Promise<R>;
  worker?: () => Worker;
  estimateMs: (payload: P) => number;
  onProgress?: (done: number, total: number) => void;
  onBusy?: (busy: boolean) => void;
  budgetMs?: number;
}

export interface JobRunner<P, R> {
  run(payload: P): Promise<JobOutcome<R>>;
  cancel(): void;
  /** Terminates the worker for good (element disconnected). */
  dispose(): void;
  readonly busy: boolean;
}

export function createJobRunner<P, R>(opts: JobRunnerOptions<P, R>): JobRunner<P, R> {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: { id: number; reject: (e: Error) => void } | null = null;
  const budget = opts.budgetMs ?? INLINE_BUDGET_MS;
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
    const canWorker = !!opts.worker && typeof Worker !== 'undefined';
    if (!canWorker && !opts.inline) throw new Error('this browser cannot start a Web Worker, which this simulation needs');
    if (opts.inline && (!canWorker || opts.estimateMs(payload) < budget)) {
      const id = nextId++;
      let superseded = false;
      pending = { id, reject: () => (superseded = true) };
      try {
        const result = await opts.inline(payload, () => {});
        if (superseded) throw new JobCancelled();
        return { result, where: 'inline', ms: now() - t0 };
      } finally {
        if (pending?.id === id) pending = null;
      }
    }
    const id = nextId++;
    worker ??= opts.worker!(); // an idle worker is reused
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
          resolve({ result: m.result, where: 'worker', ms: now() - t0 });
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
