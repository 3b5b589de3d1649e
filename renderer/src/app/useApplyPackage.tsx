/**
 * After a package was read and validated in main: show its preview, let the user choose
 * "Thay thế bản hiện có" (when this bloc is already here), "Thêm thành khối riêng" or Huỷ, apply it
 * in one transaction and switch to the bloc. Never merges silently; a replace first backs up the
 * copy on this PC (useBackupBeforeReplace) and says where it went.
 *
 * Restoring a backup (the backups screen, the offer when the storage is empty) is the same flow
 * with `{ restore: {...} }`: the words say "khôi phục" and the copy on this PC is backed up as
 * 'before-restore'. After any import the imported bloc is backed up ('after-import').
 */
import { useCallback, type ReactNode } from 'react';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { formatDateTimeVi, formatNumberVi } from '../../../shared/text/vietnamese';
import { toApiError } from '../api';
import { useBackups } from './backups/BackupsProvider';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { db } from '../db/database';
import { nowIso } from '../db/ids';
import { phase } from '../db/phase-timing';
import { addBlocAsNew, importNewBloc, lastChangeOf, readBlocData, replaceBloc } from '../db/repo-package';
import { useAsk } from '../ui/Confirm';
import { useNotice } from '../ui/Notice';
import { PackagePreview } from './PackagePreview';
import { useBackupBeforeReplace } from './useBackupBeforeReplace';

export interface ApplyOptions {
  /** The package is a backup being restored; `intro` is shown above its preview, `title` and `cancelLabel` replace the dialog's own. */
  restore?: { intro?: ReactNode; title?: string; cancelLabel?: string };
}

const fromMain = { validatedInMain: true } as const;

export function useApplyPackage() {
  const ask = useAsk();
  const notice = useNotice();
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  const { backup, tellWhere } = useBackupBeforeReplace();
  const { backupInBackground } = useBackups();

  return useCallback(
    async (pkg: OpenedPackage, options: ApplyOptions = {}): Promise<boolean> => {
      const restoring = options.restore !== undefined;
      const existing = await db.blocs.get(pkg.data.bloc.id);
      const existingUnits = existing ? await db.units.where('blocId').equals(existing.id).count() : 0;
      const existingYears = existing ? await db.years.where('blocId').equals(existing.id).count() : 0;
      const changed = existing ? await lastChangeOf(existing.id) : null;
      const replaceLabel = restoring ? 'Khôi phục (thay thế bản hiện có)' : 'Thay thế bản hiện có';
      const choice = await ask<'replace' | 'add' | 'import'>({
        title: options.restore?.title ?? (restoring ? 'Khôi phục bản sao lưu' : 'Nhập gói bàn giao'),
        ...(options.restore?.cancelLabel ? { cancelLabel: options.restore.cancelLabel } : {}),
        wide: true,
        message: (
          <>
            {options.restore?.intro}
            <PackagePreview preview={pkg.preview} />
            {existing ? (
              <p className="callout" data-testid="existing-bloc">
                Máy này đã có khối <strong>{existing.name}</strong> ({formatNumberVi(existingUnits)} đơn vị, {formatNumberVi(existingYears)} năm, cập nhật lần
                cuối {formatDateTimeVi(changed ?? existing.updatedAt)}). «{replaceLabel}» sao lưu bản trên máy vào thư mục sao lưu rồi thay bằng dữ liệu
                trong {restoring ? 'bản sao lưu' : 'gói'}; «Thêm thành khối riêng» giữ nguyên bản trên máy và thêm {restoring ? 'bản sao lưu' : 'gói'} thành
                một khối khác (tên kèm ngày nhập).
              </p>
            ) : (
              <p className="callout">
                Khối này chưa có trên máy. {restoring ? 'Khôi phục' : 'Nhập gói'} sẽ thêm khối cùng toàn bộ dữ liệu của nó.
              </p>
            )}
          </>
        ),
        choices: existing
          ? [
              { value: 'replace', label: replaceLabel, kind: 'danger' },
              { value: 'add', label: 'Thêm thành khối riêng', kind: 'primary' },
            ]
          : [{ value: 'import', label: restoring ? 'Khôi phục khối này' : 'Nhập khối này', kind: 'primary' }],
      });
      if (!choice) return false;
      const kind = restoring ? 'restore' : 'replace';
      try {
        let backupPath: string | null = null;
        if (choice === 'replace') backupPath = restoring ? await backup(pkg.data.bloc.id, kind) : await backup(await readBlocData(pkg.data.bloc.id), kind);
        const blocId = await phase('import:write', () =>
          // An OpenedPackage was read and validated in main (BlocDataSchema): not validated again here.
          choice === 'add'
            ? addBlocAsNew(pkg.data, nowIso(), fromMain)
            : choice === 'import'
              ? importNewBloc(pkg.data, nowIso(), fromMain)
              : replaceBloc(pkg.data, fromMain),
        );
        backupInBackground(blocId, 'after-import');
        const name = (await db.blocs.get(blocId))?.name ?? pkg.data.bloc.name;
        setBlocId(blocId);
        go('bloc');
        if (backupPath) await tellWhere(name, backupPath, kind);
        else if (restoring) notice.notify('success', choice === 'add' ? `Đã khôi phục bản sao lưu thành một khối riêng: ${name}.` : `Đã khôi phục khối ${name}.`);
        else notice.notify('success', choice === 'add' ? `Đã thêm gói thành một khối riêng: ${name}.` : `Đã nhập khối ${name}.`);
        return true;
      } catch (err) {
        notice.error(toApiError(err));
        return false;
      }
    },
    [ask, notice, setBlocId, go, backup, tellWhere, backupInBackground],
  );
}
