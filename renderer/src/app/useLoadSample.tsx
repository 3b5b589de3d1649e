/** "Dữ liệu mẫu": loads the shipped sample bloc, asking before touching an existing copy (backed up before a replace). */
import { useCallback } from 'react';
import { toApiError } from '../api';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { loadSample } from '../db/repo-package';
import { useAsk } from '../ui/Confirm';
import { useNotice } from '../ui/Notice';
import { useBackupBeforeReplace } from './useBackupBeforeReplace';

export function useLoadSample() {
  const ask = useAsk();
  const notice = useNotice();
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  const { backup, tellWhere } = useBackupBeforeReplace();
  return useCallback(async () => {
    try {
      let replaced: { name: string; path: string } | null = null;
      const blocId = await loadSample(
        (existing) =>
          ask<'replace' | 'add'>({
            title: 'Dữ liệu mẫu đã có trên máy',
            message: (
              <p>
                Máy này đã có khối mẫu <strong>{existing.bloc.name}</strong>. Thay thế bản đó bằng dữ liệu mẫu ban đầu (bản trên máy được sao lưu trước khi
                thay thế), hay thêm một khối mẫu nữa?
              </p>
            ),
            choices: [
              { value: 'replace', label: 'Thay thế bản hiện có', kind: 'danger' },
              { value: 'add', label: 'Thêm thành khối riêng', kind: 'primary' },
            ],
          }),
        async (current) => {
          replaced = { name: current.bloc.name, path: await backup(current) };
        },
      );
      if (!blocId) return;
      setBlocId(blocId);
      go('bloc');
      const done = replaced as { name: string; path: string } | null;
      if (done) await tellWhere(done.name, done.path);
      else notice.notify('success', 'Đã nạp dữ liệu mẫu: Khối Văn hóa - Xã hội với 8 đơn vị, các năm 2023 và 2024.');
    } catch (err) {
      notice.error(toApiError(err));
    }
  }, [ask, notice, setBlocId, go, backup, tellWhere]);
}
