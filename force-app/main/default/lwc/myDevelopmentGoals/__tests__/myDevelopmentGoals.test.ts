import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import MyDevelopmentGoals from 'c/myDevelopmentGoals';
import {
  computeRepKpis,
  goalProgress,
  indexByOwner,
  type OpportunityFact
} from 'c/coachingMetrics';
import { goalFactFromNode, opportunityFactsFromConnection } from 'c/opportunityData';
import {
  CLOSED_WON_GOAL,
  HIDDEN_GOAL_FIELDS,
  HIDDEN_SESSION_FIELDS,
  LATEST_SESSION,
  MANUAL_GOAL,
  NEXT_SESSION,
  OPPORTUNITIES,
  OVERDUE_GOAL,
  REP,
  TODAY,
  WIN_RATE_GOAL,
  coachingData,
  opportunityData,
  without
} from './fixtures';
import PICKLISTS from './data/picklists.json';
import { labelOf, measureGoals, opportunityWindow } from '../goalsModel';
import { type FieldNode, Kind, parse, visit } from 'graphql';

// The preset's gql returns nothing; the query text lets the tests read what is asked for.
jest.mock('lightning/graphql', () => ({
  ...jest.requireActual<Record<string, unknown>>('lightning/graphql'),
  gql: (strings: TemplateStringsArray, ...values: unknown[]) =>
    String.raw({ raw: strings }, ...values)
}));

