/**
 * Runs a screen's actions one at a time: marks which action is busy (to disable its button and
 * show progress) and keeps the last error for an ErrorBox; a success clears it.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { toApiError } from '../api';

export function useBusyAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (kind: K, action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}
