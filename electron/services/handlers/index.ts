/** Every channel's handler. Each capability adds its module here. */
import type { HandlerMap } from '../bridge/dispatch';
import { foundationHandlers } from './foundation';
import { assessmentHandlers } from './assessment';
import { documentsHandlers } from './documents';
import { scoringHandlers } from './scoring';
import { backupsHandlers } from './backups';
import { papersHandlers } from './papers';
import { historyHandlers } from './history';
import { uploadHandlers } from './upload';

export const handlers: HandlerMap = {
  ...foundationHandlers,
  ...assessmentHandlers,
  ...documentsHandlers,
  ...scoringHandlers,
  ...backupsHandlers,
  ...papersHandlers,
  ...historyHandlers,
  ...uploadHandlers,
};
