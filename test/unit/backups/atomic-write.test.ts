import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import {
  isAtomicTempFile,
  nodeAtomicWriteOps,
  writeFileAtomic,
  type AtomicWriteOps,
} from '../../../electron/services/fs/atomic-write';

const CHILD = resolve('test/unit/backups/support/atomic-writer-child.ts');
const OLD = Buffer.from('ancien contenu: bản cũ còn nguyên\n'.repeat(1000));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'blocdesk-atomic-'));
}

function withOld(dir: string): string {
  const target = join(dir, 'goi.blocdesk');
  writeFileSync(target, OLD);
  return target;
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Runs the writer child and SIGKILLs it once `ready` says so; resolves when it has exited. */
function killWriter(target: string, size: number, mode: 'hang' | 'free'): Promise<{ killed: boolean; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(size), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let killed = false;
    const kill = () => {
      if (killed || child.exitCode !== null) return;
      killed = child.kill('SIGKILL');
    };
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (mode === 'hang' && output.includes('mid-write')) kill();
    });
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    let poll: NodeJS.Timeout | undefined;
    if (mode === 'free') {
      const dir = join(target, '..');
      poll = setInterval(() => {
        if (readdirSync(dir).some(isAtomicTempFile)) kill();
      }, 1);
    }
    child.on('error', fail);
    child.on('exit', () => {
      if (poll) clearInterval(poll);
      if (!killed && !output.includes('done')) fail(new Error(`writer failed: ${errors}`));
      else done({ killed, output });
    });
  });
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = folder();
    const target = withOld(dir);
    await writeFileAtomic(target, new TextEncoder().encode('mới'));
    expect(readFileSync(target, 'utf8')).toBe('mới');
    expect(readdirSync(dir)).toEqual(['goi.blocdesk']);
  });

  it('writes a file larger than one slice completely', async () => {
    const dir = folder();
    const target = join(dir, 'lon.bin');
    const bytes = new Uint8Array(9 * 1024 * 1024 + 7).map((_, i) => i % 251);
    await writeFileAtomic(target, bytes);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  it('a writer killed in the middle of writing leaves the old file intact', async () => {
    const dir = folder();
    const target = withOld(dir);
    const { killed } = await killWriter(target, 8 * 1024 * 1024, 'hang');
    expect(killed).toBe(true);
    expect(readFileSync(target)).toEqual(OLD);
    // The half-written temporary file is there (nothing can remove it after SIGKILL), under a name
    // the backup service recognises and never lists as a package.
    const leftovers = readdirSync(dir).filter((f) => f !== 'goi.blocdesk');
    expect(leftovers).toHaveLength(1);
    expect(isAtomicTempFile(leftovers[0]!)).toBe(true);
    expect(leftovers[0]!.endsWith('.blocdesk')).toBe(false);
  });

  it('a writer killed at any moment leaves either the whole old file or the whole new file', async () => {
    const size = 64 * 1024 * 1024;
    for (let round = 0; round < 3; round++) {
      const dir = folder();
      const target = withOld(dir);
      await killWriter(target, size, 'free');
      const now = readFileSync(target);
      const isOld = now.equals(OLD);
      const isNew = now.length === size && now.every((b) => b === 0x42);
      expect(isOld || isNew).toBe(true);
    }
  });

  it('a full disk leaves the old file intact, removes the temporary file and says so in Vietnamese', async () => {
    const dir = folder();
    const target = withOld(dir);
    const full: AtomicWriteOps = {
      ...nodeAtomicWriteOps,
      async open(path, flags) {
        const handle = await nodeAtomicWriteOps.open(path, flags);
        let written = 0;
        return {
          async write(buffer, offset, length, position) {
            // Half a megabyte fits, then the disk is full.
            if (written >= 512 * 1024) throw errno('ENOSPC');
            const r = await handle.write(buffer, offset, Math.min(length, 512 * 1024), position);
            written += r.bytesWritten;
            return r;
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const err = await writeFileAtomic(target, new Uint8Array(3 * 1024 * 1024).fill(7), full).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('file-system');
    expect((err as UserError).message).toBe(
      `Ổ đĩa đã đầy, không ghi được tệp "${target}". Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác; dữ liệu trong ứng dụng không bị ảnh hưởng.`,
    );
    expect(readFileSync(target)).toEqual(OLD);
    expect(readdirSync(dir)).toEqual(['goi.blocdesk']);
  });

  it('a failed flush or rename keeps the old file and removes the temporary file', async () => {
    for (const [stage, code, words] of [
      ['sync', 'EIO', 'USB hoặc ổ mạng có thể đã bị rút ra'],
      ['rename', 'EACCES', 'Không có quyền ghi/đọc tệp'],
      ['rename', 'EROFS', 'Ổ đĩa chỉ cho phép đọc'],
    ] as const) {
      const dir = folder();
      const target = withOld(dir);
      const ops: AtomicWriteOps = {
        ...nodeAtomicWriteOps,
        async open(path, flags) {
          const handle = await nodeAtomicWriteOps.open(path, flags);
          return stage === 'sync' ? { write: handle.write.bind(handle), close: () => handle.close(), sync: async () => Promise.reject(errno(code)) } : handle;
        },
        rename: stage === 'rename' ? async () => Promise.reject(errno(code)) : nodeAtomicWriteOps.rename,
      };
      const err = (await writeFileAtomic(target, new Uint8Array(10).fill(1), ops).catch((e: unknown) => e)) as UserError;
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toContain(words);
      expect(err.message).toContain(target);
      expect(readFileSync(target)).toEqual(OLD);
      expect(readdirSync(dir)).toEqual(['goi.blocdesk']);
    }
  });

  it('a missing folder (USB stick removed) is a Vietnamese error naming the file, with nothing created', async () => {
    const dir = folder();
    const target = join(dir, 'usb-da-rut', 'goi.blocdesk');
    const err = (await writeFileAtomic(target, new Uint8Array([1])).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`Không tìm thấy tệp hoặc thư mục "${target}".`);
    expect(existsSync(join(dir, 'usb-da-rut'))).toBe(false);
  });
});
