/**
 * The sample events in events/, typed with @types/aws-lambda (`npm run typecheck` checks them).
 * API Gateway leaves `requestContext.authorizer` out when no authorizer is configured, while the
 * type declares it (as possibly undefined); `proxyEvent` accepts exactly that difference.
 */
import type { APIGatewayEventRequestContext, APIGatewayProxyEvent } from 'aws-lambda';
import create from '../events/1-create-order.json' with { type: 'json' };
import again from '../events/2-create-same-order-again.json' with { type: 'json' };
import missingName from '../events/3-missing-name.json' with { type: 'json' };
import invalidJson from '../events/4-invalid-json.json' with { type: 'json' };

type AsDelivered = Omit<APIGatewayProxyEvent, 'requestContext'> & {
  requestContext: Omit<APIGatewayEventRequestContext, 'authorizer'>;
};
const proxyEvent = (e: AsDelivered): APIGatewayProxyEvent => ({ ...e, requestContext: { ...e.requestContext, authorizer: undefined } });

export const events = {
  create: proxyEvent(create),
  again: proxyEvent(again),
  missingName: proxyEvent(missingName),
  invalidJson: proxyEvent(invalidJson),
};

/** The create event with another body, as API Gateway would deliver it. */
export const withBody = (body: string | null): APIGatewayProxyEvent => ({ ...events.create, body });
