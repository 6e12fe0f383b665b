import type { Handlers } from './handler-types';
import { appHandlers } from './services/app';

/** Every API method's implementation. The type makes a missing method a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
};
