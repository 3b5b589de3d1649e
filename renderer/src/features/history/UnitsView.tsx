/**
 * Lịch sử khối, per unit: a sortable summary (years as member, leader, deputy, best and latest rank,
 * awards) and, for the chosen unit, every year: total, rank of how many, classification, role, awards.
 */
import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { UnitHistory } from '../../../../shared/domain/history';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { DataTable, viSort } from '../../ui/DataTable';
import { OUTCOME_LABELS } from './YearsView';

const col = createColumnHelper<UnitHistory>();
const yearsText = (years: number[]) => (years.length ? years.join(', ') : '—');
const latestRank = (u: UnitHistory) => [...u.years].reverse().find((y) => y.member)?.rank ?? null;
const sortNullLast = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);

export function UnitsView({ units }: { units: UnitHistory[] }) {
  const [chosen, setChosen] = useState<string | null>(units[0]?.unitId ?? null);
  const [search, setSearch] = useState('');
  const columns = useMemo(
    () => [
      col.accessor('name', {
        header: 'Đơn vị',
        sortingFn: viSort,
        cell: (c) => (
          <button type="button" className="link" aria-current={c.row.original.unitId === chosen ? 'true' : undefined} onClick={() => setChosen(c.row.original.unitId)}>
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor('code', { header: 'Mã', sortingFn: viSort, meta: { className: 'col-code' } }),
      col.accessor((u) => u.years.filter((y) => y.member).length, { id: 'memberYears', header: 'Số năm tham gia', meta: { className: 'col-num' } }),
      col.accessor((u) => yearsText(u.leaderYears), { id: 'leader', header: 'Năm làm Khối trưởng', sortingFn: (a, b) => b.original.leaderYears.length - a.original.leaderYears.length }),
      col.accessor((u) => yearsText(u.deputyYears), { id: 'deputy', header: 'Năm làm Khối phó', sortingFn: (a, b) => b.original.deputyYears.length - a.original.deputyYears.length }),
      col.accessor('bestRank', { header: 'Hạng cao nhất', meta: { className: 'col-num' }, sortingFn: (a, b) => sortNullLast(a.original.bestRank, b.original.bestRank), cell: (c) => c.getValue() ?? '—' }),
      col.accessor(latestRank, { id: 'latest', header: 'Hạng năm gần nhất', meta: { className: 'col-num' }, sortingFn: (a, b) => sortNullLast(latestRank(a.original), latestRank(b.original)), cell: (c) => c.getValue() ?? '—' }),
      col.accessor('awardCount', { header: 'Khen thưởng', meta: { className: 'col-num' } }),
    ],
    [chosen],
  );
  const unit = units.find((u) => u.unitId === chosen) ?? null;
  return (
    <div className="units-view">
      <div className="toolbar">
        <input type="search" className="search" placeholder="Tìm đơn vị (gõ không dấu cũng được)" aria-label="Tìm đơn vị" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <DataTable label="Lịch sử theo đơn vị" data={units} columns={columns} getRowId={(u) => u.unitId} searchText={(u) => `${u.name} ${u.code}`} search={search} emptyText="Chưa có đơn vị nào tham gia năm thi đua." rowClassName={(u) => (u.unitId === chosen ? 'row-selected' : undefined)} />
      {unit && (
        <div className="card">
          <h2>
            {unit.name} ({unit.code}){!unit.active && <span className="badge badge-off">Ngừng hoạt động</span>}
          </h2>
          <div className="table-wrap">
            <table className="data-table compact" aria-label={`Kết quả của ${unit.name} qua các năm`}>
              <thead>
                <tr>
                  <th>Năm</th>
                  <th className="col-num">Tổng điểm</th>
                  <th className="col-num">Thứ hạng</th>
                  <th>Xếp loại</th>
                  <th>Vai trò</th>
                  <th>Khen thưởng</th>
                </tr>
              </thead>
              <tbody>
                {[...unit.years].reverse().map((y) => (
                  <tr key={y.year} className={y.member ? undefined : 'row-inactive'}>
                    <td>{y.year}</td>
                    {y.member ? (
                      <>
                        <td className="col-num">{y.total === null ? '—' : formatNumberVi(y.total)}</td>
                        <td className="col-num">{y.rank === null ? 'Chưa xếp hạng' : `${y.rank}/${y.rankedCount}`}</td>
                        <td>{y.classification ?? '—'}</td>
                        <td>{y.role === 'leader' ? 'Khối trưởng' : y.role === 'deputy' ? 'Khối phó' : ''}</td>
                        <td>{y.awards.length ? y.awards.map((a) => `${a.award} (${OUTCOME_LABELS[a.outcome]})`).join('; ') : '—'}</td>
                      </>
                    ) : (
                      <td colSpan={5}>Không là thành viên năm này</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
