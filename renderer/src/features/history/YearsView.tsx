/** Lịch sử khối, per year: leader and deputy, members, the top units, the awards proposed and their outcome. */
import type { BlocHistory, ProposedAward } from '../../../../shared/domain/history';
import { formatNumberVi } from '../../../../shared/text/vietnamese';

export const OUTCOME_LABELS: Record<ProposedAward['outcome'], string> = {
  proposed: 'đã đề nghị',
  granted: 'được tặng',
  'not-granted': 'không được tặng',
};

export function YearsView({ history, nameOf }: { history: BlocHistory; nameOf: (unitId: string) => string }) {
  return (
    <div className="table-wrap">
      <table className="data-table history-years" aria-label="Lịch sử theo năm">
        <thead>
          <tr>
            <th>Năm</th>
            <th>Khối trưởng</th>
            <th>Khối phó</th>
            <th className="col-num">Thành viên</th>
            <th>Đơn vị dẫn đầu</th>
            <th>Khen thưởng đề nghị</th>
          </tr>
        </thead>
        <tbody>
          {[...history.years].reverse().map((y) => (
            <tr key={y.year}>
              <td className="strong">{y.year}</td>
              <td>{y.leader?.name ?? <span className="muted">Chưa chọn</span>}</td>
              <td>{y.deputy?.name ?? <span className="muted">Chưa chọn</span>}</td>
              <td className="col-num">{formatNumberVi(y.memberCount)}</td>
              <td>
                {y.top.length > 0 ? (
                  <ol className="top-units">
                    {y.top.map((t) => (
                      <li key={t.unitId}>
                        <span className="rank">{t.rank}.</span> {t.name} <span className="sub">({formatNumberVi(t.total ?? 0)} điểm)</span>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <span className="muted">{y.table ? 'Chưa có đơn vị đủ điểm để xếp hạng' : 'Chưa có bảng chấm điểm'}</span>
                )}
              </td>
              <td>
                {y.awards.length > 0 ? (
                  <ul className="plain-list">
                    {y.awards.map((a, i) => (
                      <li key={i}>
                        {a.award}: {nameOf(a.unitId)} <span className="sub">({OUTCOME_LABELS[a.outcome]})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">Chưa có kết quả bình xét</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
