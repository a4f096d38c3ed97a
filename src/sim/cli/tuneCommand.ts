/**
 * `npm run sim -- tune`: duration and cost against memory, from a profile or from AWS Lambda Power Tuning
 * results. Flags map onto `validateTuneInput` fields; ranges come from `TUNE_RULES`. Deterministic (no
 * randomness, so no --seed). Returns the exit code: 0, or 2 with one line naming the flag.
 */
import { parseArgs, type ParsedArgs } from './parseArgs.ts';
import { table } from './format.ts';
import { formatCost, formatNumber, formatQuantity } from '../format/index.ts';
import { validateTuneInput, ARCHES, MEMORY_SIZES_EXPECTED } from '../tune/validateTuneInput.ts';
import { evaluateTuning, type TuneResult } from '../tune/evaluateTuning.ts';
import { parsePowerTuning, type PowerTuningResults } from '../tune/parsePowerTuning.ts';
import { TUNE_RULES as R, TUNE_STRATEGIES, DEFAULT_MEMORY_SIZES } from '../tune/tuneRules.ts';
import { CPU_MODELS, MB_PER_VCPU } from '../tune/vcpu.ts';
import { expectedOf } from '../validate/rules.ts';
import type { CliIo } from './runCli.ts';
import { flagOf, type FlagSpec } from './flags.ts';
import { lines } from './help.ts';
import { toSnakeCase } from './toSnakeCase.ts';

/** The tune flags: each sets a `validateTuneInput` field; numbers carry their `TUNE_RULES` rule (range, default, help). */
export const TUNE_FLAGS: Record<string, FlagSpec> = {
  'duration-ms': { field: 'durationMs', value: 'MS', rule: R.durationMs },
  'at-memory': { field: 'atMemoryMb', value: 'MB', rule: R.atMemoryMb },
  'cpu-share': { field: 'cpuShare', value: 'S', rule: R.cpuShare },
  threads: { field: 'threads', value: 'T', rule: R.threads },
  arch: { field: 'arch', value: ARCHES.join('|'), help: 'Architecture to price (default x86_64; the same duration on both).' },
  requests: { field: 'requests', value: 'N', rule: R.requests },
  'memory-sizes': { field: 'memorySizes', value: 'LIST', help: `Comma-separated sizes to evaluate (default ${DEFAULT_MEMORY_SIZES.join(',')}: Power Tuning's defaults and each vCPU step).` },
  strategy: { field: 'strategy', value: TUNE_STRATEGIES.join('|'), help: 'How to pick, as Power Tuning does (default cost).' },
  'balanced-weight': { field: 'balancedWeight', value: 'W', rule: R.balancedWeight },
  'cpu-model': { field: 'cpuModel', value: CPU_MODELS.join('|'), help: `CPU = memory / ${formatNumber(MB_PER_VCPU)} MB vCPU (AWS; default), or whole vCPUs above ${formatNumber(MB_PER_VCPU)} MB (a community table).` },
  'power-tuning': { field: '', value: 'FILE|URL', help: 'Power Tuning output JSON (file) or visualization URL: the CPU share and threads are fitted to it.' },
};
const PROFILE_FLAGS = ['duration-ms', 'at-memory', 'cpu-share', 'threads'];

export const TUNE_HELP = `npm run sim -- tune [flags]   duration and cost against memory (us-east-1 rates); --duration-ms or --power-tuning is required
${lines(TUNE_FLAGS)}
    --json                    Machine-readable output (snake_case names).`;

class TuneUsage extends Error {}

