/** The year's rules profile, edited as a draft and saved at once. */
import { useState } from 'react';
import type { RulesProfile, Unit, Year } from '../../../../../shared/model/records';
import { defaultRulesProfile } from '../../../../../shared/domain/rules-defaults';
import { toApiError } from '../../../api';
import { setYearRules } from '../../../db/repo-years';
import { useConfirm } from '../../../ui/Confirm';
import { ErrorBox } from '../../../ui/ErrorBox';
import { useErrorFocus } from '../../../ui/focus-error';
import { useNotice } from '../../../ui/Notice';
import { useUnsaved } from '../../../ui/unsaved';
import { AwardsEditor } from './AwardsEditor';
import { ballotPreview } from './ballotPreview';
import { BandsEditor } from './BandsEditor';
import { DefaultNote, same } from './DefaultNote';
import { LegalBasisEditor } from './LegalBasisEditor';
import { RotationEditor } from './RotationEditor';
import { problemsByPath, rulesProblems } from './rulesProblems';
import { TieRulesEditor } from './TieRulesEditor';
import { VoteEditor, voteOf } from './VoteEditor';

export function RulesEditor({ year, members }: { year: Year; members: Unit[] }) {
  const notice = useNotice();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<RulesProfile>(year.rules);
  // Problems are shown from the first refused save on, and follow the edits from then on.
  const [tried, setTried] = useState(false);
  const focus = useErrorFocus<HTMLDivElement>();
  const defaults = defaultRulesProfile();
  const changed = !same(draft, year.rules);
  const problems = tried ? rulesProblems(draft) : [];
  const errors = problemsByPath(problems);
  const set = <K extends keyof RulesProfile>(k: K) => (v: RulesProfile[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const vote = voteOf(draft);
  const voteDefault = same(vote, voteOf(defaults));
  const plan = ballotPreview(draft, members);

  const save = async (): Promise<boolean> => {
    setTried(true);
    if (rulesProblems(draft).length) {
      focus.request();
      return false;
    }
    try {
      await setYearRules(year.id, { ...draft, awards: draft.awards.map((a) => ({ ...a, name: a.name.trim() })), legalBasis: draft.legalBasis.map((l) => l.trim()) });
      notice.notify('success', `Đã lưu quy chế năm ${year.year}.`);
      return true;
    } catch (err) {
      notice.error(toApiError(err));
      return false;
    }
  };
  const discard = () => {
    setDraft(year.rules);
    setTried(false);
  };
  useUnsaved({ label: `quy chế bình xét năm ${year.year}`, dirty: changed, save, discard });
  const restoreDefaults = async () => {
    if (await confirm('Khôi phục mặc định', <p>Thay toàn bộ quy chế đang sửa bằng giá trị mặc định? Thay đổi chỉ được ghi khi bấm «Lưu quy chế».</p>, 'Khôi phục')) {
      setDraft(defaultRulesProfile());
    }
  };

  return (
    <div className="rules" ref={focus.ref}>
      <section className="rules-part">
        <h3>
          Hình thức khen thưởng, chỉ tiêu và cách bỏ phiếu (theo thứ tự bỏ phiếu) <DefaultNote isDefault={same(draft.awards, defaults.awards)} />
        </h3>
        <AwardsEditor value={draft.awards} onChange={set('awards')} errors={errors} threshold={draft.threshold} plan={plan} />
      </section>
      <section className="rules-part">
        <h3>
          Bình xét, bỏ phiếu <DefaultNote isDefault={voteDefault} />
        </h3>
        <VoteEditor value={vote} onChange={(v) => setDraft((d) => ({ ...d, ...v }))} errors={errors} memberCount={members.length} />
      </section>
      <section className="rules-part">
        <h3>
          Xếp hạng khi bằng điểm (theo thứ tự ưu tiên) <DefaultNote isDefault={same(draft.tieRules, defaults.tieRules)} />
        </h3>
        <TieRulesEditor value={draft.tieRules} onChange={set('tieRules')} errors={errors} />
      </section>
      <section className="rules-part">
        <h3>
          Xếp loại theo tổng điểm (không bắt buộc) <DefaultNote isDefault={same(draft.classificationBands, defaults.classificationBands)} />
        </h3>
        <BandsEditor value={draft.classificationBands} onChange={set('classificationBands')} errors={errors} />
      </section>
      <section className="rules-part">
        <h3>
          Chọn Khối trưởng, Khối phó năm sau <DefaultNote isDefault={same(draft.leaderRotation, defaults.leaderRotation)} />
        </h3>
        <RotationEditor value={draft.leaderRotation} onChange={set('leaderRotation')} units={members} error={errors.leaderRotation} />
      </section>
      <section className="rules-part">
        <h3>
          Căn cứ in ở phần mở đầu văn bản <DefaultNote isDefault={same(draft.legalBasis, defaults.legalBasis)} />
        </h3>
        <LegalBasisEditor value={draft.legalBasis} onChange={set('legalBasis')} errors={errors} />
      </section>
      <ErrorBox error={problems.length ? { code: 'rules', message: 'Quy chế chưa lưu được vì:', details: problems.map((p) => p.message) } : null} />
      <div className="form-actions sticky-actions">
        {changed && <span className="muted">Có thay đổi chưa lưu.</span>}
        <button type="button" className="btn" onClick={() => void restoreDefaults()}>
          Khôi phục mặc định
        </button>
        <button type="button" className="btn" disabled={!changed} onClick={discard}>
          Bỏ thay đổi
        </button>
        <button type="button" className="btn btn-primary" disabled={!changed} onClick={() => void save()}>
          Lưu quy chế
        </button>
      </div>
    </div>
  );
}
