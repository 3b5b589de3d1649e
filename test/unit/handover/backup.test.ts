/** `handover.backup`: before "Thay thế", the bloc on this PC is written as a package into the backups folder. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import type { Host } from '../../../electron/services/bridge/host';
import { handlers } from '../../../electron/services/handlers/index';
import { readPackage } from '../../../electron/services/handover/package-file';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';
import type { ApiResult } from '../../../shared/api/contract';
import { memorySettings } from '../support/memory-settings';

type Backup = ApiResult<{ path: string; bytes: number }>;

const NOW = '2026-11-20T08:00:00.000Z';

function context(userDataDir: string | undefined): { ctx: ServiceContext; dialogs: string[] } {
  const dialogs: string[] = [];
  const host: Host = {
    async showSaveDialog() {
      dialogs.push('save');
      return null;
    },
    async showOpenDialog() {
      dialogs.push('open');
      return [];
    },
    async printPdf() {
      return false;
    },
  };
  return { ctx: { host, settings: memorySettings(), assetsDir: 'assets', appVersion: '0.1.0-test', ...(userDataDir ? { userDataDir } : {}) }, dialogs };
}

describe('handover.backup', () => {
  it('writes the bloc into the backups folder (made when missing), without a dialog, and says where', async () => {
    const userData = join(mkdtempSync(join(tmpdir(), 'blocdesk-backup-')), 'sao lưu');
    const dir = join(userData, 'backups');
    const { ctx, dialogs } = context(userData);
    const data = buildSampleBlocData(NOW);
    const r = (await dispatch(handlers, ctx, 'handover.backup', [{ data, createdBy: 'Văn phòng Sở Y tế' }])) as Backup;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(dialogs).toEqual([]);
    expect(r.value.path.startsWith(dir)).toBe(true);
    expect(r.value.path).toMatch(/-\d{8}-\d{6}(-\d+)?-truoc-thay-the\.blocdesk$/);
    const bytes = new Uint8Array(readFileSync(r.value.path));
    expect(bytes.length).toBe(r.value.bytes);
    // The backup is a package the app reads back to the same bloc.
    const read = readPackage(bytes, r.value.path);
    expect(read.data).toEqual(data);
    expect(read.preview.createdBy).toBe('Văn phòng Sở Y tế');
  });

  it('never overwrites an earlier backup', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'blocdesk-backup-'));
    const dir = join(userData, 'backups');
    const { ctx } = context(userData);
    const data = buildSampleBlocData(NOW);
    const paths = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = (await dispatch(handlers, ctx, 'handover.backup', [{ data, createdBy: '' }])) as Backup;
      if (r.ok) paths.add(r.value.path);
    }
    expect(paths.size).toBe(3);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('refuses, in Vietnamese, when there is no backups folder, and writes nothing', async () => {
    const { ctx } = context(undefined);
    const r = await dispatch(handlers, ctx, 'handover.backup', [{ data: buildSampleBlocData(NOW), createdBy: '' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'backup-folder-unset' } });
    if (!r.ok) expect(r.error.message).toContain('thư mục sao lưu');
  });

  it('refuses data the app would not export (inconsistent bloc), writing nothing', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'blocdesk-backup-'));
    const dir = join(userData, 'backups');
    const { ctx } = context(userData);
    const data = buildSampleBlocData(NOW);
    data.years[0]!.deputyUnitId = data.years[0]!.leaderUnitId;
    const r = await dispatch(handlers, ctx, 'handover.backup', [{ data, createdBy: '' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'bloc-inconsistent' } });
    expect(readdirSync(dir).filter((f) => f.endsWith('.blocdesk'))).toEqual([]);
  });
});
