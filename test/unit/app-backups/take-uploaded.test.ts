import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/bridge/context';
import { dispatch } from '../../../electron/services/bridge/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { buildPackage, readPackageFile } from '../../../electron/services/handover/package-file';
import type { BackupTaken } from '../../../shared/package/backup';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnds } from '../../../shared/sample/year-end';
import { remapBlocIds } from '../../../shared/package/remap';
import { uploadBloc } from '../../../renderer/src/app/upload-bloc';
import { db } from '../../../renderer/src/db/database';
import { readBlocData, replaceBloc } from '../../../renderer/src/db/repo-package';
import { tempFolder } from '../backups/fixtures';
import { memorySettings } from '../support/memory-settings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NOW = '2026-01-05T02:00:00.000Z';
let saved = '';
function context(): ServiceContext {
  return {
    host: { showSaveDialog: async ({ defaultPath }) => (saved = join(tempFolder('export'), defaultPath)), showOpenDialog: async () => [], printPdf: async () => false },
    settings: memorySettings({}),
    assetsDir: 'assets',
    appVersion: '0.9.0-test',
    userDataDir: tempFolder('userdata'),
  };
}

// The renderer's api (renderer/src/api.ts) through the real dispatcher, as Electron's IPC would carry it.
let ctx = context();
(globalThis as { window?: unknown }).window = { blocdesk: { invoke: (channel: string, ...args: unknown[]) => dispatch(handlers, ctx, channel, args) } };

// Two years of scores (sent from the stored sheets' JSON) and every kind of a year-end.
const bloc = () => withYearEnds(withFullHistory(buildSyntheticBlocData({ units: 25, criteria: 90, years: 2, now: NOW, lastYear: 2025 })), NOW);

/**
 * The stored bloc exported the app's way (uploadBloc, then handover.export) and packed whole
 * (readBlocData, buildPackage): the data.json of each.
 */
async function exportedAndWhole(blocId: string): Promise<{ parted: string; whole: string }> {
  const sent = await uploadBloc(blocId);
  if (!sent.ok) throw new Error(sent.error.message);
  const r = await dispatch(handlers, ctx, 'handover.export', [{ upload: sent.value.upload, createdBy: 'Văn phòng' }]);
  if (!r.ok) throw new Error(r.error.message);
  const parted = unzipSync(new Uint8Array(readFileSync(saved)));
  const whole = unzipSync(buildPackage(await readBlocData(blocId), { createdBy: 'Văn phòng', appName: 'BlocDesk', appVersion: 'x', now: NOW }));
  const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
  return { parted: text(parted['data.json']), whole: text(whole['data.json']) };
}

beforeEach(async () => {
  ctx = context();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the bloc sent to main a part at a time (upload-bloc.ts → bloc-upload.ts)', () => {
  it('backups.takeUploaded backs the stored bloc up whole, as backups.take does', async () => {
    const data = bloc();
    await replaceBloc(data);
    const sent = await uploadBloc(data.bloc.id);
    if (!sent.ok) throw new Error(sent.error.message);
    const r = await dispatch(handlers, ctx, 'backups.takeUploaded', [sent.value.upload, 'periodic']);
    if (!r.ok) throw new Error(r.error.message);
    const taken = r.value as BackupTaken;
    expect(taken.fileName).toMatch(/-dinh-ky\.blocdesk$/);
    expect((await readPackageFile(taken.path)).data).toEqual(await readBlocData(data.bloc.id));
  });

  it('handover.export writes the same data.json, byte for byte, as the bloc read whole and packed in one piece', async () => {
    const data = bloc();
    await replaceBloc(data);
    const { parted, whole } = await exportedAndWhole(data.bloc.id);
    expect(parted).toBe(whole);
  });

  it('unit ids holding ":" (sheets whose order needs a sort): the scores are read, sorted and sent as records, the same data.json', async () => {
    let n = 0;
    const data = remapBlocIds(bloc(), () => `id:${++n}`);
    expect(data.units.some((u) => u.id.includes(':'))).toBe(true);
    await replaceBloc(data);
    const { parted, whole } = await exportedAndWhole(data.bloc.id);
    expect(parted).toBe(whole);
  });

  it('a stored record main refuses ends the upload with the record named; nothing is written', async () => {
    const data = bloc();
    await replaceBloc(data);
    await db.units.put({ ...data.units[1]!, code: '' }); // past the app's own checks, as a damaged database would be
    const sent = await uploadBloc(data.bloc.id);
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(sent.error.code).toBe('invalid-payload');
    expect(sent.error.details?.[0]).toMatch(/^đơn vị thứ 2, trường code: /);
    const list = await dispatch(handlers, ctx, 'backups.list', []);
    expect(list.ok && (list.value as { entries: unknown[] }).entries).toEqual([]);
  });

  it('a bloc that is not on this PC is told in Vietnamese, and the upload is dropped', async () => {
    const sent = await uploadBloc('khong-co');
    expect(sent).toMatchObject({ ok: false, error: { message: 'Không tìm thấy khối thi đua trong dữ liệu của máy này.' } });
  });

  it('a backup refused before it packs (its folder removed) still ends its upload: five in a row leave room for an export', async () => {
    const data = bloc();
    await replaceBloc(data);
    const gone = join(tempFolder('gone'), 'removed');
    ctx = { ...context(), settings: memorySettings({ backupFolder: gone }) };
    for (let i = 0; i < 5; i++) {
      const sent = await uploadBloc(data.bloc.id);
      if (!sent.ok) throw new Error(`upload ${i + 1}: ${sent.error.message}`);
      const r = await dispatch(handlers, ctx, 'backups.takeUploaded', [sent.value.upload, 'periodic']);
      expect(r).toMatchObject({ ok: false, error: { code: 'backup-folder-unavailable' } });
      const late = await dispatch(handlers, ctx, 'blocUpload.part', [{ upload: sent.value.upload, index: 0, key: 'bloc', bytes: new Uint8Array([123, 125]) }]);
      expect(late).toMatchObject({ ok: false, error: { code: 'upload-unknown' } });
    }
    const { parted, whole } = await exportedAndWhole(data.bloc.id);
    expect(parted).toBe(whole);
  });

  it('an upload id main does not hold is refused, nothing written', async () => {
    const r = await dispatch(handlers, ctx, 'backups.takeUploaded', ['khong-co', 'manual']);
    expect(r).toMatchObject({ ok: false, error: { code: 'upload-unknown' } });
  });
});
