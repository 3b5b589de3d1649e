/**
 * The built loopback bridge server (dist/test-server) for a bench: started, awaited until it answers, always stopped.
 * BENCH_SERVER_NODE_ARGS gives Node options to the server (e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`).
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export async function withBridgeServer<T>(port: number, out: string, work: (url: string) => Promise<T>): Promise<T> {
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'dist/test-server/bridge-server.mjs', '--port', String(port), '--out', out], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((done) => server.once('exit', done));
  try {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${url}/__test/ready`)).ok) break;
      } catch {
        /* not up yet */
      }
      await sleep(20);
    }
    return await work(url);
  } finally {
    server.kill();
    await exited;
  }
}
