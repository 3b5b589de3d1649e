/**
 * The app's sections (left navigation). A capability adds its screen with ONE line in the list
 * below; `group` places it under a heading (GROUPS gives their order), `needsYear` shows a
 * "choose a year first" screen until an emulation year is selected.
 */
import { BlocScreen } from '../features/bloc/BlocScreen';
import { UnitsScreen } from '../features/units/UnitsScreen';
import { YearsScreen } from '../features/years/YearsScreen';
import { HandoverScreen } from '../features/handover/HandoverScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ScoringSection } from '../features/scoring/ScoringSection';
import { PledgeSection } from '../features/pledge/PledgeSection';
import { AssessmentSection } from '../features/assessment/AssessmentSection';
import { VerificationSection } from '../features/verification/VerificationSection';
import { RankingSection } from '../features/verification/RankingSection';
import { ConferenceSection } from '../features/conference/ConferenceSection';
import { PapersSection } from '../features/papers/PapersSection';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { HistoryScreen } from '../features/history/HistoryScreen';

import { GROUP_BLOC, GROUP_SYSTEM, GROUP_YEAR, groupedSections as groupList, type Section } from './section-groups';

export type { Section } from './section-groups';
export { GROUP_BLOC, GROUP_SYSTEM, GROUP_YEAR, GROUPS } from './section-groups';

export const sections: Section[] = [
  { id: 'bloc', label: 'Khối thi đua', group: GROUP_BLOC, render: () => <BlocScreen /> },
  { id: 'units', label: 'Đơn vị', group: GROUP_BLOC, render: () => <UnitsScreen /> },
  { id: 'years', label: 'Năm thi đua', group: GROUP_BLOC, render: () => <YearsScreen /> },
  { id: 'history', label: 'Lịch sử khối', group: GROUP_BLOC, render: () => <HistoryScreen /> },
  // Công việc trong năm (GROUP_YEAR), e.g.:
  // { id: 'scoring', label: 'Bảng chấm điểm', group: GROUP_YEAR, needsYear: true, render: () => <ScoringScreen /> },
  { id: 'scoring', label: 'Bảng chấm điểm', group: GROUP_YEAR, needsYear: true, render: () => <ScoringSection /> },
  { id: 'pledge', label: 'Giao ước thi đua', group: GROUP_YEAR, needsYear: true, render: () => <PledgeSection /> },
  { id: 'assessment', label: 'Tự chấm điểm', group: GROUP_YEAR, needsYear: true, render: () => <AssessmentSection /> },
  { id: 'verification', label: 'Thẩm định', group: GROUP_YEAR, needsYear: true, render: () => <VerificationSection /> },
  { id: 'ranking', label: 'Xếp hạng', group: GROUP_YEAR, needsYear: true, render: () => <RankingSection /> },
  { id: 'conference', label: 'Hội nghị tổng kết', group: GROUP_YEAR, needsYear: true, render: () => <ConferenceSection /> },
  { id: 'papers', label: 'Văn bản hội nghị', group: GROUP_YEAR, needsYear: true, render: () => <PapersSection /> },
  { id: 'handover', label: 'Sao lưu & bàn giao', group: GROUP_SYSTEM, render: () => <HandoverScreen /> },
  { id: 'backups', label: 'Bản sao lưu', group: GROUP_SYSTEM, render: () => <BackupsScreen /> },
  { id: 'settings', label: 'Cài đặt', group: GROUP_SYSTEM, render: () => <SettingsScreen /> },
];

/** Sections grouped under their headings, in navigation order. */
export const groupedSections = (list: Section[] = sections) => groupList(list);

/** Sections that work without any bloc (everything else shows the welcome screen first). */
export const SECTIONS_WITHOUT_BLOC = new Set(['handover', 'backups', 'settings']);
