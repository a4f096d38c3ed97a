/** The `detail` of an "OrderPlaced" event the shop publishes to EventBridge. */
export interface OrderPlaced {
  orderId: string;
  customerId: string;
  amountCents: number;
}

/** Check the detail; throws an Error naming the field when it is bad. */
export function parseOrderPlaced(detail: unknown): OrderPlaced {
  const { orderId, customerId, amountCents } = (detail ?? {}) as Record<string, unknown>;
  if (typeof orderId !== 'string' || orderId === '') throw new Error('detail.orderId must be a non-empty string');
  if (typeof customerId !== 'string' || customerId === '') throw new Error('detail.customerId must be a non-empty string');
  if (!Number.isInteger(amountCents) || (amountCents as number) <= 0) {
    throw new Error(`detail.amountCents must be a positive whole number of cents, got ${JSON.stringify(amountCents)}`);
  }
  return { orderId, customerId, amountCents: amountCents as number };
}
