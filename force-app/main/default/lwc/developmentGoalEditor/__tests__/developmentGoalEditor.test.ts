import { createElement } from 'lwc';
import DevelopmentGoalEditor from 'c/developmentGoalEditor';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import OBJECT_INFO from './data/objectInfo.json';
import OBJECT_INFO_REP from './data/objectInfoRep.json';
import PICKLISTS from './data/picklists.json';
import REPORTS from './data/reports.json';
import NO_REPORTS from './data/noReports.json';
import GOAL from './data/goal.json';
import GOAL_NOT_FOUND from './data/goalNotFound.json';
import SAVE_FIELD_ERROR from './data/saveFieldError.json';

interface TestAdapter {
  emit(value: unknown): void;
  emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
  getLastConfig(): Record<string, unknown>;
}
const graphqlAdapter = graphql as unknown as TestAdapter;
// Tests drive the wire adapters' test stubs directly.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const picklistAdapter = getPicklistValuesByRecordType as unknown as TestAdapter;
const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;

const USER_ID = '005000000000000000';
const REP_ID = '005000000000011AAA';
const GOAL_ID = 'a01000000000001AAA';

interface FieldElement extends HTMLElement {
  value: unknown;
  options?: { label: string; value: string }[];
  readOnly?: boolean;
  disabled?: boolean;
}

type EditorProps = Partial<{
  repId: string;
  goalId: string;
  recordId: string;
  objectApiName: string;
}>;

