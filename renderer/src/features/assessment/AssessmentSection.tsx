/**
 * Tự chấm điểm of the selected year: templates out to the units, returned files in (inspected,
 * previewed, confirmed per file, committed in one transaction, undoable), the overview of
 * submissions and the matrix of self scores.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { InspectReport } from '../../../../shared/domain/assessment-import';
import { tableInForce } from '../../../../shared/domain/scoring-table';
import type { ImportBatch } from '../../../../shared/model/records';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { api } from '../../api';
import { useBackups } from '../../app/backups/BackupsProvider';
import { useCurrentYear, useYearMembers } from '../../app/hooks';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import { readYearSlice } from '../../db/repo-slice';
import { scoresOfYear } from '../../db/score-store';
import { useConfirm } from '../../ui/Confirm';
import { useBusyAction } from '../../ui/useBusyAction';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { commitImport, undoImport } from './assessment-store';
import { BatchList } from './BatchList';
import { ImportPanel, mergeReports, type PendingFile } from './ImportPanel';
import { OverviewPanel } from './OverviewPanel';
import './assessment.css';

type Tab = 'templates' | 'import' | 'overview' | 'batches';
const TABS: { id: Tab; label: string }[] = [
  { id: 'templates', label: 'Gửi mẫu tự chấm' },
  { id: 'import', label: 'Nhập tệp tự chấm' },
  { id: 'overview', label: 'Tình hình nộp và bảng tổng hợp' },
  { id: 'batches', label: 'Các lần nhập' },
];

/** Workbook-like names the drop zone takes (the inspector explains what is wrong with the others). */
/** Templates and inspection read the year, its units and its table in force, no other records of the year. */
const ONLY_TABLE = { records: [] };

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|csv|zip)$/i;

