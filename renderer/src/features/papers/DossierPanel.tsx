/**
 * The dossier (hồ sơ đề nghị): the proposal, the conference minutes, the vote-count minutes and the
 * ranking table in order, with each nominee's own achievement report (Mẫu 02) chosen by the user;
 * saved as one merged PDF or as a zip of the separate files.
 */
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import type { DossierAttachment } from '../../../../shared/api/channels/documents';
import { api, toApiError } from '../../api';
import { useYearMembers } from '../../app/hooks';
import { readBlocData } from '../../db/repo-package';
import { ErrorBox } from '../../ui/ErrorBox';
import { DocumentPreview } from '../../ui/document/DocumentToolbar';
import { useDocument, type DocumentJob } from '../../ui/document/useDocument';

export function DossierPanel({ blocId, year }: { blocId: string; year: number }) {
  const members = useYearMembers();
  const [files, setFiles] = useState<DossierAttachment[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const doc = useDocument({ job, label: 'hồ sơ đề nghị khen thưởng', onError: setError });

  async function job(): Promise<DocumentJob | null> {
    const data = await readBlocData(blocId);
    return { kind: 'dossier', data, year, options: files.length ? { attachments: files } : {} };
  }

  async function choose(code: string, name: string) {
    try {
      const r = await api.invoke('papers.chooseAttachment', { unitName: name });
      if (!r.ok) return setError(r.error);
      if (!r.value) return;
      const picked = r.value;
      setFiles((list) => [...list.filter((f) => f.unitCode !== code), { unitCode: code, name: picked.name, bytes: picked.bytes }]);
      setError(null);
      doc.closePreview();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const off = doc.busy !== null;
  return (
    <div className="dossier-panel">
      <ErrorBox error={error} />
      <p className="muted">Hồ sơ gồm: tờ trình, biên bản hội nghị, biên bản kiểm phiếu, bảng xếp hạng và báo cáo thành tích (Mẫu 02) của từng đơn vị được đề nghị.</p>
      <div className="toolbar">
        <button type="button" className="btn" disabled={off} onClick={() => void doc.preview()}>
          {doc.busy === 'preview' ? 'Đang dựng PDF…' : 'Xem trước PDF'}
        </button>
        <button type="button" className="btn btn-primary" disabled={off} onClick={() => void doc.save('pdf')}>
          {doc.busy === 'pdf' ? 'Đang lưu…' : 'Lưu hồ sơ (một tệp PDF)'}
        </button>
        <button type="button" className="btn" disabled={off} onClick={() => void doc.save('zip')}>
          {doc.busy === 'zip' ? 'Đang lưu…' : 'Lưu tệp nén (.zip)'}
        </button>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Báo cáo thành tích (Mẫu 02)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(members ?? []).map((u) => {
            const f = files.find((x) => x.unitCode === u.code);
            return (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{f ? f.name : <span className="muted">Chưa chọn</span>}</td>
                <td>
                  <button type="button" className="btn" onClick={() => void choose(u.code, u.name)}>
                    Chọn tệp…
                  </button>
                  {f && (
                    <button type="button" className="btn" onClick={() => setFiles((l) => l.filter((x) => x.unitCode !== u.code))}>
                      Bỏ
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <DocumentPreview doc={doc} />
    </div>
  );
}
