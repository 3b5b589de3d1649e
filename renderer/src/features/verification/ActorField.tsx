/**
 * "Người thực hiện": who the audit names for the changes made on this screen, chosen from the
 * secretary in settings and the year's verification team (tổ thẩm định), or typed. The team is kept
 * on the year's review and edited here, one member per line.
 */
import { useState } from 'react';
import { actorChoices, parseTeamLines, teamLines, type TeamMember } from '../../../../shared/domain/verification-team';
import { toApiError } from '../../api';
import { setVerificationTeam, type YearKey } from '../../db/repo-verification';
import { Dialog } from '../../ui/Dialog';
import { useNotice } from '../../ui/Notice';
import { useUnsaved } from '../../ui/unsaved';

export interface ActorFieldProps {
  k: YearKey;
  by: string;
  setBy: (v: string) => void;
  secretary: string;
  team: readonly TeamMember[];
}

export function ActorField({ k, by, setBy, secretary, team }: ActorFieldProps) {
  const [editing, setEditing] = useState(false);
  const listId = `actor-choices-${k.year}`;
  return (
    <>
      <label className="field inline">
        <span>Người thực hiện</span>
        <input aria-label="Người thực hiện" list={listId} value={by} onChange={(e) => setBy(e.target.value)} />
        <datalist id={listId}>
          {actorChoices(secretary, team).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <button type="button" className="btn" onClick={() => setEditing(true)}>
        Tổ thẩm định ({team.length})…
      </button>
      {editing && <TeamDialog k={k} team={team} by={by} onDone={() => setEditing(false)} />}
    </>
  );
}

function TeamDialog({ k, team, by, onDone }: { k: YearKey; team: readonly TeamMember[]; by: string; onDone: () => void }) {
  const notice = useNotice();
  const saved = teamLines(team);
  const [text, setText] = useState(saved);
  const [problem, setProblem] = useState('');
  const dirty = text.trim() !== saved.trim();

  const save = async (): Promise<boolean> => {
    const read = parseTeamLines(text);
    if (!read.ok) {
      setProblem(read.message);
      return false;
    }
    try {
      await setVerificationTeam(k, read.team, by);
      notice.notify('success', `Đã lưu tổ thẩm định năm ${k.year}: ${read.team.length} người.`);
      return true;
    } catch (err) {
      setProblem(toApiError(err).message);
      return false;
    }
  };
  const leave = useUnsaved({ label: `tổ thẩm định năm ${k.year}`, dirty, save, discard: () => setText(saved) });

  return (
    <Dialog
      open
      title={`Tổ thẩm định năm ${k.year}`}
      onClose={() => void leave().then((ok) => ok && onDone())}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void leave().then((ok) => ok && onDone())}>
            Đóng
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save().then((ok) => ok && onDone())}>
            Lưu tổ thẩm định
          </button>
        </>
      }
    >
      <label className="field">
        <span>Thành viên (mỗi dòng một người: Họ tên – Đơn vị)</span>
        <textarea
          rows={8}
          value={text}
          aria-invalid={problem ? true : undefined}
          placeholder={'Nguyễn Văn An – Sở Tài chính\nTrần Thị Bình – Sở Nội vụ'}
          onChange={(e) => {
            setText(e.target.value);
            setProblem('');
          }}
        />
      </label>
      <p className="muted">Thành viên tổ thẩm định được chọn làm người thực hiện; lịch sử thẩm định ghi tên người đó.</p>
      {problem && (
        <p className="error-box" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
