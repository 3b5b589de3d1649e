import { useEffect } from 'react';
import { BackupBanner } from './backups/BackupStatus';
import { useWindowCloseGuard } from './close-guard';
import { useBlocs, useCurrentYear } from './hooks';
import { useNavigation } from './navigation';
import { groupedSections, sections, SECTIONS_WITHOUT_BLOC } from './sections';
import { useSession } from './session';
import { useSettings } from './settings';
import { TopBar } from './TopBar';
import { Welcome } from '../features/bloc/Welcome';
import { NeedsYear } from '../features/years/NeedsYear';
import { BackupOffer } from '../features/backups/BackupOffer';
import { useHistoryPrewarm } from '../features/history/HistoryScreen';

export function Shell() {
  const { sectionId, go } = useNavigation();
  const { blocId } = useSession();
  const blocs = useBlocs();
  const year = useCurrentYear();
  const { notice, dismissNotice, loadError } = useSettings();
  const section = sections.find((s) => s.id === sectionId) ?? sections[0]!;
  useEffect(() => {
    document.title = 'BlocDesk';
  }, []);
  useWindowCloseGuard();
  useHistoryPrewarm();

  let content;
  if (blocs === undefined) content = <p className="muted">Đang mở dữ liệu…</p>;
  else if (!blocId && !SECTIONS_WITHOUT_BLOC.has(section.id)) content = <Welcome />;
  else if (section.needsYear && year === null) content = <NeedsYear sectionLabel={section.label} />;
  else content = section.render();

  return (
    <div className="shell">
      <TopBar />
      <nav className="sidenav" aria-label="Chức năng">
        {groupedSections().map(({ group, items }) => (
          <div key={group} className="nav-group">
            <div className="nav-group-title">{group}</div>
            <ul>
              {items.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={s.id === section.id ? 'nav-item active' : 'nav-item'}
                    aria-current={s.id === section.id ? 'page' : undefined}
                    onClick={() => void go(s.id)}
                  >
                    {s.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="content" aria-label={section.label}>
        {notice && (
          <div className="banner banner-warning" role="alert">
            <span>{notice}</span>
            <button type="button" className="btn" onClick={dismissNotice}>
              Đã hiểu
            </button>
          </div>
        )}
        {loadError && (
          <div className="banner banner-error" role="alert">
            <span>Không đọc được cài đặt: {loadError.message}</span>
          </div>
        )}
        <BackupBanner />
        {content}
        <BackupOffer />
      </main>
    </div>
  );
}
