/**
 * Ballot-by-ballot entry of one paper round: a row per paper ballot, a cell per section where the
 * numbers of the units marked are typed ("1 4", "-3" for "Không đồng ý"), the whole-ballot flags
 * (no stamp, another reason). Enter or ↓ goes to the same section of the next ballot (a new one
 * after the last), ↑ back. Each row says at once whether the engine counts it valid, section by
 * section (countBallots on that ballot alone). Two independent entries: the second person sees
 * only their own; the differences are listed by the parent (diffBallotEntries).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { countBallots, INVALID_REASON_TEXT, type BallotEntry, type BallotDifference, type InvalidReason } from '../../../../shared/domain/vote/ballots';
import type { BallotSectionPlan } from '../../../../shared/domain/vote/plan';
import type { InvalidScope } from '../../../../shared/domain/vote/types';
import { marksText, marksWords, parseMarksText } from './ballot-text';

export interface PaperState {
  first: BallotEntry[];
  second: BallotEntry[];
  firstBy: string;
  secondBy: string;
  issued: number | null;
}

const cellKey = (entry: 1 | 2, row: number, section: string) => `${entry}:${row}:${section}`;

/** What the engine makes of one ballot, in words: "Hợp lệ", or where and why it is invalid. */
function ballotStatus(ballot: BallotEntry, sections: readonly BallotSectionPlan[], scope: InvalidScope): { valid: boolean; text: string } {
  const d = countBallots({ issued: 1, ballots: [ballot], sections, invalidScope: scope });
  const invalid: string[] = [];
  for (const s of sections) {
    const reasons = d.sections[s.id]!.invalidReasons;
    const why = (Object.keys(reasons) as InvalidReason[]).find((k) => reasons[k] > 0);
    if (why) invalid.push(`${s.title}: ${INVALID_REASON_TEXT[why]}`);
  }
  if (d.errors.length) return { valid: false, text: d.errors.map((e) => e.message.replace(/^Phiếu thứ 1[,:]\s*/, '')).join(' ') };
  if (ballot.unstamped || ballot.invalidReason?.trim()) return { valid: false, text: `Không hợp lệ cả phiếu (${ballot.unstamped ? INVALID_REASON_TEXT.unstamped : ballot.invalidReason!.trim()})` };
  if (invalid.length) return { valid: false, text: `Không hợp lệ ở ${invalid.join('; ')}` };
  return { valid: true, text: isBlank(ballot) ? 'Hợp lệ (phiếu trắng, không đánh dấu)' : 'Hợp lệ' };
}

const isBlank = (b: BallotEntry) =>
  !b.unstamped && !b.invalidReason?.trim() && Object.values(b.marks).every((m) => (Array.isArray(m) ? m.length === 0 : Object.keys(m).length === 0));

