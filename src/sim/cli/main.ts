// CLI entry: `npm run sim -- price|run|plan [flags]`. The only file in src/sim that touches Node (fs, process).
import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { runCli } from './runCli.ts';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
  statFile: (p) => {
    const st = statSync(p);
    return { isFile: st.isFile(), size: st.size };
  },
});
