/**
 * The sample events in events/: Lambda function URL requests signed with SigV4 (the URLs in
 * template.yaml use AuthType AWS_IAM), typed with @types/aws-lambda (`npm run typecheck`).
 */
import type { LambdaFunctionURLEventWithIAMAuthorizer } from 'aws-lambda';
import visit1 from '../events/1-visit-home.json' with { type: 'json' };
import visit2 from '../events/2-visit-home.json' with { type: 'json' };
import visit3 from '../events/3-visit-home.json' with { type: 'json' };

export const visits: LambdaFunctionURLEventWithIAMAuthorizer[] = [visit1, visit2, visit3];
