/** "Dữ liệu mẫu": loads the shipped sample bloc, asking before touching an existing copy. */
import { useCallback } from 'react';
import { toApiError } from '../api';
import { useNavigation } from './navigation';
import { useSession } from './session';
import { loadSample } from '../db/repo-package';
import { useAsk } from '../ui/Confirm';
import { useNotice } from '../ui/Notice';

export function useLoadSample() {
  const ask = useAsk();
  const notice = useNotice();
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  return useCallback(async () => {
    try {
      const blocId = await loadSample((existing) =>
        ask<'replace' | 'add'>({
          title: 'Dữ liệu mẫu đã có trên máy',
          message: (
            <p>
              Máy này đã có khối mẫu <strong>{existing.bloc.name}</strong>. Thay thế bản đó bằng dữ liệu mẫu ban đầu (mọi thay đổi trên khối mẫu sẽ mất),
              hay thêm một khối mẫu nữa?
            </p>
          ),
          choices: [
            { value: 'replace', label: 'Thay thế bản hiện có', kind: 'danger' },
            { value: 'add', label: 'Thêm thành khối riêng', kind: 'primary' },
          ],
        }),
      );
      if (!blocId) return;
      setBlocId(blocId);
      go('bloc');
      notice.notify('success', 'Đã nạp dữ liệu mẫu: Khối Văn hóa - Xã hội với 8 đơn vị, các năm 2023 và 2024.');
    } catch (err) {
      notice.error(toApiError(err));
    }
  }, [ask, notice, setBlocId, go]);
}
