/**
 * Preview stand-in for `lightning/platformShowToastEvent`. The event is the platform's
 * (`lightning__showtoast`, bubbling and composed); the page shell catches it and shows it
 * with the real `lightning/toast`, as Lightning Experience does.
 */
export interface ShowToastEventDetail {
  title: string;
  message?: string;
  messageData?: (string | { url: string; label: string })[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
  constructor(detail: ShowToastEventDetail) {
    super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail });
  }
}
