import { describe, expect, it } from 'vitest';
import { runCli } from '~/sim/cli/runCli.ts';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: () => { throw new Error('ENOENT'); } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sim sqs', () => {
  it('prints the JSON fields the issue names, in snake_case', () => {
    const r = cli('sqs', '--backlog', '100000', '--duration', 'const:30000', '--concurrency-limit', '3000', '--sim-seconds', '600', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['messages_in', 'messages_succeeded', 'messages_to_dlq', 'messages_left', 'invocations', 'throttles', 'cold_starts', 'peak_concurrency',
      'concurrency_by_minute', 'drained_at_s', 'max_backlog', 'max_message_age_s', 'order_violations', 'cost']) expect(j).toHaveProperty(k);
    expect(j.concurrency_by_minute.slice(0, 6)).toEqual([5, 305, 605, 905, 1205, 1250]);
    expect(j.cost.total_usd).toBeGreaterThan(0);
    expect(j.order_violations).toBeNull();
  });
  it('takes every flag of the issue', () => {
    const r = cli('sqs', '--backlog', '500', '--rate', '5', '--arrival', 'constant', '--batch-size', '10', '--batch-window', '0', '--message-kb', '4',
      '--duration', 'exp:100', '--init', 'const:200', '--mode', 'standard', '--min-pollers', '2', '--max-pollers', '200', '--max-concurrency', '20',
      '--scaling', 'legacy', '--concurrency-limit', '500', '--reserved', '50', '--visibility-timeout', '60', '--max-receive-count', '4',
      '--error-rate', '0.1', '--partial-batch', '--fifo', '--groups', '4', '--sim-seconds', '120', '--seed', '9', '--memory', '512', '--arch', 'arm64', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.order_violations).toBe(0);
    expect(j.peak_concurrency).toBeLessThanOrEqual(4);
    expect(j.seed).toBe(9);
  });
  it('provisioned mode reports pollers', () => {
    const r = cli('sqs', '--backlog', '100000', '--mode', 'provisioned', '--min-pollers', '5', '--duration', 'const:10000', '--sim-seconds', '60', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).peak_pollers).toBeGreaterThan(5);
  });
  it('a bad flag exits 2 with one line naming the flag and its range', () => {
    const cases: [string[], string][] = [
      [['--batch-size', '20000'], 'sim sqs: --batch-size must be an integer from 1 to 10,000 (messages); got "20000"'],
      [['--batch-size', '20'], 'sim sqs: --batch-window must be an integer from 1 to 300 (s) when the batch size is above 10; got 0'],
      [['--max-concurrency', '1'], 'sim sqs: --max-concurrency must be an integer from 2 to 1000 (concurrent invocations); got "1"'],
      [['--error-rate', '2'], 'sim sqs: --error-rate must be a number from 0 to 1 (probability per message attempt); got "2"'],
      [['--scaling', 'fast'], 'sim sqs: --scaling must be one of current, legacy; got "fast"'],
      [['--nope', '1'], 'sim sqs: unknown flag --nope; see --help'],
    ];
    for (const [argv, line] of cases) {
      const r = cli('sqs', ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe(line);
    }
  });
  it('--help lists the sqs and stream flags with their ranges from the rules tables', () => {
    const r = cli('sqs', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--visibility-timeout S .*An integer from 0 to 43,200 \(s\); default 30\./);
    expect(r.out).toMatch(/--parallelization F .*An integer from 1 to 10 \(batches per shard\); default 1\./);
  });
});

