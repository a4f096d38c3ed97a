/** The sample events in events/, typed with @types/aws-lambda (`npm run typecheck` checks them). */
import type { EventBridgeEvent } from 'aws-lambda';
import placed from '../events/1-order-placed.json' with { type: 'json' };
import again from '../events/2-order-placed-delivered-again.json' with { type: 'json' };
import missingAmount from '../events/3-order-placed-missing-amount.json' with { type: 'json' };

export type OrderPlacedEvent = EventBridgeEvent<'OrderPlaced', unknown>;

// A JSON import types "detail-type" as string; the type wants the literal the shop sends.
const orderPlaced = (e: Omit<OrderPlacedEvent, 'detail-type'> & { 'detail-type': string }): OrderPlacedEvent => {
  if (e['detail-type'] !== 'OrderPlaced') throw new Error(`not an OrderPlaced event: ${e['detail-type']}`);
  return { ...e, 'detail-type': 'OrderPlaced' };
};

export const events = { placed: orderPlaced(placed), again: orderPlaced(again), missingAmount: orderPlaced(missingAmount) };
