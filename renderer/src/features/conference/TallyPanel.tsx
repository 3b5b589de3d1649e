/**
 * Tally entry per section and round: ballots issued, returned, valid, invalid (with the reason)
 * and votes per unit; the engine's verdicts live as the numbers are typed, its blocking errors
 * stop the acceptance and its warnings need a confirmation. A tie or no winner offers the next
 * round pre-filled; an accepted verdict may be changed by hand with a reason.
 */
import { useEffect, useMemo, useState } from 'react';
import type { VoteRound } from '../../../../shared/model/records';
import { tally } from '../../../../shared/domain/vote/tally';
import type { RoundInput, TallyInput, UnitStatus } from '../../../../shared/domain/vote/types';
import { NumberInput } from '../../ui/NumberInput';

export interface TallyTarget {
  id: string;
  title: string;
  input: TallyInput;
  /** Accepted round records of the section, in order. */
  records: VoteRound[];
}

const STATUS: Record<UnitStatus, string> = {
  winner: 'Trúng',
  passes: 'Đạt ngưỡng',
  fails: 'Không đạt',
  tied: 'Bằng phiếu',
  alreadyAwarded: 'Đã được đề nghị ở mục trước',
  ineligible: 'Không đủ điều kiện',
};

interface Draft {
  issued: number | null;
  returned: number | null;
  valid: number | null;
  invalid: number | null;
  reason: string;
  votes: Record<string, number | null>;
}

const emptyDraft = (): Draft => ({ issued: null, returned: null, valid: null, invalid: null, reason: '', votes: {} });

