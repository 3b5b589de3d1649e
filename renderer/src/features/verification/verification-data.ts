/** Live data of the verification screens for the selected year: table in force, members, scores, reviews, explanations. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { tableInForce } from '../../../../shared/domain/scoring-table';
import { yearRecordId } from '../../../../shared/model/records';
import { api } from '../../api';
import { useCurrentYear, useYearMembers } from '../../app/hooks';
import { useSession } from '../../app/session';
import { db } from '../../db/database';

export function useVerificationData() {
  const { blocId, year } = useSession();
  const members = useYearMembers();
  const yearRecord = useCurrentYear();
  const key = [blocId, year];
  const tables = useLiveQuery(async () => (blocId && year ? db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const scores = useLiveQuery(async () => (blocId && year ? db.scores.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const reviews = useLiveQuery(async () => (blocId && year ? db.unitReviews.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const explanations = useLiveQuery(async () => (blocId && year ? db.explanations.where('[blocId+year]').equals([blocId, year]).toArray() : []), key);
  const yearReview = useLiveQuery(async () => (blocId && year ? ((await db.yearReviews.get(yearRecordId(blocId, year))) ?? null) : null), key);
  const loading = !members || !tables || !scores || !reviews || !explanations || yearReview === undefined || yearRecord === undefined;
  const table = tables && year ? tableInForce(tables, year) : null;
  return { blocId, year, members, yearRecord, table, scores, reviews, explanations, yearReview, loading };
}

/** Who acts: the secretary named in settings by default, or a member of the verification team typed in the screen. */
export function useActor(): [string, (v: string) => void] {
  const [by, setBy] = useState('');
  useEffect(() => {
    void api.invoke('settings.get').then((r) => {
      if (r.ok) setBy((b) => b || r.value.settings.secretaryName.trim() || 'Thư ký Khối');
      else setBy((b) => b || 'Thư ký Khối');
    });
  }, []);
  return [by, setBy];
}
