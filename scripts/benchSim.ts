/**
 * `npm run bench:sim [-- --json] [-- --only NAME]`: simulated invocations per wall-clock second and peak
 * memory for the three standard scenarios listed in src/sim/README.md (Benchmark) and the queue (SQS event source)
 * scenarios, whose messages/s counts messages processed (a batch of 10 is one invocation). Each scenario runs
 * in its own child process so its peak
 * RSS is its own. Not a test: numbers depend on the machine and on what else is running.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { loadavg } from 'node:os';
import { runScenario, runSqs, parseMetrics, planTraffic, replayMetrics, PLAN_RULES, defaultsOf, type SimConfig, type SqsConfig } from '../src/sim/index.ts';
import { toGetMetricDataJson } from '../src/sim/plan/syntheticExports.ts';
import type { MetricsTable } from '../src/sim/index.ts';

const SCENARIOS: Record<string, { label: string; config?: SimConfig; sqs?: SqsConfig; plan?: true; target?: string }> = {
  'uncapped-poisson-20': {
    label: 'Poisson 20 req/s, exp(1.991 s), uncapped, 20M requests',
    config: { traffic: { kind: 'poisson', rate: 20 }, duration: { kind: 'exp', meanMs: 1991 }, concurrencyLimit: 1_000_000, scaling: false, requests: 20_000_000, seed: 1 },
    target: '≥ 10M invocations/s',
  },
  'capped-poisson-100': {
    label: 'Poisson 100 req/s, exp(1 s), limit 100 (Erlang-B 7.57%), 10M requests',
    config: { traffic: { kind: 'poisson', rate: 100 }, duration: { kind: 'exp', meanMs: 1000 }, concurrencyLimit: 100, requests: 10_000_000, seed: 1 },
  },
  'day-1000rps': {
    label: 'a day at 1,000 req/s (Poisson), lognormal(120 ms, 0.5), limit 1000',
    config: { traffic: { kind: 'poisson', rate: 1000 }, duration: { kind: 'lognormal', medianMs: 120, sigma: 0.5 }, simSeconds: 86_400, seed: 1 },
    target: '86.4M invocations < 15 s, < 200 MB',
  },
  // Event source mapping scenarios: the rate counts messages (a batch of 10 is one invocation).
  'queue-20m-backlog': {
    label: 'SQS: 20M messages waiting, batch 10, lognormal(120 ms, 0.5), account limit 1,000',
    sqs: { backlog: 20_000_000, batchSize: 10, duration: 'lognormal:120:0.5', simSeconds: 3_600, seed: 1, maxEvents: 1e9 },
    target: '≥ 2M messages/s, memory flat',
  },
  'queue-2m-backlog': {
    label: 'SQS: the same with 2M messages (memory should match the 20M run)',
    sqs: { backlog: 2_000_000, batchSize: 10, duration: 'lognormal:120:0.5', simSeconds: 3_600, seed: 1, maxEvents: 1e9 },
  },
  'queue-steady-20k': {
    label: 'SQS: 20,000 messages/s (Poisson) for 1,000 s = 20M messages, batch 10',
    sqs: { backlog: 0, rate: 20_000, batchSize: 10, duration: 'lognormal:120:0.5', simSeconds: 1_000, seed: 1, maxEvents: 1e9 },
    target: '≥ 2M messages/s',
  },
  'plan-30d-1000rps': {
    label: 'plan: 30 days of per-minute get-metric-data JSON at 1,000 req/s on average (parse + model + choice); events = periods',
    plan: true,
    target: '2.6B invocations < 60 s',
  },
};

/**
 * The `plan` scenario: 30 days of per-minute metrics averaging 1,000 req/s (±50% over each day,
 * ~2.59 billion invocations), printed as get-metric-data JSON, then parsed and planned (the per-period
 * model: far above the full-replay budget). Target: < 60 s in the CLI with flat memory.
 */
function thirtyDaysJson(): string {
  const n = 30 * 1440;
  const inv = new Float64Array(n);
  const avg = new Float64Array(n);
  const p50 = new Float64Array(n);
  const p99 = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const rate = 1000 * (1 + 0.5 * Math.sin((2 * Math.PI * k) / 1440));
    inv[k] = Math.round(rate * 60);
    avg[k] = 120;
    p50[k] = 100;
    p99[k] = 360;
  }
  const t: MetricsTable = { periodS: 60, startS: 1_790_000_000 - (1_790_000_000 % 86400), periods: n, invocations: inv, durationAvgMs: avg, durationP50Ms: p50, durationP90Ms: null, durationP99Ms: p99, concurrencyMax: null, throttles: null, gapRows: [], source: 'cloudwatch-json', warnings: [] };
  return toGetMetricDataJson(t);
}