describe('sim stream', () => {
  it('prints the JSON fields the issue names', () => {
    const r = cli('stream', '--source', 'kinesis', '--shards', '2', '--parallelization', '2', '--rate', '100', '--keys', '50', '--batch-size', '10',
      '--batch-window', '0', '--duration', 'const:50', '--error-rate', '0', '--poison-records', '3,40', '--max-retries', '2', '--max-record-age', '3600',
      '--bisect', '--partial-batch', '--retention-hours', '48', '--sim-seconds', '120', '--seed', '2', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['records_in', 'records_succeeded', 'records_discarded', 'invocations', 'peak_concurrency', 'max_iterator_age_s', 'iterator_age_by_minute',
      'blocked_shard_seconds', 'order_violations', 'cost']) expect(j).toHaveProperty(k);
    expect(j.records_discarded).toBe(2);
    expect(j.iterator_age_by_minute).toHaveLength(2);
  });
  it('a bad flag exits 2 with one line', () => {
    expect(cli('stream', '--max-record-age', '30').err).toBe('sim stream: --max-record-age must be -1 or an integer from 60 to 604,800 (s); got "30"');
    expect(cli('stream', '--source', 'dynamodb', '--retention-hours', '48').err).toBe('sim stream: --retention-hours must be 24 (hours): DynamoDB Streams keep records 24 hours; got "48"');
    expect(cli('stream', '--max-retries', '-2').code).toBe(2);
  });
  it('caps the work of a run: per-record work (streams, FIFO) up front, everything else by --max-events', () => {
    expect(cli('stream', '--rate', '1000000', '--sim-seconds', '604800').err).toBe(
      'sim stream: --rate must be at most 330 (records/s) for this simulated time: a stream run handles at most 200,000,000 records (a simulator cap); got "1000000"');
    expect(cli('sqs', '--fifo', '--backlog', '300000000').code).toBe(2);
    const r = cli('sqs', '--backlog', '1000000', '--max-events', '500', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.truncated).toBe(true);
    expect(j.warnings[0]).toMatch(/limits\.maxEvents/);
  });
});

describe('sim run --invocation async', () => {
  it('gains --error-rate, --max-retries, --max-event-age and the async_* JSON fields', () => {
    const r = cli('run', '--rate', '2', '--invocation', 'async', '--error-rate', '0.5', '--max-retries', '1', '--max-event-age', '3600', '--duration', 'const:10',
      '--sim-seconds', '600', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['async_attempts', 'async_retries', 'async_to_destination', 'async_event_age_ms']) expect(j).toHaveProperty(k);
    expect(j.async_event_age_ms).toHaveProperty('p99');
    expect(j.async_retries).toBeGreaterThan(0);
    expect(j.async_to_destination).toBeGreaterThan(0);
  });
  it('--requests N runs on until every event has finished its retries: 1 request → 3 attempts (0, +1 min, +3 min), 1 to the destination', () => {
    const j = JSON.parse(cli('run', '--invocation', 'async', '--rate', '1', '--requests', '1', '--error-rate', '1', '--max-retries', '2', '--duration', 'const:0',
      '--init', 'const:0', '--json').out);
    expect([j.async_attempts, j.async_retries, j.async_to_destination]).toEqual([3, 2, 1]);
    expect(j.async_event_age_ms.p50).toBe(60_000);
    expect(j.async_event_age_ms.max).toBeCloseTo(180_000, 6);
    expect(j.conservation).toMatchObject({ arrivals: 1, dropped: 1, in_flight: 0 });
    // still under the simulator's own work cap
    const capped = JSON.parse(cli('run', '--invocation', 'async', '--rate', '100', '--requests', '1000', '--error-rate', '1', '--duration', 'const:0',
      '--max-events', '2000', '--json').out);
    expect(capped.truncated).toBe(true);
    expect(capped.events).toBe(2000);
  });
  it('checks their ranges and that they go with --invocation async', () => {
    expect(cli('run', '--rate', '1', '--invocation', 'async', '--max-retries', '3').err).toBe('sim run: --max-retries must be an integer from 0 to 2; got "3"');
    expect(cli('run', '--rate', '1', '--invocation', 'async', '--max-event-age', '30').err).toMatch(/^sim run: --max-event-age must be a number from 60 to 21,600 \(s\)/);
    expect(cli('run', '--rate', '1', '--error-rate', '0.1').err).toBe('sim run: --error-rate applies to --invocation async');
  });
});
