/**
 * What was recognised in the province's Excel file, before anything is saved: the groups and
 * criteria found, the warnings with sheet and cell, legacy encodings converted. "Lưu bảng điểm"
 * stores it (as version 1, into the draft, or as a new version with a reason when locked).
 */
import { useState } from 'react';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { nominalMax } from '../../../../shared/domain/scoring';
import { validateScoringTable } from '../../../../shared/domain/scoring-table';
import { Dialog } from '../../ui/Dialog';
import { CRITERION_KIND_SHORT } from './labels';
import type { ScoringTableImportPreview } from '../../../../shared/api/channels/scoring';

interface Props {
  preview: ScoringTableImportPreview;
  /** What saving will do with it, given the year's current table. */
  target: { kind: 'new' } | { kind: 'draft'; version: number } | { kind: 'newVersion'; after: number };
  busy: boolean;
  onSave: (reason: string) => void;
  onClose: () => void;
}

function legacyNames(list: readonly string[]): string {
  const names = list.map((e) => (/vni/i.test(e) ? 'VNI' : /tcvn|abc/i.test(e) ? 'TCVN3 (ABC)' : e));
  return names.length ? [...new Set(names)].join(', ') : 'TCVN3 hoặc VNI';
}

function where(p: { sheet?: string | undefined; cell?: string | undefined }): string {
  if (p.sheet && p.cell) return `Trang "${p.sheet}", ô ${p.cell}`;
  if (p.sheet) return `Trang "${p.sheet}"`;
  if (p.cell) return `Ô ${p.cell}`;
  return '';
}

export function ImportPreviewDialog({ preview, target, busy, onSave, onClose }: Props) {
  const [reason, setReason] = useState('');
  const table = preview.table;
  const issues = validateScoringTable(table);
  const criteria = preview.criteriaCount;
  const blocked = preview.errors.length > 0 || criteria === 0;
  const needsReason = target.kind === 'newVersion';
  const saveLabel =
    target.kind === 'new' ? 'Lưu thành bảng chấm điểm của năm' : target.kind === 'draft' ? `Thay nội dung bản nháp (phiên bản ${target.version})` : 'Lưu thành phiên bản mới';

  return (
    <Dialog
      open
      wide
      title={`Xem trước bảng chấm điểm từ tệp ${preview.fileName}`}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || blocked || (needsReason && !reason.trim())}
            title={blocked ? 'Tệp có lỗi, không lưu được' : needsReason && !reason.trim() ? 'Cần ghi lý do tạo phiên bản mới' : undefined}
            onClick={() => onSave(reason)}
          >
            {busy ? 'Đang lưu…' : saveLabel}
          </button>
        </>
      }
    >
      <div data-testid="scoring-import-preview">
        {preview.convertedFromLegacy && (
          <p className="warning-box">
            Tệp dùng bảng mã cũ {legacyNames(preview.legacyEncodings)}; chữ đã được chuyển sang Unicode. Hãy đọc lại các tên tiêu chí bên dưới trước khi lưu.
          </p>
        )}
        {preview.errors.length > 0 && (
          <div className="error-box" role="alert">
            <strong>Không lưu được bảng điểm từ tệp này:</strong>
            <ul>
              {preview.errors.map((e, i) => (
                <li key={i}>
                  {where(e) && <span className="where">{where(e)}: </span>}
                  {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {(
          <p>
            Nhận ra <strong>{table.groups.length}</strong> nhóm, <strong>{criteria}</strong> tiêu chí; tổng điểm chuẩn{' '}
            <strong>{formatNumberVi(nominalMax(table))}</strong> trên thang điểm <strong>{formatNumberVi(table.scale)}</strong>. Tên bảng: “{table.title}”.{preview.sheet && <> Đọc từ trang “{preview.sheet}”.</>}{preview.year !== null && <> Năm ghi trong tệp: {preview.year}.</>}
          </p>
        )}
        {preview.warnings.length > 0 && (
          <div className="warning-box">
            <strong>Cần xem lại ({preview.warnings.length}):</strong>
            <ul>
              {preview.warnings.map((w, i) => (
                <li key={i}>
                  {where(w) && <span className="where">{where(w)}: </span>}
                  {w.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {issues.length > 0 && (
          <div className="warning-box">
            <strong>Kiểm tra nội dung bảng điểm:</strong>
            <ul>
              {issues.map((i, k) => (
                <li key={k} className={i.level === 'error' ? 'error-text' : undefined}>
                  {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {needsReason && !blocked && (
          <label className="field">
            <span>Lý do tạo phiên bản mới (bắt buộc, vì bảng điểm hiện hành đã khoá)</span>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="ví dụ: Cập nhật theo hướng dẫn mới của Ban Thi đua - Khen thưởng tỉnh" />
          </label>
        )}
        {criteria > 0 && (
          <div className="table-wrap preview-table">
            <table className="data-table">
              <thead>
                <tr>
                  <th>Mã</th>
                  <th>Nội dung</th>
                  <th className="col-num">Điểm tối đa</th>
                  <th>Loại</th>
                </tr>
              </thead>
              <tbody>
                {table.groups.map((g) => [
                  <tr key={`g-${g.code}`} className="group-row">
                    <td>
                      <strong>{g.code}</strong>
                    </td>
                    <td colSpan={3}>
                      <strong>{g.title}</strong>
                      {g.cap !== undefined && <span className="muted"> (tối đa {formatNumberVi(g.cap)} điểm)</span>}
                    </td>
                  </tr>,
                  ...g.criteria.map((c) => (
                    <tr key={`c-${g.code}-${c.code}`}>
                      <td>{c.code}</td>
                      <td>{c.title}</td>
                      <td className="col-num">{formatNumberVi(c.max)}</td>
                      <td>{CRITERION_KIND_SHORT[c.kind]}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </div>
        )}
        {target.kind === 'draft' && !blocked && <p className="muted">Nội dung bản nháp hiện tại sẽ được thay bằng nội dung của tệp.</p>}
      </div>
    </Dialog>
  );
}
