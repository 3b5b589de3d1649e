/**
 * Closing the window asks about unsaved edits like leaving a section does. In Electron the main
 * process asks the guard registered here before it lets the window close (save / discard / stay);
 * in a browser (preview, e2e) only the browser's own "leave this page?" can be asked.
 */
import { useEffect } from 'react';
import { api } from '../api';
import { useUnsavedRegistry } from '../ui/unsaved';

export function useWindowCloseGuard(): void {
  const unsaved = useUnsavedRegistry();
  useEffect(() => {
    if (api.setCloseGuard(() => unsaved.confirmLeave())) return () => void api.setCloseGuard(null);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!unsaved.hasUnsaved()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
