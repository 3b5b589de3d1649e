/**
 * Every printable document kind and its module. A new document is one module in kinds/ (BlocData
 * and options in, a document model out) and one entry here; the bridge channels `documents.render`
 * / `documents.save` and the CLI's `document --kind` serve it in PDF and Word at once.
 */
import type { DocumentKind } from '../../../shared/api/channels/documents';
import type { DocumentModule } from './kinds/kind';
import { ballotsKind } from './kinds/ballots';
import { pledgeKind } from './kinds/pledge';
import { rankingKind } from './kinds/ranking';
import { scoringTableKind } from './kinds/scoring-table';
import { verificationNoticeKind } from './kinds/verification-notice';
import { voteMinutesKind } from './kinds/vote-minutes';

export const documentRegistry: Readonly<Record<DocumentKind, DocumentModule>> = {
  pledge: pledgeKind,
  'scoring-table': scoringTableKind,
  ranking: rankingKind,
  'verification-notice': verificationNoticeKind,
  ballots: ballotsKind,
  'vote-minutes': voteMinutesKind,
};

export type { DocumentModule } from './kinds/kind';
