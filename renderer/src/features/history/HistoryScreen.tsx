/**
 * Lịch sử khối: the bloc's years at a glance (shared/domain/history). Per year the leader and
 * deputy, the members, the top units and the awards; per unit its results across the years; each
 * unit's rank over the years and the awards per year as charts (uPlot) or tables. "Xuất Excel"
 * writes every view as a sheet (history.xlsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { awardsChartData, rankChartData } from '../../../../shared/domain/history';
import { asciiSlug, formatNumberVi } from '../../../../shared/text/vietnamese';
import { api } from '../../api';
import { useBloc } from '../../app/hooks';
import { useSession } from '../../app/session';
import { readBlocData } from '../../db/repo-package';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { useBusyAction } from '../../ui/useBusyAction';
import { AwardsView } from './AwardsView';
import { RankView } from './RankView';
import { UnitsView } from './UnitsView';
import { prepareHistory, useBlocHistory } from './useBlocHistory';
import { YearsView } from './YearsView';
import './history.css';

type Tab = 'years' | 'units' | 'ranks' | 'awards';
const TABS: { id: Tab; label: string }[] = [
  { id: 'years', label: 'Theo năm' },
  { id: 'units', label: 'Theo đơn vị' },
  { id: 'ranks', label: 'Thứ hạng qua các năm' },
  { id: 'awards', label: 'Khen thưởng theo năm' },
];

/** Prepares the open bloc's history in the background shortly after it is opened, so the screen opens at once. */
export function useHistoryPrewarm(): void {
  const { blocId } = useSession();
  useEffect(() => {
    if (!blocId) return;
    const t = setTimeout(() => prepareHistory(blocId), 2000);
    return () => clearTimeout(t);
  }, [blocId]);
}

export function HistoryScreen() {
  const { blocId } = useSession();
  const bloc = useBloc();
  const { history, updating, error: loadError } = useBlocHistory(blocId);
  const ranks = useMemo(() => (history ? rankChartData(history) : null), [history]);
  const awards = useMemo(() => (history ? awardsChartData(history) : null), [history]);
  const names = useMemo(() => new Map((history?.units ?? []).map((u) => [u.unitId, u.name])), [history]);
  const [tab, setTab] = useState<Tab>('years');
  const notice = useNotice();
  const { busy, error, setError, run } = useBusyAction<'excel'>();

  if (loadError && !history) return <ErrorBox error={loadError} />;
  if (history === undefined || bloc === undefined) return <p className="muted">Đang tính lịch sử của khối…</p>;
  if (!history || !bloc || !ranks || !awards) return <p className="muted">Hãy chọn khối thi đua trước.</p>;

  const exportExcel = () =>
    run('excel', async () => {
      const data = await readBlocData(bloc.id);
      const r = await api.invoke('history.xlsx', { data });
      if (!r.ok) return setError(r.error);
      const name = `Lich-su-${asciiSlug(bloc.shortName || bloc.name, 40) || 'khoi'}.xlsx`;
      const saved = await api.invoke('file.save', { bytes: r.value, suggestedName: name, folder: 'export' });
      if (!saved.ok) return setError(saved.error);
      if (saved.value) notice.notify('success', `Đã lưu: ${saved.value.path}`);
    });

  const first = history.years[0]?.year;
  const last = history.years.at(-1)?.year;
  return (
    <section className="screen history-screen" data-testid="history-screen">
      <header className="screen-header">
        <div>
          <h1>Lịch sử khối</h1>
          <p className="muted">
            {bloc.name}: {formatNumberVi(history.years.length)} năm thi đua
            {first !== undefined && ` (${first === last ? first : `${first}–${last}`})`}, {formatNumberVi(history.units.length)} đơn vị đã tham gia.
            {updating && <span className="updating"> Đang cập nhật theo dữ liệu mới nhất…</span>}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="btn" disabled={busy !== null || history.years.length === 0} onClick={() => void exportExcel()}>
            {busy === 'excel' ? 'Đang xuất…' : 'Xuất Excel'}
          </button>
        </div>
      </header>
      <ErrorBox error={error ?? loadError} />
      {history.years.length === 0 ? (
        <div className="card">
          <p>Khối chưa có năm thi đua nào. Lịch sử sẽ hiện khi có năm thi đua, Khối trưởng, Khối phó và điểm chấm.</p>
        </div>
      ) : (
        <>
          <div role="tablist" className="tabs">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'years' && <YearsView history={history} nameOf={(id) => names.get(id) ?? id} />}
            {tab === 'units' && <UnitsView units={history.units} />}
            {tab === 'ranks' && <RankView data={ranks} />}
            {tab === 'awards' && <AwardsView data={awards} />}
          </div>
        </>
      )}
    </section>
  );
}
