/** Which section is shown; kept in localStorage so a reload stays on the same screen. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const KEY = 'blocdesk.section';
interface Navigation {
  sectionId: string;
  go(sectionId: string): void;
}
const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children, initial }: { children: ReactNode; initial: string }) {
  const [sectionId, setSectionId] = useState<string>(() => localStorage.getItem(KEY) ?? initial);
  const go = useCallback((id: string) => {
    localStorage.setItem(KEY, id);
    setSectionId(id);
  }, []);
  return <NavigationContext.Provider value={{ sectionId, go }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const n = useContext(NavigationContext);
  if (!n) throw new Error('useNavigation outside NavigationProvider');
  return n;
}
