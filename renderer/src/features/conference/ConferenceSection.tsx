/**
 * Hội nghị tổng kết of the selected year: the conference (date, place, chair, secretary,
 * attendance, vote-count committee), the tally of each section and round with live verdicts,
 * overrides, rule-change recomputation, and next year's Khối trưởng and Khối phó. Everything is
 * read through voteContextOf (the same reading the CLI and the documents use).
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { voteContextOf } from '../../../../shared/domain/vote/context';
import { ballotEntriesOf, roundRuleChanges, rulesSnapshotOf, storedBallotsOf } from '../../../../shared/domain/vote/stored';
import { tally } from '../../../../shared/domain/vote/tally';
import { leadershipTallyInputFromYear, tallyInputFromYear } from '../../../../shared/domain/vote/year-input';
import { rulesOf } from '../../../../shared/domain/vote/rules';
import { paperSections, type BallotSectionPlan } from '../../../../shared/domain/vote/plan';
import { winnerChanges } from '../../../../shared/domain/vote/recompute';
import type { TallyInput, TallyRules } from '../../../../shared/domain/vote/types';
import { rankUnits } from '../../../../shared/domain/ranking';
import { tableInForce } from '../../../../shared/domain/scoring-table';
import { storedRankingExtras } from '../../../../shared/domain/verification';
import type { VoteRound } from '../../../../shared/model/records';
import type { ApiError } from '../../../../shared/api/contract';
import { api, toApiError } from '../../api';
import { useBackups } from '../../app/backups/BackupsProvider';
import { useSession } from '../../app/session';
import { db } from '../../db/database';
import { acceptRound, overrideVerdict, recordChairDecision, recordRulesRecompute, saveBallotEntries, saveConference, writeNextLeadership, type ConferenceDraft } from '../../db/repo-conference';
import { scoresOfYear } from '../../db/score-store';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { ConferenceForm, draftOf, emptyConference } from './ConferenceForm';
import { LeadershipPanel } from './LeadershipPanel';
import type { PaperState } from './BallotEntry';
import { TallyPanel, type PaperRound, type TallyTarget } from './TallyPanel';
import { VoteDocuments } from './VoteDocuments';
import './conference.css';

export function ConferenceSection() {
  const { blocId, year, setYear } = useSession();
  const notice = useNotice();
  const { backupNow } = useBackups();
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    if (!blocId) return null;
    const [years, units, conferences, voteRounds, unitReviews] = await Promise.all([
      db.years.where('blocId').equals(blocId).toArray(),
      db.units.where('blocId').equals(blocId).toArray(),
      db.conferences.where('blocId').equals(blocId).toArray(),
      db.voteRounds.where('blocId').equals(blocId).toArray(),
      db.unitReviews.where('blocId').equals(blocId).toArray(),
    ]);
    return { years, units: units.sort((a, b) => a.order - b.order), conferences, voteRounds, unitReviews };
  }, [blocId]);
  // The year's ranking, for a Khối trưởng chosen as the top-ranked unit (the same ranking as the Xếp hạng screen).
  const rankingData = useLiveQuery(async () => {
    if (!blocId || !year) return null;
    const [tables, scores, yearReviews] = await Promise.all([
      db.scoringTables.where('[blocId+year]').equals([blocId, year]).toArray(),
      scoresOfYear(blocId, year),
      db.yearReviews.where('blocId').equals(blocId).toArray(),
    ]);
    return { tables, scores, yearReview: yearReviews.find((r) => r.year === year) };
  }, [blocId, year]);

  const ctx = useMemo(() => (data && year ? voteContextOf(data, year) : null), [data, year]);
  const targets = useMemo<TallyTarget[]>(() => {
    if (!ctx) return [];
    const awards = tallyInputFromYear(ctx);
    const lead = leadershipTallyInputFromYear(ctx);
    const records = (id: string) => ctx.stored.records[id] ?? [];
    return [
      ...awards.sections.map((s) => ({ id: s.id, title: s.title, input: awards, records: records(s.id) })),
      ...(lead ? lead.sections.map((s) => ({ id: s.id, title: s.title, input: lead, records: records(s.id) })) : []),
    ];
  }, [ctx]);
  const ranking = useMemo(() => {
    if (!ctx || !rankingData || !year || ctx.rules.leaderRotation.kind !== 'topScore') return null;
    const table = tableInForce(rankingData.tables, year);
    if (!table) return { codes: [], unsettled: [], locked: false };
    const reviews = (data?.unitReviews ?? []).filter((r) => r.year === year);
    const result = rankUnits({ table, units: ctx.units, scores: rankingData.scores, tieRules: ctx.rules.tieRules, ...storedRankingExtras(reviews, rankingData.yearReview, ctx.rules) });
    const ranked = result.entries.filter((e) => e.rank !== null);
    return { codes: ranked.map((e) => e.code), unsettled: ranked.filter((e) => e.pending !== null).map((e) => e.code), locked: !!rankingData.yearReview?.lockedAt };
  }, [ctx, rankingData, year, data]);
  const initial = useMemo(() => {
    if (!ctx || !blocId || !year) return null;
    const c = ctx.stored.conference;
    return c ? draftOf(c) : emptyConference(blocId, year, ctx.units);
  }, [ctx, blocId, year]);

  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (!data || !ctx || !initial) return <p className="muted">Đang tải hội nghị tổng kết…</p>;

  const target = targets.find((t) => t.id === selected) ?? targets[0] ?? null;
  const paper = target ? paperOf(target, targets, data.voteRounds, year, (id) => ctx.units.find((u) => u.id === id)?.code) : null;
  const codeToId = new Map(ctx.units.map((u) => [u.code, u.id]));
  const ids = (codes: readonly string[]) => codes.map((c) => codeToId.get(c)).filter((x): x is string => !!x);
  const names = Object.fromEntries(ctx.members.map((m) => [m.code, m.name]));
  const leadInput = leadershipTallyInputFromYear(ctx);
  const leadershipTally = leadInput ? tally(leadInput) : null;
  const nextYear = data.years.find((y) => y.year === year + 1) ?? null;

  // The ballots that may be printed: round 1, and every later round a section now offers.
  const ballotRounds = [
    ...new Set([1, ...targets.flatMap((t) => tally(t.input).sections.filter((s) => s.id === t.id).flatMap((s) => (s.nextRound && s.nextRound.reason !== 'notEntered' ? [s.nextRound.round] : [])))]),
  ].sort((a, b) => a - b);

  // Rounds accepted under rules that have changed since, with the section's winners then and now.
  const stale = targets.flatMap((t) => {
    const now = rulesOf(t.input);
    return t.records.flatMap((r) => {
      const changes = roundRuleChanges(r.rulesSnapshot, now, t.id);
      if (!changes.length) return [];
      const winners = winnerChanges(t.input, r.rulesSnapshot as unknown as TallyRules).find((x) => x.section === t.id) ?? null;
      return [{ t, r, changes, now, winners }];
    });
  });
  const winnerList = (codes: readonly string[]) => codes.map((c) => names[c] ?? c).join(', ') || 'không có';

  async function run(action: () => Promise<unknown>, success: string): Promise<boolean> {
    try {
      await action();
      setError(null);
      notice.notify('success', success);
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    }
  }

  /** After a tally is accepted: a backup of the bloc, not waited for; a failure is shown, never lost. */
  function backupAfterVote() {
    if (!blocId) return;
    // Read off the window (the bloc worker) and sent in parts, like every automatic backup.
    void backupNow(blocId, 'after-vote').then((r) => {
      if (!r.ok) notice.notify('error', `Chưa sao lưu được sau khi kiểm phiếu: ${r.error.message}`);
    });
  }

  async function recompute() {
    const ok = await run(async () => {
      for (const s of stale) {
        // The winners under the rules the round was accepted with, beside the winners now.
        await recordRulesRecompute(s.r.id, rulesSnapshotOf(s.now), s.changes.map((c) => c.message), {
          before: winnerList(s.winners?.before ?? []),
          after: winnerList(s.winners?.after ?? []),
        });
      }
    }, 'Đã tính lại kết quả theo quy chế mới và ghi lại thay đổi.');
    if (!ok) return;
  }

  return (
    <section className="screen conference-section" aria-labelledby="conference-heading">
      <header className="screen-header">
        <div>
          <h1 id="conference-heading">Hội nghị tổng kết năm {year}</h1>
          <p className="muted">Bỏ phiếu bình xét thi đua, khen thưởng và bầu Khối trưởng, Khối phó năm {year + 1}.</p>
        </div>
      </header>
      <ErrorBox error={error} />
      <ConferenceForm
        stored={ctx.stored.conference}
        initial={initial}
        members={ctx.units}
        quorum={ctx.rules.quorum}
        onSave={(d: ConferenceDraft) => run(() => saveConference(d), `Đã lưu thông tin hội nghị tổng kết năm ${year}.`)}
      />

      <VoteDocuments
        blocId={blocId}
        year={year}
        present={ctx.present.length}
        spares={ctx.spareBallots ?? 0}
        rounds={ballotRounds}
        onError={setError}
      />

      {stale.length > 0 && (
        <div className="warning-box" data-testid="rules-changed">
          <strong>Quy chế đã thay đổi sau khi chấp nhận kết quả:</strong>
          <ul>
            {[...new Set(stale.flatMap((s) => s.changes.map((c) => c.message)))].map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <ul data-testid="winner-changes">
            {[...new Map(stale.map((s) => [s.t.id, s])).values()].map((s) => (
              <li key={s.t.id}>
                {s.t.title}: trước {winnerList(s.winners?.before ?? [])}; theo quy chế mới {winnerList(s.winners?.after ?? [])}.
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-primary" onClick={() => void recompute()}>
            Tính lại và ghi nhận thay đổi
          </button>
        </div>
      )}

      <div className="card">
        <div className="card-header">
          <h2>Kiểm phiếu</h2>
        </div>
        <div className="section-tabs" role="tablist" aria-label="Mục bỏ phiếu">
          {targets.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={t.id === target?.id} className={t.id === target?.id ? 'btn btn-tab active' : 'btn btn-tab'} onClick={() => setSelected(t.id)}>
              {t.title}
            </button>
          ))}
        </div>
      </div>
      {target && (
        <TallyPanel
          // A new round is a new paper: its entry starts from what is stored for it.
          key={`${target.id}:${paper?.round ?? 0}`}
          target={target}
          names={names}
          paper={paper}
          onSaveBallots={async (round, sections, state) => {
            try {
              await saveBallotEntries({
                blocId,
                year,
                round,
                sections: sections.map((s) => ({ sectionId: s.id, candidates: ids(s.candidates), seats: s.seats })),
                issued: state.issued ?? 0,
                entries: {
                  ballots: storedBallotsOf(state.first, (c) => codeToId.get(c)),
                  ballotsBy: state.firstBy.trim(),
                  secondEntry: storedBallotsOf(state.second, (c) => codeToId.get(c)),
                  secondEntryBy: state.secondBy.trim(),
                },
              });
            } catch (err) {
              setError(toApiError(err));
              throw err;
            }
          }}
          onDecide={async ({ round, winners, reason }) => {
            await run(() => recordChairDecision(round.id, { winners: ids(winners), reason }), `Đã ghi quyết định của chủ trì hội nghị: ${target.title}.`);
          }}
          onAccept={async ({ round, candidates, seats, input, invalidReasons, result, ballots }) => {
            const votes = Object.fromEntries(Object.entries(input.votes).flatMap(([c, n]) => (codeToId.has(c) ? [[codeToId.get(c)!, n]] : [])));
            const entered = ballots
              ? {
                  ballots: storedBallotsOf(ballots.first, (c) => codeToId.get(c)),
                  ballotsBy: ballots.firstBy.trim(),
                  ...(ballots.second.length ? { secondEntry: storedBallotsOf(ballots.second, (c) => codeToId.get(c)), secondEntryBy: ballots.secondBy.trim() } : {}),
                }
              : {};
            const ok = await run(
              () =>
                acceptRound({
                  blocId,
                  year,
                  sectionId: target.id,
                  round,
                  candidates: ids(candidates),
                  seats,
                  counts: input.ballots,
                  invalidReasons,
                  votes,
                  decision: null,
                  rulesSnapshot: rulesSnapshotOf(result.rules),
                  ...entered,
                }),
              `Đã chấp nhận kết quả kiểm phiếu vòng ${round}: ${target.title}.`,
            );
            if (ok) backupAfterVote();
          }}
          onOverride={async ({ round, code, winner, computed, reason }) => {
            const unitId = codeToId.get(code);
            if (!unitId) return;
            await run(() => overrideVerdict(round.id, { unitId, winner, computed, reason }), `Đã ghi kết quả sửa tay cho ${names[code] ?? code}.`);
          }}
        />
      )}

      <LeadershipPanel
        year={ctx.yearRecord}
        units={data.units}
        ineligible={[...(ctx.ineligible ?? [])]}
        leadershipTally={leadershipTally}
        ranking={ranking}
        nextYear={nextYear}
        onWrite={async (leaderId, deputyId, source) => {
          // Stay on year N: the session would otherwise move to the newest year once N+1 is created.
          setYear(year);
          await run(
            () => writeNextLeadership(blocId, year, leaderId, deputyId, { ...source, fromYear: year }),
            `Đã ghi Khối trưởng, Khối phó năm ${year + 1}.`,
          );
        }}
      />
    </section>
  );
}

/**
 * The paper of the round the target section has due, with the ballots entered so far: the draft
 * of the section itself, else the latest draft of another section on the same paper, else the
 * ballots a section of the paper was accepted with.
 */
function paperOf(target: TallyTarget, targets: readonly TallyTarget[], rounds: readonly VoteRound[], year: number, codeOf: (id: string) => string | undefined): PaperRound | null {
  const sv = tally(target.input).sections.find((s) => s.id === target.id);
  const round = sv?.nextRound?.round;
  if (!round) return null;
  const inputs = [...new Set(targets.map((t) => t.input))] as TallyInput[];
  const sections: BallotSectionPlan[] = paperSections(inputs, round);
  const ids = new Set(sections.map((s) => s.id));
  const onPaper = rounds
    .filter((r) => r.year === year && r.round === round && ids.has(r.sectionId) && (r.ballots?.length || r.secondEntry?.length || r.counts.issued))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  const from =
    onPaper.find((r) => r.sectionId === target.id && r.status === 'draft') ?? onPaper.find((r) => r.status === 'draft') ?? onPaper.find((r) => r.status === 'accepted') ?? null;
  const stored: PaperState | null = from
    ? {
        first: ballotEntriesOf(from.ballots ?? [], codeOf),
        second: ballotEntriesOf(from.secondEntry ?? [], codeOf),
        firstBy: from.ballotsBy,
        secondBy: from.secondEntryBy,
        issued: from.counts.issued || null,
      }
    : null;
  return { round, sections, invalidScope: target.input.invalidScope ?? 'section', stored };
}
