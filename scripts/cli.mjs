// `npm run cli -- <command>`: runs the bundled CLI (dist/cli/bin.mjs) in this same process,
// rebuilding it first only when electron/ or shared/ changed since the last build. A command
// that prints a PDF runs instead in a process started from the CLI's V8 snapshot, which starts
// with the CLI loaded and the fonts parsed (scripts/cli-snapshot.mjs); without a usable snapshot
// it runs here as well.
import { pathToFileURL } from 'node:url';
import { cliEntry, ensureCli } from './cli-bundle.mjs';
import { ensureCliSnapshot, runFromSnapshot, servedBySnapshot } from './cli-snapshot.mjs';

const argv = process.argv.slice(2);
await ensureCli();
const code = servedBySnapshot(argv) && (await ensureCliSnapshot()) ? runFromSnapshot(argv) : null;
if (code !== null) process.exitCode = code;
else await import(pathToFileURL(cliEntry()).href);
