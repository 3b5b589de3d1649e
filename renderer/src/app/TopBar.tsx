/** Top bar: app name, the bloc switcher (when there are several blocs), the year selector and the backups status. */
import { compareVi } from '../../../shared/text/vietnamese';
import { BackupStatusLine } from './backups/BackupStatus';
import { useBloc, useBlocs, useYears } from './hooks';
import { useLeaveGuard } from './navigation';
import { useSession } from './session';

export function TopBar() {
  const { blocId, setBlocId, year, setYear } = useSession();
  const blocs = useBlocs();
  const bloc = useBloc();
  const years = useYears();
  const leave = useLeaveGuard();
  const sorted = [...(blocs ?? [])].sort((a, b) => compareVi(a.name, b.name));
  return (
    <header className="topbar">
      <div className="brand">BlocDesk</div>
      {sorted.length > 1 ? (
        <label className="topbar-field">
          <span>Khối:</span>
          <select
            value={blocId ?? ''}
            onChange={(e) => {
              const id = e.target.value;
              void leave(() => setBlocId(id));
            }}
            aria-label="Chọn khối thi đua"
          >
            {sorted.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        bloc && <div className="topbar-bloc">{bloc.name}</div>
      )}
      {years && years.length > 0 && (
        <label className="topbar-field">
          <span>Năm:</span>
          <select
            value={year ?? ''}
            onChange={(e) => {
              const y = Number(e.target.value);
              void leave(() => setYear(y));
            }}
            aria-label="Chọn năm thi đua"
          >
            {[...years].reverse().map((y) => (
              <option key={y.id} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </label>
      )}
      <BackupStatusLine />
    </header>
  );
}
