/** The year's rules profile, edited as a draft and saved at once. */
import { useState } from 'react';
import type { RulesProfile, Unit, Year } from '../../../../../shared/model/records';
import { defaultRulesProfile } from '../../../../../shared/domain/rules-defaults';
import { toApiError } from '../../../api';
import { setYearRules } from '../../../db/repo-years';
import { useConfirm } from '../../../ui/Confirm';
import { ErrorBox } from '../../../ui/ErrorBox';
import { useNotice } from '../../../ui/Notice';
import { AwardsEditor } from './AwardsEditor';
import { DefaultNote } from './DefaultNote';
import { LegalBasisEditor } from './LegalBasisEditor';
import { RotationEditor } from './RotationEditor';
import { rulesProblems } from './rulesProblems';
import { TieRulesEditor } from './TieRulesEditor';
import { VoteEditor } from './VoteEditor';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function RulesEditor({ year, members }: { year: Year; members: Unit[] }) {
  const notice = useNotice();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<RulesProfile>(year.rules);
  const [problems, setProblems] = useState<string[]>([]);
  const defaults = defaultRulesProfile();
  const changed = !same(draft, year.rules);
  const set = <K extends keyof RulesProfile>(k: K) => (v: RulesProfile[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const vote = { threshold: draft.threshold, quorumPercent: draft.quorumPercent, selfVoteAllowed: draft.selfVoteAllowed, invalidBallotsInBase: draft.invalidBallotsInBase };
  const voteDefault = same(vote, { threshold: defaults.threshold, quorumPercent: defaults.quorumPercent, selfVoteAllowed: defaults.selfVoteAllowed, invalidBallotsInBase: defaults.invalidBallotsInBase });

  const save = async () => {
    const p = rulesProblems(draft);
    setProblems(p);
    if (p.length) return;
    try {
      await setYearRules(year.id, { ...draft, awards: draft.awards.map((a) => ({ ...a, name: a.name.trim() })), legalBasis: draft.legalBasis.map((l) => l.trim()) });
      notice.notify('success', `Đã lưu quy chế năm ${year.year}.`);
    } catch (err) {
      notice.error(toApiError(err));
    }
  };
  const restoreDefaults = async () => {
    if (await confirm('Khôi phục mặc định', <p>Thay toàn bộ quy chế đang sửa bằng giá trị mặc định? Thay đổi chỉ được ghi khi bấm «Lưu quy chế».</p>, 'Khôi phục')) {
      setDraft(defaultRulesProfile());
    }
  };

  return (
    <div className="rules">
      <section className="rules-part">
        <h3>
          Hình thức khen thưởng và số lượng đề nghị <DefaultNote isDefault={same(draft.awards, defaults.awards)} />
        </h3>
        <AwardsEditor value={draft.awards} onChange={set('awards')} />
      </section>
      <section className="rules-part">
        <h3>
          Bình xét, bỏ phiếu <DefaultNote isDefault={voteDefault} />
        </h3>
        <VoteEditor value={vote} onChange={(v) => setDraft((d) => ({ ...d, ...v }))} />
      </section>
      <section className="rules-part">
        <h3>
          Xếp hạng khi bằng điểm (theo thứ tự ưu tiên) <DefaultNote isDefault={same(draft.tieRules, defaults.tieRules)} />
        </h3>
        <TieRulesEditor value={draft.tieRules} onChange={set('tieRules')} />
      </section>
      <section className="rules-part">
        <h3>
          Chọn Khối trưởng năm sau <DefaultNote isDefault={same(draft.leaderRotation, defaults.leaderRotation)} />
        </h3>
        <RotationEditor value={draft.leaderRotation} onChange={set('leaderRotation')} units={members} />
      </section>
      <section className="rules-part">
        <h3>
          Căn cứ in ở phần mở đầu văn bản <DefaultNote isDefault={same(draft.legalBasis, defaults.legalBasis)} />
        </h3>
        <LegalBasisEditor value={draft.legalBasis} onChange={set('legalBasis')} />
      </section>
      <ErrorBox error={problems.length ? { code: 'rules', message: 'Quy chế chưa lưu được vì:', details: problems } : null} />
      <div className="form-actions sticky-actions">
        {changed && <span className="muted">Có thay đổi chưa lưu.</span>}
        <button type="button" className="btn" onClick={() => void restoreDefaults()}>
          Khôi phục mặc định
        </button>
        <button type="button" className="btn" disabled={!changed} onClick={() => (setDraft(year.rules), setProblems([]))}>
          Bỏ thay đổi
        </button>
        <button type="button" className="btn btn-primary" disabled={!changed} onClick={() => void save()}>
          Lưu quy chế
        </button>
      </div>
    </div>
  );
}
