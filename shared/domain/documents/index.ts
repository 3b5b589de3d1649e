/** Conference papers (pure): drafts and their defaults, the conference context, the vote outcome, report figures. */
export * from './draft';
export * from './conference-context';
export * from './common';
export * from './vote-outcome';
export * from './figures';
export { AGENDA, clock, parseClock, programmeDraftOf, defaultProgrammeDraft } from './programme';
export { invitationDraftOf, defaultInvitationDraft } from './invitation';
export { minutesDraftOf, defaultMinutesDraft } from './minutes';
export { summaryReportDraftOf, defaultSummaryReportDraft, midyearReportDraftOf, defaultMidyearReportDraft } from './reports';
export { proposalDraftOf, defaultProposalDraft } from './proposal';
