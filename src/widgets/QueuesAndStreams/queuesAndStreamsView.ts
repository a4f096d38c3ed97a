/**
 * Pure renderers for the "Queues and streams" widget (server render and client alike): the queue chart
 * (backlog, succeeded, DLQ or on-failure destination), the age chart (oldest message or IteratorAge), the
 * concurrency chart against its caps, the readout, and the async retry timeline (documented constants
 * only, no run).
 */
import {
  ASYNC_ERROR_RETRY_DELAYS_S, ASYNC_MAX_EVENT_AGE_S, ASYNC_THROTTLE_BACKOFF_S, formatCompact, formatCost, formatDuration, formatNumber, formatPercent,
  PROVISIONED_INVOKES_PER_POLLER,
} from '~/sim';
import { esc, readoutItem as item } from '../shared/html.ts';
import type { ChartSeries, ChartSpec } from '../shared/chart.ts';
import type { QueuesResult } from './queuesAndStreamsRun.ts';
import type { QueuesState } from './queuesAndStreamsState.ts';

const xAxis = (r: QueuesResult) => ({ label: 'Time (s)', min: 0, max: r.windowS, format: (v: number) => formatNumber(v) });
const step = (r: QueuesResult) => `${formatNumber(r.pointS)}-second steps`;
const noun = (r: QueuesResult) => (r.kind === 'sqs' ? 'messages' : 'records');
const failedOutName = (r: QueuesResult) => (r.kind === 'sqs' ? 'Sent to the dead-letter queue' : 'Sent to the on-failure destination');
const last = (a: ArrayLike<number>) => (a.length ? a[a.length - 1]! : 0);
/** A constant line on the same x as the series, so the data table stays one table with every column. */
const flat = (r: QueuesResult, v: number) => ({ x: r.t, y: new Float64Array(r.t.length).fill(v) });

/** When the backlog was last above zero and is zero at the end: "drained at 2.1 min"; else what is left. */
function drainText(r: QueuesResult): string {
  if (r.drainedAtS !== null) return `The queue drained at ${formatDuration(r.drainedAtS)}.`;
  if (r.left > 0) return `${formatNumber(r.left)} ${noun(r)} were still waiting or in flight at the end.`;
  return `Nothing was left at the end.`;
}

export function queueChartSpec(r: QueuesResult, idBase = 'qs'): ChartSpec {
  const series: ChartSeries[] = [{ name: r.kind === 'sqs' ? 'Messages waiting (backlog)' : 'Records not yet processed', kind: 'step', x: r.t, y: r.backlog, tone: 0 }];
  if (r.kind === 'sqs') series.push({ name: 'Succeeded (cumulative)', kind: 'line', x: r.t, y: r.succeeded, tone: 2 });
  series.push({ name: `${failedOutName(r)} (cumulative)`, kind: 'line', x: r.t, y: r.failedOut, tone: 1, dashed: true });
  const share = r.itemsIn > 0 ? r.failedOutTotal / r.itemsIn : 0;
  return {
    id: `${idBase}-queue`,
    title: r.kind === 'sqs' ? 'Backlog, successes and the dead-letter queue' : 'Unprocessed records and the on-failure destination',
    x: xAxis(r),
    y: { label: r.kind === 'sqs' ? 'Messages' : 'Records', min: 0, format: formatCompact },
    series,
    summary:
      `${formatNumber(r.itemsIn)} ${noun(r)} arrived; ${formatNumber(r.succeededTotal)} succeeded and ${formatNumber(r.failedOutTotal)} (${formatPercent(share, 2)}) ` +
      `went to the ${r.kind === 'sqs' ? 'dead-letter queue' : 'on-failure destination'}${r.expired > 0 ? `; ${formatNumber(r.expired)} expired unprocessed (retention)` : ''}. ` +
      `The backlog peaked at ${formatNumber(r.maxBacklog)}. ${drainText(r)}`,
    tableLabel: `Data table: ${noun(r)} by time (${step(r)})`,
  };
}

