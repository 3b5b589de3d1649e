/**
 * Importing returned self-assessment files: choose them (dialog in main) or drop them here; each is
 * inspected in main and shown with its problems and its difference to what is stored. Nothing is
 * written until "Ghi dữ liệu", which commits every accepted file in one transaction.
 */
import type { InspectReport } from '../../../../shared/domain/assessment-import';
import type { Score, Unit } from '../../../../shared/model/records';
import { ReportCard } from './ReportCard';

export interface PendingFile {
  report: InspectReport;
  accepted: boolean;
}

interface Props {
  pending: PendingFile[];
  onPendingChange: (next: PendingFile[]) => void;
  units: Unit[];
  stored: readonly Score[];
  busy: boolean;
  onPick: () => void;
  onCommit: () => void;
}

/** Adds newly inspected reports; a file inspected again (same name) replaces its earlier report. */
export function mergeReports(pending: PendingFile[], reports: InspectReport[]): PendingFile[] {
  const next = pending.filter((p) => !reports.some((r) => r.file === p.report.file));
  for (const r of reports) next.push({ report: r, accepted: r.ok });
  // Accept at most one file per unit: the latest one.
  const seen = new Set<string>();
  for (let i = next.length - 1; i >= 0; i--) {
    const p = next[i]!;
    if (!p.accepted || !p.report.unitId) continue;
    if (seen.has(p.report.unitId)) next[i] = { ...p, accepted: false };
    else seen.add(p.report.unitId);
  }
  return next;
}

/** Why a file cannot be accepted now (another accepted file of the same unit), or null. */
export function blockedReason(pending: PendingFile[], index: number, unitName: (id: string) => string): string | null {
  const me = pending[index]!;
  if (!me.report.unitId) return null;
  const other = pending.find((p, i) => i !== index && p.accepted && p.report.unitId === me.report.unitId);
  return other ? `Đã chọn tệp "${other.report.file}" cho ${unitName(me.report.unitId)}; mỗi đơn vị chỉ ghi một tệp. Bỏ chọn tệp kia nếu muốn dùng tệp này.` : null;
}

/** Files with errors first (they need the user's attention), otherwise in the order they came. */
function displayOrder(pending: PendingFile[]): { p: PendingFile; i: number }[] {
  const indexed = pending.map((p, i) => ({ p, i }));
  return [...indexed.filter((x) => !x.p.report.ok), ...indexed.filter((x) => x.p.report.ok)];
}

export function ImportPanel({ pending, onPendingChange, units, stored, busy, onPick, onCommit }: Props) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const unitName = (id: string) => byId.get(id)?.name ?? id;
  const accepted = pending.filter((p) => p.accepted && p.report.ok);
  const withErrors = pending.filter((p) => !p.report.ok).length;

  return (
    <div className="import-panel" data-testid="import-panel">
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onPick}>
          {busy ? 'Đang kiểm tra…' : 'Chọn tệp'}
        </button>
        <span className="muted">hoặc kéo thả một hay nhiều tệp .xlsx vào cửa sổ này.</span>
      </div>
      {pending.length === 0 ? (
        <div className="drop-zone empty-state">
          <p>Chưa có tệp nào. Các tệp được kiểm tra trước; dữ liệu chỉ được ghi khi bạn bấm “Ghi dữ liệu”.</p>
        </div>
      ) : (
        <>
          <p data-testid="import-summary">
            {pending.length} tệp đã kiểm tra · {accepted.length} tệp được chọn để ghi
            {withErrors > 0 && <span className="error-text"> · {withErrors} tệp có lỗi (sửa trong tệp rồi kéo thả lại để kiểm tra lại)</span>}
          </p>
          {displayOrder(pending).map(({ p, i }) => (
            <ReportCard
              key={p.report.file}
              report={p.report}
              unit={p.report.unitId ? byId.get(p.report.unitId) : undefined}
              stored={stored}
              accepted={p.accepted}
              blockedReason={blockedReason(pending, i, unitName)}
              onAccept={(a) => onPendingChange(pending.map((q, j) => (j === i ? { ...q, accepted: a } : q)))}
              onRemove={() => onPendingChange(pending.filter((_, j) => j !== i))}
            />
          ))}
          <div className="toolbar sticky-bottom">
            <button type="button" className="btn btn-primary" disabled={busy || accepted.length === 0} onClick={onCommit}>
              Ghi dữ liệu ({accepted.length} tệp)
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => onPendingChange([])}>
              Bỏ tất cả
            </button>
          </div>
        </>
      )}
    </div>
  );
}
