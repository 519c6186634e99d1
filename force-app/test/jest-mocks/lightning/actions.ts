/**
 * Jest mock of `lightning/actions` (the sfdx-lwc-jest preset has no stub for it): the event a
 * quick action's component fires to close its modal. Tests listen for its type.
 */
export const CLOSE_ACTION_SCREEN_EVENT_TYPE = 'lightning__actionsclosescreen';

export class CloseActionScreenEvent extends CustomEvent<null> {
  constructor() {
    super(CLOSE_ACTION_SCREEN_EVENT_TYPE, { bubbles: true, composed: true, detail: null });
  }
}