export function ageChartSpec(r: QueuesResult, idBase = 'qs'): ChartSpec {
  const sqs = r.kind === 'sqs';
  const blocked = r.blockedShardSeconds > 0 ? ` Shards spent ${formatDuration(r.blockedShardSeconds)} in total blocked behind a failing batch.` : '';
  return {
    id: `${idBase}-age`,
    title: sqs ? 'Age of the oldest message' : 'Iterator age (age of the last record of each finished batch)',
    x: xAxis(r),
    y: { label: 'Age (s)', min: 0, format: formatCompact },
    series: [{ name: sqs ? 'Oldest message age' : 'IteratorAge (highest in each step)', kind: 'step', x: r.t, y: r.ageS, tone: 0 }],
    summary: `${sqs ? 'The oldest message was' : 'IteratorAge reached'} at most ${formatDuration(r.maxAgeS)} old${sqs ? '' : ' when a batch finished'}; at the end, ${formatDuration(last(r.ageS))}.${blocked}`,
    tableLabel: `Data table: age by time (${step(r)})`,
    ...(r.kind === 'stream' ? { tableColumns: [{ name: 'Blocked shards', values: r.blockedShards, format: (v: number) => formatNumber(v) }] } : {}),
  };
}

/** The cap that binds first, in words. */
function capWords(s: QueuesState, r: QueuesResult): string {
  const cap = last(r.functionCap);
  const fn = s.useReserved ? `reserved concurrency ${formatNumber(cap)}` : `the account limit ${formatNumber(cap)}`;
  if (r.kind === 'stream') return `Concurrency is at most shards × parallelization factor = ${formatNumber(r.concurrencyCap)}, and ${fn}.`;
  if (r.fifo) return `A FIFO queue runs at most one batch per message group at a time (${formatNumber(s.groups)} groups)${r.maxConcurrency !== null ? `, and at most the maximum concurrency ${formatNumber(r.maxConcurrency)}` : ''}; the function is capped by ${fn}.`;
  if (r.provisioned) return `Provisioned mode: each event poller runs up to ${PROVISIONED_INVOKES_PER_POLLER} invocations; pollers peaked at ${formatNumber(r.peakPollers)}. The function is capped by ${fn}.`;
  const mc = r.maxConcurrency !== null ? ` The mapping's maximum concurrency is ${formatNumber(r.maxConcurrency)}: it never polls more than that.` : '';
  const trap = s.useReserved && cap < Math.max(...r.target) ? ' The mapping does not see reserved concurrency: it polls past the cap, and the extra batches are throttled and come back after the visibility timeout with a higher receive count.' : '';
  return `The mapping scales its target from 5, adding up to ${s.scaling === 'legacy' ? 60 : 300} a minute while messages remain, up to ${formatNumber(r.mappingCeiling)}; the function is capped by ${fn}.${mc}${trap}`;
}

export function concurrencyChartSpec(s: QueuesState, r: QueuesResult, idBase = 'qs'): ChartSpec {
  const top = Math.max(1, r.peakConcurrency, ...r.target);
  const cap = last(r.functionCap);
  const series: ChartSeries[] = [{ name: 'Function concurrency (peak)', kind: 'step', x: r.t, y: r.concurrency, tone: 0 }];
  if (r.kind === 'stream') series.push({ name: 'Shards × parallelization factor', kind: 'line', ...flat(r, r.concurrencyCap), tone: 3, dashed: true });
  else if (r.provisioned) {
    const capacity = Float64Array.from(r.pollers, (p) => p * PROVISIONED_INVOKES_PER_POLLER);
    series.push({ name: `Poller capacity (pollers × ${PROVISIONED_INVOKES_PER_POLLER})`, kind: 'step', x: r.t, y: capacity, tone: 2, dashed: true });
  } else series.push({ name: 'Mapping target (scaling)', kind: 'step', x: r.t, y: r.target, tone: 3, dashed: true });
  if (r.maxConcurrency !== null) series.push({ name: 'Maximum concurrency (mapping)', kind: 'line', ...flat(r, r.maxConcurrency), tone: 2, dashed: true });
  const capShown = cap <= 3 * top;
  if (capShown) series.push({ name: s.useReserved ? 'Reserved concurrency (function cap)' : 'Account concurrency limit', kind: 'line', ...flat(r, cap), tone: 1, dashed: true });
  const throttled = r.throttlesTotal > 0 ? ` ${formatNumber(r.throttlesTotal)} invocation attempts were throttled.` : ' No invocation was throttled.';
  return {
    id: `${idBase}-concurrency`,
    title: 'Concurrency against its caps',
    x: xAxis(r),
    y: { label: 'Concurrent invocations', min: 0, format: formatCompact },
    series,
    summary: `Peak concurrency ${formatNumber(r.peakConcurrency)}. ${capWords(s, r)}${throttled}${capShown ? '' : ` The function cap (${formatNumber(cap)}) is far above the chart.`}`,
    tableLabel: `Data table: concurrency by time (${step(r)})`,
    tableColumns: [
      ...(r.provisioned ? [{ name: 'Event pollers', values: r.pollers, format: (v: number) => formatNumber(v) }] : []),
      { name: 'Throttled attempts', values: r.throttles, format: (v: number) => formatNumber(v) },
    ],
  };
}

