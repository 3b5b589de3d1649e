import { existsSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import type { BackupEntryOk } from '../../../shared/package/backup';
import { folderStatus, listBackups, takeBackup } from '../../../electron/services/backups/index';
import { nodeAtomicWriteOps, type AtomicWriteOps } from '../../../electron/services/fs/atomic-write';
import { buildPackage, readPackageFile } from '../../../electron/services/handover/package-file';
import { backupFileName } from '../../../shared/package/backup-naming';
import { readPackageManifestFile } from '../../../electron/services/handover/package-manifest';
import { local, NOW, otherBloc, sampleBloc, tempFolder } from './fixtures';

const meta = { createdBy: 'Văn phòng Sở Y tế', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW };
const packages = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.blocdesk')).sort();

async function failure(p: Promise<unknown>): Promise<UserError> {
  const err = await p.catch((e: unknown) => e);
  if (!(err instanceof UserError)) throw new Error(`expected a UserError, got ${String(err)}`);
  return err;
}

describe('takeBackup', () => {
  it('writes an ordinary package named after the bloc, the office time and the reason', async () => {
    const folder = tempFolder();
    const data = sampleBloc();
    const taken = await takeBackup(data, folder, 'before-replace', { now: new Date(NOW), appVersion: '1.2.3', createdBy: 'Sở Y tế' });
    expect(taken.fileName).toBe('khoi-van-hoa-xa-hoi-20260514-104207-truoc-thay-the.blocdesk');
    expect(taken).toMatchObject({ path: join(folder, taken.fileName), time: NOW, reason: 'before-replace', removed: [], warnings: [] });
    const read = await readPackageFile(taken.path);
    expect(read.data).toEqual(data);
    expect(read.manifest).toMatchObject({ createdAt: NOW, createdBy: 'Sở Y tế', app: { name: 'BlocDesk', version: '1.2.3' } });
    expect(taken.bytes).toBe(statSync(taken.path).size);
    expect(readdirSync(folder)).toEqual([taken.fileName]);
  });

  it('accepts the file-name token as the reason and refuses an unknown one', async () => {
    const folder = tempFolder();
    const taken = await takeBackup(sampleBloc(), folder, 'truoc-thay-the', { now: new Date(NOW) });
    expect(taken.reason).toBe('before-replace');
    const err = await failure(takeBackup(sampleBloc(), folder, 'xoa-het', { now: new Date(NOW) }));
    expect(err.code).toBe('backup-reason');
  });

  it('gives a second backup in the same second its own name instead of overwriting', async () => {
    const folder = tempFolder();
    const a = await takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) });
    const b = await takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) });
    const [c, d] = await Promise.all([
      takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) }),
      takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) }),
    ]);
    expect(b.fileName).toBe('khoi-van-hoa-xa-hoi-20260514-104207-thu-cong-2.blocdesk');
    expect(new Set([a.path, b.path, c.path, d.path]).size).toBe(4);
    expect(packages(folder)).toHaveLength(4);
  });

  it('applies retention to the bloc: the newest 10 of today stay, older ones of today go', async () => {
    const folder = tempFolder();
    const times = Array.from({ length: 12 }, (_, i) => local(`2026-05-14 08:${String(i * 3).padStart(2, '0')}`));
    let last;
    for (const now of times) last = await takeBackup(sampleBloc(), folder, 'periodic', { now });
    expect(last!.removed).toHaveLength(1);
    const left = packages(folder);
    expect(left).toHaveLength(10);
    expect(left[0]).toBe('khoi-van-hoa-xa-hoi-20260514-080600-dinh-ky.blocdesk');
  });

  it('keeps one per day and one per month as days go by, and never deletes foreign, damaged or other blocs\' files', async () => {
    const folder = tempFolder();
    const data = sampleBloc();
    // Backups over three months, twice a day, as earlier runs would have left them.
    for (let day = 0; day < 80; day++) {
      const ymd = new Date(Date.UTC(2026, 1, 20 + day)).toISOString().slice(0, 10);
      for (const hm of ['09:00', '16:00']) {
        const at = local(`${ymd} ${hm}`);
        writeFileSync(join(folder, backupFileName(data.bloc, at, 'periodic')), buildPackage(data, { ...meta, now: at.toISOString() }));
      }
    }
    // Files the rule must never touch:
    writeFileSync(join(folder, 'ghi-chu.txt'), 'ghi chú');
    const handover = join(folder, 'Khoi_VHXH_2025-01-01.blocdesk');
    writeFileSync(handover, buildPackage(data, { ...meta, now: '2025-01-01T02:00:00.000Z' }));
    const damaged = join(folder, 'khoi-van-hoa-xa-hoi-20250101-090000-dinh-ky.blocdesk');
    writeFileSync(damaged, 'hỏng');
    // A real backup renamed to another time: its name no longer matches its manifest.
    const renamed = join(folder, 'khoi-van-hoa-xa-hoi-20250102-090000-dinh-ky.blocdesk');
    copyFileSync(join(folder, packages(folder).find((f) => f.includes('-20260510-'))!), renamed);
    const other = otherBloc();
    const lone = await takeBackup(other, folder, 'manual', { now: local('2024-01-01 09:00') });

    const final = await takeBackup(data, folder, 'periodic', { now: local('2026-05-10 18:00') });
    const left = packages(folder);
    for (const kept of [handover, damaged, renamed, lone.path, final.path]) expect(existsSync(kept), kept).toBe(true);
    expect(existsSync(join(folder, 'ghi-chu.txt'))).toBe(true);

    const ours = left.filter((f) => f.startsWith('khoi-van-hoa-xa-hoi-2026'));
    // Today (10 May): 09:00, 16:00, 18:00; the 14 days before: the 16:00 of each; the months:
    // February's and March's newest (April's newest, 30 April, is already one of the dailies).
    const days = ours.map((f) => f.slice('khoi-van-hoa-xa-hoi-'.length, 'khoi-van-hoa-xa-hoi-'.length + 15));
    expect(days.filter((d) => d.startsWith('20260510'))).toEqual(['20260510-090000', '20260510-160000', '20260510-180000']);
    for (let back = 1; back <= 14; back++) {
      const d = new Date(Date.UTC(2026, 4, 10 - back)).toISOString().slice(0, 10).replace(/-/g, '');
      expect(days.filter((x) => x.startsWith(d))).toEqual([`${d}-160000`]);
    }
    expect(days.filter((d) => d.startsWith('202602'))).toEqual(['20260228-160000']);
    expect(days.filter((d) => d.startsWith('202603'))).toEqual(['20260331-160000']);
    expect(days.filter((d) => d.startsWith('202604') && d < '20260426')).toEqual([]);
    expect(ours).toHaveLength(3 + 14 + 2);
  });

  it('never deletes the only copy of another bloc; old copies of the bloc backed up go', async () => {
    const folder = tempFolder();
    const lone = await takeBackup(otherBloc(), folder, 'manual', { now: local('2019-03-01 09:00') });
    const oldSame = await takeBackup(sampleBloc(), folder, 'manual', { now: local('2019-03-01 09:00') });
    const now = await takeBackup(sampleBloc(), folder, 'manual', { now: local('2026-05-14 09:00') });
    expect(now.removed).toEqual([oldSame.path]);
    expect(packages(folder)).toEqual([lone.fileName, now.fileName].sort());
  });

  it('a chosen folder that is gone (USB removed) is a Vietnamese error; nothing is created', async () => {
    const base = tempFolder();
    const usb = join(base, 'USB', 'SaoLuu');
    const err = await failure(takeBackup(sampleBloc(), usb, 'periodic', { now: new Date(NOW) }));
    expect(err.code).toBe('backup-folder-unavailable');
    expect(err.message).toBe(
      `Không tìm thấy thư mục sao lưu "${usb}". Nếu đây là USB hoặc ổ mạng, hãy cắm lại hoặc chọn thư mục khác trong Cài đặt. Ứng dụng vẫn làm việc bình thường, dữ liệu vẫn được lưu trên máy này.`,
    );
    expect(existsSync(join(base, 'USB'))).toBe(false);
  });

  it('creates the default folder when asked to', async () => {
    const base = tempFolder();
    const folder = join(base, 'userData', 'backups');
    const taken = await takeBackup(sampleBloc(), folder, 'startup', { now: new Date(NOW), createIfMissing: true });
    expect(existsSync(taken.path)).toBe(true);
  });

  it('a full disk: Vietnamese error, the earlier backups untouched, nothing half-written, nothing tidied away', async () => {
    const folder = tempFolder();
    const data = sampleBloc();
    for (let i = 0; i < 10; i++) await takeBackup(data, folder, 'periodic', { now: local(`2026-05-14 08:0${i}`) });
    const before = packages(folder).map((f) => [f, readFileSync(join(folder, f))] as const);
    const full: AtomicWriteOps = {
      ...nodeAtomicWriteOps,
      async open(path, flags) {
        const handle = await nodeAtomicWriteOps.open(path, flags);
        return { ...handle, write: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })), sync: () => handle.sync(), close: () => handle.close() };
      },
    };
    const err = await failure(takeBackup(data, folder, 'periodic', { now: local('2026-05-14 09:00'), writeOps: full }));
    expect(err.code).toBe('file-system');
    expect(err.message).toContain('Ổ đĩa đã đầy, không ghi được tệp');
    expect(err.message).toContain(join(folder, 'khoi-van-hoa-xa-hoi-20260514-090000-dinh-ky.blocdesk'));
    expect(readdirSync(folder).sort()).toEqual(before.map(([f]) => f));
    for (const [f, bytes] of before) expect(readFileSync(join(folder, f)).equals(bytes)).toBe(true);
  });

  it('removes temporary files left by a crashed write after an hour, and nothing else', async () => {
    const folder = tempFolder();
    const stale = join(folder, '.khoi-van-hoa-xa-hoi-20260514-080000-dinh-ky.blocdesk.4242-0badc0de.tmp');
    const fresh = join(folder, '.khoi-van-hoa-xa-hoi-20260514-103000-dinh-ky.blocdesk.4243-0badc0df.tmp');
    const foreign = join(folder, 'ban-nhap.tmp');
    for (const p of [stale, fresh, foreign]) writeFileSync(p, 'dở dang');
    const twoHoursAgo = (Date.parse(NOW) - 2 * 3600_000) / 1000;
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    utimesSync(foreign, twoHoursAgo, twoHoursAgo);
    await takeBackup(sampleBloc(), folder, 'periodic', { now: new Date(NOW) });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });
});

