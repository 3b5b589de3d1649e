/**
 * Every printable document kind and its module. A new document is one module in kinds/ (BlocData
 * and options in, a document model out) and one entry here; the bridge channels `documents.render`
 * / `documents.save` and the CLI's `document --kind` serve it in PDF and Word at once.
 */
import type { DocumentKind } from '../../../shared/api/channels/documents';
import type { DocumentModule } from './kinds/kind';
import { dossierKind } from './kinds/dossier';
import { invitationKind } from './kinds/invitation';
import { minutesKind } from './kinds/minutes';
import { pledgeKind } from './kinds/pledge';
import { programmeKind } from './kinds/programme';
import { proposalKind } from './kinds/proposal';
import { midyearReportKind, summaryReportKind } from './kinds/reports';
import { scoringTableKind } from './kinds/scoring-table';

export const documentRegistry: Readonly<Record<DocumentKind, DocumentModule>> = {
  pledge: pledgeKind,
  'scoring-table': scoringTableKind,
  invitation: invitationKind,
  programme: programmeKind,
  minutes: minutesKind,
  'summary-report': summaryReportKind,
  'midyear-report': midyearReportKind,
  proposal: proposalKind,
  dossier: dossierKind,
};

export type { DocumentModule } from './kinds/kind';