// Labels with placeholders, so the tests see what fills them (the preset returns the name).
jest.mock(
  '@salesforce/label/c.SC_Goals_Kpi_Value',
  () => ({ __esModule: true, default: '{0}: now {1} (baseline {2}, target {3})' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Goals_Update_Progress_For',
  () => ({ __esModule: true, default: 'Update progress for {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.SC_Goals_Due', () => ({ __esModule: true, default: 'Due {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SC_Goals_Session_Heading',
  () => ({ __esModule: true, default: '{0} on {1} with {2}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Currency_Goal_Mismatch',
  () => ({ __esModule: true, default: 'Set in {0}, while your figures are in {1}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Goals_Next_Session_Text',
  () => ({ __esModule: true, default: '{0} on {1} with {2}' }),
  { virtual: true }
);

interface WireConfig {
  variables?: Record<string, unknown>;
}
const adapter = graphql as unknown as {
  emit(data: unknown, filter?: (config: WireConfig) => boolean): void;
  emitErrors(
    errors: unknown,
    filter?: (config: WireConfig) => boolean,
    refresh?: () => Promise<void>
  ): void;
};
const isCoaching = (config: WireConfig) =>
  config.variables?.userId !== undefined && config.variables?.today !== undefined;
const isCurrency = (config: WireConfig) =>
  config.variables?.userId !== undefined && config.variables?.today === undefined;
const isOpportunities = (config: WireConfig) => config.variables?.ownerId !== undefined;
const mockUpdateRecord = updateRecord as unknown as jest.Mock;
interface SimpleAdapter {
  emit(value: unknown): void;
  getLastConfig(): Record<string, unknown>;
}
// Tests drive the wire adapters' test stubs directly.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const objectInfoAdapter = getObjectInfo as unknown as SimpleAdapter;
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const picklistAdapter = getPicklistValuesByRecordType as unknown as SimpleAdapter;
const RECORD_TYPE_ID = '012000000000000AAA';

// A macrotask lets wire configuration, renders and awaited saves settle.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Development_Goal__c's object info and picklists, labels unlike the API values. */
async function emitPicklists(): Promise<void> {
  objectInfoAdapter.emit({ apiName: 'Development_Goal__c', defaultRecordTypeId: RECORD_TYPE_ID });
  await flush();
  picklistAdapter.emit(PICKLISTS);
  await flush();
}

/** Mounts the component and lets the wires receive their configuration. */
async function mount(): Promise<HTMLElement> {
  const element = createElement('c-my-development-goals', { is: MyDevelopmentGoals });
  Object.assign(element, { today: TODAY });
  document.body.appendChild(element);
  await flush();
  return element;
}
const $ = (element: HTMLElement, selector: string) => element.shadowRoot!.querySelector(selector);

function goalItem(element: HTMLElement, id: string): HTMLElement {
  return $(element, `[data-goal-id="${id}"]`) as HTMLElement;
}

function progressOf(element: HTMLElement, id: string): string | null {
  return (
    goalItem(element, id)?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ??
    null
  );
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-my-development-goals', () => {
  it('shows a spinner while loading', async () => {
    const element = await mount();
    expect($(element, '[data-state="loading"] lightning-spinner')).not.toBeNull();
  });

  it('shows the empty state when the rep has no goals', async () => {
    const element = await mount();
    adapter.emit(coachingData([], false), isCoaching);
    await flush();
    expect($(element, '[data-state="empty"]')?.textContent).toContain('c.SC_Goals_Empty');
    expect($(element, '.no-session')?.textContent).toContain('c.SC_Goals_No_Session');
  });

  it('shows an error panel when the goals cannot be loaded', async () => {
    const element = await mount();
    adapter.emitErrors([{ message: 'Insufficient access' }], isCoaching);
    await flush();
    const panel = $(element, '[data-state="error"]');
    expect(panel?.getAttribute('role')).toBe('alert');
    expect(panel?.textContent).toContain('Insufficient access');
  });

  it('waits for the opportunities before measuring KPI goals, and queries the goal period', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL, CLOSED_WON_GOAL]), isCoaching);
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    adapter.emit(opportunityData(), isOpportunities);
    await flush();
    expect($(element, '[data-state="data"]')).not.toBeNull();
  });

  it('measures KPI goals on every page of the deals, and says what a bound leaves out', async () => {
    const element = await mount();
    const data = coachingData([CLOSED_WON_GOAL]);
    Object.assign(data.uiapi.query.goals, { totalCount: 250 });
    adapter.emit(data, isCoaching);
    await flush();
    const firstPage = opportunityData(OPPORTUNITIES.slice(0, 1));
    Object.assign(firstPage.uiapi.query.Opportunity, {
      totalCount: 4,
      pageInfo: { hasNextPage: true, endCursor: 'page-1' }
    });
    adapter.emit(firstPage, isOpportunities);
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    adapter.emit(opportunityData(OPPORTUNITIES.slice(1)), isOpportunities);
    await flush();
    // 30,000 won on the first page and 20,000 on the second: 50 % of the 100,000 target.
    expect(progressOf(element, CLOSED_WON_GOAL.Id as string)).toBe('50');
    const notices = Array.from(element.shadowRoot!.querySelectorAll('.limit-notice'));
    expect(notices.map((notice) => notice.textContent)).toEqual(['c.SC_Goals_LimitGoals']);
  });

  it('shows manual progress, and KPI progress measured live (hand-computed)', async () => {
    const element = await mount();
    adapter.emit(
      coachingData([MANUAL_GOAL, CLOSED_WON_GOAL, WIN_RATE_GOAL, OVERDUE_GOAL]),
      isCoaching
    );
    await flush();
    adapter.emit(opportunityData(), isOpportunities);
    await flush();
    // Manual: Progress__c = 40.
    expect(progressOf(element, MANUAL_GOAL.Id as string)).toBe('40');
    // Closed won 30,000 + 20,000 = 50,000 of (100,000 − 0) → 50 %.
    expect(progressOf(element, CLOSED_WON_GOAL.Id as string)).toBe('50');
    // Win rate 2 won ÷ 3 closed = 66.7 %; (66.7 − 50) ÷ (70 − 50) = 0.833 → 83 %.
    expect(progressOf(element, WIN_RATE_GOAL.Id as string)).toBe('83');
    const bar = goalItem(element, CLOSED_WON_GOAL.Id as string).querySelector(
      '[role="progressbar"]'
    );
    expect(bar?.getAttribute('aria-label')).toBe('c.SC_Goals_Progress_Label');
    expect(
      goalItem(element, CLOSED_WON_GOAL.Id as string).querySelector('.kpi-text')
    ).not.toBeNull();
  });

  it('measures KPI goals exactly as c/coachingMetrics does on the same data', () => {
    const facts: OpportunityFact[] = opportunityFactsFromConnection(
      opportunityData().uiapi.query.Opportunity as never
    );
    for (const node of [CLOSED_WON_GOAL, WIN_RATE_GOAL]) {
      const goal = goalFactFromNode(node as never)!;
      const [kpis] = computeRepKpis(indexByOwner(facts, [REP]), {
        period: { start: '2026-10-01', end: '2026-12-31' },
        today: TODAY
      });
      const expected = goalProgress(goal, kpis);
      const [measured] = measureGoals([node as never], facts, [], TODAY);
      expect(measured.progress).toEqual(expected);
    }
    const [closedWon] = measureGoals([CLOSED_WON_GOAL as never], facts, [], TODAY);
    expect(closedWon.progress.progress).toEqual({ ok: true, value: 0.5 });
  });

  it('asks for the opportunities of the union of the KPI goals’ periods, or the current quarter', () => {
    const goals = [CLOSED_WON_GOAL, MANUAL_GOAL].map((node) => goalFactFromNode(node as never)!);
    expect(opportunityWindow(goals, TODAY)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    const undated = { ...goals[0], startDay: null, targetDay: null };
    expect(opportunityWindow([undated], '2026-05-05')).toEqual({
      start: '2026-04-01',
      end: '2026-06-30'
    });
    expect(opportunityWindow([goals[1]], TODAY)).toBeNull();
  });

  it('flags goals due within 14 days and goals past their target date', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL, OVERDUE_GOAL]), isCoaching);
    await flush();
    expect(
      goalItem(element, MANUAL_GOAL.Id as string).querySelector('.flag-due-soon')
    ).not.toBeNull();
    expect(goalItem(element, MANUAL_GOAL.Id as string).querySelector('.flag-overdue')).toBeNull();
    expect(
      goalItem(element, OVERDUE_GOAL.Id as string).querySelector('.flag-overdue')
    ).not.toBeNull();
  });

  it('explains why a KPI goal cannot be measured', async () => {
    const element = await mount();
    adapter.emit(coachingData([WIN_RATE_GOAL]), isCoaching);
    await flush();
    adapter.emit(opportunityData([]), isOpportunities);
    await flush();
    const item = goalItem(element, WIN_RATE_GOAL.Id as string);
    expect(item.querySelector('[role="progressbar"]')).toBeNull();
    expect(item.querySelector('.reason-text')?.textContent).toContain(
      'c.SC_Goals_Reason_No_Closed'
    );
  });

  it('shows the latest feedback and commitments and the next session', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    const latest = $(element, '.latest-session')!;
    expect(latest.textContent).toContain('Clear agenda with the buyer.');
    expect(latest.textContent).toContain('Quantify the pain earlier.');
    expect(latest.textContent).toContain('Send mutual action plan to Acme.');
    expect($(element, '.next-session')?.textContent).toContain(
      'Pipeline Review on 11/30/2026 with Maria Manager'
    );
  });

  it('acknowledges and rates the latest session in place', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    ($(element, 'lightning-button.acknowledge') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: 'a02000000000001AAA', Rep_Acknowledged__c: true }
    });
    $(element, 'lightning-radio-group.rating')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '4' } })
    );
    await flush();
    expect(mockUpdateRecord).toHaveBeenLastCalledWith({
      fields: { Id: 'a02000000000001AAA', Rep_Rating__c: 4 }
    });
  });

  it('shows the save error when acknowledging fails', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'Record is locked' } });
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    ($(element, 'lightning-button.acknowledge') as HTMLElement).click();
    await flush();
    await flush();
    expect($(element, '.session-error')?.textContent).toContain('Record is locked');
  });

  it('updates a manual goal’s progress and status in place', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    (
      goalItem(element, MANUAL_GOAL.Id as string).querySelector('button.edit-goal') as HTMLElement
    ).click();
    await flush();
    const input = $(element, 'lightning-input.progress-input')!;
    input.dispatchEvent(new CustomEvent('change', { detail: { value: '75' } }));
    $(element, 'lightning-combobox.status-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Achieved' } })
    );
    ($(element, 'lightning-button.save-goal') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: MANUAL_GOAL.Id, Progress__c: 75, Status__c: 'Achieved' }
    });
  });

  it('rejects progress outside 0–100 with the validation rule’s message', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    (
      goalItem(element, MANUAL_GOAL.Id as string).querySelector('button.edit-goal') as HTMLElement
    ).click();
    await flush();
    $(element, 'lightning-input.progress-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '140' } })
    );
    ($(element, 'lightning-button.save-goal') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    expect($(element, '.goal-error')?.textContent).toBe(
      'c.SC_VR_Development_Goal_Progress_Between_0_And_100'
    );
  });

  it('shows the Status, Metric and Skill Area labels, the API values until the picklists load', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL, CLOSED_WON_GOAL]), isCoaching);
    await flush();
    adapter.emit(opportunityData(), isOpportunities);
    await flush();
    const manual = goalItem(element, MANUAL_GOAL.Id as string);
    const kpi = goalItem(element, CLOSED_WON_GOAL.Id as string);
    expect(manual.textContent).toContain('In Progress');
    expect(kpi.querySelector('.kpi-text')?.textContent).toBe(
      'Closed Won Amount: now $50,000 (baseline $0, target $100,000)'
    );

    await emitPicklists();
    expect(objectInfoAdapter.getLastConfig()).toEqual({
      objectApiName: { objectApiName: 'Development_Goal__c' }
    });
    expect(picklistAdapter.getLastConfig()).toEqual({
      objectApiName: { objectApiName: 'Development_Goal__c' },
      recordTypeId: RECORD_TYPE_ID
    });
    expect(manual.textContent).toContain('Underway');
    expect(manual.textContent).not.toContain('In Progress');
    expect(manual.textContent).toContain('Discovery calls');
    expect(kpi.querySelector('.kpi-text')?.textContent).toBe(
      'Won revenue: now $50,000 (baseline $0, target $100,000)'
    );
  });

  it('offers the Status picklist’s labels in the progress editor, the values while loading', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    (
      goalItem(element, MANUAL_GOAL.Id as string).querySelector('button.edit-goal') as HTMLElement
    ).click();
    await flush();
    const combobox = () =>
      $(element, 'lightning-combobox.status-input') as HTMLElement & {
        options: { label: string; value: string }[];
      };
    expect(combobox().options).toEqual([
      { label: 'Not Started', value: 'Not Started' },
      { label: 'In Progress', value: 'In Progress' },
      { label: 'Achieved', value: 'Achieved' },
      { label: 'Deferred', value: 'Deferred' }
    ]);
    await emitPicklists();
    expect(combobox().options).toEqual([
      { label: 'Not yet started', value: 'Not Started' },
      { label: 'Underway', value: 'In Progress' },
      { label: 'Done', value: 'Achieved' },
      { label: 'On hold', value: 'Deferred' }
    ]);
  });

  it('falls back to the value for a picklist value the labels do not list', () => {
    const options = [{ label: 'Underway', value: 'In Progress' }];
    expect(labelOf(options, 'In Progress')).toBe('Underway');
    expect(labelOf(options, 'Retired value')).toBe('Retired value');
    expect(labelOf(undefined, 'In Progress')).toBe('In Progress');
    expect(labelOf(options, null)).toBeNull();
  });

  it('names the session types by their labels (displayValue)', async () => {
    const element = await mount();
    const data = coachingData([MANUAL_GOAL]);
    data.uiapi.query.latest.edges = [
      {
        node: {
          ...LATEST_SESSION,
          Session_Type__c: { value: 'One-on-One', displayValue: 'Weekly 1:1' }
        }
      }
    ];
    data.uiapi.query.upcoming.edges = [
      {
        node: {
          ...NEXT_SESSION,
          Session_Type__c: { value: 'Pipeline Review', displayValue: 'Pipeline check' }
        }
      }
    ];
    adapter.emit(data, isCoaching);
    await flush();
    expect($(element, '.latest-session')?.textContent).toContain(
      'Weekly 1:1 on 11/18/2026 with Maria Manager'
    );
    expect($(element, '.next-session')?.textContent).toContain(
      'Pipeline check on 11/30/2026 with Maria Manager'
    );
  });

  it('asks for the fields field-level security may hide as @optional, never for private notes', async () => {
    await mount();
    let query = '';
    adapter.emit(coachingData([]), (config) => {
      if (isCoaching(config)) query = String((config as { query?: unknown }).query);
      return isCoaching(config);
    });
    const optional = new Map<string, string[]>();
    const required = new Map<string, string[]>();
    visit(parse(query), {
      Field(node: FieldNode, _key, _parent, _path, ancestors) {
        // A record field is the one that selects `value`; its connection is the nearest
        // aliased ancestor (goals, plans, latest, upcoming).
        const isRecordField = node.selectionSet?.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === 'value'
        );
        if (!isRecordField) return;
        const owner = [...ancestors]
          .reverse()
          .find(
            (ancestor): ancestor is FieldNode =>
              'kind' in ancestor && ancestor.kind === Kind.FIELD && ancestor.alias !== undefined
          );
        const key = owner?.alias?.value ?? '';
        const map = node.directives?.some((directive) => directive.name.value === 'optional')
          ? optional
          : required;
        map.set(key, [...(map.get(key) ?? []), node.name.value]);
      }
    });
    expect(query).not.toMatch(/Private_Note/);
    expect(optional.get('goals')).toEqual([
      'Skill_Area__c',
      'Description__c',
      'Success_Measure__c',
      'Progress__c',
      'Metric__c',
      'Baseline_Value__c',
      'Target_Value__c',
      'Start_Date__c',
      'CurrencyIsoCode'
    ]);
    // Identity, filter and sort fields stay required: without them the page cannot work.
    expect(required.get('goals')).toEqual(['Name', 'Rep__c', 'Status__c', 'Target_Date__c']);
    expect(optional.get('plans')).toEqual(['Manager__c', 'Target_Amount__c']);
    expect(optional.get('latest')).toEqual([
      'Strengths__c',
      'Development_Areas__c',
      'Commitments__c',
      'Follow_Up_Date__c',
      'Rep_Acknowledged__c',
      'Rep_Rating__c'
    ]);
  });

  it('degrades when field-level security hides the optional fields', async () => {
    const element = await mount();
    const data = coachingData([without(CLOSED_WON_GOAL, ...HIDDEN_GOAL_FIELDS)]);
    data.uiapi.query.latest.edges = [{ node: without(LATEST_SESSION, ...HIDDEN_SESSION_FIELDS) }];
    adapter.emit(data, isCoaching);
    await flush();
    // Without Metric__c the goal is not KPI-linked: no opportunity request to wait for.
    expect($(element, '[data-state="data"]')).not.toBeNull();
    expect($(element, '[data-state="error"]')).toBeNull();
    const item = goalItem(element, CLOSED_WON_GOAL.Id as string);
    expect(item.querySelector('h3')?.textContent).toBe('Close 100k in Q4');
    expect(item.querySelector('.reason-text')?.textContent).toContain(
      'c.SC_Goals_Reason_No_Progress'
    );
    expect(item.querySelector('.kpi-text')).toBeNull();

    // Progress__c hidden: the editor offers the status only, and writes the status only.
    (item.querySelector('button.edit-goal') as HTMLElement).click();
    await flush();
    expect($(element, 'lightning-input.progress-input')).toBeNull();
    $(element, 'lightning-combobox.status-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Achieved' } })
    );
    ($(element, 'lightning-button.save-goal') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: CLOSED_WON_GOAL.Id, Status__c: 'Achieved' }
    });

    // The latest session: what the rep cannot read is not shown, nor are the controls to answer.
    const latest = $(element, '.latest-session')!;
    expect(latest.textContent).toContain('One-on-One on 11/18/2026 with Maria Manager');
    expect(latest.querySelector('.strengths')).toBeNull();
    expect(latest.querySelector('.development-areas')).toBeNull();
    expect(latest.querySelector('.commitments')).toBeNull();
    expect(latest.textContent).not.toContain('c.SC_Goals_Strengths');
    expect(latest.querySelector('lightning-button.acknowledge')).toBeNull();
    expect(latest.querySelector('lightning-radio-group.rating')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('names each Update progress button after its goal', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL, OVERDUE_GOAL]), isCoaching);
    await flush();
    const names = Array.from(element.shadowRoot!.querySelectorAll('button.edit-goal')).map(
      (button) => [button.textContent?.trim(), button.getAttribute('aria-label')]
    );
    expect(names).toEqual([
      ['c.SC_Goals_Update_Progress', 'Update progress for Sharper discovery'],
      ['c.SC_Goals_Update_Progress', 'Update progress for Clean pipeline']
    ]);
  });

  it('moves focus into the progress editor when it opens and back to its button when it closes', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    try {
      const element = await mount();
      adapter.emit(coachingData([MANUAL_GOAL, OVERDUE_GOAL]), isCoaching);
      await flush();
      const item = goalItem(element, OVERDUE_GOAL.Id as string);
      const lastFocused = (): unknown => focus.mock.contexts[focus.mock.contexts.length - 1];
      const editButton = () => item.querySelector('button.edit-goal');

      (editButton() as HTMLElement).click();
      await flush();
      expect(lastFocused()).toBe(item.querySelector('lightning-input.progress-input'));

      ($(element, 'lightning-button.cancel-goal') as HTMLElement).click();
      await flush();
      expect(item.querySelector('.goal-editor')).toBeNull();
      expect(lastFocused()).toBe(editButton());

      (editButton() as HTMLElement).click();
      await flush();
      expect(lastFocused()).toBe(item.querySelector('lightning-input.progress-input'));
      ($(element, 'lightning-button.save-goal') as HTMLElement).click();
      await flush();
      expect(mockUpdateRecord).toHaveBeenCalledTimes(1);
      expect(item.querySelector('.goal-editor')).toBeNull();
      expect(lastFocused()).toBe(editButton());
      expect(focus).toHaveBeenCalledTimes(4);
    } finally {
      focus.mockRestore();
    }
  });

  it('is accessible with data', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL, CLOSED_WON_GOAL, OVERDUE_GOAL]), isCoaching);
    await flush();
    adapter.emit(opportunityData(), isOpportunities);
    await flush();
    await expect(element).toBeAccessible();
  });

  // ---- Issue 14 ------------------------------------------------------------------------------

  async function openProgressEditor(element: HTMLElement): Promise<void> {
    (
      goalItem(element, MANUAL_GOAL.Id as string).querySelector('button.edit-goal') as HTMLElement
    ).click();
    await flush();
  }

  function typeProgress(element: HTMLElement, value: string): void {
    $(element, 'lightning-input.progress-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value } })
    );
  }

  it.each([
    ['abc', 'c.SC_Form_Number_Invalid'],
    ['12.345', 'c.SC_Form_Number_Whole']
  ])(
    'refuses progress %j instead of erasing or rounding the goal’s progress (defect 1)',
    async (typed, message) => {
      mockUpdateRecord.mockClear();
      const element = await mount();
      adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
      await flush();
      await openProgressEditor(element);
      typeProgress(element, typed);
      await flush();
      expect($(element, '.goal-error')?.textContent).toBe(message);
      const save = $(element, 'lightning-button.save-goal') as HTMLElement & { disabled: boolean };
      expect(save.disabled).toBe(true);
      save.click();
      await flush();
      expect(mockUpdateRecord).not.toHaveBeenCalled();
      typeProgress(element, '12');
      await flush();
      expect($(element, '.goal-error')).toBeNull();
      expect(save.disabled).toBe(false);
    }
  );

  it('offers Retry on the error state, which asks again (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = await mount();
    adapter.emitErrors([{ message: 'Service Unavailable' }], isCoaching, refresh);
    await flush();
    ($(element, '[data-state="error"] lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    expect($(element, '[data-state="error"]')).toBeNull();
    expect($(element, '[data-state="data"]')).not.toBeNull();
  });

  it('writes the due date in the user’s locale, like the timeline (defect 15)', async () => {
    const element = await mount();
    adapter.emit(coachingData([MANUAL_GOAL]), isCoaching);
    await flush();
    expect(goalItem(element, MANUAL_GOAL.Id as string).textContent).toContain('Due 12/3/2026');
  });
});

