/**
 * After a package was read and validated in main: show its preview, let the user choose
 * "Thay thế bản hiện có" (when this bloc is already here), "Thêm thành khối riêng" or Huỷ, apply it
 * in one transaction and switch to the bloc. Never merges silently; a replace first backs up the
 * copy on this PC (useBackupBeforeReplace) and says where it went.
 */
import { useCallback } from 'react';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { formatDateTimeVi, formatNumberVi } from '../../../shared/text/vietnamese';
import { toApiError } from '../api';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { db } from '../db/database';
import { addBlocAsNew, importNewBloc, lastChangeOf, readBlocData, replaceBloc } from '../db/repo-package';
import { useAsk } from '../ui/Confirm';
import { useNotice } from '../ui/Notice';
import { PackagePreview } from './PackagePreview';
import { useBackupBeforeReplace } from './useBackupBeforeReplace';

export function useApplyPackage() {
  const ask = useAsk();
  const notice = useNotice();
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  const { backup, tellWhere } = useBackupBeforeReplace();

  return useCallback(
    async (pkg: OpenedPackage): Promise<boolean> => {
      const existing = await db.blocs.get(pkg.data.bloc.id);
      const existingUnits = existing ? await db.units.where('blocId').equals(existing.id).count() : 0;
      const existingYears = existing ? await db.years.where('blocId').equals(existing.id).count() : 0;
      const changed = existing ? await lastChangeOf(existing.id) : null;
      const choice = await ask<'replace' | 'add' | 'import'>({
        title: 'Nhập gói bàn giao',
        wide: true,
        message: (
          <>
            <PackagePreview preview={pkg.preview} />
            {existing ? (
              <p className="callout" data-testid="existing-bloc">
                Máy này đã có khối <strong>{existing.name}</strong> ({formatNumberVi(existingUnits)} đơn vị, {formatNumberVi(existingYears)} năm, cập nhật lần
                cuối {formatDateTimeVi(changed ?? existing.updatedAt)}). «Thay thế bản hiện có» sao lưu bản trên máy vào thư mục sao lưu rồi thay bằng dữ liệu
                trong gói; «Thêm thành khối riêng» giữ nguyên bản trên máy và thêm gói thành một khối khác (tên kèm ngày nhập).
              </p>
            ) : (
              <p className="callout">Khối này chưa có trên máy. Nhập gói sẽ thêm khối cùng toàn bộ dữ liệu của nó.</p>
            )}
          </>
        ),
        choices: existing
          ? [
              { value: 'replace', label: 'Thay thế bản hiện có', kind: 'danger' },
              { value: 'add', label: 'Thêm thành khối riêng', kind: 'primary' },
            ]
          : [{ value: 'import', label: 'Nhập khối này', kind: 'primary' }],
      });
      if (!choice) return false;
      try {
        let backupPath: string | null = null;
        if (choice === 'replace') backupPath = await backup(await readBlocData(pkg.data.bloc.id));
        const blocId =
          choice === 'add' ? await addBlocAsNew(pkg.data) : choice === 'import' ? await importNewBloc(pkg.data) : await replaceBloc(pkg.data);
        const name = (await db.blocs.get(blocId))?.name ?? pkg.data.bloc.name;
        setBlocId(blocId);
        go('bloc');
        if (backupPath) await tellWhere(name, backupPath);
        else notice.notify('success', choice === 'add' ? `Đã thêm gói thành một khối riêng: ${name}.` : `Đã nhập khối ${name}.`);
        return true;
      } catch (err) {
        notice.error(toApiError(err));
        return false;
      }
    },
    [ask, notice, setBlocId, go, backup, tellWhere],
  );
}
