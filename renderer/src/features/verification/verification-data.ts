/** Live data of the verification screens for the selected year: table in force, members, scores, reviews, explanations. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { tableInForce } from '../../../../shared/domain/scoring-table';
import { yearRecordId } from '../../../../shared/model/records';
import { api } from '../../api';
import { useCurrentYear, useYearMembers } from '../../app/hooks';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import { scoresOfYear } from '../../db/score-store';

export function useVerificationData() {
  const { blocId, year } = useSession();
  const members = useYearMembers();
  const yearRecord = useCurrentYear();
  const key = [blocId, year];
  const tables = useLiveQuery(async () => (blocId && year ? db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const scores = useLiveQuery(async () => (blocId && year ? scoresOfYear(blocId, year) : []), key);
  const reviews = useLiveQuery(async () => (blocId && year ? db.unitReviews.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const explanations = useLiveQuery(async () => (blocId && year ? db.explanations.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const yearReview = useLiveQuery(async () => (blocId && year ? ((await db.yearReviews.get(yearRecordId(blocId, year))) ?? null) : null), key);
  const loading = !members || !tables || !scores || !reviews || !explanations || yearReview === undefined || yearRecord === undefined;
  const table = tables && year ? tableInForce(tables, year) : null;
  return { blocId, year, members, yearRecord, table, scores, reviews, explanations, yearReview, loading };
}

/** The person last chosen as acting, kept while the app is open so each screen starts with them. */
let chosenActor = '';

/**
 * Who acts: the secretary named in settings by default, or a member of the verification team. Not
 * ready until settings are read, so nothing is stored under an empty name.
 */
export function useActor(): { by: string; setBy: (v: string) => void; secretary: string; ready: boolean } {
  const [by, setByState] = useState(chosenActor);
  const setBy = useCallback((v: string) => {
    chosenActor = v;
    setByState(v);
  }, []);
  const [secretary, setSecretary] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const fallback = 'Thư ký Khối';
    void api
      .invoke('settings.get')
      .then((r) => (r.ok ? r.value.settings.secretaryName.trim() || fallback : fallback))
      .catch(() => fallback)
      .then((name) => {
        if (!live) return;
        setSecretary(name);
        setByState((b) => b || name);
      });
    return () => {
      live = false;
    };
  }, []);
  return { by, setBy, secretary: secretary ?? '', ready: secretary !== null };
}