export function TallyPanel(props: {
  target: TallyTarget;
  names: Record<string, string>;
  onAccept: (round: { round: number; candidates: string[]; seats: number; input: RoundInput; invalidReason: string; result: ReturnType<typeof tally> }) => Promise<void>;
  onOverride: (o: { round: VoteRound; code: string; winner: boolean; computed: boolean; reason: string }) => Promise<void>;
}) {
  const { target, names } = props;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const section = target.input.sections.find((s) => s.id === target.id)!;
  const stored = useMemo(() => tally(target.input), [target.input]);
  const sv = stored.sections.find((s) => s.id === target.id)!;
  const next = sv.nextRound;
  useEffect(() => {
    setDraft(emptyDraft());
    setConfirmed(false);
  }, [target.id, next?.round]);

  const entered = draft.issued !== null || draft.returned !== null || draft.valid !== null || draft.invalid !== null;
  const draftRound: RoundInput | null = next
    ? {
        ...(next.reason !== 'notEntered' ? { candidates: next.candidates } : {}),
        seats: next.seats,
        ballots: { issued: draft.issued ?? 0, returned: draft.returned ?? 0, valid: draft.valid ?? 0, invalid: draft.invalid ?? 0 },
        votes: Object.fromEntries(Object.entries(draft.votes).map(([c, n]) => [c, n ?? 0])),
      }
    : null;
  const live = useMemo(() => {
    if (!draftRound) return null;
    const input: TallyInput = {
      ...target.input,
      sections: target.input.sections.map((s) => (s.id === target.id ? { ...s, rounds: [...s.rounds, draftRound] } : s)),
    };
    return tally(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target.input, target.id, JSON.stringify(draftRound)]);
  const lv = live?.sections.find((s) => s.id === target.id) ?? null;
  const lr = lv?.rounds.at(-1) ?? null;
  const quorumMet = stored.quorumMet;
  const errors = live ? [...live.errors, ...(lv?.errors ?? [])] : [];
  const warnings = live ? [...live.warnings, ...(lv?.warnings ?? [])] : [];
  const name = (c: string) => names[c] ?? c;

  async function accept() {
    if (!next || !draftRound || !live || !lr) return;
    setBusy(true);
    try {
      await props.onAccept({ round: next.round, candidates: lr.candidates, seats: lr.seats, input: draftRound, invalidReason: draft.reason, result: live });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tally-panel" data-testid="tally-panel">
      {sv.rounds.length > 0 && <SectionResult target={target} names={names} sv={sv} onOverride={props.onOverride} />}
      {!next && sv.rounds.length > 0 && <p className="muted">Mục này đã có kết quả; không cần bỏ phiếu thêm.</p>}
      {next && (
        <div className="card">
          <div className="card-header">
            <h2>
              Nhập kết quả kiểm phiếu vòng {next.round}: {target.title}
            </h2>
          </div>
          {next.reason !== 'notEntered' && (
            <p className="info-text" data-testid="next-round">
              {next.reason === 'tie' ? 'Có đơn vị bằng phiếu' : 'Chưa có đơn vị đạt ngưỡng'}: bỏ phiếu vòng {next.round} giữa {next.candidates.map(name).join(', ')} cho {next.seats} suất.
            </p>
          )}
          {!quorumMet ? (
            <p className="warning-text" data-testid="tally-blocked">
              {stored.quorumExplanation} Hãy điểm danh và lưu thông tin hội nghị trước khi nhập kết quả.
            </p>
          ) : (
            <>
              <div className="ballot-counts">
                {(
                  [
                    ['issued', 'Số phiếu phát ra'],
                    ['returned', 'Số phiếu thu vào'],
                    ['valid', 'Số phiếu hợp lệ'],
                    ['invalid', 'Số phiếu không hợp lệ'],
                  ] as const
                ).map(([key, label]) => (
                  <label key={key}>
                    {label}
                    <NumberInput value={draft[key]} onChange={(n) => setDraft((d) => ({ ...d, [key]: n === null ? null : Math.max(0, Math.trunc(n)) }))} ariaLabel={label} />
                  </label>
                ))}
                <label className="wide">
                  Lý do không hợp lệ
                  <input value={draft.reason} onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} aria-label="Lý do không hợp lệ" placeholder="Chọn quá số lượng, không đóng dấu…" />
                </label>
              </div>
              <table className="data-table compact verdict-table">
                <thead>
                  <tr>
                    <th>STT</th>
                    <th>Đơn vị</th>
                    <th>Số phiếu</th>
                    <th>Tỷ lệ</th>
                    <th>Kết quả</th>
                  </tr>
                </thead>
                <tbody>
                  {(lr?.units ?? []).map((u, i) => (
                    <tr key={u.code} title={u.explanation}>
                      <td>{i + 1}</td>
                      <td>{name(u.code)}</td>
                      <td>
                        {u.status === 'ineligible' || u.status === 'alreadyAwarded' ? (
                          <span className="muted">{u.votes}</span>
                        ) : (
                          <NumberInput
                            value={draft.votes[u.code] ?? null}
                            onChange={(n) => setDraft((d) => ({ ...d, votes: { ...d.votes, [u.code]: n === null ? null : Math.max(0, Math.trunc(n)) } }))}
                            ariaLabel={`Số phiếu của ${name(u.code)}`}
                          />
                        )}
                      </td>
                      <td>{entered ? `${u.percent}%` : ''}</td>
                      <td className={`status-${u.status}`}>{entered ? STATUS[u.status] : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {entered && lr && (
                <p className="muted">
                  Căn cứ: {lr.base} ({lr.baseKind === 'valid' ? 'số phiếu hợp lệ' : lr.baseKind === 'returned' ? 'số phiếu thu vào' : lr.baseKind === 'present' ? 'số đơn vị có mặt' : 'số đơn vị thành viên'}); cần ít nhất {lr.minVotesToPass ?? '—'} phiếu.
                </p>
              )}
              {entered && errors.length > 0 && (
                <div className="error-list" role="alert" data-testid="tally-errors">
                  <strong>Số liệu chưa khớp, chưa chấp nhận được:</strong>
                  <ul>
                    {errors.map((e, i) => (
                      <li key={i}>{e.message}</li>
                    ))}
                  </ul>
                </div>
              )}
              {entered && errors.length === 0 && warnings.length > 0 && (
                <div className="warning-box" data-testid="tally-warnings">
                  <ul>
                    {warnings.map((w, i) => (
                      <li key={i}>{w.message}</li>
                    ))}
                  </ul>
                  <label>
                    <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Đã kiểm tra, vẫn chấp nhận
                  </label>
                </div>
              )}
              {entered && lv && errors.length === 0 && (
                <p className="verdict-explanation" data-testid="live-explanation">
                  {lv.explanation}
                </p>
              )}
              <div className="toolbar">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || !entered || errors.length > 0 || (warnings.length > 0 && !confirmed)}
                  onClick={() => void accept()}
                >
                  {busy ? 'Đang lưu…' : `Chấp nhận kết quả vòng ${next.round}`}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function SectionResult(props: {
  target: TallyTarget;
  names: Record<string, string>;
  sv: ReturnType<typeof tally>['sections'][number];
  onOverride: (o: { round: VoteRound; code: string; winner: boolean; computed: boolean; reason: string }) => Promise<void>;
}) {
  const { sv, names, target } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const name = (c: string) => names[c] ?? c;
  const last = target.records.at(-1);
  return (
    <div className="card" data-testid="section-result">
      <div className="card-header">
        <h2>Kết quả: {sv.title}</h2>
        <span className="muted">{sv.rounds.length} vòng đã chấp nhận</span>
      </div>
      <p className="verdict-explanation" data-testid="section-explanation">
        {sv.explanation}
      </p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Vòng</th>
            <th>Số phiếu</th>
            <th>Tỷ lệ</th>
            <th>Kết quả</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sv.units.map((u) => {
            const computed = sv.computedWinners.includes(u.code);
            const final = sv.winners.includes(u.code);
            return (
              <tr key={u.code} title={u.explanation}>
                <td>{name(u.code)}</td>
                <td>{u.round || ''}</td>
                <td>{u.votes}</td>
                <td>{u.percent}%</td>
                <td className={`status-${u.status}`}>
                  {u.override ? (
                    <span data-testid="override-note">
                      {u.override.winner ? 'Trúng' : 'Không trúng'} (sửa tay: {u.override.reason}; kết quả tính: {STATUS[u.status]})
                    </span>
                  ) : (
                    STATUS[u.status]
                  )}
                </td>
                <td>
                  {last && editing !== u.code && (
                    <button type="button" className="btn btn-small" onClick={() => (setEditing(u.code), setReason(''))} aria-label={`Sửa kết quả của ${name(u.code)}`}>
                      Sửa kết quả
                    </button>
                  )}
                  {last && editing === u.code && (
                    <span className="override-form">
                      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do (bắt buộc)" aria-label="Lý do sửa kết quả" />
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        disabled={!reason.trim()}
                        onClick={() => void props.onOverride({ round: last, code: u.code, winner: !final, computed, reason }).then(() => setEditing(null))}
                      >
                        {final ? 'Ghi: không trúng' : 'Ghi: trúng'}
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                        Huỷ
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
