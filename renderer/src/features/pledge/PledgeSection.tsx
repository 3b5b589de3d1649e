/**
 * Giao ước thi đua of the selected year: edit, save, and through the document toolbar preview the
 * PDF in the app, save it as PDF or Word, print it. Documents show the form as it is now (saved or not).
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Pledge } from '../../../../shared/model/records';
import { pledgeProblems } from './pledge-checks';
import { defaultPledge } from '../../../../shared/domain/pledge-defaults';
import { defaultRulesProfile } from '../../../../shared/domain/rules-defaults';
import { latestUnitImages } from '../../../../shared/domain/unit-images';
import { deepNfc } from '../../../../shared/text/vietnamese';
import { toApiError } from '../../api';
import { useSession } from '../../app/session';
import { useCurrentYear, useUnits } from '../../app/hooks';
import { db } from '../../db/database';
import { nowIso } from '../../db/ids';
import { readDocumentData, readYearSlice } from '../../db/repo-slice';
import { useConfirm } from '../../ui/Confirm';
import { ErrorBox } from '../../ui/ErrorBox';
import { useErrorFocus } from '../../ui/focus-error';
import { useUnsaved } from '../../ui/unsaved';
import { useNotice } from '../../ui/Notice';
import type { ApiError } from '../../../../shared/api/contract';
import { DocumentPreview, DocumentToolbar } from '../../ui/document/DocumentToolbar';
import { useDocument, type DocumentJob } from '../../ui/document/useDocument';
import { PledgeForm } from './PledgeForm';
import { SignatureGridEditor } from './SignatureGridEditor';
import { savePledge } from './pledge-store';
import './pledge.css';

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
  // The defaults a never-saved pledge started from: leaving without touching them asks nothing.
  const [defaults, setDefaults] = useState<Pledge | null>(null);
  const focus = useErrorFocus<HTMLElement>();
  const [busy, setBusy] = useState<null | 'save'>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const doc = useDocument({ job: documentJob, label: 'bản giao ước', onError: setError });
  const { closePreview } = doc;

  // Start from the stored pledge, or the defaults built from the bloc's data.
  useEffect(() => {
    setDraft(null);
    setDefaults(null);
    closePreview();
    setError(null);
  }, [blocId, year, closePreview]);
  useEffect(() => {
    if (draft || stored === undefined || !blocId || !year) return;
    if (stored) {
      setDraft(stored);
      return;
    }
    let cancelled = false;
    const forYear = year;
    readYearSlice(blocId, forYear, { records: [] }).then(
      (data) => {
        if (cancelled) return;
        const initial = defaultPledge(data, forYear, nowIso());
        setDraft(initial);
        setDefaults(initial);
      },
      (err: unknown) => !cancelled && setError(toApiError(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [draft, stored, blocId, year]);

  /** The pledge as the form shows it now (saved or not), in the bloc's data; null while the form has problems. */
  async function documentJob(): Promise<DocumentJob | null> {
    if (!draft || !blocId || !year) return null;
    const problems = pledgeProblems(deepNfc(draft));
    if (problems.length) {
      setError({ code: 'invalid', message: 'Chưa dựng được văn bản vì bản giao ước còn thiếu:', details: problems });
      return null;
    }
    const data = await readDocumentData(blocId, 'pledge', year);
    const pledge = deepNfc({ ...draft, updatedAt: nowIso() });
    data.pledges = [...data.pledges.filter((p) => p.year !== year), pledge];
    return { kind: 'pledge', data, year };
  }

  const images = useMemo(() => latestUnitImages(attachments ?? []), [attachments]);
  const memberIds = yearRecord?.memberUnitIds ?? [];
  const rulesLegalBasis = yearRecord?.rules.legalBasis ?? defaultRulesProfile().legalBasis;
  const dirty = draft !== null && stored !== undefined && (!stored || JSON.stringify(comparable(stored)) !== JSON.stringify(comparable(draft)));
  const problems = draft ? pledgeProblems(deepNfc(draft)) : [];
  const base = stored ?? defaults;
  const edited = draft !== null && stored !== undefined && (!base || JSON.stringify(comparable(base)) !== JSON.stringify(comparable(draft)));
  useUnsaved({
    label: `giao ước thi đua năm ${year ?? ''}`,
    dirty: edited,
    save: () => save(),
    discard: () => {
      setDraft(stored ?? defaults);
      closePreview();
      setError(null);
    },
  });

  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (!draft || !units) return <p className="muted">Đang tải bản giao ước…</p>;

  async function save(): Promise<boolean> {
    if (!draft) return false;
    if (problems.length) {
      setError({ code: 'invalid', message: 'Bản giao ước chưa lưu được vì:', details: problems });
      focus.request();
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
      focus.request();
      return false;
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
    const data = await readYearSlice(blocId, year, { records: [] });
    setDraft({ ...defaultPledge(data, year, nowIso()), id: draft.id });
    closePreview();
  }

  const edit = (next: Pledge) => {
    setDraft(next);
    closePreview();
  };

  return (
    <section className="screen pledge-section" aria-labelledby="pledge-heading" ref={focus.ref}>
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
        <button type="button" className="btn btn-primary" disabled={busy !== null || doc.busy !== null || !dirty} onClick={() => void save()}>
          {busy === 'save' ? 'Đang lưu…' : 'Lưu giao ước'}
        </button>
        <DocumentToolbar doc={doc} disabled={busy !== null} />
        <button type="button" className="btn" disabled={busy !== null || doc.busy !== null} onClick={() => void resetToDefaults()}>
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
              closePreview();
              notice.notify('success', message);
            }}
          />
        </div>
        <DocumentPreview doc={doc} />
      </div>
    </section>
  );
}

/** The pledge without its time stamp, to tell whether the form differs from what is stored. */
function comparable(p: Pledge): Omit<Pledge, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = p;
  return rest;
}
