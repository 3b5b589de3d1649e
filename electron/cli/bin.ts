/** The CLI process entry (bundled to dist/cli/bin.mjs; `npm run cli` runs it through scripts/cli.mjs). */
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