export function AssessmentSection() {
  const { blocId, year } = useSession();
  const notice = useNotice();
  const confirm = useConfirm();
  const { backupInBackground, runAfterBackup } = useBackups();
  const members = useYearMembers();
  const yearRecord = useCurrentYear();
  const tables = useLiveQuery(async () => (blocId && year ? db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray() : []), [blocId, year]);
  const scores = useLiveQuery(async () => (blocId && year ? scoresOfYear(blocId, year) : []), [blocId, year]);
  const batches = useLiveQuery(async () => (blocId && year ? db.importBatches.where('[blocId+year]').equals([blocId, year]).toArray() : []), [blocId, year]);
  const reviews = useLiveQuery(async () => (blocId && year ? db.unitReviews.where('[blocId+year]').equals([blocId, year]).toArray() : []), [blocId, year]);
  const explanations = useLiveQuery(async () => (blocId && year ? db.explanations.where('[blocId+year]').equals([blocId, year]).toArray() : []), [blocId, year]);

  const [tab, setTab] = useState<Tab>('templates');
  const [pending, setPending] = useState<PendingFile[]>([]);
  const { busy, error, setError, run } = useBusyAction<'templates' | 'inspect' | 'commit' | 'undo' | 'matrix'>();
  const [unitChoice, setUnitChoice] = useState<string>('all');
  const [mode, setMode] = useState<'folder' | 'zip'>('folder');
  const [dragging, setDragging] = useState(false);
  const [by, setBy] = useState('Thư ký Khối');
  const dropHandler = useRef<((files: File[]) => void) | null>(null);

  // Files dropped anywhere on the window while this section is open are inspected.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!hasFiles(e)) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) dropHandler.current?.(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    setPending([]);
    setError(null);
  }, [blocId, year]);
  useEffect(() => {
    void api.invoke('settings.get').then((r) => {
      if (r.ok && r.value.settings.secretaryName.trim()) setBy(r.value.settings.secretaryName.trim());
    });
  }, []);

  const table = useMemo(() => (tables && year ? tableInForce(tables, year) : null), [tables, year]);
  const inspected = useMemo(() => pending.map((p) => ({ unitId: p.report.unitId, errors: p.report.errors.length })), [pending]);

  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (!members || !tables || !scores || !batches || yearRecord === undefined) return <p className="muted">Đang tải dữ liệu tự chấm…</p>;
  const forBloc = blocId;
  const forYear = year;

  const addReports = (reports: InspectReport[]) => {
    setPending((p) => mergeReports(p, reports));
    setTab('import');
    const bad = reports.filter((r) => !r.ok).length;
    notice.notify(bad ? 'info' : 'success', `Đã kiểm tra ${reports.length} tệp${bad ? `, ${bad} tệp có lỗi` : ''}. Chưa có gì được ghi.`);
  };

  const exportTemplates = () =>
    run('templates', async () => {
      const data = await readYearSlice(forBloc, forYear, ONLY_TABLE);
      const unitIds = unitChoice === 'all' ? members.map((u) => u.id) : [unitChoice];
      const r = await api.invoke('assessment.exportTemplates', { data, year: forYear, unitIds, mode });
      if (!r.ok) return setError(r.error);
      if (r.value) notice.notify('success', `Đã xuất ${r.value.paths.length === 1 ? r.value.paths[0] : `${r.value.paths.length} tệp`}.`);
    });

  const pick = () =>
    run('inspect', async () => {
      const data = await readYearSlice(forBloc, forYear, ONLY_TABLE);
      const r = await api.invoke('assessment.pickAndInspect', { data, year: forYear });
      if (!r.ok) return setError(r.error);
      if (r.value) addReports(r.value);
    });

  const inspectDropped = (files: File[]) =>
    run('inspect', async () => {
      const data = await readYearSlice(forBloc, forYear, ONLY_TABLE);
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const r = await api.invoke('assessment.inspectFiles', { data, year: forYear, files: payload });
      if (!r.ok) return setError(r.error);
      addReports(r.value);
    });

  const commit = async () => {
    const accepted = pending.filter((p) => p.accepted && p.report.ok).map((p) => p.report);
    const ok = await confirm(
      'Ghi dữ liệu tự chấm?',
      `Ghi điểm tự chấm từ ${accepted.length} tệp vào dữ liệu của Khối (một lần nhập, có thể hoàn tác). Các tệp không được chọn sẽ không được ghi.`,
      'Ghi dữ liệu',
    );
    if (!ok) return;
    await run('commit', async () => {
      const plan = await commitImport(forBloc, forYear, accepted, by);
      backupInBackground(forBloc, 'after-import');
      const done = new Set(accepted.map((r) => r.file));
      setPending((p) => p.filter((x) => !done.has(x.report.file)));
      notice.notify('success', `Đã ghi ${accepted.length} tệp: ${formatNumberVi(plan.changes.length)} giá trị thay đổi.`);
      setTab('overview');
    });
  };

  const undo = async (batch: ImportBatch) => {
    const ok = await confirm(
      'Hoàn tác lần nhập này?',
      `Các điểm do lần nhập lúc này ghi (${batch.files.map((f) => f.name).join(', ')}) sẽ trở về giá trị trước đó. Điểm đã được sửa sau lần nhập sẽ được giữ nguyên.`,
      'Hoàn tác',
      true,
    );
    if (!ok) return;
    await run('undo', async () => {
      const undone = await runAfterBackup(forBloc, 'before-undo-import', 'hoàn tác lần nhập', () => undoImport(batch.id, by));
      if (!undone) return;
      const plan = undone.value;
      notice.notify(
        'success',
        `Đã hoàn tác: khôi phục ${plan.restored} giá trị.${plan.conflicts.length ? ` ${plan.conflicts.length} giá trị đã được sửa sau lần nhập nên được giữ nguyên.` : ''}`,
      );
    });
  };

  const exportMatrix = () =>
    run('matrix', async () => {
      const data = await readYearSlice(forBloc, forYear, { records: ['scores'] });
      const r = await api.invoke('assessment.matrixXlsx', { data, year: forYear });
      if (!r.ok) return setError(r.error);
      const saved = await api.invoke('file.save', { bytes: r.value as Uint8Array<ArrayBuffer>, suggestedName: `Tong-hop-tu-cham-${forYear}.xlsx`, folder: 'export' });
      if (!saved.ok) return setError(saved.error);
      if (saved.value) notice.notify('success', `Đã lưu: ${saved.value.path}`);
    });

  const onDrop = (files: File[]) => {
    const sheets = files.filter((f) => SPREADSHEET.test(f.name));
    const others = files.filter((f) => !SPREADSHEET.test(f.name));
    if (others.length) {
      notice.notify('error', `Bỏ qua ${others.length} tệp không phải bảng tính: ${others.map((f) => f.name).join(', ')}. Hãy thả tệp .xlsx của các đơn vị.`);
    }
    if (sheets.length > 200) {
      setError({ code: 'too-many', message: `Đã thả ${sheets.length} tệp; mỗi lần kiểm tra tối đa 200 tệp. Hãy chia thành nhiều lần.` });
      return;
    }
    if (sheets.length) void inspectDropped(sheets);
  };
  dropHandler.current = busy === null ? onDrop : null;

  return (
    <section
      className="screen assessment-section"
      aria-labelledby="assessment-heading"
      data-testid="assessment-section"
    >
      <header className="screen-header no-print">
        <div>
        <h1 id="assessment-heading">Tự chấm điểm năm {year}</h1>
        <p className="muted">
          {table ? `Theo ${table.title} (phiên bản ${table.version}${table.status === 'locked' ? ', đã khoá' : ', bản nháp'}).` : 'Năm này chưa có bảng chấm điểm: hãy lập bảng chấm điểm trước.'}
        </p>
        </div>
      </header>
      {dragging && <div className="drop-overlay">Thả các tệp tự chấm (.xlsx) vào đây để kiểm tra</div>}
      <ErrorBox error={error} />
      <div role="tablist" className="tabs no-print">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
            {t.id === 'import' && pending.length > 0 && ` (${pending.length})`}
          </button>
        ))}
      </div>

      {tab === 'templates' && (
        <div className="templates-panel" role="tabpanel">
          <p>
            Mỗi đơn vị nhận một tệp Excel có sẵn tên Khối, năm, đơn vị và các tiêu chí; đơn vị chỉ điền cột “Điểm tự chấm” và “Ghi chú / minh chứng” rồi gửi lại.
            Tên tệp có mã đơn vị và năm.
          </p>
          {table?.status === 'draft' && <p className="warning-box">Bảng chấm điểm năm {year} chưa được khoá; nên thông qua và khoá bảng trước khi gửi mẫu cho các đơn vị.</p>}
          <div className="field-row">
            <label className="field">
              <span>Đơn vị</span>
              <select value={unitChoice} onChange={(e) => setUnitChoice(e.target.value)} aria-label="Đơn vị cần xuất mẫu">
                <option value="all">Tất cả {members.length} đơn vị của năm</option>
                {members.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="field">
              <legend>Lưu thành</legend>
              <label className="inline">
                <input type="radio" name="template-mode" checked={mode === 'folder'} onChange={() => setMode('folder')} /> các tệp trong một thư mục
              </label>
              <label className="inline">
                <input type="radio" name="template-mode" checked={mode === 'zip'} onChange={() => setMode('zip')} /> một tệp nén .zip
              </label>
            </fieldset>
          </div>
          <button type="button" className="btn btn-primary" disabled={busy !== null || !table || members.length === 0} onClick={() => void exportTemplates()}>
            {busy === 'templates' ? 'Đang xuất…' : 'Xuất mẫu tự chấm'}
          </button>
        </div>
      )}

      {tab === 'import' && (
        <ImportPanel
          pending={pending}
          onPendingChange={setPending}
          units={members}
          stored={scores}
          busy={busy !== null}
          onPick={() => void pick()}
          onCommit={() => void commit()}
        />
      )}

      {tab === 'overview' && (
        <OverviewPanel
          year={year}
          units={members}
          table={table}
          scores={scores}
          batches={batches}
          reviews={reviews ?? []}
          explanations={explanations ?? []}
          inspected={inspected}
          busy={busy === 'matrix'}
          onExportExcel={() => void exportMatrix()}
        />
      )}

      {tab === 'batches' && <BatchList batches={batches} units={members} busy={busy !== null} onUndo={(b) => void undo(b)} />}
    </section>
  );
}
