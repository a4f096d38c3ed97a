/**
 * Coverage checklist: every part of the source chapter (../shared/seed/chapter-2.6-lambda.md) can be
 * found on the built site. Reads dist/** /index.html after `npx astro build`; needs no browser.
 *
 * Each checklist entry maps one element of the chapter — a section, a table row, a best-practice or
 * anti-pattern line, a troubleshooting row, a summary row, a revision question, a code block — to the
 * page that covers it and key phrases that must appear in that page's main content (prose and code,
 * not diagram text). Phrases are matched case-insensitively on normalised text (tags stripped,
 * whitespace collapsed, curly quotes straightened).
 *
 * It also checks that the six chapter diagrams render as inline <svg role="img"> with their accessible
 * name on the right page, that each accuracy correction appears with its AWS source link, that every
 * page shows its "last verified" date, and that every internal link and anchor on the chapter's pages
 * resolves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = process.env.LL_DIST || 'dist';
if (!fs.existsSync(path.join(DIST, 'lambda'))) {
  throw new Error(`${DIST}/lambda/ is missing: run \`npx astro build\` before the browser project.`);
}

function htmlOf(route: string): string {
  return fs.readFileSync(path.join(DIST, route, 'index.html'), 'utf8');
}

/** The page's <main> element only (no sidebar, header or search UI). */
function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start, end) : html;
}

/** Visible text of an HTML fragment, normalised for phrase matching. Diagrams are excluded. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<\/(p|div|li|td|th|tr|h[1-6]|summary|figcaption|pre|dt|dd)>|<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const P = {
  overview: 'lambda/overview',
  config: 'lambda/configuration',
  handler: 'lambda/writing-a-handler',
  cli: 'lambda/deploying-with-the-cli',
  events: 'lambda/event-sources',
  connect: 'lambda/connecting-event-sources',
  versions: 'lambda/versions-and-aliases',
  concurrency: 'lambda/concurrency',
  cold: 'lambda/cold-starts',
  best: 'lambda/best-practices',
  arch: 'lambda/serverless-architecture',
  pricing: 'lambda/pricing',
  trouble: 'lambda/troubleshooting',
  summary: 'lambda/summary-and-self-check',
  landing: '',
} as const;

interface Item {
  /** The element of the source chapter. */
  chapter: string;
  page: string;
  phrases: string[];
}

