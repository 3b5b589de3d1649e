/**
 * One inspected file: unit, year, every problem with its sheet and cell, and the score of each
 * criterion against what is stored (old → new). The checkbox accepts the file for the commit;
 * a file with errors cannot be accepted.
 */
import type { InspectProblem, InspectReport } from '../../../../shared/domain/assessment-import';
import type { Score, Unit } from '../../../../shared/model/records';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { diffAgainstStored } from './assessment-store';

interface Props {
  report: InspectReport;
  unit: Unit | undefined;
  stored: readonly Score[];
  accepted: boolean;
  /** Why the file cannot be accepted besides its own errors (e.g. another accepted file for the same unit). */
  blockedReason: string | null;
  onAccept: (accepted: boolean) => void;
  onRemove: () => void;
}

const num = (v: number | null) => (v === null ? 'trống' : formatNumberVi(v));

export function where(p: { sheet?: string | undefined; cell?: string | null | undefined }): string {
  if (p.sheet && p.cell) return `trang "${p.sheet}", ô ${p.cell}`;
  if (p.sheet) return `trang "${p.sheet}"`;
  if (p.cell) return `ô ${p.cell}`;
  return '';
}

/** The place of a problem, unless its message already names the cell. */
function placeOf(p: InspectProblem): string {
  if (p.cell && p.message.includes(p.cell)) return '';
  return where(p);
}

/** Blank inputs are many and alike: one line listing the criteria and their cells. */
export function groupProblems(items: InspectProblem[]): { key: string; place: string; message: string }[] {
  const blanks = items.filter((p) => p.kind === 'blank' && p.code);
  const grouped = blanks.length > 3;
  const out = (grouped ? items.filter((p) => !blanks.includes(p)) : items).map((p, i) => ({ key: String(i), place: placeOf(p), message: p.message }));
  if (grouped) {
    const sheet = blanks[0]!.sheet;
    const list = blanks.map((p) => (p.cell ? `${p.code} (ô ${p.cell})` : p.code)).join(', ');
    out.push({
      key: 'blank',
      place: sheet ? `trang "${sheet}"` : '',
      message: `${blanks.length} tiêu chí chưa có điểm (ô để trống, khác với điểm 0): ${list}. Nếu đơn vị không đạt tiêu chí nào, cần nhập 0.`,
    });
  }
  return out;
}

function ProblemList({ items, kind }: { items: InspectProblem[]; kind: 'error' | 'warning' }) {
  if (items.length === 0) return null;
  return (
    <div className={kind === 'error' ? 'error-box' : 'warning-box'}>
      <strong>{kind === 'error' ? `Lỗi (${items.length}) — phải sửa trong tệp rồi nhập lại:` : `Lưu ý (${items.length}):`}</strong>
      <ul>
        {groupProblems(items).map((p) => (
          <li key={p.key}>
            {p.place && <span className="where">{p.place}: </span>}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReportCard({ report, unit, stored, accepted, blockedReason, onAccept, onRemove }: Props) {
  const diffs = diffAgainstStored(report, stored);
  const changed = diffs.filter((d) => d.changed).length;
  const hasStored = stored.some((s) => s.unitId === report.unitId);
  const canAccept = report.ok && !blockedReason;
  const errorCodes = new Set(report.errors.flatMap((e) => (e.code ? [e.code] : [])));
  const status = report.refused ? 'Không đọc được tệp' : report.ok ? 'Nhập được' : `Có ${report.errors.length} lỗi`;

  return (
    <article className={`report-card ${report.ok ? 'ok' : 'has-errors'}`} data-testid="import-report" data-file={report.file}>
      <header className="report-header">
        <label className="inline accept">
          <input
            type="checkbox"
            checked={accepted && canAccept}
            disabled={!canAccept}
            aria-label={`Chấp nhận tệp ${report.file}`}
            title={!report.ok ? 'Tệp có lỗi, không nhập được' : (blockedReason ?? 'Đánh dấu để ghi tệp này')}
            onChange={(e) => onAccept(e.target.checked)}
          />
          <strong>{report.file}</strong>
        </label>
        <span className={`badge ${report.ok ? 'badge-ok' : 'badge-error'}`}>{status}</span>
        <button type="button" className="btn btn-small" onClick={onRemove}>
          Bỏ tệp khỏi danh sách
        </button>
      </header>
      <p className="report-meta">
        Đơn vị: <strong>{unit ? `${unit.name} (${unit.code})` : (report.unit ?? 'không xác định')}</strong> · Năm: <strong>{report.year ?? 'không xác định'}</strong>
        {report.tableVersion !== null && <> · Bảng điểm phiên bản {report.tableVersion}</>}
        {report.ok && (
          <>
            {' '}
            · {hasStored ? (changed ? <strong>{changed} điểm thay đổi so với dữ liệu đã lưu</strong> : 'giống hệt dữ liệu đã lưu') : 'lần nộp đầu tiên'}
          </>
        )}
      </p>
      {blockedReason && report.ok && <p className="warning-text">{blockedReason}</p>}
      <ProblemList items={report.errors} kind="error" />
      <ProblemList items={report.warnings} kind="warning" />
      {diffs.length > 0 && (
        <details open={!report.ok || (hasStored && changed > 0)}>
          <summary>Điểm từng tiêu chí ({diffs.length})</summary>
          <table className="data-table compact">
            <thead>
              <tr>
                <th>Mã</th>
                <th className="col-num">Tối đa</th>
                <th>Ô</th>
                {hasStored && <th className="col-num">Đã lưu</th>}
                <th className="col-num">Trong tệp</th>
                <th>Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {diffs.map((d) => (
                <tr key={d.code} className={errorCodes.has(d.code) ? 'has-error' : d.changed && hasStored ? 'changed' : undefined} data-code={d.code}>
                  <td>{d.code}</td>
                  <td className="col-num">{formatNumberVi(d.max)}</td>
                  <td>{d.cell ?? <span className="error-text">không có dòng</span>}</td>
                  {hasStored && <td className="col-num">{num(d.stored)}</td>}
                  <td className="col-num">
                    {d.changed && hasStored ? (
                      <span className="diff">
                        {num(d.stored)} → <strong>{num(d.incoming)}</strong>
                      </span>
                    ) : (
                      num(d.incoming)
                    )}
                  </td>
                  <td className="muted">
                    {d.raw !== undefined && <>gõ dạng chữ “{d.raw}” </>}
                    {d.formula !== undefined && <>công thức ={d.formula} </>}
                    {!d.found && 'tệp không có tiêu chí này, giữ nguyên'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </article>
  );
}
