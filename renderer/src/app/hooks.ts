/**
 * Live data of the current session (re-render on every change in IndexedDB). `undefined` means
 * still loading; a missing record is `null`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Bloc, Unit, Year } from '../../../shared/model/records';
import { db } from '../db/database';
import { useSession } from './session';

export function useBlocs(): Bloc[] | undefined {
  return useLiveQuery(() => db.blocs.toArray(), []);
}

export function useBloc(): Bloc | null | undefined {
  const { blocId } = useSession();
  return useLiveQuery(async () => (blocId ? ((await db.blocs.get(blocId)) ?? null) : null), [blocId]);
}

/** Units of the current bloc in the bloc's order (active and inactive). */
export function useUnits(): Unit[] | undefined {
  const { blocId } = useSession();
  return useLiveQuery(async () => (blocId ? (await db.units.where('blocId').equals(blocId).toArray()).sort((a, b) => a.order - b.order) : []), [blocId]);
}

/** Years of the current bloc, oldest first. */
export function useYears(): Year[] | undefined {
  const { blocId } = useSession();
  return useLiveQuery(async () => (blocId ? (await db.years.where('blocId').equals(blocId).toArray()).sort((a, b) => a.year - b.year) : []), [blocId]);
}

/** The selected year's record, or null when no year is selected. */
export function useCurrentYear(): Year | null | undefined {
  const { blocId, year } = useSession();
  return useLiveQuery(
    async () => (blocId && year !== null ? ((await db.years.where('[blocId+year]').equals([blocId, year]).first()) ?? null) : null),
    [blocId, year],
  );
}

/** The current year's member units in the year's order. */
export function useYearMembers(): Unit[] | undefined {
  const units = useUnits();
  const year = useCurrentYear();
  if (units === undefined || year === undefined) return undefined;
  if (!year) return [];
  const byId = new Map(units.map((u) => [u.id, u]));
  return year.memberUnitIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
