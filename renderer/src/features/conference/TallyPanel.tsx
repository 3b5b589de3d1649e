/**
 * Tally entry per section and round: ballots issued, returned, valid, invalid (with the reason)
 * and votes per unit; the engine's verdicts live as the numbers are typed, its blocking errors
 * stop the acceptance and its warnings need a confirmation. A tie or no winner offers the next
 * round pre-filled; an accepted verdict may be changed by hand with a reason.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VoteRound } from '../../../../shared/model/records';
import { countBallots, diffBallotEntries, INVALID_REASON_TEXT, type InvalidReason } from '../../../../shared/domain/vote/ballots';
import type { BallotSectionPlan } from '../../../../shared/domain/vote/plan';
import { tally } from '../../../../shared/domain/vote/tally';
import type { InvalidScope, RoundInput, TallyInput, UnitStatus } from '../../../../shared/domain/vote/types';
import { formatDateTimeVi } from '../../../../shared/text/vietnamese';
import { NumberInput } from '../../ui/NumberInput';
import { BallotEntryGrid, type PaperState } from './BallotEntry';

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
const emptyPaper = (): PaperState => ({ first: [], second: [], firstBy: '', secondBy: '', issued: null });

/** The paper ballot of the round due, for entering it ballot by ballot. */
export interface PaperRound {
  round: number;
  sections: BallotSectionPlan[];
  invalidScope: InvalidScope;
  /** What was entered so far (saved as typed); null when nothing was. */
  stored: PaperState | null;
}

export interface AcceptedRound {
  round: number;
  candidates: string[];
  seats: number;
  input: RoundInput;
  invalidReasons: { reason: string; count: number }[];
  result: ReturnType<typeof tally>;
  /** The ballots entered one by one, when the counts came from them. */
  ballots: PaperState | null;
}

