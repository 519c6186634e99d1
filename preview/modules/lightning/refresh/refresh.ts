/**
 * Preview stand-in for `lightning/refresh`: a RefreshEvent re-provisions every live wire (as
 * LDS refreshes the records in view) and calls the handlers components registered.
 */
import { refreshAllWires } from '../../../runtime/liveWires';

export const REFRESH_COMPLETE = 'RefreshComplete';
export const REFRESH_COMPLETE_WITH_ERRORS = 'RefreshCompleteWithErrors';
export const REFRESH_ERROR = 'RefreshError';
const REFRESH_EVENT_NAME = 'lightning__refreshevent';

type RefreshHandler = () => Promise<boolean | string> | boolean | string | void;

const handlers = new Map<EventTarget, RefreshHandler>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener(REFRESH_EVENT_NAME, () => {
    void Promise.all([refreshAllWires(), ...[...handlers.values()].map((handler) => handler())]);
  });
}

export class RefreshEvent extends CustomEvent<null> {
  constructor() {
    super(REFRESH_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail: null });
    listen();
  }
}

export function registerRefreshHandler(contextElement: EventTarget, handler: RefreshHandler): void {
  listen();
  handlers.set(contextElement, handler);
}

export function unregisterRefreshHandler(contextElement: EventTarget): void {
  handlers.delete(contextElement);
}

export function registerRefreshContainer(
  contextElement: EventTarget,
  handler: RefreshHandler
): void {
  registerRefreshHandler(contextElement, handler);
}

export function unregisterRefreshContainer(contextElement: EventTarget): void {
  unregisterRefreshHandler(contextElement);
}
