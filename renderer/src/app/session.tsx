/**
 * What the user is working on: the bloc and the emulation year, kept in localStorage so a restart
 * reopens the same place. When the stored bloc no longer exists the first bloc is taken.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';

export interface Session {
  blocId: string | null;
  setBlocId(id: string | null): void;
  /** The selected emulation year (e.g. 2025), or null. */
  year: number | null;
  setYear(year: number | null): void;
}

const KEY = 'blocdesk.session';
interface Stored {
  blocId: string | null;
  years: Record<string, number>;
}

function load(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
    return { blocId: typeof v?.blocId === 'string' ? v.blocId : null, years: v?.years && typeof v.years === 'object' ? v.years : {} };
  } catch {
    return { blocId: null, years: {} };
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored>(load);
  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify(stored));
  }, [stored]);

  const blocs = useLiveQuery(() => db.blocs.toArray(), []);
  const years = useLiveQuery(() => (stored.blocId ? db.years.where('blocId').equals(stored.blocId).toArray() : []), [stored.blocId]);

  // Keep the selection valid: an existing bloc, a year of that bloc (the latest by default).
  useEffect(() => {
    if (!blocs) return;
    if (stored.blocId && blocs.some((b) => b.id === stored.blocId)) return;
    const first = [...blocs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    setStored((s) => ({ ...s, blocId: first?.id ?? null }));
  }, [blocs, stored.blocId]);
  const blocId = blocs && stored.blocId && blocs.some((b) => b.id === stored.blocId) ? stored.blocId : null;
  const wanted = blocId ? stored.years[blocId] : undefined;
  let year: number | null = null;
  if (years && years.length) year = years.some((y) => y.year === wanted) ? wanted! : Math.max(...years.map((y) => y.year));

  const setBlocId = useCallback((id: string | null) => setStored((s) => ({ ...s, blocId: id })), []);
  const setYear = useCallback(
    (y: number | null) =>
      setStored((s) => {
        if (!s.blocId) return s;
        const next = { ...s.years };
        if (y === null) delete next[s.blocId];
        else next[s.blocId] = y;
        return { ...s, years: next };
      }),
    [],
  );
  const value = useMemo(() => ({ blocId, setBlocId, year, setYear }), [blocId, setBlocId, year, setYear]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
