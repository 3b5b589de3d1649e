/**
 * vitest global setup: after the run, removes the temporary folders the tests made
 * (os.tmpdir() entries named blocdesk-* or bcd-* created since the run started).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const started = Date.now() - 1000;
  return () => {
    for (const name of readdirSync(tmpdir())) {
      if (!/^(blocdesk|bcd)-/.test(name)) continue;
      const path = join(tmpdir(), name);
      try {
        if (statSync(path).ctimeMs >= started) rmSync(path, { recursive: true, force: true });
      } catch {
        /* already gone */
      }
    }
  };
}
