/** Opening a handover package: through the system's open dialog, or a file dropped on the window. */
import { useCallback, useState } from 'react';
import { PACKAGE_EXTENSION } from '../../../shared/package/format';
import type { ApiError } from '../../../shared/api/contract';
import { api } from '../api';
import { phase } from '../db/phase-timing';
import { useApplyPackage } from './useApplyPackage';

export function useImportPackage() {
  const apply = useApplyPackage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const openFromDialog = useCallback(async () => {
    setError(null);
    setBusy(true);
    const r = await phase('import:open', () => api.invoke('handover.open'));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (r.value) await apply(r.value);
  }, [apply]);

  const readFile = useCallback(
    async (file: File) => {
      setError(null);
      if (!file.name.toLowerCase().endsWith(`.${PACKAGE_EXTENSION}`)) {
        return setError({
          code: 'not-a-package',
          message: `Tệp "${file.name}" không phải gói bàn giao. Hãy chọn tệp có đuôi .${PACKAGE_EXTENSION} do BlocDesk tạo ra.`,
        });
      }
      setBusy(true);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const r = await phase('import:open', () => api.invoke('handover.read', { name: file.name, bytes }));
      setBusy(false);
      if (!r.ok) return setError(r.error);
      await apply(r.value);
    },
    [apply],
  );

  return { openFromDialog, readFile, busy, error, clearError: () => setError(null) };
}
