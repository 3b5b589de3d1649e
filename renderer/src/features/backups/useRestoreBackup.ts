/**
 * Restoring a backup: read and fully validate it in main (backups.read), then the handover
 * import's own flow in restore mode (useApplyPackage): the preview, the choice, the copy on this PC
 * backed up first ('before-restore'), one transaction.
 */
import { useCallback } from 'react';
import type { OpenedPackage } from '../../../../shared/api/channels/foundation';
import type { ApiResult } from '../../../../shared/api/contract';
import { api } from '../../api';
import { useApplyPackage, type ApplyOptions } from '../../app/useApplyPackage';

export function useRestoreBackup() {
  const apply = useApplyPackage();
  const read = useCallback((path: string): Promise<ApiResult<OpenedPackage>> => api.invoke('backups.read', path), []);
  const restore = useCallback((pkg: OpenedPackage, restoreOptions: NonNullable<ApplyOptions['restore']> = {}) => apply(pkg, { restore: restoreOptions }), [apply]);
  return { read, restore };
}
