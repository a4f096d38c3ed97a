import { describe, expect, it } from 'vitest';
import { snakeKey, toSnakeCase } from '~/sim/cli/toSnakeCase.ts';
import { runCli } from '~/sim/cli/runCli.ts';

// The --json contract: TypeScript results are camelCase, the CLI prints these documented snake_case names.
const PRICE_KEYS = ["total_usd", "request_charge_usd", "compute_charge_usd", "init_charge_usd", "ephemeral_charge_usd", "pc_charge_usd", "pc_duration_charge_usd", "snapstart_charge_usd", "requests", "on_demand_requests", "pc_requests", "billable_requests", "billed_duration_ms", "compute_gb_s", "billable_compute_gb_s", "init_billed", "init_gb_s", "billable_init_gb_s", "free_tier_gb_s_used", "free_tier_requests_used", "ephemeral_gb_s", "pc_billed_seconds", "pc_gb_s", "pc_duration_gb_s", "snapstart_cache_gb_s", "snapstart_restore_gb", "lines"];
const RUN_KEYS = ["invocations", "executions", "cold_starts", "cold_start_ratio", "throttles", "throttle_ratio", "scaling_throttles", "mean_environments", "mean_busy", "peak_concurrency", "peak_environments", "latency_ms", "latency_ms.p50", "latency_ms.p90", "latency_ms.p99", "latency_ms.mean", "latency_ms.max", "cost", "cost.total_usd", "cost.request_charge_usd", "cost.compute_charge_usd", "cost.init_charge_usd", "cost.ephemeral_charge_usd", "cost.pc_charge_usd", "cost.pc_duration_charge_usd", "cost.snapstart_charge_usd", "cost.requests", "cost.on_demand_requests", "cost.pc_requests", "cost.billable_requests", "cost.billed_duration_ms", "cost.compute_gb_s", "cost.billable_compute_gb_s", "cost.init_billed", "cost.init_gb_s", "cost.billable_init_gb_s", "cost.free_tier_gb_s_used", "cost.free_tier_requests_used", "cost.ephemeral_gb_s", "cost.pc_billed_seconds", "cost.pc_gb_s", "cost.pc_duration_gb_s", "cost.snapstart_cache_gb_s", "cost.snapstart_restore_gb", "cost.lines", "provisioned_executions", "environments_reclaimed", "environments_recycled", "async", "async.retries", "async.errors", "async.on_failure", "async.queued_at_end", "async.mean_event_age_s", "async.max_event_age_s", "async.attempts", "async.event_age_ms", "async.event_age_ms.p50", "async.event_age_ms.p90", "async.event_age_ms.p99", "async.event_age_ms.max", "erlang_b_reference", "conservation", "conservation.arrivals", "conservation.completed", "conservation.throttled", "conservation.dropped", "conservation.in_flight", "sim_seconds", "window_seconds", "events", "seed", "truncated", "warnings", "async_attempts", "async_retries", "async_to_destination", "async_event_age_ms", "async_event_age_ms.p50", "async_event_age_ms.p90", "async_event_age_ms.p99", "async_event_age_ms.max"];

function paths(o: object, p = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? [p + k, ...paths(v, `${p}${k}.`)] : [p + k]));
}
function json(...argv: string[]): object {
  const out: string[] = [];
  expect(runCli(argv, { stdout: (t) => out.push(t), stderr: () => {}, readFile: () => '' })).toBe(0);
  return JSON.parse(out.join('\n'));
}

describe('camelCase to snake_case at the --json edge', () => {
  it('converts keys', () => {
    expect(snakeKey('coldStartRatio')).toBe('cold_start_ratio');
    expect(snakeKey('computeGbS')).toBe('compute_gb_s');
    expect(snakeKey('erlangBReference')).toBe('erlang_b_reference');
    expect(snakeKey('freeTierGbSUsed')).toBe('free_tier_gb_s_used');
    expect(snakeKey('p50')).toBe('p50');
  });
  it('converts nested objects and arrays, keeps values', () => {
    expect(toSnakeCase({ aB: [{ cD: 1 }, 2], eF: { gH: null, iJ: 'kL' }, m: true })).toEqual({ a_b: [{ c_d: 1 }, 2], e_f: { g_h: null, i_j: 'kL' }, m: true });
  });
  it('prints exactly the documented names', () => {
    expect(paths(json('price', '--requests', '5000000', '--duration-ms', '120', '--pc', '2', '--pc-hours', '10', '--pc-requests', '1000', '--json'))).toEqual(PRICE_KEYS);
    expect(paths(json('run', '--rate', '5', '--requests', '1000', '--invocation', 'async', '--json'))).toEqual(RUN_KEYS);
  });
});
