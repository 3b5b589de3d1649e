/**
 * Bảng chấm điểm of the selected year: build or copy it, edit the draft, lock it when the bloc
 * adopts it, make new versions (with a reason) of a locked table, view every version; import it
 * from the province's Excel file (preview first), export it to Excel, and print it through the
 * document toolbar (preview, PDF, Word, print).
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoringTable } from '../../../../shared/model/records';
import { hasErrors, tableVersions, validateScoringTable, withFreshIds } from '../../../../shared/domain/scoring-table';
import { deepNfc, formatDateTimeVi } from '../../../../shared/text/vietnamese';
import { api, toApiError } from '../../api';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import { newId } from '../../db/ids';
import { readDocumentData, readYearSlice } from '../../db/repo-slice';
import { useConfirm } from '../../ui/Confirm';
import { Dialog } from '../../ui/Dialog';
import { useBusyAction } from '../../ui/useBusyAction';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { useErrorFocus } from '../../ui/focus-error';
import { useUnsaved } from '../../ui/unsaved';
import { DocumentPreview, DocumentToolbar } from '../../ui/document/DocumentToolbar';
import { useDocument, type DocumentJob } from '../../ui/document/useDocument';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import type { ScoringTableImportPreview } from '../../../../shared/api/channels/scoring';
import { TableEditor } from './TableEditor';
import './scoring.css';
import type { TableContent } from './table-edit';
import {
  copyFromYear,
  createNewVersion,
  createTable,
  discardDraftVersion,
  emptyContent,
  lockVersion,
  previousYearTable,
  saveDraft,
  storeImported,
} from './table-store';

type Busy = 'save' | 'lock' | 'import' | 'excel' | 'create';

const contentOf = (t: ScoringTable): TableContent => ({ title: t.title, scale: t.scale, groups: t.groups });

export function ScoringSection() {
  const { blocId, year } = useSession();
  const notice = useNotice();
  const confirm = useConfirm();
  const all = useLiveQuery(
    async () => (blocId && year ? db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray() : []),
    [blocId, year],
  );
  const previous = useLiveQuery(async () => (blocId && year ? previousYearTable(blocId, year) : null), [blocId, year]);
  const versions = useMemo(() => (all && year ? tableVersions(all, year) : []), [all, year]);
  const latest = versions[versions.length - 1] ?? null;

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = versions.find((v) => v.id === selectedId) ?? latest;
  // Edits of the shown version; they belong to that version as stored (id and time) and are dropped when another is shown.
  const [edited, setEdited] = useState<{ key: string; content: TableContent } | null>(null);
  const { busy, error, setError, run } = useBusyAction<Busy>();
  const [preview, setPreview] = useState<ScoringTableImportPreview | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const [dragging, setDragging] = useState(false);
  const doc = useDocument({ job: documentJob, label: 'bảng chấm điểm', onError: setError });

  const selectedKey = selected ? `${selected.id}:${selected.updatedAt}` : '';
  const content = selected ? (edited?.key === selectedKey ? edited.content : contentOf(selected)) : null;
  const setContent = (next: TableContent) => setEdited({ key: selectedKey, content: next });
  useEffect(() => {
    setSelectedId(null);
    setError(null);
  }, [blocId, year]);
  // A preview belongs to the version it was made of.
  const { closePreview } = doc;
  useEffect(() => closePreview(), [selectedKey, closePreview]);

  const issues = useMemo(() => (content ? validateScoringTable(content) : []), [content]);
  const focus = useErrorFocus<HTMLElement>();
  const dirty = !!selected && !!content && JSON.stringify(contentOf(selected)) !== JSON.stringify(content);
  const storeDraft = async () => {
    if (!selected || !content || selected.status !== 'draft') return;
    await saveDraft(selected.id, deepNfc(content));
    notice.notify('success', `Đã lưu bản nháp bảng chấm điểm năm ${selected.year} (phiên bản ${selected.version}).`);
  };
  // Another version, an import, another section or closing the window asks first (save / discard / stay).
  const leaveIfDirty = useUnsaved({
    label: selected ? `bảng chấm điểm năm ${selected.year} (phiên bản ${selected.version})` : 'bảng chấm điểm',
    dirty,
    save: async () => {
      try {
        await storeDraft();
        return true;
      } catch (err) {
        setError(toApiError(err));
        focus.request();
        return false;
      }
    },
    discard: () => setEdited(null),
  });

  /** Exports show the stored version; unsaved edits would not be in them. */
  function refuseDirty(): boolean {
    if (!dirty) return false;
    setError({ code: 'dirty', message: 'Hãy lưu bản nháp trước khi xuất, để tệp xuất ra đúng với nội dung đang thấy.' });
    return true;
  }

  /** The shown version of the table, as stored. */
  async function documentJob(): Promise<DocumentJob | null> {
    if (!selected || !blocId || !year || refuseDirty()) return null;
    const options = { version: selected.version };
    return { kind: 'scoring-table', data: await readDocumentData(blocId, 'scoring-table', year, options), year, options };
  }
  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (!all) return <p className="muted">Đang tải bảng chấm điểm…</p>;

  const readOnly = !selected || selected.status === 'locked';

  const forYear = year;
  const forBloc = blocId;

  const save = () => run('save', storeDraft);

  const lock = async () => {
    if (!selected || !content) return;
    if (hasErrors(issues)) {
      setError({ code: 'invalid', message: 'Chưa khoá được: bảng điểm còn lỗi cần sửa.', details: issues.filter((i) => i.level === 'error').map((i) => i.message) });
      focus.request();
      return;
    }
    const warnings = issues.filter((i) => i.level === 'warning');
    const ok = await confirm(
      'Thông qua và khoá bảng chấm điểm?',
      <>
        <p>
          Sau khi khoá, phiên bản {selected.version} không sửa được nữa; muốn thay đổi phải tạo phiên bản mới và ghi lý do. Các đơn vị tự chấm theo bảng đã
          khoá.
        </p>
        {warnings.length > 0 && (
          <ul className="warning-text">
            {warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        )}
      </>,
      'Thông qua và khoá',
    );
    if (!ok) return;
    await run('lock', async () => {
      await lockVersion(selected.id, deepNfc(content));
      notice.notify('success', `Đã thông qua và khoá bảng chấm điểm năm ${forYear} (phiên bản ${selected.version}).`);
    });
  };

  const makeVersion = () =>
    run('create', async () => {
      const v = await createNewVersion(forBloc, forYear, reason);
      setAskReason(false);
      setReason('');
      setSelectedId(v.id);
      notice.notify('success', `Đã tạo phiên bản ${v.version} (bản nháp) để sửa.`);
    });

  const discard = async () => {
    if (!selected) return;
    const ok = await confirm('Xoá bản nháp này?', `Phiên bản ${selected.version} (bản nháp) sẽ bị xoá; các phiên bản đã khoá vẫn giữ nguyên.`, 'Xoá bản nháp', true);
    if (!ok) return;
    await run('save', async () => {
      await discardDraftVersion(selected.id);
      setSelectedId(null);
    });
  };

  const startEmpty = () => run('create', async () => void (await createTable(forBloc, forYear, emptyContent(forYear))));
  const copyPrevious = () =>
    run('create', async () => {
      if (!previous) return;
      await copyFromYear(previous, forYear);
      notice.notify('success', `Đã sao chép bảng chấm điểm năm ${previous.year} thành bản nháp năm ${forYear}.`);
    });

  const importExcel = async () => {
    if (!(await leaveIfDirty())) return;
    await run('import', async () => {
      const r = await api.invoke('scoring.importExcel');
      if (!r.ok) return setError(r.error);
      if (r.value) setPreview(r.value);
    });
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = [...e.dataTransfer.files].find((f) => /\.xlsx$/i.test(f.name)) ?? e.dataTransfer.files[0];
    if (!file) return;
    if (!(await leaveIfDirty())) return;
    await run('import', async () => {
      const r = await api.invoke('scoring.readExcel', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (!r.ok) return setError(r.error);
      setPreview(r.value);
    });
  };

  const saveImported = (why: string) =>
    run('import', async () => {
      if (!preview) return;
      const stored = await storeImported(forBloc, forYear, deepNfc(withFreshIds(preview.table, newId)), why);
      setPreview(null);
      setSelectedId(stored.id);
      notice.notify('success', `Đã lưu bảng chấm điểm từ tệp ${preview.fileName} (phiên bản ${stored.version}, bản nháp).`);
    });

  const exportExcel = () =>
    run('excel', async () => {
      if (!selected || refuseDirty()) return;
      const data = await readYearSlice(forBloc, forYear, { table: { version: selected.version }, records: [] });
      const r = await api.invoke('scoring.exportExcel', { data, year: forYear, version: selected.version });
      if (!r.ok) return setError(r.error);
      const name = `Bang-cham-diem-${forYear}-phien-ban-${selected.version}.xlsx`;
      const saved = await api.invoke('file.save', { bytes: r.value, suggestedName: name, folder: 'export' });
      if (!saved.ok) return setError(saved.error);
      if (saved.value) notice.notify('success', `Đã lưu: ${saved.value.path}`);
    });

  const importTarget = !latest
    ? ({ kind: 'new' } as const)
    : latest.status === 'draft'
      ? ({ kind: 'draft', version: latest.version } as const)
      : ({ kind: 'newVersion', after: latest.version } as const);

  return (
    <section
      ref={focus.ref}
      className={dragging ? 'screen scoring-section dragging' : 'screen scoring-section'}
      aria-labelledby="scoring-heading"
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <header className="screen-header">
        <div>
        <h1 id="scoring-heading">Bảng chấm điểm năm {year}</h1>
        {selected && (
          <p className="muted" data-testid="scoring-status">
            Phiên bản {selected.version} · {selected.status === 'locked' ? `đã thông qua và khoá lúc ${formatDateTimeVi(selected.lockedAt ?? selected.updatedAt)}` : 'bản nháp'}
            {selected.reason && ` · lý do: ${selected.reason}`}
            {dirty && ' · có thay đổi chưa lưu'}
          </p>
        )}
      </div>
      </header>
      <ErrorBox error={error} />

      <div className="toolbar sticky-toolbar">
        {selected && selected.status === 'draft' && (
          <>
            <button type="button" className="btn btn-primary" disabled={busy !== null || !dirty} onClick={() => void save()}>
              {busy === 'save' ? 'Đang lưu…' : 'Lưu bản nháp'}
            </button>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void lock()}>
              {busy === 'lock' ? 'Đang khoá…' : 'Thông qua / khoá bảng điểm'}
            </button>
            {selected.version > 1 && (
              <button type="button" className="btn btn-danger" disabled={busy !== null} onClick={() => void discard()}>
                Xoá bản nháp
              </button>
            )}
          </>
        )}
        {latest && latest.status === 'locked' && (
          <button type="button" className="btn" disabled={busy !== null} onClick={() => setAskReason(true)}>
            Tạo phiên bản mới
          </button>
        )}
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void importExcel()}>
          {busy === 'import' ? 'Đang đọc tệp…' : 'Nhập từ Excel của tỉnh'}
        </button>
        {selected && (
          <>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void exportExcel()}>
              {busy === 'excel' ? 'Đang xuất…' : 'Xuất Excel'}
            </button>
            <DocumentToolbar doc={doc} disabled={busy !== null} />
          </>
        )}
      </div>
      <p className="muted drop-hint">Có thể kéo thả tệp Excel bảng chấm điểm của tỉnh vào đây.</p>
      {selected && <DocumentPreview doc={doc} />}

      {versions.length > 1 && (
        <nav className="versions" aria-label="Các phiên bản">
          <strong>Các phiên bản:</strong>
          <ul>
            {versions.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={v.id === selected?.id ? 'btn btn-small active' : 'btn btn-small'}
                  aria-current={v.id === selected?.id ? 'true' : undefined}
                  onClick={() => void leaveIfDirty().then((ok) => ok && setSelectedId(v.id))}
                >
                  Phiên bản {v.version} ({v.status === 'locked' ? 'đã khoá' : 'bản nháp'})
                </button>
                {v.reason && <span className="muted"> lý do: {v.reason}</span>}
              </li>
            ))}
          </ul>
        </nav>
      )}

      {!selected && (
        <div className="empty-state">
          <p>Năm {year} chưa có bảng chấm điểm.</p>
          <div className="toolbar">
            {previous && (
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void copyPrevious()}>
                Sao chép bảng điểm năm {previous.year}
              </button>
            )}
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void startEmpty()}>
              Tạo bảng điểm mới
            </button>
          </div>
        </div>
      )}

      {selected && content && (
        <>
          {issues.length > 0 && !readOnly && (
            <div className="warning-box" data-testid="scoring-issues">
              <strong>Kiểm tra bảng điểm ({issues.length}):</strong>
              <ul>
                {issues.map((i, k) => (
                  <li key={k} className={i.level === 'error' ? 'error-text' : 'warning-text'}>
                    {i.level === 'error' ? 'Lỗi: ' : 'Lưu ý: '}
                    {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {readOnly && selected.id !== latest?.id && <p className="info-box">Bạn đang xem phiên bản cũ {selected.version}; phiên bản hiện hành là {latest?.version}.</p>}
          <TableEditor content={content} onChange={setContent} readOnly={readOnly} issues={readOnly ? [] : issues} />
        </>
      )}

      {askReason && (
        <Dialog
          open
          title="Tạo phiên bản mới của bảng chấm điểm"
          onClose={() => setAskReason(false)}
          footer={
            <button type="button" className="btn btn-primary" disabled={!reason.trim() || busy !== null} onClick={() => void makeVersion()}>
              Tạo phiên bản mới
            </button>
          }
        >
          <p>
            Bảng điểm đã khoá không sửa trực tiếp. Phiên bản mới bắt đầu bằng nội dung của phiên bản {latest?.version}; phiên bản cũ vẫn được giữ để xem lại.
          </p>
          <label className="field">
            <span>Lý do thay đổi (bắt buộc)</span>
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
        </Dialog>
      )}

      {preview && (
        <ImportPreviewDialog preview={preview} target={importTarget} busy={busy === 'import'} onSave={(why) => void saveImported(why)} onClose={() => setPreview(null)} />
      )}
    </section>
  );
}
