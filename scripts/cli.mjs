// `npm run cli -- <command>`: runs the bundled CLI (dist/cli/bin.mjs) in this same process,
// rebuilding it first only when electron/ or shared/ changed since the last build.
import { pathToFileURL } from 'node:url';
import { cliEntry, ensureCli } from './cli-bundle.mjs';

await ensureCli();
await import(pathToFileURL(cliEntry()).href);