describe('c-my-development-goals in a multi-currency org', () => {
  const spaces = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ').trim();
  const inGbp = {
    uiapi: {
      query: {
        me: { edges: [{ node: { Id: REP, DefaultCurrencyIsoCode: { value: 'GBP' } } }] },
        corporate: { edges: [{ node: { Id: '02X000000000001AAA', IsoCode: { value: 'EUR' } } }] }
      }
    }
  };
  // The deals of the fixtures in yen; converted, the same amounts in the rep's pounds.
  const dealsInYen = () =>
    opportunityData(
      opportunityData().uiapi.query.Opportunity.edges.map(({ node }) => {
        const pounds = (node as { Amount: { value: number } }).Amount.value;
        return {
          ...(node as object),
          Amount: { value: pounds * 190, convertCurrency: pounds },
          CurrencyIsoCode: { value: 'JPY' }
        };
      })
    );
  const goalIn = (goal: Record<string, unknown>, iso: string) => ({
    ...goal,
    CurrencyIsoCode: { value: iso }
  });

  async function mountMulti(goals: unknown[]): Promise<HTMLElement> {
    const element = await mount();
    adapter.emit(coachingData(goals), isCoaching);
    adapter.emit(inGbp, isCurrency);
    await flush();
    adapter.emit(dealsInYen(), isOpportunities);
    await flush();
    return element;
  }

  it('measures an amount goal in the rep’s currency from converted deal amounts', async () => {
    const element = await mountMulti([goalIn(CLOSED_WON_GOAL, 'GBP')]);
    // 30,000 + 20,000 pounds won of the 100,000-pound target, whatever the deals’ currencies.
    expect(progressOf(element, CLOSED_WON_GOAL.Id as string)).toBe('50');
    expect(
      spaces(
        goalItem(element, CLOSED_WON_GOAL.Id as string).querySelector('.kpi-text')?.textContent
      )
    ).toContain('now GBP 50,000 (baseline GBP 0, target GBP 100,000)');
    expect($(element, '.currency-note')?.textContent).toBe('c.SC_Currency_User');
  });

  it('does not compare an amount goal set in another currency; other KPI goals still measure', async () => {
    const element = await mountMulti([
      goalIn(CLOSED_WON_GOAL, 'USD'),
      goalIn(WIN_RATE_GOAL, 'USD')
    ]);
    const item = goalItem(element, CLOSED_WON_GOAL.Id as string);
    expect(item.querySelector('[role="progressbar"]')).toBeNull();
    expect(item.querySelector('.reason-text')?.textContent).toContain(
      'Set in USD, while your figures are in GBP.'
    );
    expect(spaces(item.querySelector('.kpi-text')?.textContent)).toContain(
      'now GBP 50,000 (baseline USD 0, target USD 100,000)'
    );
    // A win rate is a ratio: no currency to match.
    expect(progressOf(element, WIN_RATE_GOAL.Id as string)).toBe('83');
  });

  it('names no currency in a single-currency org', async () => {
    const element = await mount();
    adapter.emit(coachingData([CLOSED_WON_GOAL]), isCoaching);
    await flush();
    adapter.emit(opportunityData(), isOpportunities);
    await flush();
    expect($(element, '.currency-note')).toBeNull();
    expect(progressOf(element, CLOSED_WON_GOAL.Id as string)).toBe('50');
  });
});
