import { createElement } from 'lwc';
import CoachingSessionForm from 'c/coachingSessionForm';
import { LOG_SESSION_REQUEST } from 'c/sessionDraft';
import { graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CLOSE_ACTION_SCREEN_EVENT_TYPE } from '../../../../../test/jest-mocks/lightning/actions';
import CONTEXT_OPPORTUNITY from './data/formContextOpportunity.json';
import CONTEXT_NO_REPORTS from './data/formContextNoReports.json';
import OBJECT_INFO_MANAGER from './data/objectInfoManager.json';
import OBJECT_INFO_REP from './data/objectInfoRep.json';
import OBJECT_INFO_PRIVATE_NOTE from './data/objectInfoPrivateNote.json';
import PICKLISTS from './data/picklists.json';
import SAVE_FIELD_ERROR from './data/saveFieldError.json';
import SAVE_PRIVATE_NOTE_ERROR from './data/savePrivateNoteError.json';
import DELETE_SESSION_ERROR from './data/deleteSessionError.json';

type ConfigFilter = (config: Record<string, unknown>) => boolean;
interface TestAdapter {
  emit(value: unknown, filter?: ConfigFilter): void;
  emitErrors(errors: unknown, filter?: ConfigFilter, refresh?: () => Promise<void>): void;
  emitError(options?: unknown, filter?: ConfigFilter): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}
const graphqlAdapter = graphql as unknown as TestAdapter;
// Tests drive the wire adapters' test stubs directly.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const picklistAdapter = getPicklistValuesByRecordType as unknown as TestAdapter;
const createRecordMock = createRecord as unknown as jest.Mock;
const deleteRecordMock = deleteRecord as unknown as jest.Mock;
const notifyMock = notifyRecordUpdateAvailable as unknown as jest.Mock;

const TODAY = '2026-11-23';
const OPPORTUNITY_ID = '006000000000001AAA';
const OWNER_ID = '005000000000011AAA';
const USER_ID = '005000000000000000';

interface FieldElement extends HTMLElement {
  value: unknown;
  options?: { label: string; value: string }[];
}

type FormProps = Partial<{
  recordId: string;
  objectApiName: string;
  sessionType: string;
  repId: string;
  today: string;
}>;

/** The form reads two objects' info: the session's and the private note's, told apart here. */
function forObject(apiName: string): ConfigFilter {
  return (config) =>
    (config.objectApiName as { objectApiName?: string } | undefined)?.objectApiName === apiName;
}

function emitSessionInfo(info: unknown): void {
  objectInfoAdapter.emit(info, forObject('Coaching_Session__c'));
}

function emitPrivateNoteInfo(info: unknown): void {
  objectInfoAdapter.emit(info, forObject('Coaching_Private_Note__c'));
}

/** The configs of every live getObjectInfo wire (a filter that emits to none of them). */
function objectInfoConfigs(): Record<string, unknown>[] {
  const configs: Record<string, unknown>[] = [];
  objectInfoAdapter.emit(undefined, (config) => {
    configs.push(config);
    return false;
  });
  return configs;
}

function createForm(props: FormProps = {}): HTMLElement & FormProps {
  const element = createElement('c-coaching-session-form', {
    is: CoachingSessionForm
  }) as HTMLElement & FormProps;
  Object.assign(element, { today: TODAY, ...props });
  document.body.appendChild(element);
  return element;
}

