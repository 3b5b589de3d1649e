import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { runCli } from '../../../electron/cli/main';
import type { BackupEntry, BackupFolderStatus, BackupTaken } from '../../../shared/package/backup';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { fromSheeted } from '../../../shared/model/score-sheets';
import { memorySettings } from '../support/memory-settings';
import { sampleBloc, tempFolder } from './fixtures';

function context(options: { userDataDir?: string; settings?: Record<string, unknown>; save?: string | null } = {}): ServiceContext {
  return {
    host: {
      showSaveDialog: async () => options.save ?? null,
      showOpenDialog: async () => [],
      printPdf: async () => false,
    },
    settings: memorySettings(options.settings ?? {}),
    assetsDir: 'assets',
    appVersion: '0.9.0-test',
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
  };
}

async function call<T>(ctx: ServiceContext, channel: string, ...args: unknown[]): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('backups channels', () => {
  it('the setting defaults to the folder inside the app data', () => {
    expect(DEFAULT_SETTINGS.backupFolder).toBe('');
  });

  it('take, list, read back and save a copy, in the default folder <userData>/backups', async () => {
    const userData = tempFolder('userdata');
    const exportDir = tempFolder('export');
    const ctx = context({ userDataDir: userData, settings: { agency: 'Sở Y tế' }, save: join(exportDir, 'ban-sao') });
    const data = sampleBloc();
    const taken = await call<BackupTaken>(ctx, 'backups.take', data, 'before-delete-bloc');
    expect(taken.path.startsWith(join(userData, 'backups'))).toBe(true);
    expect(taken.fileName).toMatch(/^khoi-van-hoa-xa-hoi-\d{8}-\d{6}-truoc-xoa-khoi\.blocdesk$/);

    const list = await call<{ folder: string; isDefault: boolean; entries: BackupEntry[] }>(ctx, 'backups.list');
    expect(list).toMatchObject({ folder: join(userData, 'backups'), isDefault: true });
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ status: 'ok', reason: 'before-delete-bloc', bloc: { id: data.bloc.id } });

    const opened = await call<OpenedPackage>(ctx, 'backups.read', taken.path);
    // The scores come as the sheets the renderer stores (made in main); read back, the bloc is the one backed up.
    expect(opened.data.scoreSheets).toHaveLength(new Set(data.scores.map((s) => `${s.year}:${s.unitId}`)).size);
    expect(fromSheeted(opened.data)).toEqual(data);
    expect(opened.preview).toMatchObject({ createdBy: 'Sở Y tế', app: { version: '0.9.0-test' } });

    const copy = await call<{ path: string }>(ctx, 'backups.saveCopy', taken.path);
    expect(copy.path).toBe(join(exportDir, 'ban-sao.blocdesk'));
    expect(readFileSync(copy.path).equals(readFileSync(taken.path))).toBe(true);
    expect(ctx.settings.get().folders.export).toBe(exportDir);

    const status = await call<BackupFolderStatus>(ctx, 'backups.status', data.bloc.id);
    expect(status).toMatchObject({ folder: join(userData, 'backups'), isDefault: true, exists: true, writable: true, problem: null, lastBackupAt: taken.time });
  });

  it('a cancelled save dialog copies nothing', async () => {
    const ctx = context({ userDataDir: tempFolder('userdata'), save: null });
    const taken = await call<BackupTaken>(ctx, 'backups.take', sampleBloc(), 'manual');
    expect(await call(ctx, 'backups.saveCopy', taken.path)).toBeNull();
  });

  it('lists nothing (no error) before the first backup', async () => {
    const ctx = context({ userDataDir: tempFolder('userdata') });
    expect((await call<{ entries: BackupEntry[] }>(ctx, 'backups.list')).entries).toEqual([]);
  });

  it('a chosen folder on a removed USB stick: take fails in Vietnamese, status warns, list is empty, nothing created', async () => {
    const usb = join(tempFolder('usb'), 'E', 'SaoLuu');
    const ctx = context({ userDataDir: tempFolder('userdata'), settings: { backupFolder: usb } });
    const r = await dispatch(handlers, ctx, 'backups.take', [sampleBloc(), 'periodic']);
    expect(r).toMatchObject({ ok: false, error: { code: 'backup-folder-unavailable' } });
    expect(!r.ok && r.error.message).toContain(`Không tìm thấy thư mục sao lưu "${usb}"`);
    const status = await call<BackupFolderStatus>(ctx, 'backups.status');
    expect(status).toMatchObject({ folder: usb, isDefault: false, exists: false, writable: false });
    expect(status.problem).toContain('USB hoặc ổ mạng');
    expect((await call<{ entries: BackupEntry[] }>(ctx, 'backups.list')).entries).toEqual([]);
    expect(existsSync(usb)).toBe(false);
    // The stick is back: backups work again in the same session.
    mkdirSync(usb, { recursive: true });
    await call<BackupTaken>(ctx, 'backups.take', sampleBloc(), 'periodic');
    expect((await call<BackupFolderStatus>(ctx, 'backups.status')).problem).toBeNull();
  });

  it('reads and copies only packages of the backups folder', async () => {
    const ctx = context({ userDataDir: tempFolder('userdata'), save: join(tempFolder('export'), 'x.blocdesk') });
    const taken = await call<BackupTaken>(ctx, 'backups.take', sampleBloc(), 'manual');
    const elsewhere = join(tempFolder('elsewhere'), taken.fileName);
    writeFileSync(elsewhere, readFileSync(taken.path));
    for (const [channel, path] of [
      ['backups.read', elsewhere],
      ['backups.saveCopy', elsewhere],
      ['backups.read', join(taken.path, '..', '..', 'settings.json')],
    ] as const) {
      const r = await dispatch(handlers, ctx, channel, [path]);
      expect(r).toMatchObject({ ok: false, error: { code: 'backup-outside' } });
    }
  });

  it('refuses an unknown reason at the bridge', async () => {
    const ctx = context({ userDataDir: tempFolder('userdata') });
    const r = await dispatch(handlers, ctx, 'backups.take', [sampleBloc(), 'whenever']);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('backup and backups commands', () => {
  it('backs up a package into a folder and lists it as a table and as JSON', async () => {
    const dir = tempFolder('cli');
    const pkg = join(dir, 'mau.blocdesk');
    expect((await cli('demo', '--out', pkg)).code).toBe(0);
    const folder = join(dir, 'sao-luu');
    const made = await cli('backup', '--data', pkg, '--folder', folder, '--reason', 'after-vote');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^Đã sao lưu: .*khoi-van-hoa-xa-hoi-\d{8}-\d{6}-sau-bo-phieu\.blocdesk \(\d+ byte\)\.\n$/);
    writeFileSync(join(folder, 'hong.blocdesk'), 'rác');

    const table = await cli('backups', '--folder', folder);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Thời gian\s+Khối\s+Năm\s+Đơn vị\s+Điểm\s+Dung lượng\s+Lý do\s+Tệp$/);
    expect(table.stdout).toContain('Khối Văn hóa - Xã hội');
    expect(table.stdout).toContain('Sau khi bỏ phiếu');
    expect(table.stdout).toContain('HỎNG');

    const json = await cli('backups', '--folder', folder, '--json');
    const entries = JSON.parse(json.stdout) as BackupEntry[];
    expect(entries.map((e) => e.status).sort()).toEqual(['damaged', 'ok']);
    expect(entries.find((e) => e.status === 'ok')).toMatchObject({ reason: 'after-vote', years: [2023, 2024, 2025], counts: { units: 8 } });
  });

  it('says so for an empty folder, and fails with one Vietnamese line for a missing one or a bad reason', async () => {
    const dir = tempFolder('cli');
    expect((await cli('backups', '--folder', dir)).stdout).toContain('chưa có bản sao lưu nào');
    const missing = await cli('backups', '--folder', join(dir, 'khong-co'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('Không tìm thấy thư mục sao lưu');
    const bad = await cli('backup', '--data', join(dir, 'x.blocdesk'), '--folder', dir, '--reason', 'luc-nao-cung-duoc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--reason không hợp lệ');
  });
});
