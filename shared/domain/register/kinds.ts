/** Which register type numbers each printed document kind; null for papers printed without a number. */
import type { RegisterType } from './types';

const TYPES: Readonly<Record<string, RegisterType | null>> = {
  invitation: 'GM',
  programme: null,
  minutes: 'BB',
  'vote-minutes': 'BB',
  'summary-report': 'BC',
  'midyear-report': 'BC',
  proposal: 'TTr',
  pledge: 'GƯ',
  'verification-notice': 'TB',
  ranking: null,
  ballots: null,
  'scoring-table': null,
  dossier: null,
};

/** The register type of a document kind; null when the kind is printed without a number (or unknown). */
export function registerTypeOfKind(kind: string): RegisterType | null {
  return Object.hasOwn(TYPES, kind) ? (TYPES[kind] ?? null) : null;
}
