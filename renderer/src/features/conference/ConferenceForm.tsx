/**
 * Before and at the conference: date, time, place, chair, secretary, spare ballots; who is present
 * (the quorum checked live by the engine's rule); the vote-count committee (3–5 members, a head).
 */
import { useEffect, useState } from 'react';
import type { Conference, QuorumRule, Unit } from '../../../../shared/model/records';
import { checkQuorum } from '../../../../shared/domain/vote/quorum';
import { committeeWarnings } from '../../../../shared/domain/vote/committee';
import { DateInput } from '../../ui/DateInput';
import { NumberInput } from '../../ui/NumberInput';
import { useUnsaved } from '../../ui/unsaved';
import type { ConferenceDraft } from '../../db/repo-conference';
import { UnitSelect } from '../../ui/UnitSelect';

export function emptyConference(blocId: string, year: number, members: Unit[]): ConferenceDraft {
  const ids = members.map((u) => u.id);
  return {
    blocId, year, date: `${year}-12-20`, startTime: '08:00', endTime: '', place: '', chair: '', secretary: '',
    expectedUnitIds: ids, presentUnitIds: [], guests: [], committee: [], spareBallots: 2, minutesReadAt: '',
  };
}

export function draftOf(c: Conference): ConferenceDraft {
  const { id: _id, updatedAt: _u, ...rest } = c;
  return rest;
}

export function ConferenceForm(props: {
  stored: Conference | null;
  initial: ConferenceDraft;
  members: Unit[];
  quorum: QuorumRule | null;
  onSave: (draft: ConferenceDraft) => Promise<boolean>;
}) {
  const { stored, initial, members, quorum } = props;
  const [draft, setDraft] = useState<ConferenceDraft>(initial);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(initial), [initial]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial) || !stored;
  const edited = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsaved({ label: `thông tin hội nghị năm ${initial.year}`, dirty: edited, save: () => save(), discard: () => setDraft(initial) });

  const set = (patch: Partial<ConferenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const present = new Set(draft.presentUnitIds);
  const q = checkQuorum(draft.presentUnitIds.length, members.length, quorum ? { ...quorum, of: 'members' } : null);
  const warnings = committeeWarnings(draft.committee);

  async function save(): Promise<boolean> {
    setSaving(true);
    try {
      const clean = { ...draft, committee: draft.committee.filter((m) => m.name.trim()) };
      return await props.onSave(clean);
    } finally {
      setSaving(false);
    }
  }

  const togglePresent = (id: string, on: boolean) =>
    set({ presentUnitIds: members.map((u) => u.id).filter((m) => (m === id ? on : present.has(m))) });

  return (
    <div className="conference-form">
      <div className="card">
        <div className="card-header">
          <h2>Thông tin hội nghị</h2>
        </div>
        <div className="conference-grid">
          <label>
            Ngày họp
            <DateInput value={draft.date} onChange={(iso) => iso && set({ date: iso })} ariaLabel="Ngày họp" />
          </label>
          <label>
            Giờ bắt đầu
            <input value={draft.startTime} onChange={(e) => set({ startTime: e.target.value })} placeholder="08:00" aria-label="Giờ bắt đầu" />
          </label>
          <label className="wide">
            Địa điểm
            <input value={draft.place} onChange={(e) => set({ place: e.target.value })} aria-label="Địa điểm" />
          </label>
          <label>
            Chủ trì
            <input value={draft.chair} onChange={(e) => set({ chair: e.target.value })} aria-label="Chủ trì" />
          </label>
          <label>
            Thư ký
            <input value={draft.secretary} onChange={(e) => set({ secretary: e.target.value })} aria-label="Thư ký" />
          </label>
          <label>
            Phiếu dự phòng
            <NumberInput value={draft.spareBallots} onChange={(n) => set({ spareBallots: Math.max(0, Math.trunc(n ?? 0)) })} ariaLabel="Phiếu dự phòng" />
          </label>
          <label>
            Giờ đọc biên bản
            <input value={draft.minutesReadAt} onChange={(e) => set({ minutesReadAt: e.target.value })} placeholder="10:30" aria-label="Giờ đọc biên bản" />
          </label>
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Điểm danh ({draft.presentUnitIds.length}/{members.length} có mặt)</h2>
          <button type="button" className="btn btn-small" onClick={() => set({ presentUnitIds: members.map((u) => u.id) })}>
            Tất cả có mặt
          </button>
        </div>
        <ul className="attendance-list">
          {members.map((u) => (
            <li key={u.id}>
              <label>
                <input type="checkbox" checked={present.has(u.id)} onChange={(e) => togglePresent(u.id, e.target.checked)} aria-label={`${u.name} có mặt`} />
                {u.name}
              </label>
            </li>
          ))}
        </ul>
        <p className={q.met ? 'quorum-ok' : 'warning-text'} data-testid="quorum">
          {q.explanation}
        </p>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Ban kiểm phiếu</h2>
          <button type="button" className="btn btn-small" onClick={() => set({ committee: [...draft.committee, { name: '', unitId: null, role: draft.committee.length ? 'member' : 'head' }] })}>
            Thêm thành viên
          </button>
        </div>
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Họ tên</th>
              <th>Đơn vị</th>
              <th>Vai trò</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.committee.map((m, i) => {
              const change = (patch: Partial<typeof m>) => set({ committee: draft.committee.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <tr key={i}>
                  <td>
                    <input value={m.name} onChange={(e) => change({ name: e.target.value })} aria-label={`Họ tên thành viên ${i + 1}`} />
                  </td>
                  <td>
                    <UnitSelect units={members} value={m.unitId ?? ''} onChange={(id) => change({ unitId: id || null })} label={`Đơn vị của thành viên ${i + 1}`} />
                  </td>
                  <td>
                    <select value={m.role} onChange={(e) => change({ role: e.target.value as 'head' | 'member' })} aria-label={`Vai trò của thành viên ${i + 1}`}>
                      <option value="head">Trưởng ban</option>
                      <option value="member">Thành viên</option>
                    </select>
                  </td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => set({ committee: draft.committee.filter((_, j) => j !== i) })}>
                      Bỏ
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {warnings.length > 0 && (
          <ul className="warning-text" data-testid="committee-warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={saving || !dirty} onClick={() => void save()}>
          {saving ? 'Đang lưu…' : 'Lưu thông tin hội nghị'}
        </button>
      </div>
    </div>
  );
}
