/** Every year of the bloc with its members count, Khối trưởng and Khối phó; selecting one opens it. */
import type { Unit, Year } from '../../../../shared/model/records';
import { formatNumberVi } from '../../../../shared/text/vietnamese';

export function YearHistory({ years, units, selected, onSelect }: { years: Year[]; units: Unit[]; selected: number | null; onSelect: (y: number) => void }) {
  const name = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? '—') : 'Chưa chọn');
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Các năm thi đua">
        <thead>
          <tr>
            <th>Năm</th>
            <th>Thành viên</th>
            <th>Khối trưởng</th>
            <th>Khối phó</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {[...years].reverse().map((y) => (
            <tr key={y.id} className={y.year === selected ? 'row-selected' : undefined}>
              <td>
                <button type="button" className="link strong" aria-current={y.year === selected ? 'true' : undefined} onClick={() => onSelect(y.year)}>
                  {y.year}
                </button>
              </td>
              <td className="num">{formatNumberVi(y.memberUnitIds.length)}</td>
              <td>{name(y.leaderUnitId)}</td>
              <td>{name(y.deputyUnitId)}</td>
              <td className="note-cell">{y.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
