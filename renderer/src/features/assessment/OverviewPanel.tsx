/**
 * The year's submissions (đã nộp / chưa nộp / có lỗi, date of the last file) and the unit ×
 * criterion matrix of self scores with totals: sticky headers, a print stylesheet, Excel export.
 */
import type { Explanation, ImportBatch, Score, ScoringTable, Unit, UnitReview } from '../../../../shared/model/records';
import { UNIT_STAGE_LABELS, awaitingExplanations, stageCounts, unitStage, type UnitStage } from '../../../../shared/domain/verification';
import { NOT_SUBMITTED_TEXT } from '../../../../shared/domain/scoring';
import { formatDateTimeVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { selfScoreMatrix, SUBMISSION_LABELS, yearOverview, type InspectedSummary } from './overview';

interface Props {
  year: number;
  units: Unit[];
  table: ScoringTable | null;
  scores: Score[];
  batches: ImportBatch[];
  /** The verification of the year (thẩm định): unit reviews and explanations. */
  reviews: UnitReview[];
  explanations: Explanation[];
  inspected: InspectedSummary[];
  busy: boolean;
  onExportExcel: () => void;
}

export function OverviewPanel({ year, units, table, scores, batches, reviews, explanations, inspected, busy, onExportExcel }: Props) {
  const overview = yearOverview(units, table, scores, batches, inspected);
  const matrix = selfScoreMatrix(units, table, scores);
  const count = (s: string) => overview.filter((o) => o.status === s).length;
  const criteria = table ? table.groups.flatMap((g) => g.criteria.map((c) => ({ c, g }))) : [];
  const stages = stageCounts(units.map((u) => unitStage(scores.filter((s) => s.unitId === u.id), criteria.length, reviews.find((r) => r.unitId === u.id))));
  const memberIds = new Set(units.map((u) => u.id));
  const awaiting = awaitingExplanations(scores.filter((s) => memberIds.has(s.unitId)), explanations);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;

  return (
    <div className="overview-panel">
      <h2>Tình hình nộp phiếu tự chấm năm {year}</h2>
      <p data-testid="overview-counts">
        {count('submitted')} đã nộp đủ · {count('incomplete')} đã nộp còn thiếu · {count('errors')} có lỗi · {count('missing')} chưa nộp (trên {units.length}{' '}
        đơn vị)
      </p>
      <h2>Tiến độ thẩm định</h2>
      <p data-testid="verification-progress">
        {(Object.keys(stages) as UnitStage[]).map((k) => `${stages[k]} ${UNIT_STAGE_LABELS[k].toLowerCase()}`).join(' · ')}
      </p>
      {awaiting.length > 0 ? (
        <>
          <p>Điểm đã thay đổi khi thẩm định, chờ giải trình hoặc chờ quyết định ({awaiting.length}):</p>
          <ul data-testid="awaiting-explanations">
            {awaiting.map((a) => (
              <li key={`${a.unitId}:${a.code}`}>
                {unitName(a.unitId)}, tiêu chí {a.code}: {a.self === null ? '—' : formatNumberVi(a.self)} → {formatNumberVi(a.verified)}
                {a.state === 'pending' ? ' (đã có giải trình, chờ quyết định)' : ' (chưa có giải trình)'}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Không có điểm thay đổi nào chờ giải trình.</p>
      )}
      <table className="data-table" data-testid="overview-table">
        <thead>
          <tr>
            <th>TT</th>
            <th>Đơn vị</th>
            <th>Tình trạng</th>
            <th className="col-num">Tiêu chí đã có điểm</th>
            <th>Tệp gần nhất</th>
          </tr>
        </thead>
        <tbody>
          {overview.map((o, i) => (
            <tr key={o.unit.id} data-status={o.status} data-unit={o.unit.code}>
              <td>{i + 1}</td>
              <td>{o.unit.name}</td>
              <td>
                <span className={`badge badge-${o.status}`}>{SUBMISSION_LABELS[o.status]}</span>
                {o.pendingErrors > 0 && <span className="muted"> ({o.pendingErrors} lỗi trong tệp vừa kiểm tra)</span>}
              </td>
              <td className="col-num">
                {o.filled}/{o.total}
              </td>
              <td>{o.lastFileAt ? `${formatDateTimeVi(o.lastFileAt)} · ${o.lastFileName}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="toolbar no-print">
        <h2 className="grow">Bảng tổng hợp điểm tự chấm</h2>
        <button type="button" className="btn" disabled={!table} onClick={() => window.print()}>
          In bảng tổng hợp
        </button>
        <button type="button" className="btn" disabled={busy || !table} onClick={onExportExcel}>
          {busy ? 'Đang xuất…' : 'Xuất Excel'}
        </button>
      </div>
      {!table ? (
        <p className="muted">Năm {year} chưa có bảng chấm điểm.</p>
      ) : (
        <div className="matrix-wrap print-area" data-testid="score-matrix">
          <h2 className="print-only">
            Bảng tổng hợp điểm tự chấm năm {year} — {table.title}
          </h2>
          <table className="matrix">
            <thead>
              <tr>
                <th className="sticky-col">Đơn vị</th>
                {criteria.map(({ c, g }) => (
                  <th key={c.code} title={c.title} className={g.kind !== 'normal' ? `kind-${g.kind}` : undefined}>
                    {c.code}
                    <br />
                    <span className="muted">/{formatNumberVi(c.max)}</span>
                  </th>
                ))}
                <th className="total">Tổng</th>
              </tr>
            </thead>
            <tbody>
              {matrix.map((row) => (
                <tr key={row.unit.id} data-unit={row.unit.code}>
                  <th className="sticky-col" scope="row">
                    {row.unit.name}
                  </th>
                  {criteria.map(({ c }) => {
                    const v = row.values[c.code] ?? null;
                    return (
                      <td key={c.code} className={v === null ? 'missing' : v > c.max ? 'over' : undefined}>
                        {v === null ? '' : formatNumberVi(v)}
                      </td>
                    );
                  })}
                  <td className="total">
                    {row.total === null ? <span className="muted">{NOT_SUBMITTED_TEXT}</span> : formatNumberVi(row.total)}
                    {row.total !== null && !row.complete && <span title="Còn tiêu chí chưa có điểm"> *</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Ô trống: đơn vị chưa có điểm. “{NOT_SUBMITTED_TEXT}”: đơn vị chưa có điểm tự chấm nào. Dấu * ở cột Tổng: còn tiêu chí chưa có điểm. Điểm trừ được trừ vào tổng; điểm thưởng tính theo mức trần.</p>
        </div>
      )}
    </div>
  );
}
