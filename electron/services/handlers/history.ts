/** Handlers of the history channels. */
import type { historyChannels } from '../../../shared/api/channels/history';
import type { HandlerMap } from '../bridge/dispatch';
import { historyXlsx } from '../excel/history-xlsx';

export const historyHandlers = {
  'history.xlsx': async (_ctx, { data }) => historyXlsx(data),
} satisfies { [K in keyof typeof historyChannels]: HandlerMap[K] };