function createEditor(props: EditorProps = {}): HTMLElement & EditorProps {
  const element = createElement('c-development-goal-editor', {
    is: DevelopmentGoalEditor
  }) as HTMLElement & EditorProps;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** Lets pending promise callbacks and re-renders run. */
async function flush(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
}

function field(element: HTMLElement, name: string): FieldElement {
  return element.shadowRoot!.querySelector(`[data-field="${name}"]`) as FieldElement;
}

function type(element: HTMLElement, name: string, value: unknown): void {
  const target = field(element, name);
  target.value = value;
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function clickSave(element: HTMLElement): void {
  (element.shadowRoot!.querySelector('lightning-button.save') as HTMLElement).click();
}

function errorSummary(element: HTMLElement): string {
  return element.shadowRoot!.querySelector('.form-errors')?.textContent ?? '';
}

async function loadCreate(props: EditorProps = { repId: REP_ID }): Promise<HTMLElement> {
  const element = createEditor(props);
  objectInfoAdapter.emit(OBJECT_INFO);
  picklistAdapter.emit(PICKLISTS);
  graphqlAdapter.emit(REPORTS);
  await flush();
  return element;
}

async function loadEdit(props: EditorProps = { goalId: GOAL_ID }): Promise<HTMLElement> {
  const element = createEditor(props);
  objectInfoAdapter.emit(OBJECT_INFO);
  picklistAdapter.emit(PICKLISTS);
  graphqlAdapter.emit(REPORTS);
  graphqlAdapter.emit(GOAL);
  await flush();
  return element;
}

describe('c-development-goal-editor', () => {
  beforeEach(() => {
    createRecordMock.mockReset();
    updateRecordMock.mockReset();
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('renders the create form for a preset rep without a rep picker', async () => {
    const element = await loadCreate();
    expect(
      (element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string }).title
    ).toBe('c.SC_Goal_Editor_Title_New');
    expect(field(element, 'repId')).toBeNull();
    expect(element.shadowRoot!.querySelector('.rep-name')!.textContent).toBe('Riley Rep');
    expect(field(element, 'status').value).toBe('Not Started');
    expect(field(element, 'skillArea').options).toEqual([
      { label: 'Discovery', value: 'Discovery' },
      { label: 'Closing', value: 'Closing' }
    ]);
    expect(field(element, 'progress')).not.toBeNull();
    expect(field(element, 'metric')).toBeNull();
    expect(objectInfoAdapter.getLastConfig()).toEqual({
      objectApiName: { objectApiName: 'Development_Goal__c' }
    });
    expect(picklistAdapter.getLastConfig()).toEqual(
      expect.objectContaining({ recordTypeId: '012000000000000AAA' })
    );
    await expect(element).toBeAccessible();
  });

  it('offers the manager reports as reps when no rep is preset', async () => {
    const element = await loadCreate({});
    expect(field(element, 'repId').options).toEqual([
      { label: 'Riley Rep', value: REP_ID },
      { label: 'Sam Seller', value: '005000000000012AAA' }
    ]);
    expect(graphqlAdapter.getLastConfig().variables).toEqual(
      expect.objectContaining({ managerId: USER_ID })
    );
    await expect(element).toBeAccessible();
  });

  it('says how many reports its picker lists of how many', async () => {
    const element = createEditor();
    objectInfoAdapter.emit(OBJECT_INFO);
    picklistAdapter.emit(PICKLISTS);
    const reports = JSON.parse(JSON.stringify(REPORTS)) as {
      uiapi: { query: { reports: { totalCount: number } } };
    };
    reports.uiapi.query.reports.totalCount = 2400;
    graphqlAdapter.emit(reports);
    await flush();
    expect(element.shadowRoot!.querySelector('.reports-notice')?.textContent?.trim()).toBe(
      'c.SC_Form_LimitReports'
    );
  });

  it('says so when the manager has no reports', async () => {
    const element = createEditor();
    objectInfoAdapter.emit(OBJECT_INFO);
    graphqlAdapter.emit(NO_REPORTS);
    await flush();
    expect(element.shadowRoot!.querySelector('.no-reports')!.textContent).toBe(
      'c.SC_Goal_Editor_No_Reports'
    );
    await expect(element).toBeAccessible();
  });

  it('shows a spinner while the goal loads in edit mode', async () => {
    const element = createEditor({ goalId: GOAL_ID });
    await flush();
    const spinner = element.shadowRoot!.querySelector('lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.SC_Goal_Editor_Loading');
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('loads the goal through GraphQL and fills the form for editing', async () => {
    const element = await loadEdit();
    expect(
      (element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string }).title
    ).toBe('c.SC_Goal_Editor_Title_Edit');
    expect(field(element, 'name').value).toBe('Raise win rate');
    expect(field(element, 'skillArea').value).toBe('Closing');
    expect(field(element, 'status').value).toBe('In Progress');
    expect(field(element, 'startDate').value).toBe('2026-10-01');
    expect(field(element, 'targetDate').value).toBe('2026-12-31');
    expect(field(element, 'measure').value).toBe('kpi');
    expect(field(element, 'metric').value).toBe('Win Rate');
    expect(field(element, 'baselineValue').value).toBe('22');
    expect(field(element, 'targetValue').value).toBe('35');
    expect(field(element, 'progress')).toBeNull();
    expect(field(element, 'repId')).toBeNull();
    expect(element.shadowRoot!.querySelector('.rep-name')!.textContent).toBe('Riley Rep');
    await expect(element).toBeAccessible();
  });

  it('edits the goal of the record page when no goalId is given', async () => {
    const element = createEditor({ recordId: GOAL_ID, objectApiName: 'Development_Goal__c' });
    objectInfoAdapter.emit(OBJECT_INFO);
    graphqlAdapter.emit(GOAL);
    await flush();
    expect(field(element, 'name').value).toBe('Raise win rate');
  });

  it('shows an error panel when the goal cannot be loaded', async () => {
    const element = createEditor({ goalId: GOAL_ID });
    graphqlAdapter.emitErrors([{ message: 'No such column Foo' }]);
    await flush();
    const panel = element.shadowRoot!.querySelector('.error-panel')!;
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('c.SC_Goal_Editor_Error_Title');
    expect(panel.textContent).toContain('No such column Foo');
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says so when the goal does not exist or is not shared', async () => {
    const element = createEditor({ goalId: GOAL_ID });
    graphqlAdapter.emit(GOAL_NOT_FOUND);
    await flush();
    expect(element.shadowRoot!.querySelector('.not-found')!.textContent).toBe(
      'c.SC_Goal_Editor_Not_Found'
    );
    await expect(element).toBeAccessible();
  });

  it('requires a name and a rep, with the rule message for the rep', async () => {
    const element = await loadCreate({});
    // A fresh form has nothing to save; once something is typed the rules speak.
    type(element, 'description', 'Ask deeper questions');
    await flush();
    clickSave(element);
    await flush();
    const summary = element.shadowRoot!.querySelector('.form-errors')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.textContent).toContain('c.SC_Goal_Editor_Name_Required');
    expect(summary.textContent).toContain('c.SC_VR_Development_Goal_Rep_Required');
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('mirrors Target_Date_Not_Before_Start', async () => {
    const element = await loadCreate();
    type(element, 'name', 'Better discovery');
    type(element, 'startDate', '2026-11-10');
    type(element, 'targetDate', '2026-11-01');
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain(
      'c.SC_VR_Development_Goal_Target_Date_Not_Before_Start'
    );
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();

    type(element, 'targetDate', '2026-11-10');
    await flush();
    expect(errorSummary(element)).toBe('');
  });

  it('mirrors Progress_Between_0_And_100', async () => {
    const element = await loadCreate();
    type(element, 'name', 'Better discovery');
    type(element, 'progress', '120');
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain('c.SC_VR_Development_Goal_Progress_Between_0_And_100');
    type(element, 'progress', '-1');
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain('c.SC_VR_Development_Goal_Progress_Between_0_And_100');
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('mirrors KPI_Goal_Needs_Target and asks for a metric in KPI mode', async () => {
    const element = await loadCreate();
    type(element, 'name', 'Raise win rate');
    type(element, 'measure', 'kpi');
    await flush();
    expect(field(element, 'progress')).toBeNull();
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain('c.SC_Goal_Editor_Metric_Required');

    type(element, 'metric', 'Win Rate');
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain('c.SC_VR_Development_Goal_KPI_Goal_Needs_Target');
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('requires a baseline for a KPI goal, with the rule message (KPI_Goal_Needs_Baseline)', async () => {
    createRecordMock.mockResolvedValue({ id: 'a01000000000011AAA', apiName: 'x', fields: {} });
    const element = await loadCreate();
    type(element, 'name', 'Raise win rate');
    type(element, 'measure', 'kpi');
    await flush();
    type(element, 'metric', 'Win Rate');
    type(element, 'targetValue', '35');
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain(
      'c.SC_Goal_Editor_Baseline_Value: c.SC_VR_Development_Goal_KPI_Goal_Needs_Baseline'
    );
    expect(errorSummary(element)).not.toContain('KPI_Goal_Needs_Target');
    expect(createRecordMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();

    type(element, 'baselineValue', '22');
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith({
      apiName: 'Development_Goal__c',
      fields: expect.objectContaining({
        Metric__c: 'Win Rate',
        Baseline_Value__c: 22,
        Target_Value__c: 35
      }) as unknown
    });
  });

  it('asks for the baseline when editing a KPI goal saved without one', async () => {
    const noBaseline = JSON.parse(JSON.stringify(GOAL)) as typeof GOAL;
    Object.assign(noBaseline.uiapi.query.Development_Goal__c.edges[0].node, {
      Baseline_Value__c: { value: null }
    });
    const element = createEditor({ goalId: GOAL_ID });
    objectInfoAdapter.emit(OBJECT_INFO);
    graphqlAdapter.emit(noBaseline);
    await flush();
    type(element, 'status', 'In Progress');
    await flush();
    clickSave(element);
    await flush();
    expect(errorSummary(element)).toContain('c.SC_VR_Development_Goal_KPI_Goal_Needs_Baseline');
    expect(updateRecordMock).not.toHaveBeenCalled();
    document.body.removeChild(element);

    // A rep cannot set the baseline, so it does not block their status update (nor does the
    // rule, which checks new goals and changes to the metric or baseline).
    updateRecordMock.mockResolvedValue({ id: GOAL_ID, apiName: 'x', fields: {} });
    const rep = createEditor({ goalId: GOAL_ID });
    objectInfoAdapter.emit(OBJECT_INFO_REP);
    graphqlAdapter.emit(noBaseline);
    await flush();
    type(rep, 'status', 'Achieved');
    clickSave(rep);
    await flush();
    expect(errorSummary(rep)).toBe('');
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: GOAL_ID, Name: 'Raise win rate', Status__c: 'Achieved' }
    });
  });

  it('creates a manual goal with the rep, the coach and the typed fields', async () => {
    createRecordMock.mockResolvedValue({ id: 'a01000000000009AAA', apiName: 'x', fields: {} });
    const element = await loadCreate();
    const toasts: ShowToastEvent[] = [];
    const saved: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push(event as ShowToastEvent)
    );
    document.body.addEventListener('goalsaved', (event) => saved.push(event as CustomEvent));

    type(element, 'name', 'Better discovery');
    type(element, 'skillArea', 'Discovery');
    type(element, 'description', 'Ask deeper questions');
    type(element, 'successMeasure', 'Five discovery calls reviewed');
    type(element, 'startDate', '2026-11-01');
    type(element, 'targetDate', '2026-12-15');
    type(element, 'status', 'In Progress');
    type(element, 'progress', '40');
    clickSave(element);
    await flush();

    expect(createRecordMock).toHaveBeenCalledWith({
      apiName: 'Development_Goal__c',
      fields: {
        Name: 'Better discovery',
        Rep__c: REP_ID,
        Coach__c: USER_ID,
        Skill_Area__c: 'Discovery',
        Description__c: 'Ask deeper questions',
        Success_Measure__c: 'Five discovery calls reviewed',
        Start_Date__c: '2026-11-01',
        Target_Date__c: '2026-12-15',
        Status__c: 'In Progress',
        Progress__c: 40,
        Metric__c: null,
        Baseline_Value__c: null,
        Target_Value__c: null
      }
    });
    expect(updateRecordMock).not.toHaveBeenCalled();
    expect(toasts).toHaveLength(1);
    expect(toasts[0].detail).toEqual(
      expect.objectContaining({ message: 'c.SC_Goal_Editor_Saved', variant: 'success' })
    );
    expect(saved).toHaveLength(1);
    expect(saved[0].detail).toEqual({ id: 'a01000000000009AAA' });
    expect(saved[0].bubbles).toBe(true);
    expect(saved[0].composed).toBe(true);
    // The form is ready for the next goal.
    expect(field(element, 'name').value).toBe('');
    await expect(element).toBeAccessible();
  });

  it('creates a KPI goal for the chosen report', async () => {
    createRecordMock.mockResolvedValue({ id: 'a01000000000010AAA', apiName: 'x', fields: {} });
    const element = await loadCreate({});
    type(element, 'repId', '005000000000012AAA');
    type(element, 'name', 'Bigger deals');
    type(element, 'measure', 'kpi');
    await flush();
    type(element, 'metric', 'Average Deal Size');
    type(element, 'baselineValue', '20000');
    type(element, 'targetValue', '30000');
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith({
      apiName: 'Development_Goal__c',
      fields: expect.objectContaining({
        Rep__c: '005000000000012AAA',
        Coach__c: USER_ID,
        Metric__c: 'Average Deal Size',
        Baseline_Value__c: 20000,
        Target_Value__c: 30000
      }) as unknown
    });
    const fields = (createRecordMock.mock.calls[0] as [{ fields: object }])[0].fields;
    expect(fields).not.toHaveProperty('Progress__c');
  });

  it('updates the loaded goal with updateRecord', async () => {
    updateRecordMock.mockResolvedValue({ id: GOAL_ID, apiName: 'x', fields: {} });
    const element = await loadEdit();
    const saved: CustomEvent[] = [];
    element.addEventListener('goalsaved', (event) => saved.push(event as CustomEvent));
    type(element, 'targetValue', '40');
    type(element, 'status', 'Achieved');
    clickSave(element);
    await flush();
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: {
        Id: GOAL_ID,
        Name: 'Raise win rate',
        Rep__c: REP_ID,
        Skill_Area__c: 'Closing',
        Description__c: 'Close more of the qualified deals',
        Success_Measure__c: 'Win rate at 35%',
        Start_Date__c: '2026-10-01',
        Target_Date__c: '2026-12-31',
        Status__c: 'Achieved',
        Metric__c: 'Win Rate',
        Baseline_Value__c: 22,
        Target_Value__c: 40
      }
    });
    expect(createRecordMock).not.toHaveBeenCalled();
    expect(saved.map((event) => event.detail as unknown)).toEqual([{ id: GOAL_ID }]);
    await expect(element).toBeAccessible();
  });

  it('does not offer a new goal to a user who cannot create goals (a rep)', async () => {
    const element = createEditor({ repId: REP_ID });
    graphqlAdapter.emit(REPORTS);
    await flush();
    // Not known yet whether the user may create: no form flashes.
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();

    objectInfoAdapter.emit(OBJECT_INFO_REP);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(element.shadowRoot!.querySelector('.no-create-access')!.textContent).toBe(
      'c.SC_Goal_Editor_No_Create_Access'
    );
    await expect(element).toBeAccessible();
  });

  it('lets a rep save the fields they may update and shows the others read-only', async () => {
    updateRecordMock.mockResolvedValue({ id: GOAL_ID, apiName: 'x', fields: {} });
    const element = createEditor({ recordId: GOAL_ID, objectApiName: 'Development_Goal__c' });
    objectInfoAdapter.emit(OBJECT_INFO_REP);
    picklistAdapter.emit(PICKLISTS);
    graphqlAdapter.emit(GOAL);
    await flush();

    expect(field(element, 'status').readOnly).toBe(false);
    for (const name of [
      'skillArea',
      'startDate',
      'targetDate',
      'description',
      'successMeasure',
      'metric',
      'baselineValue',
      'targetValue'
    ]) {
      expect([name, field(element, name).readOnly]).toEqual([name, true]);
    }
    expect(field(element, 'measure').disabled).toBe(true);
    await expect(element).toBeAccessible();

    type(element, 'status', 'Achieved');
    clickSave(element);
    await flush();
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: GOAL_ID, Name: 'Raise win rate', Status__c: 'Achieved' }
    });
  });

  it('sends a rep’s progress on a manual goal, and nothing they may not update', async () => {
    updateRecordMock.mockResolvedValue({ id: GOAL_ID, apiName: 'x', fields: {} });
    const manual = JSON.parse(JSON.stringify(GOAL)) as typeof GOAL;
    const node = manual.uiapi.query.Development_Goal__c.edges[0].node as Record<string, unknown>;
    Object.assign(node, {
      Metric__c: { value: null },
      Baseline_Value__c: { value: null },
      Target_Value__c: { value: null },
      Progress__c: { value: 20 }
    });
    const element = createEditor({ goalId: GOAL_ID });
    objectInfoAdapter.emit(OBJECT_INFO_REP);
    graphqlAdapter.emit(manual);
    await flush();
    expect(field(element, 'progress').readOnly).toBe(false);
    type(element, 'progress', '60');
    clickSave(element);
    await flush();
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: GOAL_ID, Name: 'Raise win rate', Status__c: 'In Progress', Progress__c: 60 }
    });
  });

  it('offers no save when the user can update nothing', async () => {
    const element = createEditor({ goalId: GOAL_ID });
    objectInfoAdapter.emit({ ...OBJECT_INFO_REP, updateable: false });
    graphqlAdapter.emit(GOAL);
    await flush();
    expect(field(element, 'name').readOnly).toBe(true);
    expect(field(element, 'status').readOnly).toBe(true);
    expect(element.shadowRoot!.querySelector('lightning-button.save')).toBeNull();
  });

  it('shows server errors inline and keeps what was typed', async () => {
    createRecordMock.mockRejectedValue(SAVE_FIELD_ERROR);
    const element = await loadCreate();
    type(element, 'name', 'Better discovery');
    clickSave(element);
    await flush();
    const saveErrors = element.shadowRoot!.querySelector('.save-errors')!;
    expect(saveErrors.getAttribute('role')).toBe('alert');
    expect(saveErrors.textContent).toContain('c.SC_Goal_Editor_Save_Failed');
    // The field's message is listed with the field's name, once, not again among the others.
    expect(saveErrors.textContent).not.toContain(
      'The target date cannot be before the start date.'
    );
    expect(errorSummary(element)).toContain(
      'c.SC_Goal_Editor_Target_Date: The target date cannot be before the start date.'
    );
    expect(field(element, 'name').value).toBe('Better discovery');
    await expect(element).toBeAccessible();
  });

  // ---- Issue 14 ------------------------------------------------------------------------------

  function saveButton(element: HTMLElement): HTMLElement & { disabled: boolean } {
    return element.shadowRoot!.querySelector('lightning-button.save') as HTMLElement & {
      disabled: boolean;
    };
  }

  function feedback(element: HTMLElement): string {
    return element.shadowRoot!.querySelector('.save-feedback')?.textContent ?? '';
  }

  it.each([
    ['abc', 'c.SC_Form_Number_Invalid'],
    ['12.345', 'c.SC_Form_Number_Whole']
  ])(
    'refuses progress %j instead of saving it as blank or rounded (defect 1)',
    async (typed, message) => {
      const element = await loadCreate();
      type(element, 'name', 'Better discovery');
      type(element, 'progress', typed);
      await flush();
      expect(saveButton(element).disabled).toBe(true);
      expect(feedback(element)).toContain(`c.SC_Goal_Editor_Progress: ${message}`);
      clickSave(element);
      await flush();
      expect(createRecordMock).not.toHaveBeenCalled();
    }
  );

  it('keeps a KPI goal’s baseline and target within what the metric can be (defect 8)', async () => {
    createRecordMock.mockResolvedValue({ id: 'a01000000000011AAA', apiName: 'x', fields: {} });
    const element = await loadCreate();
    type(element, 'name', 'Raise win rate');
    type(element, 'measure', 'kpi');
    await flush();
    type(element, 'metric', 'Win Rate');
    type(element, 'baselineValue', '-50');
    type(element, 'targetValue', '1e17');
    await flush();
    expect(saveButton(element).disabled).toBe(true);
    expect(feedback(element)).toContain(
      'c.SC_Goal_Editor_Baseline_Value: c.SC_VR_Development_Goal_Baseline_In_Range_For_Metric'
    );
    expect(feedback(element)).toContain('c.SC_Goal_Editor_Target_Value: c.SC_Form_Number_Invalid');
    type(element, 'targetValue', '101');
    await flush();
    expect(feedback(element)).toContain('c.SC_VR_Development_Goal_Target_In_Range_For_Metric');
    type(element, 'baselineValue', '22.5');
    type(element, 'targetValue', '35');
    await flush();
    clickSave(element);
    await flush();
    expect(createRecordMock).toHaveBeenCalledWith({
      apiName: 'Development_Goal__c',
      fields: expect.objectContaining({ Baseline_Value__c: 22.5, Target_Value__c: 35 }) as unknown
    });
  });

  it('gives a malformed goal id a plain message and never queries with it (defect 4)', async () => {
    const element = createEditor({ goalId: "a01' OR Name != ''" });
    objectInfoAdapter.emit(OBJECT_INFO);
    await flush();
    expect(element.shadowRoot!.querySelector('.invalid-id')!.textContent).toBe(
      'c.SC_Goal_Editor_Id_Invalid'
    );
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('retries the goal query from its error panel (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = createEditor({ goalId: GOAL_ID });
    objectInfoAdapter.emit(OBJECT_INFO);
    graphqlAdapter.emitErrors([{ message: 'Service Unavailable' }], undefined, refresh);
    await flush();
    (element.shadowRoot!.querySelector('lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalled();
    graphqlAdapter.emit(GOAL);
    await flush();
    expect(element.shadowRoot!.querySelector('form')).not.toBeNull();
  });

  it('puts a failed save beside Save, focuses it and toasts (defect 5)', async () => {
    createRecordMock.mockRejectedValue({
      status: 503,
      body: [{ errorCode: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable.' }]
    });
    const element = await loadCreate();
    const toasts: ShowToastEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push(event as ShowToastEvent)
    );
    type(element, 'name', 'Better discovery');
    await flush();
    clickSave(element);
    await flush();
    await flush();
    const near = element.shadowRoot!.querySelector('.save-feedback')!;
    expect(near.textContent).toContain('Service Unavailable.');
    expect(element.shadowRoot!.activeElement).toBe(near);
    expect(toasts.map((event) => event.detail.variant)).toEqual(['error']);
    await expect(element).toBeAccessible();
  });
});