describe('listBackups', () => {
  it('lists time, bloc, years, counts, size and reason, newest first; damaged files are listed, not thrown', async () => {
    const folder = tempFolder();
    const data = sampleBloc();
    const first = await takeBackup(data, folder, 'after-import', { now: local('2026-05-13 16:00') });
    const second = await takeBackup(data, folder, 'before-delete-year', { now: local('2026-05-14 09:00') });
    const other = await takeBackup(otherBloc(), folder, 'manual', { now: local('2026-05-12 09:00') });
    const truncated = join(folder, 'khoi-van-hoa-xa-hoi-20260514-100000-dinh-ky.blocdesk');
    copyFileSync(second.path, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    utimesSync(truncated, local('2026-05-14 10:00'), local('2026-05-14 10:00'));
    writeFileSync(join(folder, 'empty.blocdesk'), '');
    writeFileSync(join(folder, 'note.txt'), 'x');
    const handExport = join(folder, 'Khoi VHXH ban giao.blocdesk');
    writeFileSync(handExport, buildPackage(data, { ...meta, now: '2026-05-01T01:00:00.000Z' }));
    utimesSync(join(folder, 'empty.blocdesk'), local('2026-04-01 10:00'), local('2026-04-01 10:00'));

    const entries = await listBackups(folder);
    expect(entries.map((e) => [e.fileName, e.status])).toEqual([
      ['khoi-van-hoa-xa-hoi-20260514-100000-dinh-ky.blocdesk', 'damaged'],
      [second.fileName, 'ok'],
      [first.fileName, 'ok'],
      [other.fileName, 'ok'],
      ['Khoi VHXH ban giao.blocdesk', 'ok'],
      ['empty.blocdesk', 'damaged'],
    ]);
    const ok = entries[1] as BackupEntryOk;
    expect(ok).toMatchObject({
      path: second.path,
      time: local('2026-05-14 09:00').toISOString(),
      bloc: { id: data.bloc.id, name: data.bloc.name, shortName: data.bloc.shortName },
      years: [2023, 2024],
      counts: { units: 8, years: 2, scoringTables: 1 },
      size: statSync(second.path).size,
      reason: 'before-delete-year',
    });
    expect((entries[4] as BackupEntryOk).reason).toBeNull();
    expect(entries[0]).toMatchObject({ status: 'damaged', problem: expect.stringContaining('bị hỏng hoặc không đầy đủ') });
    expect(entries[5]).toMatchObject({ status: 'damaged', problem: expect.stringContaining('rỗng') });
  });

  it('a missing folder is an error naming it, or empty when that is expected (default folder before the first backup)', async () => {
    const gone = join(tempFolder(), 'khong-co');
    expect((await failure(listBackups(gone))).code).toBe('backup-folder-unavailable');
    expect(await listBackups(gone, { missingOk: true })).toEqual([]);
  });
});

describe('readPackageManifestFile', () => {
  it('reads the same manifest as the full reader without inflating the data', async () => {
    const folder = tempFolder();
    const taken = await takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) });
    const full = await readPackageFile(taken.path);
    const only = await readPackageManifestFile(taken.path);
    expect(only.manifest).toEqual(full.manifest);
    expect(only.size).toBe(taken.bytes);
  });

  it('refuses foreign, truncated and newer packages with the reader\'s messages', async () => {
    const folder = tempFolder();
    const zip = join(folder, 'zip.blocdesk');
    writeFileSync(zip, zipSync({ 'a.txt': strToU8('x') }));
    expect((await failure(readPackageManifestFile(zip))).code).toBe('package-foreign');
    const text = join(folder, 'text.blocdesk');
    writeFileSync(text, 'không phải gói');
    expect((await failure(readPackageManifestFile(text))).code).toBe('package-foreign');
    const taken = await takeBackup(sampleBloc(), folder, 'manual', { now: new Date(NOW) });
    const cut = join(folder, 'cut.blocdesk');
    writeFileSync(cut, readFileSync(taken.path).subarray(0, taken.bytes - 30));
    expect((await failure(readPackageManifestFile(cut))).code).toBe('package-damaged');
    const newer = join(folder, 'newer.blocdesk');
    const manifest = JSON.parse(JSON.stringify((await readPackageFile(taken.path)).manifest)) as { schemaVersion: number };
    manifest.schemaVersion = 999;
    writeFileSync(newer, zipSync({ 'data.json': strToU8('{}'), 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    expect((await failure(readPackageManifestFile(newer))).code).toBe('package-newer');
  });
});

describe('folderStatus', () => {
  it('an existing folder: writable, free space, the bloc\'s newest backup', async () => {
    const folder = tempFolder();
    const data = sampleBloc();
    await takeBackup(data, folder, 'manual', { now: local('2026-05-13 09:00') });
    await takeBackup(data, folder, 'manual', { now: local('2026-05-14 10:42') });
    await takeBackup(otherBloc(), folder, 'manual', { now: local('2026-05-15 09:00') });
    const status = await folderStatus(folder, { blocId: data.bloc.id });
    expect(status).toMatchObject({ folder, isDefault: false, exists: true, writable: true, lastBackupAt: local('2026-05-14 10:42').toISOString() });
    expect(status.freeBytes).toBeGreaterThan(0);
    expect(readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await folderStatus(folder, { blocId: 'khoi-khac' })).lastBackupAt).toBeNull();
  });

  it('a removed USB folder: not there, not writable, a Vietnamese warning, no crash', async () => {
    const gone = join(tempFolder(), 'E', 'SaoLuu');
    const status = await folderStatus(gone, { blocId: 'x' });
    expect(status).toMatchObject({ exists: false, writable: false, freeBytes: null, lastBackupAt: null });
    expect(status.problem).toContain('Không tìm thấy thư mục sao lưu');
    expect(existsSync(gone)).toBe(false);
  });

  it('the default folder is created rather than reported missing', async () => {
    const folder = join(tempFolder(), 'backups');
    const status = await folderStatus(folder, { isDefault: true });
    expect(status).toMatchObject({ exists: true, writable: true, problem: null });
  });

  it('a file where the folder should be is reported', async () => {
    const file = join(tempFolder(), 'tep');
    writeFileSync(file, 'x');
    const status = await folderStatus(file);
    expect(status.exists).toBe(false);
    expect(status.problem).toContain('không phải là thư mục');
  });
});
