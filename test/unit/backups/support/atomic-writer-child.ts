/**
 * Child process for the kill-mid-write tests: writes `size` bytes of 0x42 ('B') to `target`
 * through writeFileAtomic, then exits. With `hang`, the first slice is written for real and the
 * process then waits forever inside the write (printing "mid-write"), so the parent kills it at a
 * known point; with `free` the parent kills it whenever it sees the temporary file.
 */
import { writeFileAtomic, nodeAtomicWriteOps, type AtomicWriteOps } from '../../../../electron/services/fs/atomic-write';

const [target, sizeText, mode] = process.argv.slice(2);
const bytes = new Uint8Array(Number(sizeText)).fill(0x42);

const hanging: AtomicWriteOps = {
  ...nodeAtomicWriteOps,
  async open(path, flags) {
    const handle = await nodeAtomicWriteOps.open(path, flags);
    let slices = 0;
    return {
      async write(buffer, offset, length, position) {
        if (slices++ === 1) {
          process.stdout.write('mid-write\n');
          await new Promise(() => undefined);
        }
        return handle.write(buffer, offset, Math.min(length, 1024 * 1024), position);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};

await writeFileAtomic(target!, bytes, mode === 'hang' ? hanging : nodeAtomicWriteOps);
process.stdout.write('done\n');
