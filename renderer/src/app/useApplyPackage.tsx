/**
 * After a package was read and validated in main: show its preview, let the user choose
 * "Thay thế bản hiện có" (when this bloc is already here), "Thêm thành khối riêng" or Huỷ, apply it
 * in one transaction and switch to the bloc. Never merges silently.
 */
import { useCallback } from 'react';
import type { OpenedPackage } from '../../../shared/api/channels/foundation';
import { formatDateTimeVi, formatNumberVi } from '../../../shared/text/vietnamese';
import { toApiError } from '../api';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { db } from '../db/database';
import { addBlocAsNew, replaceBloc } from '../db/repo-package';
import { useAsk } from '../ui/Confirm';
import { useNotice } from '../ui/Notice';
import { PackagePreview } from './PackagePreview';

export function useApplyPackage() {
  const ask = useAsk();
  const notice = useNotice();
  const { setBlocId } = useSession();
  const { go } = useNavigation();

  return useCallback(
    async (pkg: OpenedPackage): Promise<boolean> => {
      const existing = await db.blocs.get(pkg.data.bloc.id);
      const existingUnits = existing ? await db.units.where('blocId').equals(existing.id).count() : 0;
      const existingYears = existing ? await db.years.where('blocId').equals(existing.id).count() : 0;
      const choice = await ask<'replace' | 'add' | 'import'>({
        title: 'Nhập gói bàn giao',
        wide: true,
        message: (
          <>
            <PackagePreview preview={pkg.preview} />
            {existing ? (
              <p className="callout">
                Máy này đã có khối <strong>{existing.name}</strong> ({formatNumberVi(existingUnits)} đơn vị, {formatNumberVi(existingYears)} năm, cập nhật{' '}
                {formatDateTimeVi(existing.updatedAt)}). «Thay thế bản hiện có» xoá bản trên máy và thay bằng dữ liệu trong gói; «Thêm thành khối riêng» giữ
                nguyên bản trên máy và thêm gói thành một khối khác.
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
        const blocId = choice === 'add' ? await addBlocAsNew(pkg.data) : await replaceBloc(pkg.data);
        setBlocId(blocId);
        go('bloc');
        notice.notify(
          'success',
          choice === 'replace'
            ? `Đã thay thế khối ${pkg.data.bloc.name} bằng dữ liệu trong gói.`
            : choice === 'add'
              ? `Đã thêm ${pkg.data.bloc.name} thành một khối riêng.`
              : `Đã nhập khối ${pkg.data.bloc.name}.`,
        );
        return true;
      } catch (err) {
        notice.error(toApiError(err));
        return false;
      }
    },
    [ask, notice, setBlocId, go],
  );
}
