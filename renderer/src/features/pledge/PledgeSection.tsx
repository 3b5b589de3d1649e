/**
 * Giao ước thi đua of the selected year: edit, save, preview the PDF in the app, save it as a file,
 * print it. The preview shows the form as it is now (saved or not).
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BlocData, Pledge } from '../../../../shared/model/records';
import { pledgeProblems } from './pledge-checks';
import { defaultPledge } from '../../../../shared/domain/pledge-defaults';
import { defaultRulesProfile } from '../../../../shared/domain/rules-defaults';
import { latestUnitImages } from '../../../../shared/domain/unit-images';
import { deepNfc } from '../../../../shared/text/vietnamese';
import { api, toApiError } from '../../api';
import { useSession } from '../../app/session';
import { useCurrentYear, useUnits } from '../../app/hooks';
import { db } from '../../db/database';
import { nowIso } from '../../db/ids';
import { readBlocData } from '../../db/repo-package';
import { useConfirm } from '../../ui/Confirm';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import type { ApiError } from '../../../../shared/api/contract';
import { PdfPreview } from './PdfPreview';
import { PledgeForm } from './PledgeForm';
import { SignatureGridEditor } from './SignatureGridEditor';
import { savePledge } from './pledge-store';
import './pledge.css';

function pledgeFileName(p: Pledge): string {
  return `Giao-uoc-thi-dua-${p.year}.pdf`;
}

export function PledgeSection() {
  const { blocId, year } = useSession();
  const notice = useNotice();
  const confirm = useConfirm();
  const units = useUnits();
  const yearRecord = useCurrentYear();
  const stored = useLiveQuery(
    async () => (blocId && year ? ((await db.pledges.where('[blocId+year]').equals([blocId, year]).first()) ?? null) : null),
    [blocId, year],
  );
  const attachments = useLiveQuery(() => (blocId ? db.attachments.where('blocId').equals(blocId).toArray() : []), [blocId]);

  const [draft, setDraft] = useState<Pledge | null>(null);
  const [pdf, setPdf] = useState<Uint8Array<ArrayBuffer> | null>(null);
  const [busy, setBusy] = useState<null | 'save' | 'preview' | 'savePdf' | 'print'>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // Start from the stored pledge, or the defaults built from the bloc's data.
  useEffect(() => {
    setDraft(null);
    setPdf(null);
    setError(null);
  }, [blocId, year]);
  useEffect(() => {
    if (draft || stored === undefined || !blocId || !year) return;
    if (stored) {
      setDraft(stored);
      return;
    }
    let cancelled = false;
    const forYear = year;
    readBlocData(blocId).then(
      (data) => !cancelled && setDraft(defaultPledge(data, forYear, nowIso())),
      (err: unknown) => !cancelled && setError(toApiError(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [draft, stored, blocId, year]);

  const images = useMemo(() => latestUnitImages(attachments ?? []), [attachments]);
  const memberIds = yearRecord?.memberUnitIds ?? [];
  const rulesLegalBasis = yearRecord?.rules.legalBasis ?? defaultRulesProfile().legalBasis;
  const dirty = draft !== null && stored !== undefined && (!stored || JSON.stringify(comparable(stored)) !== JSON.stringify(comparable(draft)));

  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (!draft || !units) return <p className="muted">Đang tải bản giao ước…</p>;

  const problems = pledgeProblems(deepNfc(draft));

  async function save(): Promise<boolean> {
    if (!draft) return false;
    if (problems.length) {
      setError({ code: 'invalid', message: 'Bản giao ước chưa lưu được vì:', details: problems });
      return false;
    }
    setBusy('save');
    try {
      const saved = await savePledge(deepNfc(draft));
      setDraft(saved);
      setError(null);
      notice.notify('success', `Đã lưu bản giao ước thi đua năm ${saved.year}.`);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function buildPdf(): Promise<Uint8Array<ArrayBuffer> | null> {
    if (!draft || !blocId || !year) return null;
    if (problems.length) {
      setError({ code: 'invalid', message: 'Chưa dựng được PDF vì bản giao ước còn thiếu:', details: problems });
      return null;
    }
    const data: BlocData = await readBlocData(blocId);
    const pledge = deepNfc({ ...draft, updatedAt: nowIso() });
    data.pledges = [...data.pledges.filter((p) => p.year !== year), pledge];
    const r = await api.invoke('documents.pledgePdf', { data, year });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    setError(null);
    return r.value;
  }

  async function preview() {
    setBusy('preview');
    try {
      const bytes = await buildPdf();
      if (bytes) setPdf(bytes);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }

  async function savePdf() {
    setBusy('savePdf');
    try {
      const bytes = pdf ?? (await buildPdf());
      if (!bytes || !draft) return;
      const r = await api.invoke('file.save', { bytes, suggestedName: pledgeFileName(draft), folder: 'documents' });
      if (!r.ok) setError(r.error);
      else if (r.value) notice.notify('success', `Đã lưu PDF: ${r.value.path}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }

  async function print() {
    setBusy('print');
    try {
      const bytes = pdf ?? (await buildPdf());
      if (!bytes) return;
      const r = await api.invoke('file.print', { pdf: bytes });
      if (!r.ok) setError(r.error);
      else if (r.value.printed) notice.notify('success', 'Đã mở bản giao ước để in (chọn máy in trong cửa sổ vừa mở).');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }

  async function resetToDefaults() {
    if (!blocId || !year || !draft) return;
    const ok = await confirm(
      'Khôi phục nội dung mặc định?',
      'Tiêu đề, căn cứ, lời mở đầu, nội dung giao ước và danh sách ô ký sẽ trở về mặc định. Thay đổi chỉ được ghi khi bạn bấm "Lưu giao ước".',
      'Khôi phục',
      true,
    );
    if (!ok) return;
    const data = await readBlocData(blocId);
    setDraft({ ...defaultPledge(data, year, nowIso()), id: draft.id });
    setPdf(null);
  }

  const edit = (next: Pledge) => {
    setDraft(next);
    setPdf(null);
  };

  return (
    <section className="screen pledge-section" aria-labelledby="pledge-heading">
      <header className="screen-header">
        <div>
        <h1 id="pledge-heading">Giao ước thi đua năm {year}</h1>
        <p className="muted">
          {stored ? (dirty ? 'Có thay đổi chưa lưu.' : 'Đã lưu.') : 'Chưa lưu: nội dung dưới đây là mặc định, hãy sửa rồi lưu.'}
        </p>
      </div>
      </header>
      <ErrorBox error={error} />
      <div className="toolbar sticky-toolbar">
        <button type="button" className="btn btn-primary" disabled={busy !== null || !dirty} onClick={() => void save()}>
          {busy === 'save' ? 'Đang lưu…' : 'Lưu giao ước'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void preview()}>
          {busy === 'preview' ? 'Đang dựng PDF…' : 'Xem trước PDF'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void savePdf()}>
          {busy === 'savePdf' ? 'Đang lưu PDF…' : 'Lưu PDF'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void print()}>
          {busy === 'print' ? 'Đang in…' : 'In'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void resetToDefaults()}>
          Khôi phục mặc định
        </button>
      </div>
      {problems.length > 0 && (
        <div className="warning-box" data-testid="pledge-problems">
          <strong>Cần hoàn thiện trước khi lưu hoặc in:</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="pledge-layout">
        <div className="pledge-editor">
          <PledgeForm value={draft} onChange={edit} rulesLegalBasis={rulesLegalBasis} />
          <SignatureGridEditor
            blocId={blocId}
            unitIds={draft.unitIds}
            onChange={(unitIds) => edit({ ...draft, unitIds })}
            units={units}
            memberIds={memberIds}
            images={images}
            onError={(message) => notice.notify('error', message)}
            onNotice={(message) => {
              setPdf(null);
              notice.notify('success', message);
            }}
          />
        </div>
        {pdf && (
          <aside className="pledge-preview" aria-label="Xem trước PDF">
            <div className="toolbar">
              <strong>Xem trước</strong>
              <button type="button" className="btn" onClick={() => setPdf(null)}>
                Đóng xem trước
              </button>
            </div>
            <PdfPreview pdf={pdf} pageWidth={620} />
          </aside>
        )}
      </div>
    </section>
  );
}

/** The pledge without its time stamp, to tell whether the form differs from what is stored. */
function comparable(p: Pledge): Omit<Pledge, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = p;
  return rest;
}
