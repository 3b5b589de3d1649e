/**
 * Thẩm định of the selected year: the grid of every unit × criterion (self score, verified score),
 * a unit's own view (criteria with self, verified, the unit's note, explanations and history), its
 * status, lock and eligibility, and the year's lock. Every write goes through db/repo-verification.ts
 * (one transaction, audited); the reasons are asked in a dialog.
 */
import { useMemo, useState } from 'react';
import { UNIT_STAGE_LABELS, awaitingExplanations, scoreChangeRefusal, stageCounts, unitStage } from '../../../../shared/domain/verification';
import { tableCriteria } from '../../../../shared/domain/scoring';
import type { Explanation, UnitReview } from '../../../../shared/model/records';
import { parseDateVi } from '../../../../shared/text/date-vi';
import { formatDateTimeVi, formatDateVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { api, toApiError } from '../../api';
import { useBackups } from '../../app/backups/BackupsProvider';
import type { ApiError } from '../../../../shared/api/contract';
import { readBlocData } from '../../db/repo-package';
import {
  acceptSelfScores,
  decideExplanation,
  lockUnit,
  lockYear,
  recordExplanation,
  setEligibility,
  setUnitStatus,
  setVerifiedScore,
  unlockUnit,
  unlockYear,
} from '../../db/repo-verification';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { gridLayout } from './grid-model';
import { useAskFields } from './ReasonDialog';
import { VerificationGrid, type AcceptScope, type ReasonRequest } from './VerificationGrid';
import { ActorField } from './ActorField';
import { useActor, useVerificationData } from './verification-data';
import './verification.css';

type Tab = 'grid' | 'unit';
const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumberVi(v));
const shownValue = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumberVi(v) : typeof v === 'boolean' ? (v ? 'có' : 'không') : String(v));

const ACTION_LABELS: Record<string, string> = {
  verify: 'Điểm thẩm định',
  accept: 'Chấp nhận điểm tự chấm',
  restore: 'Trả lại điểm tự chấm',
  explanation: 'Giải trình',
  'explanation-decision': 'Quyết định về giải trình',
  status: 'Trạng thái',
  lock: 'Khóa',
  unlock: 'Mở khóa (phúc tra)',
  eligibility: 'Đủ điều kiện khen thưởng',
};