function runPlan(): { invocations: number; events: number; coldStartRatio: number; throttleRatio: number } {
  const imported = parseMetrics(thirtyDaysJson());
  if (!imported.ok) throw new Error(imported.error);
  const d = defaultsOf(PLAN_RULES);
  const r = planTraffic({
    table: imported.value, memoryMb: 1024, arch: 'x86_64', armSpeedFactor: 1, concurrencyLimit: d.concurrencyLimit!, coldStartTargetPct: d.coldStartTargetPct!, pcLevels: null,
    pcLevelCount: d.pcLevelCount!, freeTier: true, seed: 1, durationSigma: d.durationSigma!, fullReplayMaxInvocations: d.fullReplayMaxInvocations!, replay: replayMetrics,
  });
  return { invocations: r.invocations, events: r.periods, coldStartRatio: r.coldStarts / r.invocations, throttleRatio: 0 };
}

interface Row {
  name: string;
  label: string;
  invocations: number;
  wall_s: number;
  cpu_s: number;
  invocations_per_s: number;
  invocations_per_cpu_s: number;
  load_avg_1m: number;
  events_per_s: number;
  peak_rss_mb: number;
  peak_heap_mb: number;
  cold_start_ratio: number;
  throttle_ratio: number;
  target: string;
  /** Queue scenarios: messages processed (succeeded or sent to the DLQ) and per wall-clock second. */
  messages: number;
  messages_per_s: number;
  messages_per_cpu_s: number;
}

function runOne(name: string): Row {
  const sc = SCENARIOS[name]!;
  let peakHeap = process.memoryUsage().heapUsed;
  const load = loadavg()[0]!;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const onProgress = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  let summary: { invocations: number; events: number; coldStartRatio: number; throttleRatio: number };
  let messages = 0;
  if (sc.sqs) {
    const r = runSqs(sc.sqs, { progressEverySeconds: 10, onProgress });
    messages = r.summary.messagesSucceeded + r.summary.messagesToDlq;
    summary = { invocations: r.summary.invocations, events: r.summary.events, coldStartRatio: r.summary.coldStarts / Math.max(1, r.summary.invocations), throttleRatio: r.summary.throttles / Math.max(1, r.summary.invocations + r.summary.throttles) };
  } else if (sc.plan) summary = runPlan();
  else summary = runScenario(sc.config!, { progressEverySeconds: 3600, onProgress }).summary;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return {
    name, label: sc.label, invocations: summary.invocations, wall_s: wall, cpu_s: cpu, invocations_per_s: summary.invocations / wall,
    invocations_per_cpu_s: summary.invocations / cpu, load_avg_1m: load,
    events_per_s: summary.events / wall, peak_rss_mb: process.resourceUsage().maxRSS / 1024, peak_heap_mb: peakHeap / 2 ** 20,
    cold_start_ratio: summary.coldStartRatio, throttle_ratio: summary.throttleRatio, target: sc.target ?? '',
    messages, messages_per_s: messages / wall, messages_per_cpu_s: messages / cpu,
  };
}

const args = process.argv.slice(2);
const child = args.indexOf('--child');
if (child >= 0) {
  process.stdout.write(JSON.stringify(runOne(args[child + 1]!)));
} else {
  const only = args.includes('--only') ? [args[args.indexOf('--only') + 1]!] : Object.keys(SCENARIOS);
  const rows: Row[] = [];
  for (const name of only) {
    if (!SCENARIOS[name]) {
      process.stderr.write(`bench:sim: unknown scenario "${name}"; expected one of ${Object.keys(SCENARIOS).join(', ')}\n`);
      process.exit(2);
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    rows.push(JSON.parse(r.stdout) as Row);
  }
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d });
    const table = [
      ['scenario', 'invocations', 'wall s', 'invocations/s', 'cpu s', 'inv/cpu-s', 'messages/s', 'msg/cpu-s', 'peak RSS MB', 'peak heap MB', 'load', 'target'],
      ...rows.map((r) => [
        r.name, fmt(r.invocations, 0), fmt(r.wall_s, 2), `${(r.invocations_per_s / 1e6).toFixed(2)}M`, fmt(r.cpu_s, 2),
        `${(r.invocations_per_cpu_s / 1e6).toFixed(2)}M`, r.messages ? `${(r.messages_per_s / 1e6).toFixed(2)}M` : '',
        r.messages ? `${(r.messages_per_cpu_s / 1e6).toFixed(2)}M` : '', fmt(r.peak_rss_mb), fmt(r.peak_heap_mb),
        fmt(r.load_avg_1m), r.target,
      ]),
    ];
    const w = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
    process.stdout.write(`${table.map((r) => r.map((x, c) => (c === 0 || c === 11 ? x.padEnd(w[c]!) : x.padStart(w[c]!))).join('  ')).join('\n')}\n`);
    process.stdout.write(`\n${rows.map((r) => `${r.name}: ${r.label}`).join('\n')}\n`);
    process.stdout.write('load = 1-minute load average when the scenario started (2 cores); wall-clock rates drop when the machine is busy.\n');
  }
}