export function runTune(argv: readonly string[], io: CliIo): number {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(TUNE_HELP);
      return 0;
    }
    const p = parseArgs(argv, Object.keys(TUNE_FLAGS), ['json']);
    if (!p.ok) throw new TuneUsage(p.error);
    const args = p.args;
    const measured = args.values.has('power-tuning') ? readPowerTuning(args, io) : undefined;
    if (measured) {
      const clash = PROFILE_FLAGS.find((f) => args.values.has(f));
      if (clash) throw new TuneUsage(`--${clash} and --power-tuning are exclusive: the profile is fitted to the measurements`);
    } else if (!args.values.has('duration-ms')) {
      throw new TuneUsage(`--duration-ms is required (or --power-tuning FILE|URL): ${expectedOf(R.durationMs)}`);
    }
    const raw: Record<string, unknown> = {};
    for (const [flag, { field }] of Object.entries(TUNE_FLAGS)) if (field && args.values.has(flag)) raw[field] = args.values.get(flag);
    const v = validateTuneInput(raw);
    if (!v.ok) {
      const e = v.errors[0]!;
      throw new TuneUsage(`${flagOf(TUNE_FLAGS, e.field)} must be ${e.field === 'memorySizes' ? MEMORY_SIZES_EXPECTED : e.expected}; got ${e.got}`);
    }
    const result = evaluateTuning(v.value, measured, args.values.has('memory-sizes'));
    io.stdout(args.bools.has('json') ? JSON.stringify(toSnakeCase(result), null, 2) : formatTune(result));
    return 0;
  } catch (e) {
    if (!(e instanceof TuneUsage)) throw e;
    io.stderr(`sim tune: ${e.message}`.replace(/\s+/g, ' ').trim());
    return 2;
  }
}

function readPowerTuning(args: ParsedArgs, io: CliIo): PowerTuningResults {
  const arg = args.values.get('power-tuning')!;
  let text = arg;
  if (!/^https?:\/\//i.test(arg) && !arg.includes('#')) {
    try {
      text = io.readFile(arg);
    } catch {
      throw new TuneUsage(`--power-tuning must be a readable file or a visualization URL; got "${arg}"`);
    }
  }
  const r = parsePowerTuning(text);
  if (!r.ok) throw new TuneUsage(`--power-tuning: ${r.error}`);
  return r.value;
}

/** A table of the points, the three picks, and the profile or the fit. */
export function formatTune(r: TuneResult): string {
  const rows = [['Memory (MB)', 'Duration (ms)', 'Billed (ms)', 'Per invocation', `Per month (${formatQuantity(r.requests)})`]];
  for (const p of r.points) rows.push([formatQuantity(p.memoryMb), formatQuantity(p.durationMs, 6), formatQuantity(p.billedMs), formatCost(p.costPerInvocationUsd), formatCost(p.monthlyCostUsd)]);
  const pick = (label: string, p: TuneResult['best']) => `${label}: ${formatQuantity(p.memoryMb)} MB (${formatQuantity(p.durationMs, 6)} ms, ${formatCost(p.costPerInvocationUsd)} per invocation)`;
  const lines = [
    `${r.arch}, ${r.pointsSource === 'measured' ? 'measured durations' : 'modelled durations'}, requests included, 1 ms rounding, no free tier`,
    table(rows, [true, true, true, true, true]),
    '',
    pick('cheapest', r.cheapest),
    pick('fastest', r.fastest),
    pick(`best (${r.strategy}${r.strategy === 'balanced' ? `, weight ${r.balancedWeight}` : ''})`, r.best),
  ];
  const pr = r.profile;
  if (r.fit) {
    const f = r.fit;
    const tr = f.threadsRange[0] === f.threadsRange[1] ? `${f.threads}` : `${f.threads} (${f.threadsRange[0]}–${f.threadsRange[1]} fit equally well)`;
    lines.push(`fit: CPU share ${formatQuantity(f.cpuShare, 3)} at ${formatQuantity(f.atMemoryMb)} MB, threads ${tr}, RMS relative error ${(100 * f.rmsRelativeError).toFixed(1)}% (max ${(100 * f.maxRelativeError).toFixed(1)}%)`);
    if (r.powerTuningPick) lines.push(`Power Tuning picked ${formatQuantity(r.powerTuningPick.memoryMb)} MB`);
  } else {
    lines.push(`model: ${formatQuantity(pr.durationMs, 6)} ms at ${formatQuantity(pr.atMemoryMb)} MB, CPU share ${formatQuantity(pr.cpuShare, 3)}, ${pr.threads} thread${pr.threads === 1 ? '' : 's'}, CPU ${pr.cpuModel === 'proportional' ? '= memory / 1,769 vCPU' : 'in whole vCPUs above 1,769 MB'}`);
  }
  return lines.join('\n');
}