export function TallyPanel(props: {
  target: TallyTarget;
  names: Record<string, string>;
  /** The paper of the round due (null when no round is due). */
  paper: PaperRound | null;
  onSaveBallots: (round: number, sections: BallotSectionPlan[], state: PaperState) => Promise<void>;
  onAccept: (round: AcceptedRound) => Promise<void>;
  onOverride: (o: { round: VoteRound; code: string; winner: boolean; computed: boolean; reason: string }) => Promise<void>;
  onDecide: (d: { round: VoteRound; winners: string[]; reason: string }) => Promise<void>;
}) {
  const { target, names, paper } = props;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const stored = useMemo(() => tally(target.input), [target.input]);
  const sv = stored.sections.find((s) => s.id === target.id)!;
  const next = sv.nextRound;
  const onPaper = !!paper?.sections.some((s) => s.id === target.id);
  const [mode, setMode] = useState<'counts' | 'ballots'>(() => (onPaper && paper?.stored?.first.length ? 'ballots' : 'counts'));
  const [ballots, setBallots] = useState<PaperState>(() => paper?.stored ?? emptyPaper());
  const [textErrors, setTextErrors] = useState<string[]>([]);
  const [saveStatus, setSaveStatus] = useState('');
  useEffect(() => {
    setDraft(emptyDraft());
    setConfirmed(false);
  }, [target.id, next?.round]);

  // Ballots are saved as they are typed (shortly after the last key), and at once when the panel closes.
  const unsaved = useRef<PaperState | null>(null);
  const { onSaveBallots } = props;
  const paperRound = paper?.round ?? null;
  // The same paper on every render of the screen (it is recomputed from the live data).
  const sectionsKey = JSON.stringify(paper?.sections ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const paperSections = useMemo(() => paper?.sections, [sectionsKey]);
  const flush = useCallback(async () => {
    const state = unsaved.current;
    if (!state || paperRound === null || !paperSections) return;
    unsaved.current = null;
    setSaveStatus('Đang lưu…');
    try {
      await onSaveBallots(paperRound, paperSections, state);
      if (!unsaved.current) setSaveStatus(`Đã lưu ${state.first.length} phiếu lần nhập 1${state.second.length ? `, ${state.second.length} phiếu lần nhập 2` : ''}.`);
    } catch {
      // Kept for the next save (the next key typed, or leaving the panel); the reason is shown above.
      unsaved.current ??= state;
      setSaveStatus('Chưa lưu được các phiếu vừa nhập.');
    }
  }, [onSaveBallots, paperRound, paperSections]);
  useEffect(() => {
    if (!unsaved.current) return;
    const t = setTimeout(() => void flush(), 400);
    return () => clearTimeout(t);
  }, [ballots, flush]);
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => void flushRef.current(), []);
  const changeBallots = (state: PaperState) => {
    unsaved.current = state;
    setSaveStatus('Chưa lưu…');
    setBallots(state);
  };
  // Entered elsewhere (another section's tab on the same paper) while nothing is pending here: take it.
  const storedKey = JSON.stringify(paper?.stored ?? null);
  useEffect(() => {
    if (unsaved.current || !paper?.stored) return;
    setBallots((now) => (JSON.stringify(now) === storedKey ? now : paper.stored!));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);
  const onTextErrors = useCallback((m: string[]) => setTextErrors((prev) => (prev.join('\n') === m.join('\n') ? prev : m)), []);

  // A tie at the cut line that the rules give to the chair: decided on the last accepted round.
  const chairPending = !!sv.tie && sv.rules.tieRule === 'chairDecides' && !sv.blocked && target.records.length > 0;
  const byBallot = mode === 'ballots' && onPaper && paper;
  const derived = useMemo(
    () => (byBallot ? countBallots({ issued: ballots.issued ?? 0, ballots: ballots.first, sections: paper.sections, invalidScope: paper.invalidScope, names }) : null),
    [byBallot, ballots.issued, ballots.first, paper, names],
  );
  const differences = useMemo(
    () =>
      byBallot && ballots.second.length
        ? diffBallotEntries(ballots.first, ballots.second, { sections: Object.fromEntries(paper.sections.map((s) => [s.id, s.title])), names })
        : [],
    [byBallot, ballots.first, ballots.second, paper, names],
  );
  const fromBallots = derived?.sections[target.id] ?? null;

  const entered = fromBallots
    ? ballots.first.length > 0 || ballots.issued !== null
    : draft.issued !== null || draft.returned !== null || draft.valid !== null || draft.invalid !== null;
  const draftRound: RoundInput | null = next
    ? {
        ...(next.reason !== 'notEntered' ? { candidates: next.candidates } : {}),
        seats: next.seats,
        ballots: fromBallots
          ? { ...fromBallots.ballots }
          : { issued: draft.issued ?? 0, returned: draft.returned ?? 0, valid: draft.valid ?? 0, invalid: draft.invalid ?? 0 },
        votes: fromBallots ? { ...fromBallots.votes } : Object.fromEntries(Object.entries(draft.votes).map(([c, n]) => [c, n ?? 0])),
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
  const ballotErrors = fromBallots
    ? [
        ...(derived?.errors ?? []).map((e) => e.message),
        ...textErrors,
        ...(differences.length ? [`Hai lần nhập còn ${differences.length} chỗ khác nhau.`] : []),
      ]
    : [];
  const errors = live ? [...ballotErrors.map((message) => ({ message })), ...live.errors, ...(lv?.errors ?? [])] : [];
  const warnings = live ? [...live.warnings, ...(lv?.warnings ?? [])] : [];
  const name = (c: string) => names[c] ?? c;

  async function accept() {
    if (!next || !draftRound || !live || !lr) return;
    setBusy(true);
    try {
      const invalidReasons = fromBallots
        ? (Object.entries(fromBallots.invalidReasons) as [InvalidReason, number][]).filter(([, n]) => n > 0).map(([k, count]) => ({ reason: INVALID_REASON_TEXT[k], count }))
        : draftRound.ballots.invalid > 0 && draft.reason.trim()
          ? [{ reason: draft.reason.trim(), count: draftRound.ballots.invalid }]
          : [];
      if (fromBallots) await flush();
      await props.onAccept({ round: next.round, candidates: lr.candidates, seats: lr.seats, input: draftRound, invalidReasons, result: live, ballots: fromBallots ? ballots : null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tally-panel" data-testid="tally-panel">
      {sv.rounds.length > 0 && <SectionResult target={target} names={names} sv={sv} onOverride={props.onOverride} />}
      {chairPending && <ChairDecisionForm target={target} names={names} sv={sv} onDecide={props.onDecide} />}
      {!next && sv.rounds.length > 0 && !chairPending && <p className="muted">Mục này đã có kết quả; không cần bỏ phiếu thêm.</p>}
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
              {onPaper && (
                <div className="section-tabs entry-mode" role="radiogroup" aria-label="Cách nhập kết quả">
                  {(
                    [
                      ['counts', 'Nhập số tổng'],
                      ['ballots', 'Nhập từng phiếu'],
                    ] as const
                  ).map(([m, label]) => (
                    <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'btn btn-tab active' : 'btn btn-tab'} onClick={() => setMode(m)}>
                      {label}
                    </button>
                  ))}
                </div>
              )}
              {fromBallots && paper && (
                <>
                  <div className="ballot-counts derived-counts" data-testid="derived-counts">
                    <label>
                      Số phiếu phát ra
                      <NumberInput
                        value={ballots.issued}
                        onChange={(n) => changeBallots({ ...ballots, issued: n === null ? null : Math.max(0, Math.trunc(n)) })}
                        ariaLabel="Số phiếu phát ra"
                      />
                    </label>
                    <span>
                      Thu vào <strong>{fromBallots.ballots.returned}</strong>
                    </span>
                    <span>
                      Hợp lệ <strong>{fromBallots.ballots.valid}</strong>
                    </span>
                    <span className="wide">
                      Không hợp lệ <strong>{fromBallots.ballots.invalid}</strong>
                      {fromBallots.ballots.invalid > 0 &&
                        ` (${(Object.entries(fromBallots.invalidReasons) as [InvalidReason, number][])
                          .filter(([, n]) => n > 0)
                          .map(([k, n]) => `${n} phiếu ${INVALID_REASON_TEXT[k]}`)
                          .join('; ')})`}
                    </span>
                  </div>
                  <BallotEntryGrid
                    round={paper.round}
                    sections={paperSections ?? paper.sections}
                    names={names}
                    invalidScope={paper.invalidScope}
                    current={target.id}
                    state={ballots}
                    onChange={changeBallots}
                    onTextErrors={onTextErrors}
                    differences={differences}
                    saveStatus={saveStatus}
                  />
                </>
              )}
              {!fromBallots && <div className="ballot-counts">
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
              </div>}
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
                        {fromBallots || u.status === 'ineligible' || u.status === 'alreadyAwarded' ? (
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

/** The units that tied at the cut line of a round the chair decided: those with the votes of the last unit seated, seated or not. */
function tiedAtCut(r: ReturnType<typeof tally>['sections'][number]['rounds'][number]): string[] {
  const chosen = r.units.filter((u) => r.decision?.winners.includes(u.code));
  const cut = Math.min(...chosen.map((u) => u.votes));
  return r.units.filter((u) => u.votes === cut && (u.status === 'winner' || u.status === 'passes')).map((u) => u.code);
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
      {target.records.flatMap((r) =>
        r.history
          .filter((h) => h.action === 'recompute')
          .map((h, i) => (
            <p key={`${r.id}:${i}`} className="muted" data-testid="recompute-note">
              Tính lại theo quy chế mới ({formatDateTimeVi(h.at)}): {h.reason} Kết quả trước: {String(h.old || 'không có')}; sau: {String(h.new || 'không có')}.
            </p>
          )),
      )}
      {sv.rounds
        .filter((r) => r.decision)
        .map((r) => (
          <p key={r.round} className="chair-note" data-testid="chair-decision-note">
            <strong>Quyết định của chủ trì hội nghị{sv.rounds.length > 1 ? ` (vòng ${r.round})` : ''}:</strong> chọn {r.decision!.winners.map(name).join(', ')} trong các đơn vị bằng phiếu (
            {tiedAtCut(r).map(name).join(', ')}). Lý do: {r.decision!.reason}
          </p>
        ))}
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
                  {sv.rounds.some((r) => r.round === u.round && r.decision?.winners.includes(u.code)) && !u.override ? (
                    `${STATUS[u.status]} (chủ trì quyết định)`
                  ) : u.override ? (
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

/** The chair's decision on a tie at the cut line (tieRule "chairDecides"): the units chosen among the tied ones, with the reason. */
function ChairDecisionForm(props: {
  target: TallyTarget;
  names: Record<string, string>;
  sv: ReturnType<typeof tally>['sections'][number];
  onDecide: (d: { round: VoteRound; winners: string[]; reason: string }) => Promise<void>;
}) {
  const { target, sv, names } = props;
  const tie = sv.tie!;
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const name = (c: string) => names[c] ?? c;
  const last = target.records.at(-1)!;
  // The engine checks the decision as it would be stored (tied units only, no more than the seats left).
  const errors = useMemo(() => {
    if (!chosen.length || !reason.trim()) return [];
    const input: TallyInput = {
      ...target.input,
      sections: target.input.sections.map((s) =>
        s.id === target.id ? { ...s, rounds: s.rounds.map((r, i) => (i === s.rounds.length - 1 ? { ...r, decision: { winners: chosen, reason } } : r)) } : s,
      ),
    };
    return tally(input).sections.find((s) => s.id === target.id)?.errors ?? [];
  }, [chosen, reason, target]);
  const toggle = (code: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== code), code] : c.filter((x) => x !== code)));
  const ready = chosen.length > 0 && chosen.length <= tie.seatsLeft && reason.trim() !== '' && errors.length === 0;

  async function decide() {
    setBusy(true);
    try {
      await props.onDecide({ round: last, winners: chosen, reason: reason.trim() });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card chair-decision" data-testid="chair-decision">
      <div className="card-header">
        <h2>Quyết định của chủ trì hội nghị: {sv.title}</h2>
      </div>
      <p>
        {tie.units.map(name).join(', ')} bằng phiếu ở vị trí cuối (vòng {last.round}). Theo quy chế, chủ trì hội nghị quyết định {tie.seatsLeft === 1 ? 'đơn vị' : `${tie.seatsLeft} đơn vị`} được{' '}
        {sv.kind === 'office' ? 'bầu' : 'đề nghị'} và ghi rõ lý do.
      </p>
      <ul className="chair-choices">
        {tie.units.map((c) => (
          <li key={c}>
            <label>
              <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => toggle(c, e.target.checked)} aria-label={`Chủ trì chọn ${name(c)}`} />
              {name(c)}
            </label>
          </li>
        ))}
      </ul>
      <label className="chair-reason">
        Lý do quyết định
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} aria-label="Lý do quyết định của chủ trì" />
      </label>
      {chosen.length > tie.seatsLeft && <p className="warning-text">Chỉ còn {tie.seatsLeft} chỉ tiêu: bỏ bớt đơn vị đã chọn.</p>}
      {errors.length > 0 && (
        <ul className="warning-text">
          {errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || !ready} onClick={() => void decide()}>
          {busy ? 'Đang lưu…' : 'Ghi quyết định của chủ trì'}
        </button>
      </div>
    </div>
  );
}