export function VerificationSection() {
  const d = useVerificationData();
  const notice = useNotice();
  const { backupNow } = useBackups();
  const actor = useActor();
  const by = actor.by;
  const [tab, setTab] = useState<Tab>('grid');
  const [unitId, setUnitId] = useState<string>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [ask, dialog] = useAskFields();

  const k = d.blocId && d.year ? { blocId: d.blocId, year: d.year } : null;
  const layout = useMemo(() => (d.table ? gridLayout(d.table) : null), [d.table]);
  const reviewsByUnit = useMemo(() => new Map((d.reviews ?? []).map((r) => [r.unitId, r])), [d.reviews]);
  const lockedUnitIds = useMemo(() => new Set((d.reviews ?? []).filter((r) => r.status === 'locked').map((r) => r.unitId)), [d.reviews]);

  if (!k) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (d.loading || !actor.ready) return <p className="muted">Đang tải dữ liệu thẩm định…</p>;
  const members = d.members ?? [];
  const scores = d.scores ?? [];
  const explanations = d.explanations ?? [];
  const yearLocked = !!d.yearReview?.lockedAt;
  const criteriaCount = d.table ? tableCriteria(d.table).length : 0;
  const stageOf = (id: string) => unitStage(scores.filter((s) => s.unitId === id), criteriaCount, reviewsByUnit.get(id));
  const counts = stageCounts(members.map((u) => stageOf(u.id)));
  const awaiting = awaitingExplanations(scores, explanations);

  const act = async (what: () => Promise<unknown>, done?: string) => {
    try {
      setError(null);
      await what();
      if (done) notice.notify('success', done);
    } catch (err) {
      setError(toApiError(err));
    }
  };

  const askReason = async (r: ReasonRequest): Promise<string | null> => {
    const v = await ask({
      title: 'Lý do thay đổi điểm',
      intro: (
        <p>
          {r.unit.name}, tiêu chí {r.criterion.code}: điểm tự chấm {n(r.self)} → điểm thẩm định <strong>{n(r.value)}</strong>.
        </p>
      ),
      fields: [{ name: 'reason', label: 'Lý do', multiline: true, required: 'Cần ghi lý do khi điểm thẩm định khác điểm tự chấm.' }],
      confirm: 'Lưu điểm',
    });
    return v ? v.reason!.trim() : null;
  };

  // Refusals (a lock, a missing reason) are shown by the grid at the cell.
  const onChange = async (uid: string, code: string, value: number | null, reason: string) => {
    await setVerifiedScore(k, uid, code, value, reason, by);
  };
  const onAccept = (scope: AcceptScope) => {
    if (!layout) return;
    const codes = layout.columns
      .filter((c) => (scope.kind === 'cell' ? c.criterion.code === scope.code : scope.kind === 'group' ? c.group.code === scope.groupCode : true))
      .map((c) => c.criterion.code);
    void act(async () => {
      const changed = await acceptSelfScores(k, codes.map((code) => ({ unitId: scope.unitId, code })), by);
      notice.notify('success', changed > 0 ? `Đã chấp nhận ${changed} điểm tự chấm.` : 'Không có điểm nào chờ chấp nhận.');
    });
  };

  const takeBackup = (reason: 'after-lock' | 'before-unlock') => {
    // Fire and forget: a failed backup is shown, it does not undo the lock. Read off the window (the bloc worker).
    void backupNow(k.blocId, reason).then((r) => {
      if (!r.ok) notice.notify('error', `Chưa sao lưu được: ${r.error.message}`);
    });
  };

  const toggleYearLock = async () => {
    if (!yearLocked) {
      await act(() => lockYear(k, by), `Đã khóa kết quả chấm điểm năm ${k.year}.`);
      takeBackup('after-lock');
      return;
    }
    const v = await ask({
      title: `Mở khóa kết quả năm ${k.year} (phúc tra)`,
      fields: [{ name: 'reason', label: 'Lý do mở khóa', multiline: true, required: 'Cần ghi lý do mở khóa.' }],
      confirm: 'Mở khóa',
    });
    if (!v) return;
    takeBackup('before-unlock');
    await act(() => unlockYear(k, v.reason!, by), `Đã mở khóa kết quả năm ${k.year}.`);
  };

  const exportXlsx = (channel: 'assessment.verificationAuditXlsx' | 'assessment.verificationMatrixXlsx', name: string) =>
    act(async () => {
      const r = await api.invoke(channel, { data: await readBlocData(k.blocId), year: k.year });
      if (!r.ok) return setError(r.error);
      const saved = await api.invoke('file.save', { bytes: r.value as Uint8Array<ArrayBuffer>, suggestedName: name, folder: 'export' });
      if (!saved.ok) return setError(saved.error);
      if (saved.value) notice.notify('success', `Đã lưu: ${saved.value.path}`);
    });

  const unit = members.find((u) => u.id === unitId) ?? members[0];

  return (
    <section className="screen verification-section" aria-labelledby="verification-heading" data-testid="verification-section">
      <header className="screen-header no-print">
        <div>
          <h1 id="verification-heading">Thẩm định kết quả tự chấm năm {k.year}</h1>
          <p className="muted">
            {d.table ? `Theo ${d.table.title} (phiên bản ${d.table.version}).` : 'Năm này chưa có bảng chấm điểm.'} {yearLocked && <strong>Kết quả năm đã khóa.</strong>}
          </p>
        </div>
        <div className="toolbar">
          <ActorField k={k} by={by} setBy={actor.setBy} secretary={actor.secretary} team={d.yearReview?.team ?? []} />
          <button type="button" className="btn" onClick={() => void exportXlsx('assessment.verificationMatrixXlsx', `Tong-hop-tham-dinh-${k.year}.xlsx`)}>
            Xuất bảng tổng hợp (Excel)
          </button>
          <button type="button" className="btn" onClick={() => void exportXlsx('assessment.verificationAuditXlsx', `Lich-su-tham-dinh-${k.year}.xlsx`)}>
            Xuất lịch sử (Excel)
          </button>
          <button type="button" className={yearLocked ? 'btn' : 'btn btn-primary'} onClick={() => void toggleYearLock()}>
            {yearLocked ? 'Mở khóa năm' : 'Khóa kết quả năm'}
          </button>
        </div>
      </header>
      <p className="verification-progress" aria-label="Tiến độ thẩm định">
        {Object.entries(counts).map(([stage, count]) => (
          <span key={stage} className="badge">
            {UNIT_STAGE_LABELS[stage as keyof typeof counts]}: {count}
          </span>
        ))}
        <span className="badge">Điểm thay đổi chờ giải trình: {awaiting.length}</span>
      </p>
      <ErrorBox error={error} />
      <div role="tablist" className="tabs no-print">
        <button type="button" role="tab" aria-selected={tab === 'grid'} className={tab === 'grid' ? 'tab active' : 'tab'} onClick={() => setTab('grid')}>
          Bảng thẩm định
        </button>
        <button type="button" role="tab" aria-selected={tab === 'unit'} className={tab === 'unit' ? 'tab active' : 'tab'} onClick={() => setTab('unit')}>
          Theo đơn vị
        </button>
      </div>
      {!d.table && <p className="warning-box">Chưa có bảng chấm điểm cho năm {k.year}.</p>}
      {d.table && tab === 'grid' && (
        <VerificationGrid
          table={d.table}
          units={members}
          scores={scores}
          onChange={onChange}
          onAccept={onAccept}
          askReason={askReason}
          lockedUnitIds={lockedUnitIds}
          readOnly={yearLocked}
          height="calc(100vh - 300px)"
          label={`Bảng thẩm định năm ${k.year}`}
        />
      )}
      {d.table && tab === 'unit' && unit && (
        <UnitView
          key={unit.id}
          unitId={unit.id}
          onPick={setUnitId}
          members={members}
          review={reviewsByUnit.get(unit.id)}
          stage={stageOf(unit.id)}
          explanations={explanations.filter((e) => e.unitId === unit.id)}
          scores={scores.filter((s) => s.unitId === unit.id)}
          table={d.table}
          refusal={scoreChangeRefusal(unit.name, k.year, reviewsByUnit.get(unit.id), d.yearReview ?? undefined)}
          yearLocked={yearLocked}
          ask={ask}
          act={act}
          onError={setError}
          k={k}
          by={by}
        />
      )}
      {dialog}
    </section>
  );
}

