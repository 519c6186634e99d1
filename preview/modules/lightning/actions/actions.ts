/**
 * Preview stand-in for `lightning/actions`: CloseActionScreenEvent, which a quick action's
 * component fires to close its modal. The preview renders actions inline, so it only bubbles.
 */
export class CloseActionScreenEvent extends CustomEvent<null> {
  constructor() {
    super('lightning__actionsclosescreen', { bubbles: true, composed: true, detail: null });
  }
}