export function BallotEntryGrid(props: {
  round: number;
  sections: BallotSectionPlan[];
  names: Record<string, string>;
  invalidScope: InvalidScope;
  /** The section of the tab open: its column is marked. */
  current: string;
  state: PaperState;
  onChange: (next: PaperState) => void;
  /** Cells whose text could not be read, by key; the parent blocks the acceptance while any. */
  onTextErrors: (messages: string[]) => void;
  differences: BallotDifference[];
  saveStatus: string;
}) {
  const { sections, names, state, round } = props;
  const [active, setActive] = useState<1 | 2>(1);
  const [texts, setTexts] = useState<Record<string, { text: string; error: string | null }>>({});
  const [focus, setFocus] = useState<{ row: number; col: number } | null>(null);
  const pendingFocus = useRef<{ row: number; col: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const ballots = active === 1 ? state.first : state.second;
  const name = (c: string) => names[c] ?? c;

  const errors = useMemo(
    () =>
      Object.entries(texts)
        .filter(([, v]) => v.error)
        .map(([k, v]) => {
          const [entry, row, section] = k.split(':');
          const title = sections.find((s) => s.id === section)?.title ?? section;
          return `Lần nhập ${entry}, phiếu ${Number(row) + 1}, mục "${title}": ${v.error}`;
        }),
    [texts, sections],
  );
  const { onTextErrors } = props;
  useEffect(() => onTextErrors(errors), [errors, onTextErrors]);

  useEffect(() => {
    const f = pendingFocus.current;
    if (!f) return;
    pendingFocus.current = null;
    box.current?.querySelector<HTMLInputElement>(`[data-cell="${f.row}:${f.col}"]`)?.focus();
  });

  const setBallots = (next: BallotEntry[]) => props.onChange(active === 1 ? { ...state, first: next } : { ...state, second: next });
  const setBallot = (row: number, patch: Partial<BallotEntry>) => setBallots(ballots.map((b, i) => (i === row ? { ...b, ...patch } : b)));

  function typeMarks(row: number, s: BallotSectionPlan, text: string) {
    const parsed = parseMarksText(text, s.candidates, s.marking);
    setTexts((t) => ({ ...t, [cellKey(active, row, s.id)]: { text, error: parsed.ok ? null : parsed.message } }));
    if (!parsed.ok) return;
    const marks = { ...ballots[row]!.marks };
    const empty = Array.isArray(parsed.marks) ? parsed.marks.length === 0 : Object.keys(parsed.marks).length === 0;
    if (empty) delete marks[s.id];
    else marks[s.id] = parsed.marks;
    setBallot(row, { marks });
  }

  function addBallot(col = 0) {
    pendingFocus.current = { row: ballots.length, col };
    setBallots([...ballots, { marks: {} }]);
  }

  function removeBallot(row: number) {
    // The typed texts are keyed by row: the rows below move up.
    setTexts((t) => Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith(`${active}:`))));
    setBallots(ballots.filter((_, i) => i !== row));
  }

  function onKey(e: React.KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (row + 1 < ballots.length) pendingFocus.current = { row: row + 1, col };
      // Enter on an empty last ballot adds no other: a blank ballot is added on purpose ("Thêm phiếu").
      else if (e.key === 'Enter' && !isBlank(ballots[row]!)) return addBallot(col);
      else return;
      setFocus({ row: row + 1, col });
    } else if (e.key === 'ArrowUp' && row > 0) {
      e.preventDefault();
      pendingFocus.current = { row: row - 1, col };
      setFocus({ row: row - 1, col });
    }
  }

  const legends = useMemo(() => {
    const byList = new Map<string, { titles: string[]; candidates: string[] }>();
    for (const s of sections) {
      const k = s.candidates.join('|');
      const g = byList.get(k) ?? { titles: [], candidates: s.candidates };
      g.titles.push(s.title);
      byList.set(k, g);
    }
    return [...byList.values()];
  }, [sections]);

  const focused = focus && ballots[focus.row] ? focus.row : null;
  const by = active === 1 ? state.firstBy : state.secondBy;

  return (
    <div className="ballot-entry" ref={box} data-testid="ballot-entry">
      <div className="ballot-entry-bar">
        <div className="section-tabs" role="tablist" aria-label="Lần nhập phiếu">
          {([1, 2] as const).map((n) => (
            <button
              key={n}
              type="button"
              role="tab"
              aria-selected={active === n}
              className={active === n ? 'btn btn-tab active' : 'btn btn-tab'}
              onClick={() => (setActive(n), setFocus(null))}
            >
              Lần nhập {n} ({(n === 1 ? state.first : state.second).length} phiếu)
            </button>
          ))}
        </div>
        <label>
          Người nhập lần {active}
          <input
            value={by}
            onChange={(e) => props.onChange(active === 1 ? { ...state, firstBy: e.target.value } : { ...state, secondBy: e.target.value })}
            aria-label={`Người nhập lần ${active}`}
            placeholder="Họ tên"
          />
        </label>
        <span className="muted" data-testid="ballots-saved" aria-live="polite">
          {props.saveStatus}
        </span>
      </div>
      <p className="muted ballot-help">
        Gõ số thứ tự trên phiếu của các đơn vị được đánh dấu, cách nhau bởi dấu cách (ví dụ: 1 4). Mục «Đồng ý / Không đồng ý»: số của đơn vị «Không đồng ý» có dấu trừ (ví dụ: 1 2 -3). Enter: sang phiếu sau; ↑ ↓: lên, xuống.
      </p>
      {legends.map((g) => (
        <p key={g.titles.join('|')} className="ballot-legend">
          {legends.length > 1 && <strong>{g.titles.join(', ')}: </strong>}
          {g.candidates.map((c, i) => (
            <span key={c}>
              <b>{i + 1}</b> {name(c)}
            </span>
          ))}
        </p>
      ))}
      <div className="ballot-grid-scroll">
        <table className="data-table compact ballot-grid">
          <colgroup>
            <col className="no" />
            {sections.map((s) => (
              <col key={s.id} />
            ))}
            <col className="flag" />
            <col className="reason" />
            <col className="status" />
            <col className="remove" />
          </colgroup>
          <thead>
            <tr>
              <th>Phiếu</th>
              {sections.map((s) => (
                <th key={s.id} className={s.id === props.current ? 'current' : undefined} title={`${s.title}: ${s.instruction}`}>
                  {s.title}
                  <span className="muted"> (≤ {s.maxMarks}{s.marking === 'approve' ? ', Đồng ý/Không' : ''})</span>
                </th>
              ))}
              <th>Không dấu</th>
              <th>Lý do khác</th>
              <th>Tình trạng</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ballots.map((b, row) => {
              const status = ballotStatus(b, sections, props.invalidScope);
              return (
                <tr key={row} className={focused === row ? 'focused' : undefined}>
                  <td>{row + 1}</td>
                  {sections.map((s, col) => {
                    const typed = texts[cellKey(active, row, s.id)];
                    const text = typed?.text ?? marksText(b.marks[s.id], s.candidates);
                    return (
                      <td key={s.id} className={s.id === props.current ? 'current' : undefined}>
                        <input
                          data-cell={`${row}:${col}`}
                          value={text}
                          onChange={(e) => typeMarks(row, s, e.target.value)}
                          onKeyDown={(e) => onKey(e, row, col)}
                          onFocus={(e) => (setFocus({ row, col }), e.currentTarget.select())}
                          aria-label={`Phiếu ${row + 1}, ${s.title}`}
                          aria-invalid={typed?.error ? true : undefined}
                          title={typed?.error ?? marksWords(b.marks[s.id], names)}
                          inputMode="numeric"
                          autoComplete="off"
                        />
                      </td>
                    );
                  })}
                  <td className="center">
                    <input type="checkbox" checked={!!b.unstamped} onChange={(e) => setBallot(row, { unstamped: e.target.checked || undefined })} aria-label={`Phiếu ${row + 1} không có dấu`} />
                  </td>
                  <td>
                    <input value={b.invalidReason ?? ''} onChange={(e) => setBallot(row, { invalidReason: e.target.value || undefined })} aria-label={`Lý do phiếu ${row + 1} không hợp lệ`} />
                  </td>
                  <td className={status.valid ? 'status muted' : 'status warning-text'} data-testid={`ballot-status-${row + 1}`}>
                    {status.text}
                  </td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => removeBallot(row)} aria-label={`Xoá phiếu ${row + 1}`}>
                      Xoá
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => addBallot()}>
          Thêm phiếu
        </button>
        {focused !== null && (
          <span className="muted" data-testid="ballot-words">
            Phiếu {focused + 1}: {sections.map((s) => `${s.title}: ${marksWords(ballots[focused]!.marks[s.id], names)}`).join('. ')}.
          </span>
        )}
      </div>
      {errors.length > 0 && (
        <div className="error-list" role="alert" data-testid="ballot-text-errors">
          <ul>
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {state.second.length > 0 &&
        (props.differences.length > 0 ? (
          <div className="error-list" role="alert" data-testid="entry-differences">
            <strong>
              Hai lần nhập khác nhau ({props.differences.length}): sửa lần nhập sai cho khớp với phiếu giấy trước khi chấp nhận kết quả.
            </strong>
            <ul>
              {props.differences.map((d) => (
                <li key={`${d.index}:${d.kind}:${d.section ?? ''}:${d.unit ?? ''}`}>{d.message}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="quorum-ok" data-testid="entry-agree">
            Hai lần nhập khớp nhau ({state.first.length} phiếu{state.firstBy || state.secondBy ? `; ${state.firstBy || '…'} và ${state.secondBy || '…'}` : ''}).
          </p>
        ))}
      {round > 1 && <p className="muted">Phiếu bầu lần thứ {round}.</p>}
    </div>
  );
}
