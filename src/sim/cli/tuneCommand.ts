/**
 * `npm run sim -- tune`: duration and cost against memory, from a profile or from AWS Lambda Power Tuning
 * results. Flags map onto `validateTuneInput` fields; ranges come from `TUNE_RULES`. Deterministic (no
 * randomness, so no --seed). Returns the exit code: 0, or 2 with one line naming the flag.
 */
import { parseArgs, type ParsedArgs } from './parseArgs.ts';
import { table } from './format.ts';
import { formatCost, formatQuantity } from '../format/index.ts';
import { validateTuneInput, MEMORY_SIZES_EXPECTED } from '../tune/validateTuneInput.ts';
import { evaluateTuning, type TuneResult } from '../tune/evaluateTuning.ts';
import { parsePowerTuning, type PowerTuningResults } from '../tune/parsePowerTuning.ts';
import { TUNE_RULES, TUNE_STRATEGIES } from '../tune/tuneRules.ts';
import { CPU_MODELS } from '../tune/vcpu.ts';
import { expectedOf } from '../validate/rules.ts';
import type { CliIo } from './runCli.ts';

const TUNE_FLAGS: Record<string, string> = {
  'duration-ms': 'durationMs', 'at-memory': 'atMemoryMb', 'cpu-share': 'cpuShare', threads: 'threads', arch: 'arch',
  requests: 'requests', 'memory-sizes': 'memorySizes', strategy: 'strategy', 'balanced-weight': 'balancedWeight',
  'cpu-model': 'cpuModel',
};
const PROFILE_FLAGS = ['duration-ms', 'at-memory', 'cpu-share', 'threads'];
const R = TUNE_RULES;

export const TUNE_HELP = `npm run sim -- tune [flags]   duration and cost against memory (us-east-1 rates)
  --duration-ms MS       measured average duration: ${expectedOf(R.durationMs)} (required without --power-tuning)
  --at-memory MB         memory it was measured at: ${expectedOf(R.atMemoryMb)} (default ${R.atMemoryMb.default})
  --cpu-share S          CPU share of that duration: ${expectedOf(R.cpuShare)} (default ${R.cpuShare.default})
  --threads T            threads the CPU work can use: ${expectedOf(R.threads)} (default ${R.threads.default})
  --arch x86_64|arm64    architecture to price (default x86_64; same duration on both)
  --requests N           per month: ${expectedOf(R.requests)} (default ${formatQuantity(R.requests.default)})
  --memory-sizes LIST    e.g. 128,512,1769 (default: Power Tuning's sizes plus each 1,769 MB vCPU step)
  --strategy ${TUNE_STRATEGIES.join('|')}   as Power Tuning chooses (default cost)
  --balanced-weight W    ${expectedOf(R.balancedWeight)}: 0 = fastest, 1 = cheapest (default ${R.balancedWeight.default})
  --cpu-model ${CPU_MODELS.join('|')}   CPU = memory/1,769 vCPU (AWS), or whole vCPUs above 1,769 MB (community table)
  --power-tuning FILE|URL   Power Tuning output JSON or visualization URL: fits CPU share and threads
  --json                 machine-readable output`;

class TuneUsage extends Error {}

export function runTune(argv: readonly string[], io: CliIo): number {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(TUNE_HELP);
      return 0;
    }
    const p = parseArgs(argv, [...Object.keys(TUNE_FLAGS), 'power-tuning'], ['json']);
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
    for (const [flag, field] of Object.entries(TUNE_FLAGS)) if (args.values.has(flag)) raw[field] = args.values.get(flag);
    const v = validateTuneInput(raw);
    if (!v.ok) {
      const e = v.errors[0]!;
      const flag = Object.keys(TUNE_FLAGS).find((f) => TUNE_FLAGS[f] === e.field) ?? e.field;
      throw new TuneUsage(`--${flag} must be ${e.field === 'memorySizes' ? MEMORY_SIZES_EXPECTED : e.expected}; got ${e.got}`);
    }
    const result = evaluateTuning(v.value, measured, args.values.has('memory-sizes'));
    io.stdout(args.bools.has('json') ? JSON.stringify(result, null, 2) : formatTune(result));
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
  for (const p of r.points) rows.push([formatQuantity(p.memory_mb), formatQuantity(p.duration_ms, 6), formatQuantity(p.billed_ms), formatCost(p.cost_per_invocation_usd), formatCost(p.monthly_cost_usd)]);
  const pick = (label: string, p: TuneResult['best']) => `${label}: ${formatQuantity(p.memory_mb)} MB (${formatQuantity(p.duration_ms, 6)} ms, ${formatCost(p.cost_per_invocation_usd)} per invocation)`;
  const lines = [
    `${r.arch}, ${r.points_source === 'measured' ? 'measured durations' : 'modelled durations'}, requests included, 1 ms rounding, no free tier`,
    table(rows, [true, true, true, true, true]),
    '',
    pick('cheapest', r.cheapest),
    pick('fastest', r.fastest),
    pick(`best (${r.strategy}${r.strategy === 'balanced' ? `, weight ${r.balanced_weight}` : ''})`, r.best),
  ];
  const pr = r.profile;
  if (r.fit) {
    const f = r.fit;
    const tr = f.threads_range[0] === f.threads_range[1] ? `${f.threads}` : `${f.threads} (${f.threads_range[0]}–${f.threads_range[1]} fit equally well)`;
    lines.push(`fit: CPU share ${formatQuantity(f.cpu_share, 3)} at ${formatQuantity(f.at_memory_mb)} MB, threads ${tr}, RMS relative error ${(100 * f.rms_relative_error).toFixed(1)}% (max ${(100 * f.max_relative_error).toFixed(1)}%)`);
    if (r.power_tuning_pick) lines.push(`Power Tuning picked ${formatQuantity(r.power_tuning_pick.memory_mb)} MB`);
  } else {
    lines.push(`model: ${formatQuantity(pr.duration_ms, 6)} ms at ${formatQuantity(pr.at_memory_mb)} MB, CPU share ${formatQuantity(pr.cpu_share, 3)}, ${pr.threads} thread${pr.threads === 1 ? '' : 's'}, CPU ${pr.cpu_model === 'proportional' ? '= memory / 1,769 vCPU' : 'in whole vCPUs above 1,769 MB'}`);
  }
  return lines.join('\n');
}
