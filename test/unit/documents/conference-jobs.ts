/** Jobs that print every registered document kind for a conference fixture, with the options each kind takes. */
import type { DocumentFormat, DocumentKind, DocumentOptions } from '../../../shared/api/channels/documents';
import { documentRegistry } from '../../../electron/services/documents/registry';
import type { DocumentJob } from '../../../electron/services/documents/service';
import type { ConferenceFixture } from './conference-fixture';

/** The conference's facts as the secretariat types them into the drafts. */
export const CONFERENCE_FIELDS = {
  meetingDate: '2025-01-06',
  meetingPlace: 'Hội trường tầng 3, Sở Y tế tỉnh Hà Nam',
  startTime: '08 giờ 00',
  endTime: '11 giờ 15',
  secretaryName: 'Nguyễn Thị Thu Hà',
  secretary: 'Đồng chí Nguyễn Thị Thu Hà, chuyên viên Sở Y tế',
};

/** Everything a kind may take; each job keeps only the options its kind reads. */
export function optionsFor(kind: string, f: ConferenceFixture): DocumentOptions {
  const all: DocumentOptions = {
    vote: f.vote,
    issued: { number: 5, date: '2025-01-06' },
    references: { minutes: { number: 3, date: '2025-01-06' }, voteMinutes: { number: 4, date: '2025-01-06' } },
    draft: { fields: { ...CONFERENCE_FIELDS, date: '2025-01-02', deadline: '2024-12-15' }, sections: [] },
  };
  const module = documentRegistry[kind as DocumentKind];
  return Object.fromEntries(Object.entries(all).filter(([k]) => (module.options as readonly string[]).includes(k))) as DocumentOptions;
}

/** Every registered kind but the bundles (the dossier is checked part by part). */
export function documentKinds(): DocumentKind[] {
  return (Object.keys(documentRegistry) as DocumentKind[]).filter((k) => !documentRegistry[k].bundle);
}

export function jobFor(kind: DocumentKind, f: ConferenceFixture, format: DocumentFormat): DocumentJob {
  return { kind, data: f.data, year: f.year, format, options: optionsFor(kind, f) };
}
