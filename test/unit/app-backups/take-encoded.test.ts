import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { readPackageFile } from '../../../electron/services/handover/package-file';
import type { BackupTaken } from '../../../shared/package/backup';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { packedBlocData } from '../../../renderer/src/db/bloc-worker-client';
import { db } from '../../../renderer/src/db/database';
import { replaceBloc } from '../../../renderer/src/db/repo-package';
import { tempFolder } from '../backups/fixtures';
import { memorySettings } from '../support/memory-settings';

function context(): ServiceContext {
  return {
    host: { showSaveDialog: async () => null, showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings({}),
    assetsDir: 'assets',
    appVersion: '0.9.0-test',
    userDataDir: tempFolder('userdata'),
  };
}

const bloc = () => withFullHistory(buildSyntheticBlocData({ units: 4, criteria: 6, years: 2, now: '2026-01-05T02:00:00.000Z', lastYear: 2025 }));

describe('backups.takeEncoded: the bloc as JSON bytes, read off the window', () => {
  it('the bloc packed from storage is backed up whole, like backups.take', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    const data = bloc();
    await replaceBloc(data);
    // Under Node there is no worker: the same job runs on the calling thread.
    const packed = await packedBlocData(data.bloc.id);
    const r = await dispatch(handlers, context(), 'backups.takeEncoded', [packed.bytes, 'periodic']);
    if (!r.ok) throw new Error(r.error.message);
    const taken = r.value as BackupTaken;
    expect(taken.reason).toBe('periodic');
    expect(taken.fileName).toMatch(/-dinh-ky\.blocdesk$/);
    const back = (await readPackageFile(taken.path)).data;
    expect(back.scores).toHaveLength(data.scores.length);
    expect(back.units.map((u) => u.code)).toEqual(data.units.map((u) => u.code));
    expect(back.importBatches.map((b) => b.id)).toEqual(data.importBatches.map((b) => b.id));
  });

  it('text is cleaned on the way in, as for every payload', async () => {
    const data = bloc();
    data.units[0]!.name = 'So\u0301 Y te\u0302\u0301\u0007';
    const r = await dispatch(handlers, context(), 'backups.takeEncoded', [new TextEncoder().encode(JSON.stringify(data)), 'manual']);
    if (!r.ok) throw new Error(r.error.message);
    const back = (await readPackageFile((r.value as BackupTaken).path)).data;
    expect(back.units[0]!.name).toBe('Só Y tế');
  });

  it('bytes that are not a bloc are refused in Vietnamese, nothing written', async () => {
    const ctx = context();
    const junk = await dispatch(handlers, ctx, 'backups.takeEncoded', [new TextEncoder().encode('{"bloc": '), 'manual']);
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: 'Dữ liệu của khối gửi tới dịch vụ sao lưu không đọc được; chưa sao lưu.' } });
    const data = bloc();
    (data.units[1] as { code: string }).code = '';
    const invalid = await dispatch(handlers, ctx, 'backups.takeEncoded', [new TextEncoder().encode(JSON.stringify(data)), 'manual']);
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.message).toBe('Dữ liệu gửi tới dịch vụ không hợp lệ.');
    expect(invalid.error.details?.[0]).toMatch(/^đơn vị thứ 2, trường code: /);
    const list = await dispatch(handlers, ctx, 'backups.list', []);
    expect(list.ok && (list.value as { entries: unknown[] }).entries).toEqual([]);
  });
});
