/**
 * The register of outgoing documents (sổ văn bản đi) of a calendar year: number, date, type,
 * summary, signer, sortable; voided numbers stay listed with their reason. The bloc's symbol is set
 * here; the register exports to Excel.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ApiError } from '../../../../shared/api/contract';
import { blocSymbolOf, entryNumberText, registerOf, REGISTER_TYPES, type RegisterEntry } from '../../../../shared/domain/register';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { api, toApiError } from '../../api';
import { useBloc } from '../../app/hooks';
import { db } from '../../db/database';
import { readBlocData } from '../../db/repo-package';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { setBlocSymbol } from './papers-store';

type SortKey = 'number' | 'date' | 'type';

export function RegisterPanel({ blocId, year }: { blocId: string; year: number }) {
  const notice = useNotice();
  const bloc = useBloc();
  const records = useLiveQuery(() => db.registerEntries.where('blocId').equals(blocId).toArray(), [blocId]);
  const entries = useMemo(() => registerOf({ registerEntries: records ?? [] }), [records]);
  const years = useMemo(() => [...new Set([...entries.map((e) => e.year), new Date().getFullYear()])].sort((a, b) => b - a), [entries]);
  const [calendarYear, setCalendarYear] = useState<number | null>(null);
  const shownYear = calendarYear ?? entries.filter((e) => e.blocYear === year).reduce((y, e) => Math.max(y, e.year), 0) ?? years[0];
  const current = shownYear || years[0]!;
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'date', down: false });
  const [symbolText, setSymbolText] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const rows = useMemo(() => {
    const list = entries.filter((e) => e.year === current);
    const cmp: Record<SortKey, (a: RegisterEntry, b: RegisterEntry) => number> = {
      number: (a, b) => a.type.localeCompare(b.type) || a.number - b.number,
      date: (a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.number - b.number,
      type: (a, b) => REGISTER_TYPES[a.type].localeCompare(REGISTER_TYPES[b.type], 'vi') || a.number - b.number,
    };
    const sorted = [...list].sort(cmp[sort.key]);
    return sort.down ? sorted.reverse() : sorted;
  }, [entries, current, sort]);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.down ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort({ key, down: sort.key === key ? !sort.down : false })}>
        {label}
        {sort.key === key ? (sort.down ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  async function exportExcel() {
    setBusy(true);
    try {
      const data = await readBlocData(blocId);
      const r = await api.invoke('papers.registerExcel', { data, year: current });
      if (!r.ok) return setError(r.error);
      const saved = await api.invoke('file.save', { bytes: r.value, suggestedName: `So-van-ban-di-${current}.xlsx`, folder: 'export' });
      if (!saved.ok) return setError(saved.error);
      setError(null);
      if (saved.value) notice.notify('success', `Đã lưu sổ văn bản đi: ${saved.value.path}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function saveSymbol() {
    if (symbolText === null) return;
    try {
      await setBlocSymbol(blocId, symbolText);
      setSymbolText(null);
      setError(null);
      notice.notify('success', 'Đã lưu ký hiệu văn bản của Khối.');
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <div className="register-panel">
      <ErrorBox error={error} />
      <div className="toolbar">
        <label>
          Năm{' '}
          <select value={current} onChange={(e) => setCalendarYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" disabled={busy} onClick={() => void exportExcel()}>
          {busy ? 'Đang xuất…' : 'Xuất Excel'}
        </button>
        <label>
          Ký hiệu của Khối{' '}
          <input
            value={symbolText ?? bloc?.documentSymbol ?? ''}
            placeholder={bloc ? blocSymbolOf({ ...bloc, documentSymbol: '' }) : ''}
            onChange={(e) => setSymbolText(e.target.value)}
            aria-label="Ký hiệu của Khối"
          />
        </label>
        <button type="button" className="btn" disabled={symbolText === null} onClick={() => void saveSymbol()}>
          Lưu ký hiệu
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">Năm {current} chưa cấp số văn bản nào. Số được cấp khi bấm "Cấp số" ở từng văn bản.</p>
      ) : (
        <table className="data-table register-table">
          <thead>
            <tr>
              <th>STT</th>
              {header('number', 'Số, ký hiệu')}
              {header('date', 'Ngày ban hành')}
              {header('type', 'Loại văn bản')}
              <th>Trích yếu nội dung</th>
              <th>Người ký</th>
              <th>Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e, i) => (
              <tr key={e.id} className={e.voided ? 'voided' : undefined}>
                <td>{i + 1}</td>
                <td>{entryNumberText(e, bloc?.partyFormat)}</td>
                <td>{formatDateVi(e.date)}</td>
                <td>{REGISTER_TYPES[e.type]}</td>
                <td>{e.summary}</td>
                <td>{e.signer}</td>
                <td>{e.voided ? `Đã hủy ngày ${formatDateVi(e.voided.at)}: ${e.voided.reason}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
