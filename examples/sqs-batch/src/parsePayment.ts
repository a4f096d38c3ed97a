/** The message body the producer sends: {"paymentId": "p-1", "orderId": "123", "amountCents": 1999}. */
export interface Payment {
  paymentId: string;
  orderId: string;
  amountCents: number;
}

/** Parse and validate one message body; throws an Error naming the field when it is bad. */
export function parsePayment(body: string): Payment {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new Error('Message body is not valid JSON.');
  }
  const { paymentId, orderId, amountCents } = (data ?? {}) as Record<string, unknown>;
  if (typeof paymentId !== 'string' || paymentId === '') throw new Error('Field "paymentId" must be a non-empty string.');
  if (typeof orderId !== 'string' || orderId === '') throw new Error('Field "orderId" must be a non-empty string.');
  if (!Number.isInteger(amountCents) || (amountCents as number) <= 0) {
    throw new Error(`Field "amountCents" must be a positive whole number of cents, got ${JSON.stringify(amountCents)}.`);
  }
  return { paymentId, orderId, amountCents: amountCents as number };
}
