/**
 * The verification grid (thẩm định): units down the side, criteria across under their group, each
 * cell the unit's self score and the verified score. Keyboard first: the active cell holds the
 * input; Enter / Tab / the arrow keys commit and move (grid-model.ts moveFrom); "8,5" is read by the
 * one number rule and checked by the importer's range rule (readCellInput). An empty verified score
 * means "as self-assessed". A value away from the self score asks for a reason (askReason) before
 * onChange is called. Accept one cell, the cell's group or the whole unit through onAccept.
 *
 * Only the rows and columns on screen are rendered (visibleRange), so 60 units × 200 criteria draw
 * a few hundred cells. The component keeps no scores of its own: the screen passes them in and
 * writes what onChange / onAccept report.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import { groupCapNotice } from '../../../../shared/domain/score-value';
import type { Criterion } from '../../../../shared/model/records';
import {
  cellState,
  cellText,
  gridLayout,
  groupsInView,
  isChange,
  moveFrom,
  needsReason,
  readCellInput,
  scoreKey,
  scoresByKey,
  scrollToShow,
  visibleRange,
  type AcceptScope,
  type CellPos,
  type GridScore,
  type GridTable,
  type GridUnit,
} from './grid-model';
import './verification.css';

export type { AcceptScope, GridScore, GridTable, GridUnit } from './grid-model';

/** What the grid asks the screen before a verified score away from the self score is stored. */
export interface ReasonRequest {
  unit: GridUnit;
  criterion: Criterion;
  self: number | null;
  /** The verified score stored now (null: not verified yet). */
  previous: number | null;
  /** The new verified score. */
  value: number;
}

export interface VerificationGridProps {
  table: GridTable;
  /** Units in the year's order. */
  units: readonly GridUnit[];
  scores: readonly GridScore[];
  /** A verified score typed in a cell (null: back to "as self-assessed"), with the reason when it differs from the self score. */
  onChange: (unitId: string, code: string, value: number | null, reason: string) => void | Promise<void>;
  /** Accept one cell, a group or a whole unit: its criteria not verified yet take the self score. */
  onAccept: (scope: AcceptScope) => void;
  /** Asks the reason for a change away from the self score; null when the user cancels. */
  askReason: (request: ReasonRequest) => Promise<string | null>;
  /** Units whose scores are locked: shown, not editable. */
  lockedUnitIds?: ReadonlySet<string>;
  readOnly?: boolean;
  /** CSS height of the scrolling area (default 70vh). */
  height?: string;
  /** The grid's accessible name. */
  label?: string;
}

const ROW_H = 40;
const COL_W = 70;
const NAME_W = 230;
const GROUP_H = 26;
const CRIT_H = 30;
const HEAD_H = GROUP_H + CRIT_H;
/** Assumed viewport before it is measured: the first paint already shows cells. */
const FIRST_VIEW = { width: 1200, height: 560 };

type Message = { kind: 'error' | 'warning' | 'info'; text: string } | null;

