// `--help`: built from the flag tables, so every range and default is the one the validator applies.
import { DIST_FORMS } from '../dist/parseDist.ts';
import { RUNTIMES } from '../constants/initDurations.ts';
import { formatNumber } from '../format/index.ts';
import { expectedOf, type NumberRule } from '../validate/rules.ts';
import { CLI_RULES, PRICE_FLAGS, RUN_FLAGS, type FlagSpec } from './flags.ts';
import { SQS_FLAGS, STREAM_FLAGS } from './sourceFlags.ts';
import { PLAN_HELP } from './planCommand.ts';

function ruleText(rule: NumberRule): string {
  const def = rule.default === null ? '' : `; default ${formatNumber(rule.default)}`;
  return `${rule.help} ${expectedOf(rule).replace(/^a/, 'A')}${def}.`;
}

/** One line per flag: name, value, and the rule's help and range (or the flag's own help). */
export function lines(flags: Record<string, FlagSpec>): string {
  return Object.entries(flags)
    .map(([flag, spec]) => {
      const head = `    --${flag} ${spec.value}`;
      const text = spec.rule ? ruleText(spec.rule) : (spec.help ?? '');
      return head.length < 30 ? `${head.padEnd(30)}${text}` : `${head}\n${' '.repeat(30)}${text}`;
    })
    .join('\n');
}

export const HELP = `Lambda Lab simulator (src/sim). Usage:

  npm run sim -- price [flags]   price a month of usage (us-east-1 rates); --requests and --duration-ms are required
${lines(PRICE_FLAGS)}
    --free-tier | --no-free-tier  Free tier on or off (default on: 1M requests + 400,000 GB-s; never reduces PC charges).
    --json                    Machine-readable output (snake_case names).

  npm run sim -- run [flags]     simulate traffic against one function; give --rate or --trace
${lines(RUN_FLAGS)}
    --json                    Machine-readable output (snake_case names).

${PLAN_HELP}

  npm run sim -- sqs [flags]     an SQS queue consumed by an event source mapping (one invocation = one batch)
${lines(SQS_FLAGS)}
    --json                    Machine-readable output (snake_case names).

  npm run sim -- stream [flags]  a Kinesis or DynamoDB stream consumed by an event source mapping
${lines(STREAM_FLAGS)}
    --json                    Machine-readable output (snake_case names).

  Every command caps its work: run at --max-events (and ${formatNumber(CLI_RULES.maxInvocations.max)} invocations), sqs and stream at
  --max-events engine events; a capped run says so in its warnings.

  npm run sim -- tune [flags]    duration and cost against memory; AWS Lambda Power Tuning import (see tune --help)

  DIST is ${DIST_FORMS}.
  Runtimes: ${RUNTIMES.join(', ')}.

A bad flag or value exits with code 2 and one line naming the flag and the accepted range.`;
