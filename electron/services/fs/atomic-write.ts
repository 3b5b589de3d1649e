/**
 * The one way services write a file: into a temporary file beside the target, flushed to disk
 * (fsync), then renamed over the target, and the folder flushed where the platform allows it. A
 * crash, a power cut or a full disk at any point leaves either the old file or the new one, never
 * a half-written file; the temporary file is removed when the write fails.
 *
 * Disk errors (full, read-only, no permission, missing folder, removed USB) become a Vietnamese
 * UserError naming the file. The file-system operations can be injected, so tests simulate a
 * full disk without filling one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toFileSystemError } from './fs-errors';

/** The parts of a FileHandle the writer uses. */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface AtomicWriteOps {
  open(path: string, flags: string): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeAtomicWriteOps: AtomicWriteOps = {
  open: (path, flags) => open(path, flags) as Promise<WritableHandle>,
  rename,
  unlink,
};

/** Written in slices so a large file does not need one huge system call. */
const CHUNK = 4 * 1024 * 1024;
/** Suffix of every temporary file; `isAtomicTempFile` recognises them (e.g. left by a killed process). */
const TEMP_SUFFIX = '.tmp';
const TEMP_PATTERN = /^\..+\.[0-9]+-[0-9a-f]{8}\.tmp$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** True for a temporary file name this module makes (hidden, pid and random tag, `.tmp`). */
export function isAtomicTempFile(fileName: string): boolean {
  return TEMP_PATTERN.test(fileName);
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, ops: AtomicWriteOps = nodeAtomicWriteOps): Promise<void> {
  const tmp = tempPathFor(path);
  let created = false;
  try {
    // 'wx': never reuse or follow an existing file at the temporary name.
    const handle = await ops.open(tmp, 'wx');
    created = true;
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, Math.min(CHUNK, bytes.length - offset), offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(ops, tmp, path);
    created = false;
  } catch (err) {
    if (created) await ops.unlink(tmp).catch(() => undefined);
    throw toFileSystemError(err, path);
  }
  await syncFolder(dirname(path), ops);
}

/** Windows refuses a rename for a moment while an antivirus or indexer has the file open. */
async function renameWithRetry(ops: AtomicWriteOps, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ops.rename(from, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable. Folders cannot be opened for fsync on Windows; best effort. */
async function syncFolder(folder: string, ops: AtomicWriteOps): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await ops.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* some file systems (network shares, FAT on some kernels) refuse; the file itself is already flushed */
  }
}