export function VerificationGrid(props: VerificationGridProps) {
  const { table, units, scores, onChange, onAccept, askReason, lockedUnitIds, readOnly } = props;
  const layout = useMemo(() => gridLayout(table), [table]);
  const byKey = useMemo(() => scoresByKey(scores), [scores]);
  const rows = units.length;
  const cols = layout.columns.length;

  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [view, setView] = useState(FIRST_VIEW);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [active, setActive] = useState<CellPos>({ row: 0, col: 0 });
  const [draft, setDraftText] = useState<string | null>(null);
  /**
   * The draft with the cell it was typed in, read by commit at the time it runs: a blur or a click
   * handled by an older render must neither store a value already stored nor store it in another cell.
   */
  const draftRef = useRef<{ unitId: string; code: string; text: string } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [focusWanted, setFocusWanted] = useState(false);
  /** Edit mode: the arrow keys move the caret inside the value instead of moving to another cell. */
  const [caretMode, setCaretMode] = useState(false);

  // Keep the active cell inside the grid when units or criteria change.
  const pos = { row: Math.min(active.row, Math.max(0, rows - 1)), col: Math.min(active.col, Math.max(0, cols - 1)) };
  const unit = units[pos.row];
  const column = layout.columns[pos.col];
  const score = unit && column ? byKey.get(scoreKey(unit.id, column.criterion.code)) : undefined;
  const locked = readOnly || (unit ? (lockedUnitIds?.has(unit.id) ?? false) : true);
  const cellRef = useRef({ unitId: '', code: '' });
  cellRef.current = { unitId: unit?.id ?? '', code: column?.criterion.code ?? '' };

  const setDraft = useCallback((text: string | null) => {
    const { unitId, code } = cellRef.current;
    draftRef.current = text === null || !unitId ? null : { unitId, code, text };
    setDraftText(text);
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const frame = useRef(0);
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScroll((s) => (s.top === el.scrollTop && s.left === el.scrollLeft ? s : { top: el.scrollTop, left: el.scrollLeft })));
  }, []);

  const rowRange = visibleRange(scroll.top, view.height - HEAD_H, ROW_H, rows, 3);
  const colRange = visibleRange(scroll.left, view.width - NAME_W, COL_W, cols, 2);

  /** Scrolls so that a cell is fully visible beside the sticky unit column and below the header. */
  const reveal = useCallback(
    (p: CellPos) => {
      const el = scroller.current;
      if (!el) return;
      const top = scrollToShow(el.scrollTop, el.clientHeight - HEAD_H, ROW_H, p.row);
      const left = scrollToShow(el.scrollLeft, el.clientWidth - NAME_W, COL_W, p.col);
      if (top !== el.scrollTop) el.scrollTop = top;
      if (left !== el.scrollLeft) el.scrollLeft = left;
      setScroll({ top, left });
    },
    [],
  );

  // The active cell's input takes the focus (and all its text) whenever the grid moves to it.
  useEffect(() => {
    if (!focusWanted) return;
    setFocusWanted(false);
    const el = input.current;
    if (el) {
      el.focus({ preventScroll: true });
      el.select();
    }
  }, [focusWanted, pos.row, pos.col]);

  const go = useCallback(
    (p: CellPos) => {
      setActive(p);
      setDraft(null);
      setCaretMode(false);
      reveal(p);
      setFocusWanted(true);
    },
    [reveal],
  );

  // What commit reads when it runs (it runs after awaits, when this render's values may be old).
  const latest = useRef({ units, layout, byKey, lockedUnitIds, readOnly, askReason, onChange });
  latest.current = { units, layout, byKey, lockedUnitIds, readOnly, askReason, onChange };

  /** Stores the draft in the cell it was typed in; false when it cannot be stored (the cell stays). */
  const commit = useCallback(async (): Promise<boolean> => {
    const d = draftRef.current;
    if (!d) return true;
    const now = latest.current;
    const unit = now.units.find((u) => u.id === d.unitId);
    const column = now.layout.columns.find((c) => c.criterion.code === d.code);
    // Only the draft this call started with is cleared: the user may have typed again meanwhile.
    const drop = () => {
      if (draftRef.current === d) setDraft(null);
    };
    if (!unit || !column) {
      drop();
      return true;
    }
    if (now.readOnly || (now.lockedUnitIds?.has(unit.id) ?? false)) {
      drop();
      setMessage({ kind: 'error', text: `${unit.name}: điểm đã khóa, không sửa được.` });
      return false;
    }
    const read = readCellInput(d.text, column);
    const where = `${unit.name}, tiêu chí ${column.criterion.code}`;
    if (read.kind === 'invalid') {
      setMessage({ kind: 'error', text: `${where}: ${read.message}` });
      return false;
    }
    const score = now.byKey.get(scoreKey(unit.id, column.criterion.code));
    const next = read.kind === 'value' ? read.value : null;
    const stored = score?.verified ?? null;
    const self = score?.self ?? null;
    const warning: Message = read.kind === 'value' && read.warning ? { kind: 'warning', text: `${where}: ${read.warning}` } : null;
    if (!isChange(stored, next)) {
      drop();
      setMessage(warning);
      return true;
    }
    busy.current = true;
    try {
      let reason = '';
      if (needsReason(self, next)) {
        const asked = await now.askReason({ unit, criterion: column.criterion, self, previous: stored, value: next! });
        if (asked === null || !asked.trim()) {
          drop();
          setMessage({ kind: 'info', text: `${where}: chưa đổi điểm (cần nêu lý do khi điểm thẩm định khác điểm tự chấm).` });
          setFocusWanted(true);
          return false;
        }
        reason = asked.trim();
      }
      await now.onChange(unit.id, column.criterion.code, next, reason);
      drop();
      setMessage(warning);
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error && err.message ? err.message : `${where}: không lưu được điểm.` });
      return false;
    } finally {
      busy.current = false;
    }
  }, [setDraft]);

  /** The store in flight: a click meanwhile goes to its cell once the value is stored (never dropped, never stored twice). */
  const inflight = useRef<Promise<boolean> | null>(null);
  const commitOnce = useCallback((): Promise<boolean> => {
    if (inflight.current) return inflight.current;
    const run = commit().finally(() => {
      if (inflight.current === run) inflight.current = null;
    });
    inflight.current = run;
    return run;
  }, [commit]);
  const commitAndGo = useCallback(
    async (p: CellPos | null) => {
      if ((await commitOnce()) && p) go(p);
    },
    [commitOnce, go],
  );

  const accept = useCallback(
    (kind: AcceptScope['kind']) => {
      if (!unit || !column || locked) return;
      const scope: AcceptScope =
        kind === 'cell' ? { kind, unitId: unit.id, code: column.criterion.code } : kind === 'group' ? { kind, unitId: unit.id, groupCode: column.group.code } : { kind, unitId: unit.id };
      setDraft(null);
      setMessage(null);
      onAccept(scope);
      setFocusWanted(true);
    },
    [unit, column, locked, onAccept],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const press = { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey || e.metaKey };
    if (e.key === 'Escape') {
      if (draft !== null) {
        e.preventDefault();
        setDraft(null);
        setMessage(null);
        requestAnimationFrame(() => el.select());
      }
      return;
    }
    if (e.key === 'Enter' && press.ctrl) {
      e.preventDefault();
      accept('cell');
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      setCaretMode(true);
      setDraft(el.value);
      // At once, not on the next frame: an arrow key typed right after F2 must move from the end.
      const end = el.value.length;
      el.setSelectionRange(end, end);
      return;
    }
    // In edit mode (F2, or a click inside the focused input) the left/right keys and Home/End move the caret, as in a spreadsheet.
    if (caretMode && !press.ctrl && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const next = moveFrom(pos, press, { rows, cols, pageRows: Math.max(1, Math.floor((view.height - HEAD_H) / ROW_H) - 1) });
    const handled = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key) || (e.key === 'Tab' && next !== null);
    if (!handled) return;
    e.preventDefault();
    void commitAndGo(next);
  };

  const totalW = NAME_W + cols * COL_W;
  const rowIndexes = withActive(rowRange.start, rowRange.end, pos.row);
  const colIndexes = withActive(colRange.start, colRange.end, pos.col);
  const groups = groupsInView(layout.groups, colRange.start, colRange.end);

  const capNotice = useMemo(() => {
    if (!unit || !column || column.group.cap === undefined) return null;
    const sum = column.group.criteria.reduce((t, c) => {
      const s = byKey.get(scoreKey(unit.id, c.code));
      return t + Math.max(0, s?.verified ?? s?.self ?? 0);
    }, 0);
    return groupCapNotice(column.group, sum);
  }, [unit, column, byKey]);

  if (rows === 0 || cols === 0) {
    return <p className="muted">{rows === 0 ? 'Năm này chưa có đơn vị thành viên để thẩm định.' : 'Bảng chấm điểm chưa có tiêu chí nào.'}</p>;
  }

  return (
    <div className="vgrid">
      <div className="vgrid-toolbar" role="toolbar" aria-label="Chấp nhận điểm tự chấm">
        <button type="button" onClick={() => accept('cell')} disabled={locked}>
          Chấp nhận ô
        </button>
        <button type="button" onClick={() => accept('group')} disabled={locked}>
          Chấp nhận nhóm {column?.group.code}
        </button>
        <button type="button" onClick={() => accept('unit')} disabled={locked}>
          Chấp nhận cả đơn vị
        </button>
        <span className="vgrid-hint">Enter, Tab, phím mũi tên: chuyển ô · Esc: bỏ sửa · Ctrl+Enter: chấp nhận ô · để trống: giữ điểm tự chấm</span>
      </div>
      <div className="vgrid-info" aria-live="polite">
        {unit && column && (
          <>
            <strong>{unit.name}</strong> · <strong>{column.criterion.code}</strong>. {column.criterion.title} · tối đa {cellText(column.criterion.max)} điểm · Tự chấm:{' '}
            <strong>{score?.self === null || score?.self === undefined ? 'chưa chấm' : cellText(score.self)}</strong> · Thẩm định:{' '}
            <strong>{score?.verified === null || score?.verified === undefined ? 'theo điểm tự chấm' : cellText(score.verified)}</strong>
            {locked && !readOnly && <span className="vgrid-locked"> · đã khóa</span>}
            {score?.note?.trim() && <div className="vgrid-note">Ghi chú của đơn vị: {score.note}</div>}
            {capNotice && <div className="vgrid-cap">{capNotice}</div>}
          </>
        )}
      </div>
      {message && (
        <div className={`vgrid-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
      <div
        ref={scroller}
        className="vgrid-scroller"
        style={{ height: props.height ?? '70vh' }}
        onScroll={onScroll}
        role="grid"
        aria-label={props.label ?? 'Bảng thẩm định điểm'}
        aria-rowcount={rows + 2}
        aria-colcount={cols + 1}
      >
        <div className="vgrid-sizer" style={{ width: totalW, height: HEAD_H + rows * ROW_H }}>
          <div className="vgrid-head" role="row" aria-rowindex={1} style={{ width: totalW, height: HEAD_H }}>
            <div className="vgrid-corner" role="columnheader" aria-colindex={1} style={{ width: NAME_W, height: HEAD_H }}>
              Đơn vị
            </div>
            {groups.map((g) => (
              <div
                key={`g-${g.code}-${g.start}`}
                className="vgrid-group"
                // The whole group's width; its title starts where the group becomes visible beside the unit column.
                style={{ left: NAME_W + g.start * COL_W, width: g.count * COL_W, height: GROUP_H, paddingLeft: 6 + Math.max(0, scroll.left - g.start * COL_W) }}
                title={`${g.code}. ${g.title}`}
              >
                {g.code}. {g.title}
              </div>
            ))}
            {colIndexes.map((c) => {
              const col = layout.columns[c]!;
              return (
                <div
                  key={`c-${c}`}
                  role="columnheader"
                  aria-colindex={c + 2}
                  className={`vgrid-crit${c === pos.col ? ' active' : ''}${col.contribution !== 'add' ? ` ${col.contribution}` : ''}`}
                  style={{ left: NAME_W + c * COL_W, top: GROUP_H, width: COL_W, height: CRIT_H }}
                  title={`${col.criterion.code}. ${col.criterion.title} (tối đa ${cellText(col.criterion.max)} điểm)`}
                >
                  {col.criterion.code}
                  <small>/{cellText(col.criterion.max)}</small>
                </div>
              );
            })}
          </div>
          <div className="vgrid-body" style={{ width: totalW, height: rows * ROW_H }}>
            {rowIndexes.map((r) => {
              const u = units[r]!;
              const rowLocked = readOnly || (lockedUnitIds?.has(u.id) ?? false);
              return (
                <div key={u.id} role="row" aria-rowindex={r + 3} className={`vgrid-row${r === pos.row ? ' active' : ''}`} style={{ top: r * ROW_H, width: totalW, height: ROW_H }}>
                  <div role="rowheader" aria-colindex={1} className="vgrid-unit" style={{ width: NAME_W, height: ROW_H }} title={`${u.code} · ${u.name}`}>
                    <span className="vgrid-unit-code">{u.code}</span> {u.name}
                  </div>
                  {colIndexes.map((c) => {
                    const col = layout.columns[c]!;
                    const s = byKey.get(scoreKey(u.id, col.criterion.code));
                    const isActive = r === pos.row && c === pos.col;
                    const state = cellState(s);
                    return (
                      <div
                        key={c}
                        role="gridcell"
                        aria-colindex={c + 2}
                        aria-selected={isActive}
                        className={`vgrid-cell ${state}${isActive ? ' active' : ''}${rowLocked ? ' locked' : ''}`}
                        style={{ left: NAME_W + c * COL_W, width: COL_W, height: ROW_H }}
                        onMouseDown={(e) => {
                          if (isActive) {
                            // A first click selects the value (typing replaces it); a click in the focused input edits inside it.
                            if (document.activeElement === input.current) setCaretMode(true);
                            else {
                              e.preventDefault();
                              input.current?.focus();
                              input.current?.select();
                            }
                            return;
                          }
                          e.preventDefault();
                          void commitAndGo({ row: r, col: c });
                        }}
                      >
                        <span className="vgrid-self" title="Điểm tự chấm">
                          {s?.self === null || s?.self === undefined ? '–' : cellText(s.self)}
                        </span>
                        {isActive ? (
                          <input
                            ref={input}
                            className="vgrid-input"
                            type="text"
                            inputMode="decimal"
                            aria-label={`Điểm thẩm định của ${u.name}, tiêu chí ${col.criterion.code}`}
                            aria-invalid={message?.kind === 'error' ? true : undefined}
                            readOnly={rowLocked}
                            value={draft ?? cellText(s?.verified)}
                            placeholder={s?.self === null || s?.self === undefined ? '' : cellText(s.self)}
                            onChange={(e) => {
                              setDraft(e.target.value);
                              if (message?.kind === 'error') setMessage(null);
                            }}
                            onKeyDown={onKeyDown}
                            onBlur={(e) => {
                              // Leaving the grid keeps what was typed: it is stored (or refused with its message).
                              if (!busy.current && draftRef.current !== null && !e.currentTarget.closest('.vgrid')?.contains(e.relatedTarget as Node | null)) void commitOnce();
                            }}
                          />
                        ) : (
                          <span className="vgrid-verified">{cellText(s?.verified)}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The indexes start..end, plus `active` when it lies outside (its input must stay mounted). */
function withActive(start: number, end: number, active: number): number[] {
  const out: number[] = [];
  for (let i = start; i <= end; i++) out.push(i);
  if (active < start) out.unshift(active);
  else if (active > end) out.push(active);
  return out;
}
