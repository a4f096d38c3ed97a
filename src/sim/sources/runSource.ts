import { runSourceUntil } from './runSourceUntil.ts';
import type { SimState } from '../engine/state.ts';
import { SimConfigError } from '../engine/createSimulation.ts';
import { validateSqsConfig } from './validateSqsConfig.ts';
import { validateStreamConfig } from './validateStreamConfig.ts';
import { createSqsSimulation, createStreamSimulation } from './createSource.ts';
import { summarizeSqs, summarizeStream } from './summarizeSource.ts';
import type { SourceRunOptions, SqsConfig, SqsResult, StreamConfig, StreamResult } from './types.ts';

function drive(s: SimState, opts: SourceRunOptions): void {
  const end = s.cfg.simSeconds;
  if (!opts.onProgress) {
    runSourceUntil(s, end);
    return;
  }
  const chunk = opts.progressEverySeconds ?? Math.max(end / 100, 1);
  let t = 0;
  while (!s.done && t < end) {
    t = Math.min(t + chunk, end);
    runSourceUntil(s, t);
    opts.onProgress({ now: s.now, events: s.events, fraction: Math.min(1, s.now / end) });
  }
}

/**
 * Runs an SQS event source mapping from t = 0 to `simSeconds` and returns plain data: the resolved
 * config, the summary (what `sim sqs --json` prints, camelCase) and per-bucket series for charts.
 * Throws SimConfigError (with `.errors`) for an invalid config; call validateSqsConfig first to show
 * errors without throwing. The work is capped by `maxEvents` (the summary says when it stopped).
 */
export function runSqs(config: SqsConfig, opts: SourceRunOptions = {}): SqsResult {
  const v = validateSqsConfig(opts.maxEvents !== undefined ? { ...config, maxEvents: opts.maxEvents } : config);
  if (!v.ok) throw new SimConfigError(v.errors);
  const s = createSqsSimulation(v.value);
  drive(s, opts);
  return { config: v.value, ...summarizeSqs(s) };
}

/** As runSqs, for a Kinesis or DynamoDB stream. */
export function runStream(config: StreamConfig, opts: SourceRunOptions = {}): StreamResult {
  const v = validateStreamConfig(opts.maxEvents !== undefined ? { ...config, maxEvents: opts.maxEvents } : config);
  if (!v.ok) throw new SimConfigError(v.errors);
  const s = createStreamSimulation(v.value);
  drive(s, opts);
  return { config: v.value, ...summarizeStream(s) };
}
