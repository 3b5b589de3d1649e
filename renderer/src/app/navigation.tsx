/**
 * Which section is shown; kept in localStorage so a reload stays on the same screen. Leaving a
 * section first asks about its unsaved drafts (save / discard / stay).
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useUnsavedRegistry } from '../ui/unsaved';

const KEY = 'blocdesk.section';
interface Navigation {
  sectionId: string;
  /** Shows the section once nothing unsaved stands in the way; resolves false when the user stays. */
  go(sectionId: string): Promise<boolean>;
}
const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children, initial }: { children: ReactNode; initial: string }) {
  const [sectionId, setSectionId] = useState<string>(() => localStorage.getItem(KEY) ?? initial);
  const unsaved = useUnsavedRegistry();
  const go = useCallback(
    async (id: string) => {
      if (!(await unsaved.confirmLeave())) return false;
      localStorage.setItem(KEY, id);
      setSectionId(id);
      return true;
    },
    [unsaved],
  );
  return <NavigationContext.Provider value={{ sectionId, go }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const n = useContext(NavigationContext);
  if (!n) throw new Error('useNavigation outside NavigationProvider');
  return n;
}

/**
 * Runs an action that replaces what is on screen (another year, another bloc) once the unsaved
 * drafts are saved or dropped; does nothing when the user stays.
 */
export function useLeaveGuard() {
  const unsaved = useUnsavedRegistry();
  return useCallback(
    async (action: () => void) => {
      if (await unsaved.confirmLeave()) action();
    },
    [unsaved],
  );
}
