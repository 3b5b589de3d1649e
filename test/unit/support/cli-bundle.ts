/**
 * vitest global setup: builds the CLI bundle (dist/cli) when its sources changed, so the tests
 * that start the CLI as a process run what `npm run cli` runs, also on a fresh clone.
 */
import { ensureCli } from '../../../scripts/cli-bundle.mjs';

export default async function setup(): Promise<void> {
  await ensureCli();
}