const CHECKLIST: Record<string, Item[]> = {
  'sections': [
    { chapter: 'Overview', page: P.overview, phrases: ['never create, patch or size a server', 'you are not charged for compute', 'serverless'] },
    { chapter: 'How Lambda Works', page: P.overview, phrases: ['How Lambda works', 'execution environment', 'CloudWatch Logs'] },
    { chapter: 'Lambda Configuration', page: P.config, phrases: ['The settings at a glance'] },
    { chapter: 'Lambda Function Example (Python)', page: P.handler, phrases: ['The example function', 'def lambda_handler(event, context):'] },
    { chapter: 'Deploy with CLI', page: P.cli, phrases: ['Package, create, test, update'] },
    { chapter: 'Event Sources', page: P.events, phrases: ['Three ways to be invoked'] },
    { chapter: 'Common Event Source Mappings', page: P.events, phrases: ["Connecting sources: the chapter's commands"] },
    { chapter: 'Common Event Source Mappings (commands)', page: P.connect, phrases: ['S3 object uploads (asynchronous)', 'An SQS queue (poll-based)', 'A schedule (asynchronous, via EventBridge)'] },
    { chapter: 'Lambda Versions and Aliases', page: P.versions, phrases: ['$LATEST, versions and aliases'] },
    { chapter: 'Lambda Concurrency', page: P.concurrency, phrases: ['The concurrency model'] },
    { chapter: 'Cold Start Problem', page: P.cold, phrases: ['Cold start versus warm start', 'Reducing cold starts'] },
    { chapter: 'Lambda Best Practices', page: P.best, phrases: ['Practices to follow', 'Anti-patterns to avoid'] },
    { chapter: 'Serverless Architecture Pattern', page: P.arch, phrases: ['The architecture', 'What each part does'] },
    { chapter: 'Troubleshooting Tips', page: P.trouble, phrases: ['Symptoms at a glance'] },
    { chapter: 'Summary Table', page: P.summary, phrases: ['The chapter in one table'] },
    { chapter: 'Quick Revision Questions', page: P.summary, phrases: ['Self-check'] },
  ],
  'How Lambda works diagram details': [
    { chapter: 'Event sources API GW, S3, SQS, DynamoDB, Schedule, ALB', page: P.overview, phrases: ['an HTTP request arrived, a file was uploaded, a message landed in a queue'] },
    { chapter: 'Runtime: Python/Node/Java/Go/.NET', page: P.config, phrases: ['python3.14', 'nodejs24.x', 'java25', 'dotnet10', 'provided.al2023'] },
    { chapter: 'Output: response, logs, metrics', page: P.overview, phrases: ['a response to the caller, log lines to Amazon CloudWatch Logs, and metrics'] },
    { chapter: 'Memory 128MB-10GB, timeout max 15 min, temp disk 512MB-10GB', page: P.overview, phrases: ['memory', 'timeout', 'ephemeral storage'] },
  ],
  'configuration table rows': [
    { chapter: 'Memory: 128 MB – 10,240 MB, default 128 MB, CPU scales proportionally', page: P.config, phrases: ['128 MB to 10,240 MB, in 1 MB steps', 'CPU is allocated in proportion to memory', 'At 1,769 MB a function has the equivalent of one full vCPU'] },
    { chapter: 'Timeout: 1 sec – 15 min, default 3 sec, set on expected duration', page: P.config, phrases: ['1 second to 900 seconds (15 minutes)', 'The default of 3 seconds', 'Choose it from evidence'] },
    { chapter: 'Ephemeral storage: 512 MB – 10 GB, default 512 MB, /tmp', page: P.config, phrases: ['512 MB to 10,240 MB', 'writable directory at /tmp'] },
    { chapter: 'Concurrency: account limit 1000, scales automatically', page: P.config, phrases: ['Lambda adds environments automatically', 'starts at 1,000 by default', 'soft quota'] },
    { chapter: 'Environment variables: config without code change', page: P.config, phrases: ["os.environ['TABLE_NAME']", 'process.env.TABLE_NAME', '4 KB'] },
    { chapter: 'Layers: up to 5, shared code/dependencies', page: P.config, phrases: ['up to five layers', '250 MB unzipped'] },
    { chapter: 'VPC: optional, required for private resources', page: P.config, phrases: ['only when it must reach something private', 'NAT gateway'] },
  ],
  'code': [
    { chapter: 'Python handler, as written', page: P.handler, phrases: ["dynamodb = boto3.resource('dynamodb')", "body = json.loads(event.get('body', '{}'))", "'timestamp': context.aws_request_id", 'print(f"Error: {str(e)}") # Goes to CloudWatch Logs'] },
    { chapter: 'TypeScript handler (nodejs24.x, SDK v3)', page: P.handler, phrases: ['DynamoDBDocumentClient', 'PutCommand', 'export async function handler'] },
    { chapter: 'Deploy step 1: zip', page: P.cli, phrases: ['zip function.zip lambda_function.py'] },
    { chapter: 'Deploy step 2: create-function (current runtimes)', page: P.cli, phrases: ['aws lambda create-function', '--runtime python3.14', '--runtime nodejs24.x', '--architectures arm64', '--handler lambda_function.lambda_handler', '--environment "Variables={TABLE_NAME=orders,ENV=production}"'] },
    { chapter: 'Deploy step 3: invoke with raw-in-base64-out, cat output.json', page: P.cli, phrases: ['aws lambda invoke', '--cli-binary-format raw-in-base64-out', 'cat output.json'] },
    { chapter: 'Deploy step 4: update-function-code', page: P.cli, phrases: ['aws lambda update-function-code'] },
    { chapter: 'S3 trigger: add-permission + bucket notification', page: P.connect, phrases: ['aws lambda add-permission', '--principal s3.amazonaws.com', 'aws s3api put-bucket-notification-configuration', '"Events": ["s3:ObjectCreated:*"]', '"Value": ".jpg"'] },
    { chapter: 'SQS trigger: create-event-source-mapping --batch-size 10', page: P.connect, phrases: ['aws lambda create-event-source-mapping', 'order-queue', '--batch-size 10'] },
    { chapter: 'Scheduled trigger: put-rule cron + put-targets', page: P.connect, phrases: ['aws events put-rule', 'cron(0 2 * * ? *)', 'aws events put-targets', '--principal events.amazonaws.com'] },
    { chapter: 'publish-version', page: P.versions, phrases: ['aws lambda publish-version', 'v1.2 - added validation'] },
    { chapter: 'create-alias prod → version 2', page: P.versions, phrases: ['aws lambda create-alias', '--function-version 2'] },
    { chapter: 'update-alias weighted routing 90/10', page: P.versions, phrases: ['aws lambda update-alias', '{"AdditionalVersionWeights": {"3": 0.1}}', '90% of invocations run version 2'] },
  ],
  'event sources diagram': [
    { chapter: 'Synchronous: API Gateway, ALB, Cognito, CloudFront (Lambda@Edge)', page: P.events, phrases: ['Synchronous — the caller sends the event and waits', 'Application Load Balancers', 'Amazon Cognito', 'Lambda@Edge'] },
    { chapter: 'Asynchronous: S3 events, SNS, CloudWatch Events, EventBridge', page: P.events, phrases: ['Asynchronous — the source hands the event to Lambda', 'S3 event notifications', 'Amazon SNS', 'CloudWatch Events is EventBridge'] },
    { chapter: 'Poll-based: SQS, DynamoDB Streams, Kinesis', page: P.events, phrases: ['Poll-based — the events sit in a queue or stream', 'event source mapping', 'DynamoDB Streams', 'Kinesis Data Streams'] },
  ],
  'versions and aliases diagram': [
    { chapter: '$LATEST mutable', page: P.versions, phrases: ['It is mutable'] },
    { chapter: 'Versions are immutable snapshots', page: P.versions, phrases: ['immutable snapshot'] },
    { chapter: 'Aliases point to versions (prod → 2, staging → 3)', page: P.versions, phrases: ['named pointer to a version', 'prod or staging'] },
    { chapter: 'Weighted alias (canary)', page: P.versions, phrases: ['Canary releases with a weighted alias'] },
  ],
  'concurrency model diagram': [
    { chapter: 'Account limit 1000 (default)', page: P.concurrency, phrases: ['1,000 concurrent executions by default'] },
    { chapter: 'Unreserved shared pool', page: P.concurrency, phrases: ['draw from a single concurrency quota'] },
    { chapter: 'Reserved concurrency: guaranteed for a function', page: P.concurrency, phrases: ['it is a guarantee', 'it is a cap'] },
    { chapter: 'Provisioned concurrency: pre-warmed, paid even if unused, latency-sensitive', page: P.concurrency, phrases: ['create a number of execution environments in advance', 'billed while it is enabled, used or not', 'latency-sensitive, user-facing functions'] },
  ],
  'cold start diagram and mitigations': [
    { chapter: 'Cold start: create env → download code → init runtime → handler → response', page: P.cold, phrases: ["Lambda's own work (placing a new micro-VM, fetching your package) plus the INIT phase"] },
    { chapter: 'Warm start: reused environment, much faster', page: P.cold, phrases: ['The warm path skips straight to your handler'] },
    { chapter: 'Mitigation: Provisioned Concurrency', page: P.cold, phrases: ['Use provisioned concurrency'] },
    { chapter: 'Mitigation: keep package small', page: P.cold, phrases: ['Keep the package small'] },
    { chapter: 'Mitigation: lightweight runtimes (Python/Node > Java)', page: P.cold, phrases: ['Choose the runtime with cold starts in mind', 'Python and Node.js start faster than Java'] },
    { chapter: 'Mitigation: init SDK clients outside handler', page: P.cold, phrases: ['Initialize SDK clients outside the handler'] },
    { chapter: 'Mitigation: avoid VPC unless needed', page: P.cold, phrases: ['Avoid a VPC unless you need one'] },
  ],
  'best practices and anti-patterns': [
    { chapter: '✓ Keep functions small and focused (single responsibility)', page: P.best, phrases: ['Keep each function small and focused', 'Give each function one job'] },
    { chapter: '✓ Initialize SDK clients outside the handler', page: P.best, phrases: ['Initialize SDK clients outside the handler', 'built once per execution environment'] },
    { chapter: '✓ Use environment variables for configuration', page: P.best, phrases: ['Use environment variables for configuration'] },
    { chapter: '✓ Set appropriate memory (more memory = more CPU = faster)', page: P.best, phrases: ['more memory means more CPU'] },
    { chapter: "✓ Set appropriate timeout (don't use max 15 min unless needed)", page: P.best, phrases: ['Set a timeout that matches the work', 'not the 15-minute maximum'] },
    { chapter: '✓ Use Lambda Layers for shared dependencies', page: P.best, phrases: ['Share dependencies with layers'] },
    { chapter: '✓ Use Dead Letter Queues (DLQ) for failed async invocations', page: P.best, phrases: ['dead-letter queue', 'on-failure destination'] },
    { chapter: '✓ Use X-Ray for tracing and debugging', page: P.best, phrases: ['Trace requests with AWS X-Ray', '--tracing-config Mode=Active'] },
    { chapter: '✓ Use Powertools for Lambda (logging, tracing, metrics)', page: P.best, phrases: ['Powertools for AWS Lambda', 'structured JSON logging'] },
    { chapter: "✗ Don't use Lambda for long-running tasks (>15 min)", page: P.best, phrases: ['Long-running tasks beyond 15 minutes'] },
    { chapter: "✗ Don't store state in Lambda (use DynamoDB/S3)", page: P.best, phrases: ['Keeping state inside the function', 'DynamoDB for records and sessions, S3 for files'] },
    { chapter: "✗ Don't use Lambda for constant high-volume processing (use ECS)", page: P.best, phrases: ['Constant, high-volume processing', 'Amazon ECS'] },
  ],
  'serverless architecture components': [
    { chapter: 'Client → CloudFront → S3 static frontend', page: P.arch, phrases: ['Amazon CloudFront is the single front door', 'Amazon S3 (static frontend)'] },
    { chapter: 'API Gateway → Lambda → DynamoDB', page: P.arch, phrases: ['Amazon API Gateway turns HTTP requests', 'Amazon DynamoDB stores'] },
    { chapter: 'Lambda → S3 file storage, SES email, SNS notifications', page: P.arch, phrases: ['Amazon S3 (file storage)', 'Amazon SES sends transactional email', 'Amazon SNS publishes notifications'] },
    { chapter: 'Authentication: Cognito', page: P.arch, phrases: ['Amazon Cognito manages user sign-up and sign-in'] },
    { chapter: 'Monitoring: CloudWatch + X-Ray', page: P.arch, phrases: ['Amazon CloudWatch collects the logs', 'AWS X-Ray'] },
    { chapter: 'CI/CD: SAM / CodePipeline', page: P.arch, phrases: ['AWS SAM', 'AWS CodePipeline'] },
    { chapter: 'Cost: pay only when users are active', page: P.arch, phrases: ['"Pay only when users are active."'] },
    { chapter: 'Scaling: automatic, 0 to thousands', page: P.arch, phrases: ['"Automatic scaling from zero to thousands of concurrent requests."'] },
  ],
  'troubleshooting rows': [
    { chapter: 'Timeout errors | takes too long | increase timeout; optimize; check external calls', page: P.trouble, phrases: ['Timeout errors', 'Task timed out after', 'Give every SDK and HTTP client its own'] },
    { chapter: 'Out of memory | memory too low | increase memory (also CPU)', page: P.trouble, phrases: ['Out of memory', 'Max Memory Used equal to Memory Size', 'raise the memory setting; it also brings proportionally more CPU'] },
    { chapter: 'Cold start latency | new environment | Provisioned Concurrency; package size', page: P.trouble, phrases: ['Cold start latency', 'shrink the package'] },
    { chapter: 'ResourceNotFoundException | wrong name/region | verify ARN, region, alias', page: P.trouble, phrases: ['ResourceNotFoundException', 'different Region', 'qualifier'] },
    { chapter: 'Permission denied to DynamoDB/S3 | missing IAM permissions | add to execution role', page: P.trouble, phrases: ['Permission denied to DynamoDB or S3', 'AccessDeniedException', 'execution role'] },
    { chapter: 'Function throttled | concurrency limit | request increase; reserved concurrency', page: P.trouble, phrases: ['Function throttled', '429 TooManyRequestsException', 'Service Quotas', 'reserved concurrency'] },
  ],
  'summary rows': [
    { chapter: 'Lambda: serverless compute, pay per invocation + duration, max 15 min', page: P.summary, phrases: ['Serverless compute', 'Billed per request plus GB-seconds', 'at most 15 minutes'] },
    { chapter: 'Event Sources: sync, async, poll', page: P.summary, phrases: ['synchronous (API Gateway, ALB', 'asynchronous (S3, SNS', 'poll-based (SQS, DynamoDB Streams'] },
    { chapter: 'Versions: immutable; $LATEST mutable', page: P.summary, phrases: ['immutable snapshot of code and configuration', '$LATEST is the mutable working copy'] },
    { chapter: 'Aliases: named pointers, weighted routing for canary', page: P.summary, phrases: ['Named, movable pointers to versions', 'canary releases'] },
    { chapter: 'Concurrency: default 1000/account, reserved = guaranteed, provisioned = pre-warmed', page: P.summary, phrases: ['1,000 per account and Region by default', 'Reserved = guaranteed share and cap', 'Provisioned = initialized in advance'] },
    { chapter: 'Cold start: first invocation latency, mitigate with PC and small packages', page: P.summary, phrases: ["a new environment's INIT", 'Reduce with provisioned concurrency, SnapStart, small packages'] },
    { chapter: 'Best practices: single responsibility, init outside handler, env vars, DLQ', page: P.summary, phrases: ['One job per function', 'SDK clients initialized outside the handler', 'configuration in environment variables', 'a DLQ or on-failure destination'] },
  ],
  'revision questions': [
    { chapter: 'Q1 maximum execution time', page: P.summary, phrases: ['What is the maximum execution time for a Lambda function?', '15 minutes (900 seconds) for one invocation'] },
    { chapter: 'Q2 pricing', page: P.summary, phrases: ['How does Lambda pricing work?', '$0.20 per million'] },
    { chapter: 'Q3 cold start and prevention', page: P.summary, phrases: ['What is a cold start and how do you prevent it?', 'provisioned concurrency'] },
    { chapter: 'Q4 SDK clients outside handler', page: P.summary, phrases: ['Why should you initialize SDK clients outside the handler function?', 'once per execution environment'] },
    { chapter: 'Q5 reserved vs provisioned', page: P.summary, phrases: ['What is the difference between reserved and provisioned concurrency?'] },
    { chapter: 'Q6 three event sources', page: P.summary, phrases: ['Name three common event sources for Lambda.', 'API Gateway (synchronous)', 'S3 event notifications (asynchronous)', 'SQS queues (poll-based'] },
  ],
  'course navigation (landing page)': [
    { chapter: 'Previous: 2.5 Elastic Load Balancing', page: P.landing, phrases: ['2.5 Elastic Load Balancing', 'not of this site'] },
    { chapter: 'Next: Unit 3 VPC concepts', page: P.landing, phrases: ['Unit 3: VPC concepts'] },
  ],
};

