/**
 * A destructive action (deleting a year or a bloc, undoing an import, restoring a backup) runs only
 * after the bloc was backed up as it is now, or after the user chose to go on without a backup when
 * it could not be written. The bloc is read before anything changes, so the backup holds exactly
 * the state the action is about to change.
 */
import type { ApiError, ApiResult } from '../../../../shared/api/contract';
import type { BackupReason, BackupTaken } from '../../../../shared/package/backup';
import type { BlocData } from '../../../../shared/model/records';
import { toApiError } from '../../api';
import { readBlocData } from '../../db/repo-package';

export type TakeBackup = (data: BlocData, reason: BackupReason) => Promise<ApiResult<BackupTaken>>;
/** Reads the bloc as it is now and backs it up (backupBloc, or the app's worker path). */
export type BackupOfBloc = (blocId: string, reason: BackupReason) => Promise<ApiResult<BackupTaken>>;

/** Reads the bloc and backs it up; never throws. */
export async function backupBloc(take: TakeBackup, blocId: string, reason: BackupReason): Promise<ApiResult<BackupTaken>> {
  let data: BlocData;
  try {
    data = await readBlocData(blocId);
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
  return take(data, reason);
}

export type AfterBackup<T> = { done: true; value: T; backup: BackupTaken | null } | { done: false };

/**
 * Backs the bloc up, then runs `action`. When the backup fails, `goOnWithout(error)` decides: false
 * leaves everything as it was. The action's own errors are thrown to the caller.
 */
export async function afterBackup<T>(
  backup: BackupOfBloc,
  blocId: string,
  reason: BackupReason,
  goOnWithout: (error: ApiError) => Promise<boolean>,
  action: () => Promise<T>,
): Promise<AfterBackup<T>> {
  const r = await backup(blocId, reason);
  if (!r.ok && !(await goOnWithout(r.error))) return { done: false };
  return { done: true, value: await action(), backup: r.ok ? r.value : null };
}
