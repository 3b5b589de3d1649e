/** The CLI process entry (bundled to dist/cli/bin.mjs; `npm run cli` runs it through scripts/cli.mjs). */
import { runCli } from './main';

// A reader that stops early (`… | head`) is not an error of ours: stop quietly, as other tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