/** The six diagrams of the chapter: accessible name (accTitle) and the page that must show it. */
const CHAPTER_DIAGRAMS = [
  { name: 'How Lambda works', page: P.overview },
  { name: 'Lambda event sources by invocation model', page: P.events },
  { name: 'Lambda versions and aliases', page: P.versions },
  { name: 'Lambda concurrency model', page: P.concurrency },
  { name: 'Cold start versus warm start', page: P.cold },
  { name: 'Serverless web application architecture', page: P.arch },
];
/** Diagrams added by this site. */
const NEW_DIAGRAMS = [
  { name: 'Execution environment lifecycle', page: P.overview, type: 'stateDiagram-v2' },
  { name: 'Synchronous, asynchronous and poll-based invocation compared', page: P.events, type: 'sequenceDiagram' },
];

/** Accuracy points (issue 4, lambda-facts §6): page, phrases that state what is true now, AWS source link. */
const ACCURACY: { point: string; page: string; phrases: string[]; absent?: string[]; source: string }[] = [
  { point: 'VPC cold-start claim: Hyperplane ENIs since 2019', page: P.cold, phrases: ['Hyperplane network interfaces', 'created or its VPC settings change'], source: 'https://aws.amazon.com/blogs/compute/announcing-improved-vpc-networking-for-aws-lambda-functions/' },
  { point: 'VPC claim also corrected where VPC is configured', page: P.config, phrases: ['Hyperplane network interfaces'], source: 'https://aws.amazon.com/blogs/compute/announcing-improved-vpc-networking-for-aws-lambda-functions/' },
  { point: 'Cold-start frequency (<1%) and range (under 100 ms to over 1 s)', page: P.cold, phrases: ['under 1% of invocations', 'from under 100 ms to over 1 second'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html#cold-start-latency' },
  { point: '10 s is the INIT time limit, not a latency', page: P.cold, phrases: ['the INIT phase of an on-demand function may take at most 10 seconds'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html#cold-start-latency' },
  { point: '1,000 is a default soft quota per Region', page: P.concurrency, phrases: ['soft quota per Region', 'tens of thousands'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html' },
  { point: 'Per-function scaling: 1,000 environments every 10 s', page: P.concurrency, phrases: ['1,000 new execution environments every 10 seconds'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html' },
  { point: 'Reserved vs provisioned; when provisioned still cold-starts', page: P.concurrency, phrases: ['reserved concurrency also caps the function', 'spills over', 'recycles provisioned environments'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html' },
  { point: 'Pricing: INIT billed since 1 August 2025', page: P.pricing, phrases: ['Since 1 August 2025 INIT is billed'], source: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/' },
  { point: 'Pricing: Arm 20% cheaper duration', page: P.pricing, phrases: ['Arm is 20% cheaper per GB-second'], source: 'https://aws.amazon.com/blogs/aws/aws-lambda-functions-powered-by-aws-graviton2-processor-run-your-functions-on-arm-and-get-up-to-34-better-price-performance/' },
  { point: 'Pricing: duration tiers', page: P.pricing, phrases: ['First 6 billion', 'Over 15 billion', 'First 7.5 billion'], source: 'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/' },
  { point: 'Pricing: ephemeral storage', page: P.pricing, phrases: ['$0.0000000309 per GB-second'], source: 'https://aws.amazon.com/lambda/pricing/' },
  { point: 'Pricing: provisioned concurrency', page: P.pricing, phrases: ['$0.0000041667', '$0.0000097222', 'rounded up to the next 5 minutes'], source: 'https://aws.amazon.com/lambda/pricing/' },
  { point: 'Pricing: free tier 1M requests + 400,000 GB-s', page: P.pricing, phrases: ['1 million requests and 400,000 GB-seconds', 'free tier does not apply to provisioned concurrency'], source: 'https://aws.amazon.com/lambda/pricing/' },
  { point: '15-minute limit and today\'s options (durable functions, Step Functions, containers, Managed Instances)', page: P.best, phrases: ['one standard invocation is capped at 15 minutes', 'Lambda durable functions', 'AWS Step Functions', 'containers on Amazon ECS or AWS Fargate', 'Lambda Managed Instances'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/durable-functions.html' },
  { point: 'Same, where the timeout is configured', page: P.config, phrases: ['one standard invocation is capped at 15 minutes', 'durable functions'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html' },
  { point: 'Current runtimes (python3.14, nodejs24.x)', page: P.cli, phrases: ['the current Python runtime is python3.14', 'nodejs24.x'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html' },
  { point: 'Runtimes table', page: P.config, phrases: ['Current managed runtimes'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html' },
  { point: '1 MB asynchronous payload', page: P.events, phrases: ['asynchronous invocation is now 1 MB'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html' },
  // The fact-check of late 2026: each correction with its AWS source, and the wrong wording gone.
  { point: 'Callback-style handlers: not supported on nodejs24.x at all', page: P.handler, phrases: ['not supported at all on nodejs24.x', 'callback-style handlers run only on nodejs22.x and earlier'], absent: ['is legacy and should not be mixed'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html' },
  { point: 'X-Ray SDKs and daemon in maintenance mode; OpenTelemetry recommended', page: P.best, phrases: ['in maintenance mode since 25 February 2026', 'AWS recommends OpenTelemetry', 'AWS Distro for OpenTelemetry (ADOT)'], source: 'https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon-eos.html' },
  { point: 'Architecture: X-Ray does not trace CloudFront; OpenTelemetry recommended', page: P.arch, phrases: ['CloudFront is not among the services X-Ray traces', 'maintenance mode since 25 February 2026', 'AWS recommends OpenTelemetry'], absent: ['through CloudFront, API Gateway'], source: 'https://docs.aws.amazon.com/xray/latest/devguide/xray-services.html' },
  { point: 'Parallelization factor > 1: order per partition key, not per shard', page: P.events, phrases: ['order is kept per partition key', 'not per shard'], absent: ['and records from one shard stay in order'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html' },
  { point: '.NET 9 container support ended 10 November 2026, out of the current runtimes', page: P.config, phrases: ['its support ended on 10 November 2026', 'Use dotnet10'], absent: ['.NET 9 only as a container image'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html' },
  { point: 'Provisioned concurrency billed per GB-second, enabled time rounded up to 5 minutes (concurrency)', page: P.concurrency, phrases: ['per GB-second of the memory you keep provisioned', 'rounded up to the nearest 5 minutes'], absent: ['billed for every minute', 'paid by the hour'], source: 'https://aws.amazon.com/lambda/pricing/' },
  { point: 'Provisioned concurrency billed per GB-second, enabled time rounded up to 5 minutes (cold starts)', page: P.cold, phrases: ['per GB-second of provisioned memory', 'rounded up to the nearest 5 minutes'], absent: ['paid every hour'], source: 'https://aws.amazon.com/lambda/pricing/' },
  { point: 'SnapStart is a function setting for versions published afterwards; only provisioned concurrency sits on a version or alias', page: P.versions, phrases: ['is a setting of the function', 'takes effect on the versions you publish afterwards', 'the one setting you put on a version or alias itself'], absent: ['are configured on a published version or an alias'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html' },
  { point: 'SnapStart turned on as a function setting (cold starts)', page: P.cold, phrases: ['SnapStart is a setting of the function', '--snap-start ApplyOn=PublishedVersions'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html' },
  { point: 'Zero to 5,000 in about 40 seconds only with a raised quota', page: P.concurrency, phrases: ['with the account quota raised to at least 5,000', 'about 40 seconds'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html' },
  { point: 'INIT: extensions, then the runtime, then the init code', page: P.overview, phrases: ['then starts any extensions', 'then starts the runtime, and then runs your initialization code'], absent: ['starts the runtime, starts any extensions'], source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html#runtimes-lifecycle-ib' },
  { point: 'IAM propagation: a new role may not be usable yet; wait and retry; no hard-coded Region', page: P.cli, phrases: ['IAM is eventually consistent', 'The role defined for the function cannot be assumed by Lambda', 'aws iam wait role-exists', 'arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders'], absent: ['arn:aws:dynamodb:us-east-1'], source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency' },
];

const chapterRoutes = [...new Set(Object.values(P))];

describe('chapter coverage on the built site (dist/)', () => {
  const text = new Map<string, string>(chapterRoutes.map((r) => [r, textOf(mainOf(htmlOf(r)))]));

  for (const [group, items] of Object.entries(CHECKLIST)) {
    describe(group, () => {
      for (const item of items) {
        it(`${item.chapter} → /${item.page}/`, () => {
          const t = text.get(item.page)!;
          const missing = item.phrases.filter((ph) => !t.includes(ph.toLowerCase()));
          expect(missing, `missing on /${item.page}/`).toEqual([]);
        });
      }
    });
  }

  describe('diagrams render as inline, named SVG on the right page', () => {
    const svgNamed = (html: string, name: string) => {
      const t = new RegExp(`<title id="([^"]+)">${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`).exec(html);
      if (!t) return false;
      const svg = html.lastIndexOf('<svg', t.index);
      const open = html.slice(svg, html.indexOf('>', svg) + 1);
      return open.includes('role="img"') && open.includes(`aria-labelledby="${t[1]}"`);
    };
    for (const d of CHAPTER_DIAGRAMS) {
      it(`chapter diagram "${d.name}" on /${d.page}/`, () => {
        expect(svgNamed(htmlOf(d.page), d.name)).toBe(true);
      });
    }
    for (const d of NEW_DIAGRAMS) {
      it(`new ${d.type} "${d.name}" on /${d.page}/`, () => {
        const html = htmlOf(d.page);
        expect(svgNamed(html, d.name)).toBe(true);
        expect(html).toContain(`data-diagram-type="${d.type}"`);
      });
    }
  });

  describe('accuracy corrections appear with their AWS source link', () => {
    for (const a of ACCURACY) {
      it(`${a.point} → /${a.page}/`, () => {
        const main = mainOf(htmlOf(a.page));
        const t = textOf(main);
        const missing = a.phrases.filter((ph) => !t.includes(ph.toLowerCase()));
        expect(missing, 'phrases').toEqual([]);
        expect((a.absent ?? []).filter((ph) => t.includes(ph.toLowerCase())), 'wording that must be gone').toEqual([]);
        expect(main, 'source link').toContain(`href="${a.source}"`);
      });
    }
    it('every Correction/Updated box names a source with a checked date', () => {
      let boxes = 0;
      for (const r of chapterRoutes) {
        for (const m of htmlOf(r).matchAll(/<aside class="ll-fix[\s\S]*?<\/aside>/g)) {
          boxes++;
          expect(m[0]).toMatch(/href="https:\/\/[^"]*amazon[^"]*"/);
          expect(m[0]).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}"/);
        }
      }
      // As many rendered boxes as <Correction> tags in the sources: none silently dropped.
      const inSources = fs
        .readdirSync('content/docs/lambda')
        .concat('../index.mdx')
        .map((f) => fs.readFileSync(path.join('content/docs/lambda', f), 'utf8'))
        .reduce((n, src) => n + (src.match(/^<Correction\b/gm)?.length ?? 0), 0);
      expect(inSources).toBeGreaterThanOrEqual(12);
      expect(boxes).toBe(inSources);
    });
  });

  describe('every page', () => {
    for (const r of chapterRoutes) {
      it(`/${r}/ shows its last-verified date`, () => {
        // The chapter's pages were checked on 2026-11-27; the page split out of event sources on 2026-12-02.
        const date = r === P.connect ? '2026-12-02' : '2026-11-27';
        expect(htmlOf(r)).toMatch(new RegExp(`Last verified against AWS sources: <time datetime="${date}"`));
      });
    }

    it('links internally only to pages and anchors that exist', () => {
      const ids = new Map<string, Set<string>>();
      const idsOf = (route: string) => {
        if (!ids.has(route)) ids.set(route, new Set([...htmlOf(route).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
        return ids.get(route)!;
      };
      const broken: string[] = [];
      for (const r of chapterRoutes) {
        for (const m of mainOf(htmlOf(r)).matchAll(/href="\/([^"#]*)(?:#([^"]*))?"/g)) {
          const route = m[1]!.replace(/\/$/, '');
          if (route.startsWith('_astro') || /\.\w+$/.test(route)) continue;
          if (!fs.existsSync(path.join(DIST, route, 'index.html'))) broken.push(`/${r}/ → /${m[1]}`);
          else if (m[2] && !idsOf(route).has(decodeURIComponent(m[2]))) broken.push(`/${r}/ → /${m[1]}#${m[2]}`);
        }
      }
      expect(broken).toEqual([]);
    });
  });

  describe('self-check quiz', () => {
    const html = mainOf(htmlOf(P.summary));
    const questions = [...html.matchAll(/<li class="ll-q[^"]*" data-q="([^"]+)">([\s\S]*?)<\/li>(?=<li class="ll-q|<\/ol>)/g)];
    it('has the six chapter questions plus at least six on concurrency, cold starts and pricing', () => {
      expect(questions.filter((q) => q[2]!.includes('Chapter question')).length).toBe(6);
      for (const tag of ['Concurrency', 'Cold starts', 'Pricing']) {
        expect(questions.filter((q) => q[2]!.includes(`>${tag}</span>`)).length, tag).toBeGreaterThanOrEqual(2);
      }
      expect(questions.length).toBeGreaterThanOrEqual(12);
    });
    it('hides each answer in a native <details> (readable without JavaScript) that links to its section', () => {
      for (const q of questions) {
        const answer = /<details[^>]*>[\s\S]*?<\/details>/.exec(q[2]!)?.[0] ?? '';
        expect(answer, q[1]).toContain('<summary');
        expect(answer, q[1]).toMatch(/href="\/lambda\/[a-z-]+\/#[a-z0-9-]+"/);
      }
    });
    it('keeps progress only in the browser (localStorage), with labelled controls', () => {
      const page = htmlOf(P.summary);
      expect(page).toContain('<ll-quiz');
      expect(page).toContain('localStorage');
      expect(page).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon/);
      for (const q of questions) expect(q[2]).toMatch(/role="group" aria-label="Mark your answer to: /);
    });
  });
});
