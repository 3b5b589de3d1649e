/** Văn bản hội nghị: one tab per conference paper, the dossier and the register (sổ văn bản đi). */
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useLeaveGuard } from '../../app/navigation';
import { PAPER_KINDS } from './paper-kinds';
import { PaperEditor } from './PaperEditor';
import { DossierPanel } from './DossierPanel';
import { RegisterPanel } from './RegisterPanel';
import './papers.css';

type Tab = (typeof PAPER_KINDS)[number]['kind'] | 'dossier' | 'register';
const TABS: { id: Tab; label: string }[] = [
  ...PAPER_KINDS.map((p) => ({ id: p.kind as Tab, label: p.label })),
  { id: 'dossier', label: 'Hồ sơ đề nghị' },
  { id: 'register', label: 'Sổ văn bản đi' },
];

export function PapersSection() {
  const { blocId, year } = useSession();
  const [tab, setTab] = useState<Tab>('invitation');
  const leave = useLeaveGuard();
  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  const paper = PAPER_KINDS.find((p) => p.kind === tab);
  return (
    <section className="screen papers-section" aria-labelledby="papers-heading">
      <header className="screen-header">
        <h1 id="papers-heading">Văn bản hội nghị năm {year}</h1>
      </header>
      <div role="tablist" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => void leave(() => setTab(t.id))}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {paper ? (
          <PaperEditor key={`${blocId}-${year}-${paper.kind}`} paper={paper} blocId={blocId} year={year} />
        ) : tab === 'dossier' ? (
          <DossierPanel blocId={blocId} year={year} />
        ) : (
          <RegisterPanel blocId={blocId} year={year} />
        )}
      </div>
    </section>
  );
}
