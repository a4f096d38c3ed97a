/** The sample events in events/ (Lambda function URL requests), typed with @types/aws-lambda. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import visit1 from '../events/1-visit-home.json' with { type: 'json' };
import visit2 from '../events/2-visit-home.json' with { type: 'json' };
import visit3 from '../events/3-visit-home.json' with { type: 'json' };

export const visits: APIGatewayProxyEventV2[] = [visit1, visit2, visit3];
