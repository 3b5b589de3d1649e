/** Năm thi đua: the bloc's years, and for the selected year its members, leader/deputy and rules. */
import { useState } from 'react';
import { toApiError } from '../../api';
import { useBackups } from '../../app/backups/BackupsProvider';
import { useBloc, useCurrentYear, useUnits, useYears } from '../../app/hooks';
import { useLeaveGuard } from '../../app/navigation';
import { useSession } from '../../app/session';
import { deleteYear, yearWork } from '../../db/repo-years';
import { useConfirm } from '../../ui/Confirm';
import { useNotice } from '../../ui/Notice';
import { CreateYearDialog } from './CreateYearDialog';
import { MembershipEditor } from './MembershipEditor';
import { RolesEditor } from './RolesEditor';
import { RulesEditor } from './rules/RulesEditor';
import { YearHistory } from './YearHistory';

type Tab = 'members' | 'rules';

export function YearsScreen() {
  const bloc = useBloc();
  const units = useUnits();
  const years = useYears();
  const year = useCurrentYear();
  const { setYear } = useSession();
  const notice = useNotice();
  const confirm = useConfirm();
  const { runAfterBackup } = useBackups();
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState<Tab>('members');
  // Another tab or year replaces the editor on screen: its unsaved draft is asked about first.
  const leave = useLeaveGuard();
  const showTab = (t: Tab) => t !== tab && void leave(() => setTab(t));
  if (!bloc || !units || !years || year === undefined) return <p className="muted">Đang mở dữ liệu…</p>;
  const byId = new Map(units.map((u) => [u.id, u]));
  const members = year ? year.memberUnitIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) : [];

  const remove = async () => {
    if (!year) return;
    const work = await yearWork(year.blocId, year.year);
    if (work.length) {
      notice.notify('error', `Không xoá được năm ${year.year} vì đã có ${work.join(', ')}.`);
      return;
    }
    if (await confirm(`Xoá năm ${year.year}`, <p>Xoá năm thi đua {year.year} (thành viên, Khối trưởng, Khối phó, quy chế)? Năm này chưa có dữ liệu chấm điểm.</p>, 'Xoá năm', true)) {
      try {
        if (!(await runAfterBackup(year.blocId, 'before-delete-year', `xoá năm ${year.year}`, () => deleteYear(year.id)))) return;
        setYear(null);
        notice.notify('success', `Đã xoá năm ${year.year}.`);
      } catch (err) {
        notice.error(toApiError(err));
      }
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Năm thi đua</h1>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Tạo năm thi đua
          </button>
        </div>
      </header>
      {years.length === 0 ? (
        <div className="card">
          <p>Khối chưa có năm thi đua nào. Bấm «Tạo năm thi đua» để bắt đầu năm đầu tiên.</p>
          {units.length === 0 && <p className="muted">Nên thêm các đơn vị thành viên trước: khi tạo năm, các đơn vị đang hoạt động trở thành thành viên của năm.</p>}
        </div>
      ) : (
        <YearHistory years={years} units={units} selected={year?.year ?? null} onSelect={(y) => void leave(() => setYear(y))} />
      )}
      {year && (
        <div className="card" key={year.id}>
          <div className="card-header">
            <h2>Năm {year.year}</h2>
            <button type="button" className="btn btn-small btn-danger-outline" onClick={() => void remove()}>
              Xoá năm
            </button>
          </div>
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'members'} className={tab === 'members' ? 'tab active' : 'tab'} onClick={() => showTab('members')}>
              Thành viên, Khối trưởng, Khối phó
            </button>
            <button type="button" role="tab" aria-selected={tab === 'rules'} className={tab === 'rules' ? 'tab active' : 'tab'} onClick={() => showTab('rules')}>
              Quy chế bình xét
            </button>
          </div>
          {tab === 'members' ? (
            <div role="tabpanel">
              <RolesEditor year={year} members={members} />
              <h3>Thành viên năm {year.year}</h3>
              <MembershipEditor key={year.memberUnitIds.join()} year={year} units={units} />
            </div>
          ) : (
            <div role="tabpanel">
              <RulesEditor key={JSON.stringify(year.rules)} year={year} members={members} />
            </div>
          )}
        </div>
      )}
      {creating && (
        <CreateYearDialog
          open
          blocId={bloc.id}
          years={years}
          units={units}
          onClose={() => setCreating(false)}
          onCreated={(y) => {
            setCreating(false);
            setYear(y.year);
            notice.notify('success', `Đã tạo năm thi đua ${y.year}.`);
          }}
        />
      )}
    </section>
  );
}
