/**
 * The year-end ranking (pure): units ranked by the total of their effective scores (verified, else
 * self; totals by scoring.ts), ties broken by the year's ordered tie rules, shared ranks left where a
 * re-vote or the chair must decide (or settled by an entered decision), units that did not submit
 * listed last without a rank, classification bands, eligibility and the position in words.
 */
import { bandWarnings, classify } from './classification';
import { aboveSentence, clampedNote, eligibilityNote, lastSentence, notSubmittedSentence, tieSentence, unverifiedNote } from './explain';
import { decisionIsWellFormed, placeUnits } from './placement';
import { unknownGroupWarnings } from './tie-rules';
import type { ChairDecision, RankedUnit, RankingInput, RankingResult } from './types';
import { unitScores, type UnitScores } from './unit-scores';

function decisionWarnings(decisions: readonly ChairDecision[], used: ReadonlySet<ChairDecision>, codeOf: (id: string) => string): string[] {
  const out: string[] = [];
  for (const d of decisions) {
    const who = d.units.map(codeOf).join(', ');
    if (!decisionIsWellFormed(d)) {
      out.push(`Quyết định về thứ tự các đơn vị ${who} không hợp lệ: thứ tự phải nêu đúng và đủ các đơn vị đồng hạng, mỗi đơn vị một lần.`);
    } else if (!used.has(d)) {
      out.push(
        `Quyết định về thứ tự các đơn vị ${who} không được áp dụng: các đơn vị này không cùng đồng hạng chờ bỏ phiếu lại hoặc chờ chủ trì quyết định (có thể điểm đã thay đổi).`,
      );
    }
  }
  return out;
}

export function rankUnits(input: RankingInput): RankingResult {
  const rules = input.tieRules;
  const decisions = input.decisions ?? [];
  const bands = input.bands ?? [];
  const all = unitScores(input);
  const submitted = all.filter((u) => u.submitted);
  const { placements, used } = placeUnits(submitted, rules, decisions);

  // Competition ranking: a shared rank counts every unit sharing it (1, 2, 2, 4).
  const rankOfCluster = new Map<number, number>();
  const members = new Map<number, UnitScores[]>();
  placements.forEach((p, i) => {
    if (!rankOfCluster.has(p.cluster)) rankOfCluster.set(p.cluster, i + 1);
    const list = members.get(p.cluster) ?? [];
    list.push(p.unit);
    members.set(p.cluster, list);
  });

  const base = (u: UnitScores): Pick<RankedUnit, 'unitId' | 'code' | 'name' | 'eligible' | 'eligibility' | 'verified' | 'unverified' | 'missing'> => {
    const eligibility = input.eligibility?.get(u.unit.id) ?? null;
    return {
      unitId: u.unit.id,
      code: u.unit.code,
      name: u.unit.name,
      eligible: eligibility?.eligible ?? true,
      eligibility,
      verified: u.unverified.length === 0,
      unverified: u.unverified,
      missing: u.self.missing,
    };
  };
  const notesOf = (u: UnitScores, b: ReturnType<typeof base>, ranked: boolean): string[] => {
    const notes: string[] = [];
    if (!b.eligible && b.eligibility) notes.push(eligibilityNote(b.eligibility));
    if (ranked && u.unverified.length > 0) notes.push(unverifiedNote(u.unverified));
    if (ranked && u.totals.clamped.length > 0) notes.push(clampedNote(u.totals.clamped));
    return notes;
  };

  const entries: RankedUnit[] = placements.map((p, i) => {
    const u = p.unit;
    const rank = rankOfCluster.get(p.cluster)!;
    const others = members.get(p.cluster)!.filter((o) => o !== u);
    const next = placements[i + 1];
    const sentences: string[] = [];
    const shared = others.length > 0 ? tieSentence(u, rank, others, p.pending, p.triedRules, rules) : '';
    const above = next && p.after ? aboveSentence(u, next.unit, p.after, rules) : '';
    if (shared) sentences.push(shared);
    if (above) sentences.push(above);
    if (!next && others.length === 0) sentences.push(lastSentence(u, placements.length));
    const b = base(u);
    return {
      ...b,
      status: 'ranked',
      submitted: true,
      totals: u.totals,
      selfTotal: u.self.total,
      rank,
      tiedWith: others.map((o) => o.unit.code),
      decidedBy: p.after,
      pending: others.length > 0 ? p.pending : null,
      classification: classify(u.totals.total, bands),
      explanation: sentences.join(' '),
      sharedRankNote: shared,
      // What equal totals needed: the tie rule or the entered decision, not a higher total.
      separatedNote: p.after && p.after.by !== 'total' ? above : '',
      notes: notesOf(u, b, true),
    };
  });

  for (const u of all) {
    if (u.submitted) continue;
    const b = base(u);
    entries.push({
      ...b,
      status: u.nothing ? 'missing' : 'incomplete',
      submitted: false,
      totals: null,
      selfTotal: null,
      rank: null,
      tiedWith: [],
      decidedBy: null,
      pending: null,
      classification: null,
      explanation: notSubmittedSentence(u),
      sharedRankNote: '',
      separatedNote: '',
      notes: notesOf(u, b, false),
    });
  }

  const codeOf = new Map(input.units.map((u) => [u.id, u.code]));
  const warnings = [
    ...unknownGroupWarnings(rules, input.table.groups),
    ...bandWarnings(bands),
    ...decisionWarnings(decisions, used, (id) => codeOf.get(id) ?? id),
  ];
  return { entries, warnings };
}
