/**
 * vitest global setup: builds the CLI bundle (dist/cli) when its sources changed, so the tests
 * that start the CLI as a process run what `npm run cli` runs, also on a fresh clone. A failed
 * build only fails those tests (test/unit/cli/bundle.test.ts checks the bundle is fresh).
 */
import { ensureCli } from '../../../scripts/cli-bundle.mjs';

export default async function setup(): Promise<void> {
  try {
    await ensureCli();
  } catch (err) {
    console.error(`Không dựng được bản CLI (dist/cli): ${err instanceof Error ? err.message : String(err)}`);
  }
}
