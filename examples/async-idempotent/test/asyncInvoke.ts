/**
 * A small model of how Lambda delivers an asynchronous event (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html): the first attempt,
 * then up to `maximumRetryAttempts` retries (default 2, range 0–2) when the function throws; when
 * all fail, the event goes to the on-failure destination. The 1- and 2-minute waits between
 * attempts are replaced by `beforeRetry`, where a test can change the world (e.g. fix a fault).
 */
export interface Delivery<R> {
  attempts: number;
  result?: R;
  /** Set when every attempt failed: what the on-failure destination would receive. */
  toDestination?: { condition: 'RetriesExhausted'; errorMessage: string };
}

export async function deliverAsync<E, R>(
  handler: (event: E) => Promise<R>,
  event: E,
  { maximumRetryAttempts = 2, beforeRetry = async () => {} }: { maximumRetryAttempts?: number; beforeRetry?: (attempt: number) => Promise<void> } = {},
): Promise<Delivery<R>> {
  let lastError = '';
  for (let attempt = 1; attempt <= 1 + maximumRetryAttempts; attempt++) {
    if (attempt > 1) await beforeRetry(attempt);
    try {
      return { attempts: attempt, result: await handler(event) };
    } catch (err) {
      lastError = (err as Error).message;
    }
  }
  return { attempts: 1 + maximumRetryAttempts, toDestination: { condition: 'RetriesExhausted', errorMessage: lastError } };
}
