/**
 * Loads a vendored CommonJS bundle of the CLI (dist/cli/vendor/<package>.cjs: pdfmake, exceljs,
 * bundled by scripts/cli-bundle.mjs) through V8's code cache. A fresh process otherwise parses and
 * compiles these megabytes of library code on every run (about half of pdfmake's load time here);
 * with the cache it reuses the bytecode of the previous run. The cache is written at exit whenever it was missing or
 * rejected (another Node version or flags), so the second run of a command is the fast one.
 * Only the bundled CLI uses this module; under tsx and vitest the packages load from node_modules.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function loadVendor(file: string): unknown {
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (!cachedData || script.cachedDataRejected) {
    // At exit the cache also holds the functions this run compiled lazily (most of a command's path).
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        /* a read-only or full disk only costs speed */
      }
    });
  }
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
