/**
 * Just enough of the Lambda runtime to call a handler locally: a `Context` object and one timed
 * invocation, reported the way Lambda reports it in CloudWatch Logs:
 *
 *   REPORT RequestId: 3f2c…  Duration: 12.34 ms  Billed Duration: 13 ms  Memory Size: 256 MB
 *          Max Memory Used: 98 MB  Init Duration: 180.20 ms   (Init Duration on a cold start only)
 *
 * Billing (AWS pricing page, as of autumn 2026): duration is rounded up to the next 1 ms, and since
 * 2025-08-01 the INIT phase of ZIP functions on managed runtimes is billed too, so a cold start's
 * Billed Duration covers Init + Duration. Locally, "Init Duration" also includes tsx compiling the
 * TypeScript on the fly (Lambda loads the esbuild bundle), and "Max Memory Used" is this whole Node
 * process (tsx, and the in-process local DynamoDB when one runs), so both read higher than in Lambda.
 * This file is the same in every example (a test checks it).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Context } from 'aws-lambda';

/** MemorySize and Timeout as template.yaml sets them (Lambda's defaults otherwise: 128 MB, 3 s). */
export function functionSettings(template = readFileSync('template.yaml', 'utf8')) {
  const num = (key: string, fallback: number) => Number(new RegExp(`${key}:\\s*(\\d+)`).exec(template)?.[1] ?? fallback);
  return { memoryMB: num('MemorySize', 128), timeoutS: num('Timeout', 3) };
}

export function lambdaContext(functionName = 'local-function', settings = { memoryMB: 128, timeoutS: 3 }): Context {
  const deadline = Date.now() + settings.timeoutS * 1000;
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: String(settings.memoryMB),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

export interface Invocation {
  /** What the handler returned, or Lambda's error shape when it threw. */
  response: unknown;
  failed: boolean;
  report: string;
}

export type Handler = (event: never, context: Context) => Promise<unknown>;

/** Invoke once; pass `initMs` (time spent importing the handler) on the first, cold, call only. */
export async function invokeOnce(handler: Handler, event: unknown, context: Context, initMs?: number): Promise<Invocation> {
  const start = performance.now();
  let response: unknown;
  let failed = false;
  try {
    response = await handler(event as never, context);
  } catch (err) {
    failed = true;
    const e = err instanceof Error ? err : new Error(String(err));
    response = { errorType: e.name, errorMessage: e.message };
  }
  const durationMs = performance.now() - start;
  const billedMs = Math.ceil(durationMs + (initMs ?? 0));
  // Peak resident memory of this process; WebContainers (StackBlitz) may only offer the current value.
  const maxMemoryMB =
    typeof process.resourceUsage === 'function'
      ? Math.round(process.resourceUsage().maxRSS / 1024)
      : Math.round(process.memoryUsage().rss / 2 ** 20);
  const report = [
    `REPORT RequestId: ${context.awsRequestId}`,
    `Duration: ${durationMs.toFixed(2)} ms`,
    `Billed Duration: ${billedMs} ms`,
    `Memory Size: ${context.memoryLimitInMB} MB`,
    `Max Memory Used: ${maxMemoryMB} MB`,
    ...(initMs === undefined ? [] : [`Init Duration: ${initMs.toFixed(2)} ms`]),
  ].join('\t');
  return { response, failed, report };
}