interface UnitViewProps {
  unitId: string;
  onPick: (id: string) => void;
  members: { id: string; code: string; name: string }[];
  review: UnitReview | undefined;
  stage: keyof typeof UNIT_STAGE_LABELS;
  explanations: Explanation[];
  scores: import('../../../../shared/model/records').Score[];
  table: import('../../../../shared/model/records').ScoringTable;
  refusal: string | null;
  yearLocked: boolean;
  ask: ReturnType<typeof useAskFields>[0];
  act: (what: () => Promise<unknown>, done?: string) => Promise<void>;
  onError: (e: ApiError) => void;
  k: { blocId: string; year: number };
  by: string;
}

function UnitView({ unitId, onPick, members, review, stage, explanations, scores, table, refusal, yearLocked, ask, act, onError, k, by }: UnitViewProps) {
  const unit = members.find((u) => u.id === unitId)!;
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const locked = stage === 'locked';

  const explain = async (code: string) => {
    const v = await ask({
      title: `Giải trình của ${unit.name}, tiêu chí ${code}`,
      fields: [
        { name: 'text', label: 'Nội dung giải trình', multiline: true, required: 'Cần nhập nội dung giải trình.' },
        { name: 'date', label: 'Ngày văn bản (ngày/tháng/năm)', required: 'Cần nhập ngày của văn bản giải trình.', placeholder: 'dd/mm/yyyy' },
        { name: 'documentNumber', label: 'Số văn bản' },
      ],
      confirm: 'Lưu giải trình',
    });
    if (!v) return;
    const date = parseDateVi(v.date!);
    if (!date.ok) {
      onError({ code: 'date', message: `Giải trình tiêu chí ${code}, ngày văn bản: ${date.message}` });
      return;
    }
    await act(() => recordExplanation(k, unitId, code, { text: v.text!, date: date.iso, documentNumber: v.documentNumber ?? '' }, by), 'Đã ghi giải trình.');
  };

  const decide = async (e: Explanation, outcome: 'kept' | 'restored') => {
    const v = await ask({
      title: outcome === 'kept' ? `Giữ điểm thẩm định tiêu chí ${e.code}` : `Trả lại điểm tự chấm tiêu chí ${e.code}`,
      fields: [{ name: 'reason', label: 'Lý do', multiline: true, required: 'Cần ghi lý do.' }],
      confirm: outcome === 'kept' ? 'Giữ điểm thẩm định' : 'Trả lại điểm tự chấm',
    });
    if (v) await act(() => decideExplanation(k, e.id, outcome, v.reason!, by), 'Đã ghi quyết định về giải trình.');
  };

  const unlock = async () => {
    const v = await ask({
      title: `Mở khóa ${unit.name} (phúc tra)`,
      fields: [{ name: 'reason', label: 'Lý do mở khóa', multiline: true, required: 'Cần ghi lý do mở khóa.' }],
      confirm: 'Mở khóa',
    });
    if (v) await act(() => unlockUnit(k, unitId, v.reason!, by), `Đã mở khóa ${unit.name}.`);
  };

  const eligibility = async () => {
    if (review && !review.eligible) {
      await act(() => setEligibility(k, unitId, true, '', '', by), `${unit.name} đủ điều kiện đề nghị khen thưởng.`);
      return;
    }
    const v = await ask({
      title: `${unit.name}: không đủ điều kiện đề nghị khen thưởng`,
      intro: <p>Đơn vị vẫn được xếp hạng nhưng ghi rõ không đủ điều kiện; khi bỏ phiếu sẽ không có tên trên phiếu bầu.</p>,
      fields: [
        { name: 'reason', label: 'Lý do (kỷ luật, điều tra, thanh tra, xác minh khiếu nại…)', multiline: true, required: 'Cần ghi lý do.' },
        { name: 'basis', label: 'Văn bản làm căn cứ (số, ngày, cơ quan ban hành)', required: 'Cần ghi văn bản làm căn cứ.' },
      ],
      confirm: 'Ghi không đủ điều kiện',
    });
    if (v) await act(() => setEligibility(k, unitId, false, v.reason!, v.basis!, by), 'Đã ghi.');
  };

  return (
    <div className="unit-view" role="tabpanel">
      <div className="toolbar">
        <label className="field inline">
          <span>Đơn vị</span>
          <select aria-label="Đơn vị" value={unitId} onChange={(e) => onPick(e.target.value)}>
            {members.map((u) => (
              <option key={u.id} value={u.id}>
                {u.code} – {u.name}
              </option>
            ))}
          </select>
        </label>
        <span className="badge" data-testid="unit-stage">
          {UNIT_STAGE_LABELS[stage]}
        </span>
        {!locked && (
          <>
            <button type="button" className="btn" disabled={yearLocked} onClick={() => void act(() => setUnitStatus(k, unitId, stage === 'reviewed' ? 'reviewing' : 'reviewed', by))}>
              {stage === 'reviewed' ? 'Đánh dấu đang thẩm định' : 'Đánh dấu đã thẩm định'}
            </button>
            <button type="button" className="btn" disabled={yearLocked} onClick={() => void act(() => lockUnit(k, unitId, by), `Đã khóa điểm của ${unit.name}.`)}>
              Khóa đơn vị
            </button>
          </>
        )}
        {locked && (
          <button type="button" className="btn" disabled={yearLocked} onClick={() => void unlock()}>
            Mở khóa đơn vị
          </button>
        )}
        <button type="button" className="btn" onClick={() => void eligibility()}>
          {review && !review.eligible ? 'Đánh dấu đủ điều kiện' : 'Không đủ điều kiện khen thưởng…'}
        </button>
      </div>
      {refusal && <p className="warning-box">{refusal}</p>}
      {review && !review.eligible && (
        <p className="warning-box">
          Không đủ điều kiện đề nghị khen thưởng: {review.ineligibleReason} (căn cứ: {review.ineligibleBasis}).
        </p>
      )}
      <table className="data-table unit-criteria">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Tiêu chí</th>
            <th>Tự chấm</th>
            <th>Thẩm định</th>
            <th>Ghi chú của đơn vị</th>
            <th>Giải trình</th>
            <th>Lịch sử</th>
          </tr>
        </thead>
        <tbody>
          {tableCriteria(table).map(({ criterion }) => {
            const s = byCode.get(criterion.code);
            const changed = s && s.verified !== null && s.verified !== s.self;
            const list = explanations.filter((e) => e.code === criterion.code);
            return (
              <tr key={criterion.code} className={changed ? 'changed' : undefined} data-code={criterion.code}>
                <td>{criterion.code}</td>
                <td>{criterion.title}</td>
                <td className="num">{n(s?.self)}</td>
                <td className="num">{s?.verified === null || s?.verified === undefined ? <span className="muted">như tự chấm</span> : n(s.verified)}</td>
                <td>{s?.note}</td>
                <td>
                  {list.map((e) => (
                    <div key={e.id} className="explanation">
                      <div>
                        {e.documentNumber && `Văn bản ${e.documentNumber}, `}ngày {formatDateVi(e.date)}: {e.text}
                      </div>
                      {e.outcome === 'pending' ? (
                        <div>
                          <button type="button" className="btn btn-small" onClick={() => void decide(e, 'kept')}>
                            Giữ điểm thẩm định
                          </button>{' '}
                          <button type="button" className="btn btn-small" disabled={!!refusal} onClick={() => void decide(e, 'restored')}>
                            Trả lại điểm tự chấm
                          </button>
                        </div>
                      ) : (
                        <div className="muted">
                          {e.outcome === 'kept' ? 'Giữ điểm thẩm định' : 'Đã trả lại điểm tự chấm'}: {e.outcomeReason} ({e.decidedBy})
                        </div>
                      )}
                    </div>
                  ))}
                  {changed && (
                    <button type="button" className="btn btn-small" onClick={() => void explain(criterion.code)}>
                      Ghi giải trình…
                    </button>
                  )}
                </td>
                <td className="history">
                  {(s?.history ?? []).map((h, i) => (
                    <div key={i}>
                      {formatDateTimeVi(h.at)} · {h.by} · {h.field === 'self' ? 'tự chấm' : h.field === 'verified' ? 'thẩm định' : 'ghi chú'}: {shownValue(h.old)} → {shownValue(h.new)}
                      {h.reason && ` (${h.reason})`}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Lịch sử thẩm định của {unit.name}</h2>
      <table className="data-table unit-history" aria-label={`Lịch sử thẩm định của ${unit.name}`}>
        <thead>
          <tr>
            <th>Thời gian</th>
            <th>Người thực hiện</th>
            <th>Việc</th>
            <th>Tiêu chí / đối tượng</th>
            <th>Cũ → mới</th>
            <th>Lý do</th>
          </tr>
        </thead>
        <tbody>
          {(review?.history ?? []).map((h, i) => (
            <tr key={i}>
              <td>{formatDateTimeVi(h.at)}</td>
              <td>{h.by}</td>
              <td>{ACTION_LABELS[h.action] ?? h.action}</td>
              <td>{h.target === unitId ? unit.code : h.target}</td>
              <td>
                {shownValue(h.old)} → {shownValue(h.new)}
              </td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
