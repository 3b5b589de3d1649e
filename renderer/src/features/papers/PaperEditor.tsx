/**
 * One conference paper: the figures read from the data (shown, not editable), the draft's fields
 * and prose (editable, guarded against leaving unsaved), saving the draft, issuing its number in
 * the register (never on a preview) or voiding it, and the document toolbar printing the draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ApiError } from '../../../../shared/api/contract';
import { conferenceContextOf, draftOfRecord, type ConferenceContext } from '../../../../shared/domain/documents/conference-context';
import { resolveDraft, type DocumentDraft } from '../../../../shared/domain/documents/draft';
import { blocSymbolOf, entryNumberText, issuedEntryFor, registerOf, registerTypeOfKind, REGISTER_TYPES } from '../../../../shared/domain/register';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { toApiError } from '../../api';
import { useBloc } from '../../app/hooks';
import { db } from '../../db/database';
import { readBlocData } from '../../db/repo-package';
import { DateInput } from '../../ui/DateInput';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { useUnsaved } from '../../ui/unsaved';
import { DocumentPreview, DocumentToolbar } from '../../ui/document/DocumentToolbar';
import { useDocument, type DocumentJob } from '../../ui/document/useDocument';
import { DATE_FIELDS, fieldLabel, LINES_FIELDS, type PaperKind } from './paper-kinds';
import { issueRegisterNumber, saveDocumentDraft, voidRegisterNumber } from './papers-store';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function PaperEditor({ paper, blocId, year }: { paper: PaperKind; blocId: string; year: number }) {
  const notice = useNotice();
  const bloc = useBloc();
  const stored = useLiveQuery(
    async () => (await db.documentDrafts.where('[blocId+year+kind]').equals([blocId, year, paper.kind]).first()) ?? null,
    [blocId, year, paper.kind],
  );
  const records = useLiveQuery(() => db.registerEntries.where('blocId').equals(blocId).toArray(), [blocId]);
  const register = useMemo(() => registerOf({ registerEntries: records ?? [] }), [records]);
  const [base, setBase] = useState<DocumentDraft | null>(null);
  const [draft, setDraft] = useState<DocumentDraft | null>(null);
  const [ctx, setCtx] = useState<ConferenceContext | null>(null);
  const [perRecipient, setPerRecipient] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<null | 'save' | 'issue' | 'void'>(null);
  const [issuing, setIssuing] = useState<null | { date: string; summary: string; signer: string }>(null);
  const [voiding, setVoiding] = useState<null | string>(null);
  const doc = useDocument({ job: documentJob, label: paper.noun, onError: setError });
  const { closePreview } = doc;

  // The draft shown: the stored one laid over the kind's default, rebuilt when the year or kind changes.
  useEffect(() => {
    if (stored === undefined) return;
    let cancelled = false;
    readBlocData(blocId).then(
      (data) => {
        if (cancelled) return;
        const resolved = resolveDraft(paper.defaults(data, year), stored ? draftOfRecord(stored) : null);
        setBase(resolved);
        setDraft((d) => d ?? resolved);
        setCtx(conferenceContextOf(data, year));
      },
      (err: unknown) => !cancelled && setError(toApiError(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [stored, blocId, year, paper]);

  const dirty = draft !== null && base !== null && JSON.stringify(draft) !== JSON.stringify(base);
  useUnsaved({ label: `${paper.noun} năm ${year}`, dirty, save: () => save(), discard: () => setDraft(base) });

  async function documentJob(): Promise<DocumentJob | null> {
    if (!draft) return null;
    const data = await readBlocData(blocId);
    return { kind: paper.kind, data, year, options: { draft, ...(paper.kind === 'invitation' && perRecipient ? { perRecipient: true } : {}) } };
  }

  async function save(): Promise<boolean> {
    if (!draft) return false;
    setBusy('save');
    try {
      await saveDocumentDraft(blocId, year, paper.kind, draft);
      setBase(draft);
      setError(null);
      notice.notify('success', `Đã lưu bản thảo ${paper.noun} năm ${year}.`);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(null);
    }
  }

  const type = registerTypeOfKind(paper.kind);
  const issued = type ? issuedEntryFor(register, paper.kind, year) : null;
  const symbol = bloc ? blocSymbolOf(bloc) : '';

  async function issue() {
    if (!issuing || !type) return;
    setBusy('issue');
    try {
      const entry = await issueRegisterNumber(blocId, { type, symbol, documentKind: paper.kind, blocYear: year, ...issuing });
      setIssuing(null);
      setError(null);
      closePreview();
      notice.notify('success', `Đã cấp số ${entryNumberText(entry, bloc?.partyFormat)} ngày ${formatDateVi(entry.date)}.`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }

  async function voidIssued() {
    if (!issued || voiding === null) return;
    setBusy('void');
    try {
      await voidRegisterNumber(issued.id, voiding);
      setVoiding(null);
      setError(null);
      closePreview();
      notice.notify('success', `Đã hủy số ${entryNumberText(issued, bloc?.partyFormat)}; số này không được cấp lại.`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }

  if (!draft) return <p className="muted">Đang tải bản thảo…</p>;
  const setField = (key: string, value: string) => {
    setDraft({ ...draft, fields: { ...draft.fields, [key]: value } });
    closePreview();
  };
  const setSection = (key: string, text: string) => {
    setDraft({ ...draft, sections: draft.sections.map((s) => (s.key === key ? { ...s, text } : s)) });
    closePreview();
  };
  const off = busy !== null || doc.busy !== null;

  return (
    <div className="paper-editor" data-kind={paper.kind}>
      <p className="muted">{stored ? (dirty ? 'Có thay đổi chưa lưu.' : 'Đã lưu bản thảo.') : dirty ? 'Có thay đổi chưa lưu.' : 'Chưa lưu: nội dung dưới đây là mặc định, hãy sửa rồi lưu.'}</p>
      <ErrorBox error={error} />
      <div className="toolbar sticky-toolbar">
        <button type="button" className="btn btn-primary" disabled={off || !dirty} onClick={() => void save()}>
          {busy === 'save' ? 'Đang lưu…' : 'Lưu bản thảo'}
        </button>
        <DocumentToolbar doc={doc} disabled={busy !== null} />
        {type && !issued && (
          <button
            type="button"
            className="btn"
            disabled={off}
            onClick={() => setIssuing({ date: todayIso(), summary: draft.fields.subject?.trim() || `${paper.label} năm ${year}`, signer: draft.fields.signerName?.trim() || draft.fields.chairName?.trim() || '' })}
          >
            Cấp số
          </button>
        )}
      </div>
      {type && (
        <div className="paper-number" data-testid="paper-number">
          {issued ? (
            <>
              <strong>Số: {entryNumberText(issued, bloc?.partyFormat)}</strong>, ngày {formatDateVi(issued.date)} — {issued.summary}{' '}
              <button type="button" className="btn" disabled={off} onClick={() => setVoiding('')}>
                Hủy số
              </button>
            </>
          ) : (
            <span className="muted">Chưa cấp số ({REGISTER_TYPES[type]}): bản xem trước in số để trống.</span>
          )}
        </div>
      )}
      {issuing && (
        <fieldset className="paper-issue">
          <legend>Cấp số văn bản đi ({type})</legend>
          <label>
            Ngày ban hành
            <DateInput value={issuing.date} onChange={(iso) => setIssuing({ ...issuing, date: iso ?? '' })} ariaLabel="Ngày ban hành" />
          </label>
          <label>
            Trích yếu
            <input value={issuing.summary} onChange={(e) => setIssuing({ ...issuing, summary: e.target.value })} />
          </label>
          <label>
            Người ký
            <input value={issuing.signer} onChange={(e) => setIssuing({ ...issuing, signer: e.target.value })} />
          </label>
          <button type="button" className="btn btn-primary" disabled={off} onClick={() => void issue()}>
            Xác nhận cấp số
          </button>
          <button type="button" className="btn" onClick={() => setIssuing(null)}>
            Thôi
          </button>
        </fieldset>
      )}
      {voiding !== null && issued && (
        <fieldset className="paper-issue">
          <legend>Hủy số {entryNumberText(issued, bloc?.partyFormat)}</legend>
          <label>
            Lý do hủy
            <input value={voiding} onChange={(e) => setVoiding(e.target.value)} />
          </label>
          <button type="button" className="btn btn-danger" disabled={off} onClick={() => void voidIssued()}>
            Xác nhận hủy số
          </button>
          <button type="button" className="btn" onClick={() => setVoiding(null)}>
            Thôi
          </button>
        </fieldset>
      )}
      <div className="paper-layout">
        <div className="paper-form">
          {ctx && <Figures ctx={ctx} />}
          {paper.kind === 'invitation' && (
            <fieldset className="paper-choice">
              <legend>Cách lập giấy mời</legend>
              <label>
                <input type="radio" name="invitation-mode" checked={!perRecipient} onChange={() => setPerRecipient(false)} /> Một giấy mời ghi tất cả nơi nhận
              </label>
              <label>
                <input type="radio" name="invitation-mode" checked={perRecipient} onChange={() => setPerRecipient(true)} /> Mỗi nơi nhận một giấy mời
              </label>
            </fieldset>
          )}
          {Object.entries(draft.fields).map(([key, value]) => (
            <label key={key} className="field">
              {fieldLabel(key)}
              {DATE_FIELDS.has(key) ? (
                <DateInput value={value} onChange={(iso) => setField(key, iso ?? '')} ariaLabel={fieldLabel(key)} />
              ) : LINES_FIELDS.has(key) ? (
                <textarea rows={3} value={value} onChange={(e) => setField(key, e.target.value)} />
              ) : (
                <input value={value} onChange={(e) => setField(key, e.target.value)} />
              )}
            </label>
          ))}
          {draft.sections.map((s) => (
            <label key={s.key} className="field">
              {s.title || sectionLabel(s.key)}
              <textarea rows={Math.min(12, Math.max(3, s.text.split('\n').length + 1))} value={s.text} onChange={(e) => setSection(s.key, e.target.value)} />
            </label>
          ))}
        </div>
        <DocumentPreview doc={doc} />
      </div>
    </div>
  );
}

const SECTION_LABELS: Record<string, string> = { purpose: 'Mở đầu', closing: 'Kết thúc', intro: 'Mở đầu' };
function sectionLabel(key: string): string {
  return SECTION_LABELS[key] ?? key;
}

/** The figures the document prints from the data; edited where they live (units, years, vote), not here. */
function Figures({ ctx }: { ctx: ConferenceContext }) {
  return (
    <dl className="paper-figures" aria-label="Số liệu lấy từ dữ liệu">
      <dt>Đơn vị thành viên</dt>
      <dd>{ctx.members.length}</dd>
      <dt>Khối trưởng / Khối phó năm {ctx.year}</dt>
      <dd>
        {ctx.leader?.name ?? '—'} / {ctx.deputy?.name ?? '—'}
      </dd>
      <dt>Khối trưởng / Khối phó năm {ctx.year + 1}</dt>
      <dd>
        {ctx.nextLeader?.name ?? '—'} / {ctx.nextDeputy?.name ?? '—'}
      </dd>
      <dt>Ký hiệu văn bản của Khối</dt>
      <dd>{ctx.symbol}</dd>
    </dl>
  );
}
