/**
 * V8's optimizing compiler off for one short burst of work: printing one document from the
 * command line. Its compile jobs cost more than they save in a render this short (the 40-unit
 * pledge PDF, whole process, runs markedly faster without them; bench/cli.bench.ts), most of all
 * while other processes share the CPU. Reading a large package before it keeps the compiler (its
 * validation loops over hundreds of thousands of records gain from it), and the flag is set back
 * afterwards, so the vendored code caches (vendor-load.ts), loaded before and written at exit,
 * always see the same flags.
 */
import { setFlagsFromString } from 'node:v8';

export async function withoutOptimizer<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString('--no-opt');
  try {
    return await work();
  } finally {
    setFlagsFromString('--opt');
  }
}
