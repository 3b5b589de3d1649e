/**
 * Next year's Khối trưởng and Khối phó, per the rules' leadership mode: the vote sections'
 * winners, rotation after this year's leader, or an appointment (decision number and date).
 * Written to year N+1 (created when missing) with its source; year N keeps its own leader.
 */
import { useState } from 'react';
import type { Unit, Year } from '../../../../shared/model/records';
import { chooseLeadership, type LeadershipRule } from '../../../../shared/domain/vote/leadership';
import type { TallyResult } from '../../../../shared/domain/vote/types';
import { useConfirm } from '../../ui/Confirm';
import { UnitSelect } from '../../ui/UnitSelect';
import { DateInput } from '../../ui/DateInput';

export function LeadershipPanel(props: {
  year: Year;
  units: Unit[];
  ineligible: string[];
  leadershipTally: TallyResult | null;
  /** The year's ranking, best first, when the rules choose the top-ranked units: codes ranked, codes whose shared rank is undecided, whether it is locked. */
  ranking: { codes: string[]; unsettled: string[]; locked: boolean } | null;
  nextYear: Year | null;
  onWrite: (leaderId: string, deputyId: string | null, source: { mode: 'vote' | 'rotation' | 'topScore' | 'appointed'; note: string; decisionNumber?: string; decisionDate?: string }) => Promise<void>;
}) {
  const { year, units, leadershipTally, nextYear } = props;
  const mode = year.rules.leaderRotation;
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const members = year.memberUnitIds.map((id) => byId.get(id)).filter((u): u is Unit => !!u);
  const names = Object.fromEntries(members.map((u) => [u.code, u.name]));
  const [appointed, setAppointed] = useState({ leader: '', deputy: '', number: '', date: '' });
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  const next = year.year + 1;

  let rule: LeadershipRule | null = null;
  if (mode.kind === 'vote') rule = { mode: 'vote' };
  else if (mode.kind === 'topScore') rule = { mode: 'topScore' };
  else if (mode.kind === 'fixedOrder') rule = { mode: 'rotation', order: mode.order.map((id) => byId.get(id)?.code ?? id) };
  else if (mode.kind === 'appointed')
    rule = { mode: 'appointed', decisionNumber: appointed.number, decisionDate: appointed.date, leader: byId.get(appointed.leader)?.code ?? '', deputy: byId.get(appointed.deputy)?.code ?? null };
  const result =
    rule &&
    chooseLeadership({
      nextYear: next,
      members: members.map((u) => u.code),
      ineligible: props.ineligible,
      currentLeader: year.leaderUnitId ? (byId.get(year.leaderUnitId)?.code ?? null) : null,
      rule,
      ...(leadershipTally ? { tally: leadershipTally } : {}),
      ...(props.ranking ? { ranking: props.ranking.codes, unsettled: props.ranking.unsettled } : {}),
      names,
    });
  // Before any leadership round is entered there is nothing to report yet.
  const notVoted =
    (mode.kind === 'vote' && !!leadershipTally && leadershipTally.sections.every((s) => s.rounds.length === 0)) || (mode.kind === 'appointed' && !appointed.leader);
  const leader = result?.leader ? byCode.get(result.leader) : undefined;
  const deputy = result?.deputy ? byCode.get(result.deputy) : undefined;
  const current = nextYear && (nextYear.leaderUnitId || nextYear.deputyUnitId);

  async function write() {
    if (!result || !leader) return;
    // Leaders already recorded (say, elected by the vote) are replaced only when the user says so.
    const changes = nextYear && current && (nextYear.leaderUnitId !== leader.id || (nextYear.deputyUnitId ?? null) !== (deputy?.id ?? null));
    if (
      changes &&
      !(await confirm(
        `Thay Khối trưởng, Khối phó năm ${next}`,
        <p>
          Năm {next} đã ghi Khối trưởng {byId.get(nextYear.leaderUnitId ?? '')?.name ?? '—'}, Khối phó {byId.get(nextYear.deputyUnitId ?? '')?.name ?? '—'}. Thay bằng Khối trưởng{' '}
          <strong>{leader.name}</strong>, Khối phó <strong>{deputy?.name ?? '—'}</strong>?
        </p>,
        'Thay',
      ))
    )
      return;
    setBusy(true);
    try {
      await props.onWrite(leader.id, deputy?.id ?? null, {
        mode: result.source.mode,
        note: result.source.description,
        ...(result.source.decisionNumber ? { decisionNumber: result.source.decisionNumber } : {}),
        ...(result.source.decisionDate ? { decisionDate: result.source.decisionDate } : {}),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="leadership-panel">
      <div className="card-header">
        <h2>Khối trưởng, Khối phó năm {next}</h2>
      </div>
      {mode.kind === 'topScore' && (
        <p className="muted">
          Quy chế: đơn vị xếp thứ nhất năm {year.year} làm Khối trưởng, đơn vị xếp thứ hai làm Khối phó (theo kết quả tại mục Xếp hạng; đơn vị không đủ điều kiện được bỏ qua).
        </p>
      )}
      {mode.kind === 'topScore' && props.ranking && !props.ranking.locked && props.ranking.codes.length > 0 && (
        <p className="warning-text" data-testid="ranking-unlocked">
          Kết quả xếp hạng năm {year.year} chưa khoá: thứ hạng còn có thể thay đổi. Nên khoá kết quả xếp hạng trước khi ghi Khối trưởng, Khối phó.
        </p>
      )}
      {mode.kind === 'appointed' && (
        <div className="conference-grid">
          <label>
            Khối trưởng
            <UnitSelect units={members} value={appointed.leader} onChange={(id) => setAppointed((a) => ({ ...a, leader: id }))} label="Khối trưởng được chỉ định" />
          </label>
          <label>
            Khối phó
            <UnitSelect units={members} value={appointed.deputy} onChange={(id) => setAppointed((a) => ({ ...a, deputy: id }))} label="Khối phó được chỉ định" />
          </label>
          <label>
            Số quyết định
            <input value={appointed.number} onChange={(e) => setAppointed((a) => ({ ...a, number: e.target.value }))} aria-label="Số quyết định" />
          </label>
          <label>
            Ngày quyết định
            <DateInput value={appointed.date} onChange={(iso) => setAppointed((a) => ({ ...a, date: iso ?? '' }))} ariaLabel="Ngày quyết định" />
          </label>
        </div>
      )}
      {notVoted && (
        <p className="muted" data-testid="leadership-result">
          {mode.kind === 'appointed'
            ? `Quy chế: chỉ định theo quyết định. Chọn Khối trưởng, Khối phó năm ${next} và nhập số, ngày của quyết định.`
            : `Quy chế: bầu tại hội nghị. Nhập kết quả ở các mục «Khối trưởng năm ${next}» và «Khối phó năm ${next}» của phần Kiểm phiếu.`}
        </p>
      )}
      {result && !notVoted && (
        <>
          <p data-testid="leadership-result">
            Khối trưởng: <strong>{leader?.name ?? 'chưa có'}</strong>; Khối phó: <strong>{deputy?.name ?? 'chưa có'}</strong>. <span className="muted">{result.source.description}.</span>
          </p>
          {[...result.errors, ...result.warnings].length > 0 && (
            <ul className="warning-text">
              {[...result.errors, ...result.warnings].map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {current && (
        <p className="muted" data-testid="leadership-stored">
          Đã ghi cho năm {next}: Khối trưởng {byId.get(nextYear.leaderUnitId ?? '')?.name ?? '—'}, Khối phó {byId.get(nextYear.deputyUnitId ?? '')?.name ?? '—'}.
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || !leader || (result?.errors.length ?? 1) > 0} onClick={() => void write()}>
          Ghi Khối trưởng, Khối phó năm {next}
        </button>
      </div>
    </div>
  );
}
