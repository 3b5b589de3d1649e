/** Every channel's handler. Each capability adds its module here. */
import type { HandlerMap } from '../bridge/dispatch';
import { foundationHandlers } from './foundation';

export const handlers: HandlerMap = {
  ...foundationHandlers,
};