// eslint-disable-next-line @lwc/lwc/no-async-operation
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Lets pending promise callbacks (a save's several writes) and re-renders run. */
async function flush(): Promise<void> {
  await tick();
  await tick();
  await tick();
}

function field(element: HTMLElement, name: string): FieldElement {
  return element.shadowRoot!.querySelector(`[data-field="${name}"]`) as FieldElement;
}

function type(element: HTMLElement, name: string, value: unknown): void {
  const target = field(element, name);
  target.value = value;
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function loadOpportunityForm(props: FormProps = {}): Promise<HTMLElement & FormProps> {
  const element = createForm({
    recordId: OPPORTUNITY_ID,
    objectApiName: 'Opportunity',
    ...props
  });
  emitSessionInfo(OBJECT_INFO_MANAGER);
  emitPrivateNoteInfo(OBJECT_INFO_PRIVATE_NOTE);
  picklistAdapter.emit(PICKLISTS);
  graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
  await flush();
  return element;
}

function clickSave(element: HTMLElement): void {
  (element.shadowRoot!.querySelector('lightning-button.save') as HTMLElement).click();
}

function text(element: HTMLElement): string {
  return element.shadowRoot!.textContent ?? '';
}

describe('c-coaching-session-form', () => {
  beforeEach(() => {
    sessionStorage.clear();
    createRecordMock.mockReset();
    deleteRecordMock.mockReset();
    deleteRecordMock.mockResolvedValue(undefined);
    notifyMock.mockReset();
    notifyMock.mockResolvedValue(undefined);
  });

  it('says how many people and goals its pickers list of how many', async () => {
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    emitPrivateNoteInfo(OBJECT_INFO_PRIVATE_NOTE);
    picklistAdapter.emit(PICKLISTS);
    const context = JSON.parse(JSON.stringify(CONTEXT_OPPORTUNITY)) as {
      uiapi: { query: Record<string, { edges: unknown[]; totalCount?: number }> };
    };
    context.uiapi.query.reports.totalCount = 2500;
    graphqlAdapter.emit(context);
    await flush();
    const notice = element.shadowRoot!.querySelector('.reports-notice');
    expect(notice?.textContent).toBe('c.SC_Form_LimitReports');
    expect(element.shadowRoot!.querySelector('.goals-notice')).toBeNull();
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows a spinner with alternative text while loading', async () => {
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    await flush();
    const spinner = element.shadowRoot!.querySelector('lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('c.SC_Loading');
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an error panel with the reduced messages when the context query fails', async () => {
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emitErrors([{ message: 'No such column Foo' }]);
    await flush();
    const panel = element.shadowRoot!.querySelector('.error-panel');
    expect(panel).not.toBeNull();
    expect(panel!.textContent).toContain('No such column Foo');
    expect(panel!.getAttribute('role')).toBe('alert');
    await expect(element).toBeAccessible();
  });

  it('queries the deal, the reports of the user and the rep goals', async () => {
    await loadOpportunityForm();
    const config = graphqlAdapter.getLastConfig();
    expect(config.variables).toEqual({
      opportunityId: OPPORTUNITY_ID,
      userId: USER_ID,
      repId: OWNER_ID
    });
    expect(objectInfoConfigs()).toEqual(
      expect.arrayContaining([
        { objectApiName: { objectApiName: 'Coaching_Session__c' } },
        { objectApiName: { objectApiName: 'Coaching_Private_Note__c' } }
      ])
    );
    expect(picklistAdapter.getLastConfig()).toEqual(
      expect.objectContaining({ recordTypeId: '012000000000000AAA' })
    );
  });

  it('pre-fills rep, deal, Deal Review, Completed and today on an Opportunity', async () => {
    const element = await loadOpportunityForm();
    expect(field(element, 'repId').value).toBe(OWNER_ID);
    expect(field(element, 'sessionType').value).toBe('Deal Review');
    expect(field(element, 'status').value).toBe('Completed');
    expect(field(element, 'sessionDate').value).toBe(TODAY);
    expect(element.shadowRoot!.querySelector('.opportunity-name')!.textContent).toBe(
      'Acme — 500 seats'
    );
    expect(field(element, 'focusAreas').options).toEqual([
      { label: 'Discovery', value: 'Discovery' },
      { label: 'Closing', value: 'Closing' }
    ]);
    expect(field(element, 'goalId').options).toEqual([
      { label: 'c.SC_Session_Goal_None', value: '' },
      { label: 'Better discovery', value: 'a01000000000001AAA' }
    ]);
    await expect(element).toBeAccessible();
  });

  it('offers the user reports as reps off a record page and honours presets', async () => {
    const element = createForm({ sessionType: 'One-on-One' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(graphqlAdapter.getLastConfig().variables).toEqual({
      opportunityId: null,
      userId: USER_ID,
      repId: OWNER_ID
    });
    expect(field(element, 'sessionType').value).toBe('One-on-One');
    expect(field(element, 'repId').options!.map((option) => option.value)).toEqual([
      OWNER_ID,
      '005000000000012AAA'
    ]);
  });

  it('offers a private note only to users who may create Coaching_Private_Note__c records', async () => {
    const manager = await loadOpportunityForm();
    const notes = field(manager, 'privateNotes') as FieldElement & { fieldLevelHelp: string };
    expect(notes).not.toBeNull();
    expect(notes.fieldLevelHelp).toBe('c.SC_Session_Private_Notes_Help');
    await expect(manager).toBeAccessible();
    document.body.removeChild(manager);

    // No access to the notes object (the object info request fails): no private note.
    const noAccess = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    objectInfoAdapter.emitError({ status: 403 }, forObject('Coaching_Private_Note__c'));
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(field(noAccess, 'strengths')).not.toBeNull();
    expect(field(noAccess, 'privateNotes')).toBeNull();
    document.body.removeChild(noAccess);

    // Access to the object, but field-level security keeps the text from being set.
    const { Body__c: _hidden, ...otherFields } = OBJECT_INFO_PRIVATE_NOTE.fields;
    const noField = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    emitPrivateNoteInfo({ ...OBJECT_INFO_PRIVATE_NOTE, fields: otherFields });
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(field(noField, 'privateNotes')).toBeNull();
  });

  it('does not offer the form to a user who cannot create sessions (a rep)', async () => {
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    // The context has loaded, but whether the user may create is not known yet: no form flashes.
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();

    emitSessionInfo(OBJECT_INFO_REP);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot!.querySelector('.no-create-access')!.textContent).toBe(
      'c.SC_Session_No_Create_Access'
    );
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('does not offer the form when the object info cannot be read', async () => {
    const element = createForm();
    objectInfoAdapter.error();
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(element.shadowRoot!.querySelector('.no-create-access')).not.toBeNull();
  });

  it('mirrors the validation rules with the same messages and does not save', async () => {
    const element = createForm();
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_NO_REPORTS);
    await flush();
    expect(element.shadowRoot!.querySelector('.no-reports')).not.toBeNull();

    type(element, 'durationMinutes', '0');
    type(element, 'followUpDate', '2026-11-20');
    clickSave(element);
    await flush();

    const summary = element.shadowRoot!.querySelector('.form-errors')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.textContent).toContain('c.SC_VR_Coaching_Session_Rep_Required');
    expect(summary.textContent).toContain('c.SC_VR_Coaching_Session_Duration_Positive');
    expect(summary.textContent).toContain('c.SC_VR_Coaching_Session_Follow_Up_Not_Before_Session');
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();

    type(element, 'sessionDate', '');
    clickSave(element);
    await flush();
    expect(text(element)).toContain('c.SC_Session_Date_Required');
  });

  it('creates the session, then the private note on it; toasts, notifies, closes, clears the draft', async () => {
    createRecordMock
      .mockResolvedValueOnce({
        id: 'a00000000000001AAA',
        apiName: 'Coaching_Session__c',
        fields: {}
      })
      .mockResolvedValueOnce({ id: 'a07000000000001AAA', apiName: 'Coaching_Private_Note__c' });
    const element = await loadOpportunityForm();
    const toasts: ShowToastEvent[] = [];
    const logged: CustomEvent[] = [];
    const closed = jest.fn();
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push(event as ShowToastEvent)
    );
    document.body.addEventListener('sessionlogged', (event) => logged.push(event as CustomEvent));
    element.addEventListener(CLOSE_ACTION_SCREEN_EVENT_TYPE, closed);

    type(element, 'focusAreas', ['Discovery', 'Closing']);
    type(element, 'strengths', 'Clear agenda');
    type(element, 'commitments', 'Map the buying committee');
    type(element, 'followUpDate', '2026-11-30');
    type(element, 'durationMinutes', '30');
    type(element, 'privateNotes', 'Needs confidence');
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`)).toContain(
      'Clear agenda'
    );
    clickSave(element);
    await flush();

    expect(createRecordMock.mock.calls).toEqual([
      [
        {
          apiName: 'Coaching_Session__c',
          fields: {
            Rep__c: OWNER_ID,
            Coach__c: USER_ID,
            Opportunity__c: OPPORTUNITY_ID,
            Session_Type__c: 'Deal Review',
            Status__c: 'Completed',
            Session_Date__c: TODAY,
            Duration_Minutes__c: 30,
            Focus_Areas__c: 'Discovery;Closing',
            Strengths__c: 'Clear agenda',
            Development_Areas__c: null,
            Commitments__c: 'Map the buying committee',
            Follow_Up_Date__c: '2026-11-30'
          }
        }
      ],
      // The note is its own record, owned by its creator (the coach), never the rep's.
      [
        {
          apiName: 'Coaching_Private_Note__c',
          fields: { Coaching_Session__c: 'a00000000000001AAA', Body__c: 'Needs confidence' }
        }
      ]
    ]);
    expect(deleteRecordMock).not.toHaveBeenCalled();
    expect(toasts).toHaveLength(1);
    expect(toasts[0].detail).toEqual(
      expect.objectContaining({ variant: 'success', message: 'c.SC_Session_Saved' })
    );
    expect(logged).toHaveLength(1);
    expect(logged[0].detail).toEqual({
      id: 'a00000000000001AAA',
      repId: OWNER_ID,
      opportunityId: OPPORTUNITY_ID
    });
    expect(logged[0].bubbles && logged[0].composed).toBe(true);
    expect(notifyMock).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }, { recordId: OWNER_ID }]);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`)).toBeNull();
    expect(field(element, 'strengths').value).toBe('');
    expect(field(element, 'repId').value).toBe(OWNER_ID);
  });

  it('keeps the typed text after a failed save, shows field errors inline and restores the draft', async () => {
    createRecordMock.mockRejectedValue(SAVE_FIELD_ERROR);
    const element = await loadOpportunityForm();
    type(element, 'strengths', 'Strong opener');
    type(element, 'commitments', 'Send the mutual plan');
    clickSave(element);
    await flush();

    const saveErrors = element.shadowRoot!.querySelector('.save-errors')!;
    expect(saveErrors.textContent).toContain('c.SC_Session_Save_Failed');
    // A message about a field is listed with the field's name, not again among the others.
    expect(saveErrors.textContent).not.toContain(
      'The follow-up date cannot be before the session date.'
    );
    expect(element.shadowRoot!.querySelector('.form-errors')!.textContent).toContain(
      'c.SC_Session_Follow_Up_Date: The follow-up date cannot be before the session date.'
    );
    expect(field(element, 'strengths').value).toBe('Strong opener');
    await expect(element).toBeAccessible();

    // Leave the page and come back: the draft is restored.
    document.body.removeChild(element);
    const again = await loadOpportunityForm();
    expect(again.shadowRoot!.querySelector('.draft-notice')).not.toBeNull();
    expect(field(again, 'strengths').value).toBe('Strong opener');
    expect(field(again, 'commitments').value).toBe('Send the mutual plan');
    expect(field(again, 'repId').value).toBe(OWNER_ID);
    await expect(again).toBeAccessible();

    (again.shadowRoot!.querySelector('lightning-button.discard-draft') as HTMLElement).click();
    await flush();
    expect(field(again, 'strengths').value).toBe('');
    expect(again.shadowRoot!.querySelector('.draft-notice')).toBeNull();
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`)).toBeNull();
  });

  it('writes no private note when none was typed', async () => {
    createRecordMock.mockResolvedValue({ id: 'a00000000000001AAA', fields: {} });
    const element = await loadOpportunityForm();
    type(element, 'strengths', 'Clear agenda');
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledTimes(1);
    expect(createRecordMock).toHaveBeenCalledWith(
      expect.objectContaining({ apiName: 'Coaching_Session__c' })
    );
  });

  it('undoes the session when its private note fails, and keeps everything typed', async () => {
    createRecordMock
      .mockResolvedValueOnce({
        id: 'a00000000000001AAA',
        apiName: 'Coaching_Session__c',
        fields: {}
      })
      .mockRejectedValueOnce(SAVE_PRIVATE_NOTE_ERROR);
    const element = await loadOpportunityForm();
    const toasts: Event[] = [];
    const logged: Event[] = [];
    const closed = jest.fn();
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event));
    document.body.addEventListener('sessionlogged', (event) => logged.push(event));
    element.addEventListener(CLOSE_ACTION_SCREEN_EVENT_TYPE, closed);
    type(element, 'strengths', 'Clear agenda');
    type(element, 'privateNotes', 'Needs confidence');
    clickSave(element);
    await flush();
    await flush();

    expect(deleteRecordMock).toHaveBeenCalledWith('a00000000000001AAA');
    const saveErrors = element.shadowRoot!.querySelector('.save-errors')!;
    expect(saveErrors.getAttribute('role')).toBe('alert');
    expect(saveErrors.textContent).toContain('c.SC_Session_Note_Failed_Nothing_Saved');
    // The field is named once: the platform's "Note: " prefix is dropped, the form names it.
    expect(element.shadowRoot!.querySelector('.form-errors')!.textContent).toContain(
      'c.SC_Session_Private_Notes: data value too large (max length=32768)'
    );
    expect(text(element)).not.toContain('Note: data value');
    expect(element.shadowRoot!.querySelector('.unsaved-note')).toBeNull();
    expect(field(element, 'strengths').value).toBe('Clear agenda');
    expect(field(element, 'privateNotes').value).toBe('Needs confidence');
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`)).toContain(
      'Needs confidence'
    );
    // An error toast says it too (the form's messages may be out of sight).
    expect(toasts.map((event) => (event as ShowToastEvent).detail.variant)).toEqual(['error']);
    expect(logged).toHaveLength(0);
    expect(closed).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('says so and shows the note back when the session cannot be undone either', async () => {
    createRecordMock
      .mockResolvedValueOnce({
        id: 'a00000000000001AAA',
        apiName: 'Coaching_Session__c',
        fields: {}
      })
      .mockRejectedValueOnce(SAVE_PRIVATE_NOTE_ERROR);
    deleteRecordMock.mockRejectedValue(DELETE_SESSION_ERROR);
    const element = await loadOpportunityForm();
    const toasts: Event[] = [];
    const logged: CustomEvent[] = [];
    const closed = jest.fn();
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event));
    document.body.addEventListener('sessionlogged', (event) => logged.push(event as CustomEvent));
    element.addEventListener(CLOSE_ACTION_SCREEN_EVENT_TYPE, closed);
    type(element, 'strengths', 'Clear agenda');
    type(element, 'privateNotes', '  Needs confidence ');
    clickSave(element);
    await flush();
    await flush();

    // The session exists: the page hears of it, the draft goes, the form is ready for the next.
    expect(logged.map((event) => (event.detail as { id: string }).id)).toEqual([
      'a00000000000001AAA'
    ]);
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`)).toBeNull();
    expect(field(element, 'strengths').value).toBe('');
    // But no success toast and no closing: the form says what was not saved, and shows the note.
    expect(toasts.map((event) => (event as ShowToastEvent).detail.variant)).toEqual(['error']);
    expect(closed).not.toHaveBeenCalled();
    const saveErrors = element.shadowRoot!.querySelector('.save-errors')!;
    expect(saveErrors.textContent).toContain('c.SC_Session_Note_Failed_Session_Saved');
    expect(saveErrors.textContent).toContain('Note: data value too large (max length=32768)');
    expect(saveErrors.textContent).toContain('c.SC_Session_Unsaved_Note');
    expect(element.shadowRoot!.querySelector('.unsaved-note')!.textContent).toBe(
      'Needs confidence'
    );
    await expect(element).toBeAccessible();
  });

  it('never saves a draft started for one rep as another preset rep’s session', async () => {
    createRecordMock.mockResolvedValue({ id: 'a00000000000002AAA', fields: {} });
    const REP_A = OWNER_ID;
    const REP_B = '005000000000012AAA';
    // Logging for rep A from a scorecard warning: typed, then closed without saving.
    const forA = createForm({ repId: REP_A });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    type(forA, 'strengths', 'Typed for A');
    document.body.removeChild(forA);

    // Then the form for rep B: B's form, empty, and the session is B's.
    const forB = createForm({ repId: REP_B });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(field(forB, 'repId').value).toBe(REP_B);
    expect(field(forB, 'strengths').value).toBe('');
    expect(forB.shadowRoot!.querySelector('.draft-notice')).toBeNull();
    type(forB, 'commitments', 'Weekly pipeline review');
    clickSave(forB);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith({
      apiName: 'Coaching_Session__c',
      fields: expect.objectContaining({ Rep__c: REP_B, Strengths__c: null }) as unknown
    });
    document.body.removeChild(forB);

    // A's draft is still there for A.
    const againA = createForm({ repId: REP_A });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(field(againA, 'repId').value).toBe(REP_A);
    expect(field(againA, 'strengths').value).toBe('Typed for A');
  });

  it('switches to the new rep’s form when the preset rep changes while open', async () => {
    const REP_A = OWNER_ID;
    const REP_B = '005000000000012AAA';
    const element = createForm({ repId: REP_A });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    type(element, 'strengths', 'Typed for A');
    await flush();

    element.repId = REP_B;
    await flush();
    expect(field(element, 'repId').value).toBe(REP_B);
    expect(field(element, 'strengths').value).toBe('');
    expect(graphqlAdapter.getLastConfig().variables).toEqual(
      expect.objectContaining({ repId: REP_B })
    );

    element.repId = REP_A;
    await flush();
    expect(field(element, 'repId').value).toBe(REP_A);
    expect(field(element, 'strengths').value).toBe('Typed for A');
    expect(element.shadowRoot!.querySelector('.draft-notice')).not.toBeNull();
  });

  it('keeps drafts off a record page per user', async () => {
    const element = createForm();
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    type(element, 'strengths', 'Listening');
    expect(sessionStorage.getItem(`salesCoaching.sessionDraft.new.${USER_ID}`)).toContain(
      'Listening'
    );
  });

  // ---- Issue 14: no bad input gets through, nothing typed is lost, no half-written records ----

  function saveButton(element: HTMLElement): HTMLElement & { disabled: boolean } {
    return element.shadowRoot!.querySelector('lightning-button.save') as HTMLElement & {
      disabled: boolean;
    };
  }

  function feedback(element: HTMLElement): string {
    return element.shadowRoot!.querySelector('.save-feedback')?.textContent ?? '';
  }

  it('refuses a duration that is not a number instead of saving it as blank (defect 1)', async () => {
    const element = await loadOpportunityForm();
    type(element, 'strengths', 'Clear agenda');
    await flush();
    expect(saveButton(element).disabled).toBe(false);
    type(element, 'durationMinutes', 'abc');
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    expect(feedback(element)).toContain('c.SC_Session_Duration: c.SC_Form_Number_Invalid');
    clickSave(element);
    await flush();
    expect(createRecordMock).not.toHaveBeenCalled();
  });

  it('refuses 12.5 minutes instead of rounding it, and sends whole minutes as typed (defect 9)', async () => {
    createRecordMock.mockResolvedValue({ id: 'a00000000000001AAA', fields: {} });
    const element = await loadOpportunityForm();
    type(element, 'durationMinutes', '12.5');
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    expect(feedback(element)).toContain('c.SC_Form_Number_Whole');
    type(element, 'durationMinutes', '1,440');
    await flush();
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith(
      expect.objectContaining({
        fields: expect.objectContaining({ Duration_Minutes__c: 1440 }) as unknown
      })
    );
  });

  it('refuses a duration over a day with the rule’s message (defect 8)', async () => {
    const element = await loadOpportunityForm();
    type(element, 'durationMinutes', '9999');
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    expect(feedback(element)).toContain('c.SC_VR_Coaching_Session_Duration_At_Most_A_Day');
  });

  it('writes one session however often Save is clicked (defect 2)', async () => {
    let resolve: (value: unknown) => void = () => undefined;
    createRecordMock.mockImplementation(
      () =>
        new Promise((done) => {
          resolve = done;
        })
    );
    const element = await loadOpportunityForm();
    type(element, 'strengths', 'One session only');
    await flush();
    clickSave(element);
    await flush();
    // In flight: Save is disabled and a second click writes nothing.
    expect(saveButton(element).disabled).toBe(true);
    clickSave(element);
    resolve({ id: 'a00000000000001AAA', apiName: 'Coaching_Session__c', fields: {} });
    await flush();
    // Saved and reset: the fresh form has nothing to save, so more clicks write nothing.
    expect(field(element, 'strengths').value).toBe('');
    expect(saveButton(element).disabled).toBe(true);
    clickSave(element);
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledTimes(1);
  });

  it('refuses a completed session in the future, not a planned one (defect 6)', async () => {
    createRecordMock.mockResolvedValue({ id: 'a00000000000001AAA', fields: {} });
    const element = await loadOpportunityForm();
    type(element, 'sessionDate', '2026-12-01');
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    expect(feedback(element)).toContain('c.SC_VR_Coaching_Session_Completed_Not_In_Future');
    type(element, 'status', 'Planned');
    await flush();
    expect(saveButton(element).disabled).toBe(false);
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith(
      expect.objectContaining({
        fields: expect.objectContaining({
          Status__c: 'Planned',
          Session_Date__c: '2026-12-01'
        }) as unknown
      })
    );
  });

  it('shows the length limit as the user types and refuses text over it before sending (defect 7)', async () => {
    const element = await loadOpportunityForm();
    type(element, 'strengths', 'Short');
    await flush();
    expect(element.shadowRoot!.querySelector('[data-count="strengths"]')!.textContent!.trim()).toBe(
      'c.SC_Form_Characters'
    );
    type(element, 'strengths', 'x'.repeat(40000));
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    const rows = feedback(element);
    // The field is named once, and the message says what to do.
    expect(rows).toContain('c.SC_Session_Strengths: c.SC_Form_Text_Too_Long');
    expect(rows.split('c.SC_Session_Strengths').length - 1).toBe(1);
    clickSave(element);
    await flush();
    expect(createRecordMock).not.toHaveBeenCalled();
  });

  it('puts the error beside Save, moves focus to it and toasts when the save fails (defect 5)', async () => {
    createRecordMock.mockRejectedValue({
      status: 503,
      body: [{ errorCode: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable.' }]
    });
    const element = await loadOpportunityForm();
    const toasts: ShowToastEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push(event as ShowToastEvent)
    );
    type(element, 'commitments', 'Call the CFO');
    clickSave(element);
    await flush();
    const near = element.shadowRoot!.querySelector('.save-feedback')!;
    expect(near.textContent).toContain('c.SC_Session_Save_Failed');
    expect(near.textContent).toContain('Service Unavailable.');
    // The error beside the Save button comes right before it, where the user is.
    expect(near.nextElementSibling).toBe(saveButton(element));
    expect(element.shadowRoot!.activeElement).toBe(near);
    expect(element.shadowRoot!.querySelector('.save-errors')).not.toBeNull();
    expect(toasts.map((event) => event.detail)).toEqual([
      expect.objectContaining({ variant: 'error', message: 'c.SC_Session_Save_Failed' })
    ]);
    expect(field(element, 'commitments').value).toBe('Call the CFO');
    await expect(element).toBeAccessible();
  });

  it('offers no session on an opportunity the user cannot see (defect 4)', async () => {
    const unseen = JSON.parse(JSON.stringify(CONTEXT_OPPORTUNITY)) as typeof CONTEXT_OPPORTUNITY;
    unseen.uiapi.query.Opportunity.edges = [];
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(unseen);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(element.shadowRoot!.querySelector('.unavailable')!.textContent).toBe(
      'c.SC_Session_Opportunity_Not_Available'
    );
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('gives a malformed record id a plain message and never queries with it (defect 4)', async () => {
    const element = createForm({ recordId: 'not-an-id', objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    await flush();
    expect(graphqlAdapter.getLastConfig().variables).toEqual(
      expect.objectContaining({ opportunityId: null })
    );
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(element.shadowRoot!.querySelector('.unavailable')!.textContent).toBe(
      'c.SC_Session_Record_Id_Invalid'
    );
    expect(text(element)).not.toContain('incorrect type');
  });

  it('retries the context query from its error panel (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = createForm({ recordId: OPPORTUNITY_ID, objectApiName: 'Opportunity' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emitErrors([{ message: 'Service Unavailable' }], undefined, refresh);
    await flush();
    (element.shadowRoot!.querySelector('lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).not.toBeNull();
  });

  it('takes a request from the page for a preset session, so the page has one form (defect 13)', async () => {
    const general = createForm();
    const preset = createForm({ repId: '005000000000012AAA' });
    emitSessionInfo(OBJECT_INFO_MANAGER);
    graphqlAdapter.emit(CONTEXT_OPPORTUNITY);
    await flush();
    const accept = jest.fn();
    window.dispatchEvent(
      new CustomEvent(LOG_SESSION_REQUEST, {
        detail: { repId: OWNER_ID, sessionType: 'One-on-One', accept }
      })
    );
    await flush();
    // Only the general form takes it (the preset one is another component's).
    expect(accept).toHaveBeenCalledTimes(1);
    expect(field(general, 'repId').value).toBe(OWNER_ID);
    expect(field(general, 'sessionType').value).toBe('One-on-One');
    expect(saveButton(general).disabled).toBe(false);
    expect(field(preset, 'repId').value).toBe('005000000000012AAA');
  });
});
