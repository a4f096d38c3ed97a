import { describe, expect, it } from 'vitest';
import { runSqs } from '~/sim/index.ts';

/**
 * Closed forms for the dead-letter-queue share, each message failing each attempt independently with
 * probability p, redrive after k receives:
 *
 * - ReportBatchItemFailures: a message goes to the DLQ iff its k receives all fail: P = p^k.
 * - Whole-batch failure, batches of exactly B: a receive fails when any of the B messages fails,
 *   q = 1 − (1 − p)^B, and a failed batch comes back whole, so its B messages are received together
 *   again: P = q^k. (20,000 messages in batches of 10 stay in units of 10: the queue's returned
 *   messages are received first, in the units they came back in.)
 *
 * The count of DLQ messages is binomial over independent units (messages, or batches of B), so the
 * tolerance is 4 standard deviations of that count.
 */
function dlqShare(p: number, k: number, partialBatch: boolean, seed: number) {
  const n = 20_000;
  const r = runSqs({ backlog: n, batchSize: 10, errorRate: p, maxReceiveCount: k, partialBatch, duration: 'const:100', simSeconds: 3_600, seed });
  expect(r.summary.messagesLeft).toBe(0);
  expect(r.summary.messagesSucceeded + r.summary.messagesToDlq).toBe(n);
  return r.summary.messagesToDlq;
}

describe('DLQ share against its closed form', () => {
  it('partial batch responses: p^k', () => {
    const p = 0.3;
    const k = 3;
    const expected = 20_000 * p ** k; // 540
    const sd = Math.sqrt(20_000 * p ** k * (1 - p ** k));
    for (const seed of [1, 2]) expect(Math.abs(dlqShare(p, k, true, seed) - expected)).toBeLessThan(4 * sd);
  });
  it('whole-batch failure: (1 − (1 − p)^B)^k, far more than p^k', () => {
    const p = 0.05;
    const k = 3;
    const q = 1 - (1 - p) ** 10;
    const units = 2_000;
    const expected = 20_000 * q ** k; // ≈ 1,293
    const sd = 10 * Math.sqrt(units * q ** k * (1 - q ** k));
    for (const seed of [1, 2]) {
      const got = dlqShare(p, k, false, seed);
      expect(Math.abs(got - expected)).toBeLessThan(4 * sd);
      expect(got).toBeGreaterThan(100 * 20_000 * p ** k); // p^k alone would send 2.5
    }
  });
  it('with partial batch responses and p = 0 nothing fails; with p = 1 everything reaches the DLQ', () => {
    expect(dlqShare(0, 3, true, 1)).toBe(0);
    expect(dlqShare(1, 3, true, 1)).toBe(20_000);
    expect(dlqShare(1, 3, false, 1)).toBe(20_000);
  });
});