export function readoutHtml(r: QueuesResult): string {
  const sqs = r.kind === 'sqs';
  const order = r.orderViolations === null ? '' : item('Order violations', 'order', formatNumber(r.orderViolations), sqs ? 'A message processed before an earlier one of its group.' : 'A record processed before an earlier one of its partition key.');
  return (
    `<div class="ll-readout">` +
    item(sqs ? 'Messages in' : 'Records in', 'items-in', formatNumber(r.itemsIn)) +
    item('Succeeded', 'succeeded', formatNumber(r.succeededTotal)) +
    item(sqs ? 'Dead-letter queue' : 'On-failure destination', 'failed-out', formatNumber(r.failedOutTotal), sqs ? 'Received the maximum number of times.' : 'Retries or record age used up.') +
    item(sqs ? 'Oldest message (max age)' : 'Iterator age (max)', 'max-age', formatDuration(r.maxAgeS)) +
    item('Peak concurrency', 'peak', formatNumber(r.peakConcurrency)) +
    (sqs ? item('Queue drained at', 'drained', r.drainedAtS === null ? 'not drained' : formatDuration(r.drainedAtS)) : item('Blocked shard time', 'blocked', formatDuration(r.blockedShardSeconds))) +
    (r.provisioned ? item('Peak event pollers', 'pollers', formatNumber(r.peakPollers)) : '') +
    item('Invocations (batches)', 'invocations', formatNumber(r.invocations), `${formatNumber(r.failedInvocations)} failed; ${formatNumber(r.throttlesTotal)} throttled attempts`) +
    order +
    item('Cost of the window', 'cost', formatCost(r.costUsd), 'One batch is one request; no free tier.') +
    `</div>` +
    (r.truncated ? `<p class="ll-note" data-out="warning">Stopped early: ${esc(r.warnings.join('; '))}</p>` : '')
  );
}

/** Attempt times of an event whose every attempt fails (s after it is first tried), from the documented delays. */
export function asyncAttemptTimes(retries: number): number[] {
  const out = [0];
  for (let i = 0; i < retries; i++) out.push(out[i]! + ASYNC_ERROR_RETRY_DELAYS_S[i]!);
  return out;
}

const minutes = (s: number) => (s === 0 ? 'at 0' : `+${formatNumber(s / 60)} min`);

/**
 * The async retry timeline as an ordered list (text is its own alternative): attempts at 0, +1 min,
 * +3 min for the default 2 retries, then the on-failure destination or DLQ. Function errors only; the
 * throttle back-off and the maximum event age are stated under it.
 */
export function asyncTimelineHtml(retries: number): string {
  const times = asyncAttemptTimes(retries);
  const steps = times.map((t, i) => `<li><span class="ll-label">${esc(minutes(t))}</span> Attempt ${i + 1}${i === 0 ? '' : ` (retry ${i})`} fails</li>`);
  steps.push(`<li><span class="ll-label">${esc(minutes(times[times.length - 1]!))}</span> The event goes to the on-failure destination or dead-letter queue, if one is configured (else it is dropped)</li>`);
  return (
    `<ol class="ll-timeline" data-out="async-steps">${steps.join('')}</ol>` +
    `<p class="ll-note">Times are from the first attempt, plus each attempt's own duration. Throttled events are retried instead from ${formatDuration(ASYNC_THROTTLE_BACKOFF_S.first)} ` +
    `with growing gaps up to ${formatDuration(ASYNC_THROTTLE_BACKOFF_S.max)}, until the maximum event age (${formatDuration(ASYNC_MAX_EVENT_AGE_S.min)} to ${formatDuration(ASYNC_MAX_EVENT_AGE_S.max)}; default ${formatDuration(ASYNC_MAX_EVENT_AGE_S.default)}).</p>`
  );
}

export function statusText(r: QueuesResult, ms: number | null): string {
  const what = `${formatNumber(r.itemsIn)} ${noun(r)} over ${formatDuration(r.windowS)}`;
  if (ms === null) return `Default scenario, simulated at build time: ${what}.`;
  return `Simulated ${what} in ${formatNumber(ms, 0)} ms (in a Web Worker).`;
}
