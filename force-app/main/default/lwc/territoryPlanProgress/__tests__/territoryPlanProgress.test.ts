import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import TerritoryPlanProgress from 'c/territoryPlanProgress';
import { cumulativeSeries, requiredWeeklyRunRate } from '../planModel';

// Labels with placeholders, so the tests see what fills them (the preset returns the name).
jest.mock(
  '@salesforce/label/c.SC_Plan_Coverage_Detail',
  () => ({ __esModule: true, default: 'Required {0} = 1 ÷ win rate by amount ({1})' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Plan_Review_Line',
  () => ({ __esModule: true, default: '{0} · {1}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Plan_Review_Target_Change',
  () => ({ __esModule: true, default: 'Target {0} → {1}' }),
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
const isPlan = (config: WireConfig) => config.variables?.recordId !== undefined;
const isHistory = (config: WireConfig) => config.variables?.planId !== undefined;
const isOpportunities = (config: WireConfig) => config.variables?.ownerId !== undefined;
const isCurrency = (config: WireConfig) => config.variables?.userId !== undefined;
const isReviews = (config: WireConfig) => config.variables?.reviewPlanId !== undefined;
const mockUpdateRecord = updateRecord as unknown as jest.Mock;
const mockCreateRecord = createRecord as unknown as jest.Mock;
type InfoConfig = { objectApiName?: { objectApiName?: string } };
// Tests drive the wire adapters' test stubs directly.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const objectInfoAdapter = getObjectInfo as unknown as {
  emit(data: unknown, filter?: (config: InfoConfig) => boolean): void;
};
const forObject = (apiName: string) => (config: InfoConfig) =>
  config.objectApiName?.objectApiName === apiName;

/** Territory_Plan_Review__c object info: a manager creates reviews, a rep reads them. */
function reviewInfo(createable: boolean) {
  const fields = Object.fromEntries(
    [
      'Territory_Plan__c',
      'Review_Date__c',
      'Reviewer__c',
      'Notes__c',
      'Target_Before__c',
      'Target_After__c'
    ].map((apiName) => [
      apiName,
      { apiName, createable, updateable: false, length: apiName === 'Notes__c' ? 32768 : 0 }
    ])
  );
  return { apiName: 'Territory_Plan_Review__c', createable, updateable: false, fields };
}

/** Both objects' info, each to its own wire. */
function emitInfo(plan: unknown, review: unknown = reviewInfo(true)): void {
  objectInfoAdapter.emit(plan, forObject('Territory_Plan__c'));
  objectInfoAdapter.emit(review, forObject('Territory_Plan_Review__c'));
}

/** Territory_Plan__c object info: which of the plan's fields the user may update. */
function planInfo(updateable: boolean, updateableFields: string[]) {
  const fields = Object.fromEntries(
    ['Target_Amount__c', 'Status__c', 'Last_Reviewed__c', 'Review_Notes__c'].map((apiName) => [
      apiName,
      { apiName, updateable: updateableFields.includes(apiName), createable: updateable }
    ])
  );
  return { apiName: 'Territory_Plan__c', createable: updateable, updateable, fields };
}
const ALL_FIELDS = ['Target_Amount__c', 'Status__c', 'Last_Reviewed__c', 'Review_Notes__c'];
const MANAGER_INFO = planInfo(true, ALL_FIELDS);
const REP_INFO = planInfo(false, []);

const v = <T>(value: T) => ({ value });
const PLAN_ID = 'a03000000000001AAA';
const OWNER = '005000000000009AAA';
const ACCOUNT_A = '001000000000001AAA';
const ACCOUNT_B = '001000000000002AAA';
const TODAY = '2026-11-23';
const connection = (nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });

function planData(overrides: Record<string, unknown> = {}) {
  return {
    uiapi: {
      query: {
        plan: connection([
          {
            Id: PLAN_ID,
            Name: v('Q4 West'),
            Plan_Owner__c: v(OWNER),
            Plan_Owner__r: { Name: v('Riley Rep') },
            Manager__c: v('005000000000000AAA'),
            Period_Start__c: v('2026-10-01'),
            Period_End__c: v('2026-12-31'),
            Target_Amount__c: v(200000),
            Status__c: v('Active'),
            Last_Reviewed__c: v(null),
            Review_Notes__c: v(null),
            ...overrides
          }
        ]),
        accounts: connection([
          {
            Id: 'a04000000000001AAA',
            Account__c: v(ACCOUNT_A),
            Account__r: { Name: v('Acme') },
            Planned_Amount__c: v(100000)
          }
        ])
      }
    }
  };
}

const historyData = (history: unknown[]) => ({
  uiapi: { query: { history: connection(history) } }
});

function opportunity(
  id: string,
  amount: number,
  closeDate: string,
  isClosed: boolean,
  isWon: boolean,
  accountId: string,
  probability: number
) {
  return {
    Id: id,
    OwnerId: v(OWNER),
    AccountId: v(accountId),
    Amount: v(amount),
    StageName: v(isWon ? 'Closed Won' : isClosed ? 'Closed Lost' : 'Negotiation'),
    Probability: v(probability),
    IsClosed: v(isClosed),
    IsWon: v(isWon),
    CloseDate: v(closeDate),
    CreatedDate: v('2026-08-01T10:00:00.000Z')
  };
}

const OPPORTUNITIES = {
  uiapi: {
    query: {
      Opportunity: connection([
        opportunity('006000000000001AAA', 40000, '2025-11-01', true, true, ACCOUNT_B, 100),
        opportunity('006000000000002AAA', 50000, '2026-10-15', true, true, ACCOUNT_A, 100),
        opportunity('006000000000003AAA', 30000, '2026-11-10', true, true, ACCOUNT_B, 100),
        opportunity('006000000000004AAA', 20000, '2026-11-12', true, false, ACCOUNT_B, 0),
        opportunity('006000000000005AAA', 60000, '2026-12-15', false, false, ACCOUNT_A, 50)
      ])
    }
  }
};

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-territory-plan-progress', { is: TerritoryPlanProgress });
  Object.assign(element, { recordId: PLAN_ID, today: TODAY });
  document.body.appendChild(element);
  await flush();
  return element;
}

async function mountWithData(
  history: unknown[] = [],
  info: unknown = MANAGER_INFO
): Promise<HTMLElement> {
  const element = await mount();
  emitInfo(info, info === REP_INFO ? reviewInfo(false) : reviewInfo(true));
  adapter.emit(planData(), isPlan);
  adapter.emit(historyData(history), isHistory);
  await flush();
  adapter.emit(OPPORTUNITIES, isOpportunities);
  await flush();
  return element;
}

const $ = (element: HTMLElement, selector: string) => element.shadowRoot!.querySelector(selector);
const textOf = (element: HTMLElement, selector: string) =>
  $(element, selector)?.textContent?.trim();

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-territory-plan-progress', () => {
  it('shows a spinner until the plan and the opportunities are loaded', async () => {
    const element = await mount();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    adapter.emit(planData(), isPlan);
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
  });

  it('adds up the deals of every page, and says what past the bound it leaves out', async () => {
    const element = await mount();
    objectInfoAdapter.emit(MANAGER_INFO);
    const plan = planData();
    Object.assign(plan.uiapi.query.accounts, { totalCount: 250 });
    adapter.emit(plan, isPlan);
    adapter.emit(historyData([]), isHistory);
    await flush();
    const deals = OPPORTUNITIES.uiapi.query.Opportunity.edges.map((edge) => edge.node);
    adapter.emit(
      {
        uiapi: {
          query: {
            Opportunity: {
              ...connection(deals.slice(0, 2)),
              totalCount: 5,
              pageInfo: { hasNextPage: true, endCursor: 'page-1' }
            }
          }
        }
      },
      isOpportunities
    );
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    adapter.emit(
      { uiapi: { query: { Opportunity: connection(deals.slice(2)) } } },
      isOpportunities
    );
    await flush();
    // Both pages: 50k won this quarter on the first, 30k on the second.
    expect(textOf(element, '.closed-won')).toBe('$80,000');
    expect($(element, '.limit-notice')).toBeNull();
    expect(textOf(element, '.accounts-notice')).toBe('c.SC_Plan_LimitAccounts');
  });

  it('shows an error panel when the plan cannot be loaded', async () => {
    const element = await mount();
    adapter.emitErrors([{ message: 'No access to Territory_Plan__c' }], isPlan);
    await flush();
    expect(textOf(element, '[data-state="error"]')).toContain('No access to Territory_Plan__c');
  });

  it('shows the not-found state when the plan is not visible', async () => {
    const element = await mount();
    adapter.emit({ uiapi: { query: { plan: connection([]) } } }, isPlan);
    await flush();
    expect(textOf(element, '[data-state="empty"]')).toBe('c.SC_Plan_Not_Found');
  });

  it('shows closed won, pipeline, gap, run rate, coverage and last year (hand-computed)', async () => {
    const element = await mountWithData();
    expect(textOf(element, '.closed-won')).toBe('$80,000');
    expect(textOf(element, '.target')).toBe('$200,000');
    expect(textOf(element, '.gap')).toBe('$120,000');
    // 38 days left after 2026-11-23 → 120,000 ÷ (38 ÷ 7) = 22,105.
    expect(textOf(element, '.run-rate')).toContain('$22,105');
    expect(textOf(element, '.open-pipeline')).toBe('$60,000');
    expect(textOf(element, '.weighted')).toBe('$30,000');
    // 60,000 ÷ 120,000 = 0.5×; required 1 ÷ (80,000 ÷ 100,000) = 1.25×.
    expect(textOf(element, '.coverage')).toBe('0.5×');
    expect($(element, '.coverage-flag')?.textContent).toBe('c.SC_Plan_Coverage_Below');
    expect(textOf(element, '.last-year')).toBe('$40,000');
    expect($(element, '.plan-progress')?.getAttribute('aria-valuenow')).toBe('40');
    // One currency: nothing to convert or name.
    expect($(element, '.currency-note')).toBeNull();
  });

  it('shows progress per key account', async () => {
    const element = await mountWithData();
    const row = $(element, '[data-account-id="a04000000000001AAA"]')!;
    expect(row.querySelector('.account-won')?.textContent).toBe('$50,000');
    expect(row.querySelector('.account-open')?.textContent).toBe('$60,000');
    expect(row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('50');
  });

  it('draws an accessible cumulative chart with a data table', async () => {
    const element = await mountWithData();
    const svg = $(element, 'svg.cumulative-chart')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('c.SC_Plan_Chart_Summary');
    expect(element.shadowRoot!.querySelectorAll('.chart-table tbody tr').length).toBeGreaterThan(5);
    // Read without the table: the target is named on its line, the axis spans the period.
    const texts = Array.from(svg.querySelectorAll('text')).map((text) => text.textContent?.trim());
    // Dates in the user's locale, as everywhere else (defect 15).
    expect(texts).toEqual(['c.SC_Plan_Target $200,000', '10/1/2026', '12/31/2026']);
    expect(
      Array.from(element.shadowRoot!.querySelectorAll('.chart-legend li')).map(
        (item) => item.textContent
      )
    ).toEqual(['c.SC_Plan_Cumulative_Won', 'c.SC_Plan_Target_Pace', 'c.SC_Plan_Target']);
  });

  it('accumulates closed won week by week up to today', () => {
    const plan = {
      id: PLAN_ID,
      ownerId: OWNER,
      managerId: null,
      startDay: 20727, // 2026-10-01
      endDay: 20818, // 2026-12-31
      target: 91000,
      status: 'Active'
    };
    const facts = [
      { closeDay: 20741, amount: 50000 }, // 2026-10-15
      { closeDay: 20767, amount: 30000 } // 2026-11-10
    ].map((fact, index) => ({
      id: String(index),
      ownerId: OWNER,
      accountId: null,
      stage: 'Closed Won',
      probability: 100,
      isClosed: true,
      isWon: true,
      createdDay: 20600,
      pushCount: 0,
      lastStageChangeDay: null,
      lastActivityDay: null,
      ...fact
    }));
    const series = cumulativeSeries(plan, facts, TODAY);
    expect(series[0]).toMatchObject({ date: '2026-10-01', cumulativeWon: 0, targetPace: 0 });
    expect(series[series.length - 1]).toMatchObject({ date: TODAY, cumulativeWon: 80000 });
    // 92-day period, 54 days elapsed on 2026-11-23: 91,000 × 54 ÷ 92.
    expect(series[series.length - 1].targetPace).toBeCloseTo((91000 * 54) / 92, 6);
    // A plan for next quarter (a manager prepares it ahead) has its starting point only; a plan
    // starting today has the starting point and its first day, each once.
    const next = { ...plan, startDay: 20819, endDay: 20908 }; // 2027-01-01 … 2027-03-31
    expect(cumulativeSeries(next, facts, TODAY)).toEqual([
      { date: '2027-01-01', day: 0, cumulativeWon: 0, targetPace: 0 }
    ]);
    expect(cumulativeSeries(next, facts, '2027-01-01').map((point) => point.day)).toEqual([0, 1]);
    expect(requiredWeeklyRunRate(-5, { start: '2026-10-01', end: '2026-12-31' }, TODAY)).toEqual({
      ok: false,
      reason: 'target-met'
    });
  });

  it('shows the adjustment history, old → new', async () => {
    const element = await mountWithData([
      {
        Id: '017000000000001AAA',
        Field: v('Target_Amount__c'),
        OldValue: { number: 180000 },
        NewValue: { number: 200000 },
        CreatedDate: v('2026-11-02T09:00:00.000Z'),
        CreatedBy: { Name: v('Maria Manager') }
      }
    ]);
    expect(textOf(element, '.history-change')).toBe('$180,000 → $200,000');
    expect(textOf(element, '.history-table tbody tr')).toContain('Maria Manager');
  });

  it('shows the plan when its history cannot be read', async () => {
    const element = await mount();
    emitInfo(MANAGER_INFO);
    adapter.emit(planData(), isPlan);
    adapter.emitErrors([{ message: 'Territory_Plan__History is not supported' }], isHistory);
    await flush();
    adapter.emit(OPPORTUNITIES, isOpportunities);
    await flush();
    expect($(element, '.history-unavailable')).not.toBeNull();
    expect($(element, '.history-table')).toBeNull();
    expect(textOf(element, '.history-unavailable')).toBe('c.SC_Plan_History_Unavailable');
    // The figures do not depend on the history.
    expect(element.shadowRoot!.textContent).toContain('$200,000');
    await expect(element).toBeAccessible();
  });

  it('records a review with notes and an adjusted target', async () => {
    const element = await mountWithData();
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
    $(element, 'lightning-textarea.notes-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Pipeline thin in December.' } })
    );
    $(element, 'lightning-input.target-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '180000' } })
    );
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: {
        Id: PLAN_ID,
        Last_Reviewed__c: TODAY,
        Review_Notes__c: 'Pipeline thin in December.',
        Target_Amount__c: 180000
      }
    });
  });

  it('offers no review to a user who cannot update the plan (its owner, a rep)', async () => {
    const element = await mount();
    adapter.emit(planData(), isPlan);
    await flush();
    adapter.emit(OPPORTUNITIES, isOpportunities);
    await flush();
    // Not offered while the user's access is unknown.
    expect($(element, '[data-state="data"]')).not.toBeNull();
    expect($(element, 'lightning-button.review-button')).toBeNull();
    emitInfo(REP_INFO, reviewInfo(false));
    await flush();
    expect($(element, 'lightning-button.review-button')).toBeNull();
    expect($(element, '.review-form')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reviews without a target adjustment when the target is not updateable', async () => {
    const element = await mountWithData(
      [],
      planInfo(true, ['Status__c', 'Last_Reviewed__c', 'Review_Notes__c'])
    );
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
    expect($(element, 'lightning-input.target-input')).toBeNull();
    $(element, 'lightning-textarea.notes-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'On track.' } })
    );
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledWith({
      fields: { Id: PLAN_ID, Last_Reviewed__c: TODAY, Review_Notes__c: 'On track.' }
    });
  });

  it('moves focus into the review when it opens and back to Review when it closes', async () => {
    mockUpdateRecord.mockResolvedValue({});
    const element = await mountWithData();
    const review = $(element, 'lightning-button.review-button') as HTMLElement;
    // The stub renders no inner <button>; a tabindex makes it focusable as the real one is.
    review.tabIndex = 0;
    review.click();
    await flush();
    expect(element.shadowRoot!.activeElement).toBe($(element, '.review-form'));

    ($(element, 'lightning-button.cancel-review') as HTMLElement).click();
    await flush();
    expect($(element, '.review-form')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(review);

    review.click();
    await flush();
    expect(element.shadowRoot!.activeElement).toBe($(element, '.review-form'));
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenCalledTimes(1);
    expect($(element, '.review-form')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(review);
  });

  it('rejects a target that is not above zero with the validation rule’s message', async () => {
    const element = await mountWithData();
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
    $(element, 'lightning-input.target-input')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '0' } })
    );
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    expect(textOf(element, '.review-error')).toBe('c.SC_VR_Territory_Plan_Target_Amount_Positive');
  });

  it('shows the server error inline when the review cannot be saved', async () => {
    mockUpdateRecord.mockRejectedValueOnce({ body: { message: 'Record locked' } });
    const element = await mountWithData();
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    await flush();
    // The review and the plan are written as one: nothing was saved, and the form says so.
    expect(textOf(element, '.review-error')).toBe('c.SC_Plan_Review_Not_Saved Record locked');
  });

  it('is accessible', async () => {
    const element = await mountWithData();
    await expect(element).toBeAccessible();
  });

  // ---- Issue 14 ------------------------------------------------------------------------------

  const REVIEWER = '005000000000000000';

  async function openReview(element: HTMLElement): Promise<void> {
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
  }

  function typeInto(element: HTMLElement, selector: string, value: string): void {
    $(element, selector)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }

  beforeEach(() => {
    sessionStorage.clear();
    mockUpdateRecord.mockReset();
    mockCreateRecord.mockReset();
    mockUpdateRecord.mockResolvedValue({ id: PLAN_ID, apiName: 'Territory_Plan__c', fields: {} });
    mockCreateRecord.mockResolvedValue({
      id: 'a08000000000001AAA',
      apiName: 'Territory_Plan_Review__c',
      fields: {}
    });
  });

  it('keeps each review as its own record with the target before and after (defect 12)', async () => {
    const element = await mountWithData();
    await openReview(element);
    typeInto(element, 'lightning-textarea.notes-input', 'Pipeline thin in December.');
    typeInto(element, 'lightning-input.target-input', '180,000');
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    await flush();
    expect(mockUpdateRecord.mock.calls.map(([input]) => input as unknown)).toEqual([
      {
        fields: {
          Id: PLAN_ID,
          Last_Reviewed__c: TODAY,
          Review_Notes__c: 'Pipeline thin in December.',
          Target_Amount__c: 180000
        }
      }
    ]);
    expect(mockCreateRecord).toHaveBeenCalledWith({
      apiName: 'Territory_Plan_Review__c',
      fields: {
        Territory_Plan__c: PLAN_ID,
        Review_Date__c: TODAY,
        Reviewer__c: REVIEWER,
        Notes__c: 'Pipeline thin in December.',
        Target_Before__c: 200000,
        Target_After__c: 180000
      }
    });
    expect($(element, '.review-form')).toBeNull();
  });

  it('puts the plan back and says nothing was saved when the review record fails (defect 12)', async () => {
    mockCreateRecord.mockRejectedValueOnce({ body: { message: 'Service Unavailable' } });
    const element = await mountWithData();
    await openReview(element);
    typeInto(element, 'lightning-textarea.notes-input', 'Keep the target.');
    typeInto(element, 'lightning-input.target-input', '150000');
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    await flush();
    // The plan update is undone with the values the plan had.
    expect(mockUpdateRecord.mock.calls.map(([input]) => input as unknown)).toEqual([
      {
        fields: {
          Id: PLAN_ID,
          Last_Reviewed__c: TODAY,
          Review_Notes__c: 'Keep the target.',
          Target_Amount__c: 150000
        }
      },
      {
        fields: {
          Id: PLAN_ID,
          Last_Reviewed__c: null,
          Review_Notes__c: null,
          Target_Amount__c: 200000
        }
      }
    ]);
    expect(textOf(element, '.review-error')).toBe('c.SC_Plan_Review_Not_Saved Service Unavailable');
    // What was typed is still there.
    expect(
      ($(element, 'lightning-textarea.notes-input') as HTMLElement & { value: string }).value
    ).toBe('Keep the target.');
  });

  it('brings a review typed before a reload back, opened (defect 12)', async () => {
    const first = await mountWithData();
    await openReview(first);
    typeInto(first, 'lightning-textarea.notes-input', 'Half-written review');
    typeInto(first, 'lightning-input.target-input', '175000');
    await flush();
    document.body.removeChild(first);

    const again = await mountWithData();
    expect($(again, '.review-form')).not.toBeNull();
    expect($(again, '.review-draft-notice')).not.toBeNull();
    expect(
      ($(again, 'lightning-textarea.notes-input') as HTMLElement & { value: string }).value
    ).toBe('Half-written review');
    expect(
      ($(again, 'lightning-input.target-input') as HTMLElement & { value: string }).value
    ).toBe('175000');
    // Saved: the draft is gone.
    ($(again, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    await flush();
    expect(sessionStorage.length).toBe(0);
  });

  it('lists every review, newest first, instead of only the latest notes (defect 12)', async () => {
    const element = await mountWithData();
    adapter.emit(
      {
        uiapi: {
          query: {
            reviews: connection([
              {
                Id: 'a08000000000002AAA',
                Review_Date__c: v('2026-11-20'),
                Reviewer__r: { Name: v('Maria Manager') },
                Notes__c: v('Target lowered.\nDecember is thin.'),
                Target_Before__c: v(220000),
                Target_After__c: v(200000)
              },
              {
                Id: 'a08000000000001AAA',
                Review_Date__c: v('2026-10-15'),
                Reviewer__r: { Name: v('Maria Manager') },
                Notes__c: v('On track.'),
                Target_Before__c: v(220000),
                Target_After__c: v(220000)
              }
            ])
          }
        }
      },
      isReviews
    );
    await flush();
    const items = Array.from(element.shadowRoot!.querySelectorAll('li.review'));
    expect(items.map((item) => item.querySelector('.review-line')?.textContent?.trim())).toEqual([
      '11/20/2026 · Maria Manager',
      '10/15/2026 · Maria Manager'
    ]);
    expect(items[0].querySelector('.review-target')?.textContent).toBe(
      'Target $220,000 → $200,000'
    );
    expect(items[1].querySelector('.review-target')).toBeNull();
    expect(items[0].querySelector('.review-notes')?.textContent).toBe(
      'Target lowered.\nDecember is thin.'
    );
    await expect(element).toBeAccessible();
  });

  it.each([
    ['abc', 'c.SC_Form_Number_Invalid'],
    ['1e15', 'c.SC_Form_Number_Invalid'],
    ['150000.555', 'c.SC_Form_Number_Scale'],
    ['1000000000000000', 'c.SC_Form_Number_Precision'],
    ['2000000000000', 'c.SC_VR_Territory_Plan_Target_Amount_At_Most']
  ])('refuses a target of %j before sending it (defect 8)', async (typed, message) => {
    const element = await mountWithData();
    await openReview(element);
    typeInto(element, 'lightning-input.target-input', typed);
    await flush();
    expect(textOf(element, '.review-error')).toBe(message);
    const save = $(element, 'lightning-button.save-review') as HTMLElement & { disabled: boolean };
    expect(save.disabled).toBe(true);
    save.click();
    await flush();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
  });

  it('offers Retry on the error state, which asks again (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = await mount();
    adapter.emitErrors([{ message: 'Service Unavailable' }], isPlan, refresh);
    await flush();
    ($(element, '[data-state="error"] lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    adapter.emit(planData(), isPlan);
    await flush();
    adapter.emit(OPPORTUNITIES, isOpportunities);
    await flush();
    expect($(element, '[data-state="data"]')).not.toBeNull();
  });

  it('names the win rate required coverage comes from: by amount (defect 14)', async () => {
    const element = await mountWithData();
    // Won 80,000 of 100,000 closed: 80% by amount (by count it would be 2 of 3, 67%).
    expect(textOf(element, '.required-coverage')).toBe(
      'Required 1.3× = 1 ÷ win rate by amount (80%)'
    );
  });
});

describe('c-territory-plan-progress in a multi-currency org', () => {
  const spaces = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ').trim();
  /** An amount as a multi-currency org reads it: own value and currency, converted for the user. */
  const amount = (value: number, converted: number) => ({ value, convertCurrency: converted });
  // The deals of OPPORTUNITIES, each in another currency; converted, the same dollar amounts.
  const DEALS_IN_CURRENCIES = {
    uiapi: {
      query: {
        Opportunity: connection(
          OPPORTUNITIES.uiapi.query.Opportunity.edges.map(({ node }, index) => {
            const usd = (node as { Amount: { value: number } }).Amount.value;
            const [iso, rate] = [
              ['JPY', 150],
              ['GBP', 0.8],
              ['EUR', 0.9],
              ['USD', 1],
              ['JPY', 150]
            ][index] as [string, number];
            return {
              ...(node as object),
              Amount: amount(Math.round(usd * rate), usd),
              CurrencyIsoCode: v(iso)
            };
          })
        )
      }
    }
  };
  const CONTEXT = {
    uiapi: {
      query: {
        me: connection([{ Id: '005000000000000AAA', DefaultCurrencyIsoCode: v('USD') }]),
        corporate: connection([{ Id: '02X000000000001AAA', IsoCode: v('EUR') }])
      }
    }
  };

  async function mountMulti(history: unknown[] = []): Promise<HTMLElement> {
    const element = await mount();
    emitInfo(MANAGER_INFO);
    // A plan in euros: 180,000 EUR is 200,000 in the user's dollars.
    const data = planData({
      Target_Amount__c: amount(180000, 200000),
      CurrencyIsoCode: v('EUR')
    });
    data.uiapi.query.accounts = connection([
      {
        Id: 'a04000000000001AAA',
        Account__c: v(ACCOUNT_A),
        Account__r: { Name: v('Acme') },
        Planned_Amount__c: amount(90000, 100000)
      }
    ]);
    adapter.emit(data, isPlan);
    adapter.emit(historyData(history), isHistory);
    adapter.emit(CONTEXT, isCurrency);
    await flush();
    adapter.emit(DEALS_IN_CURRENCIES, isOpportunities);
    await flush();
    return element;
  }

  it('adds up deals in the user’s currency and says so', async () => {
    const element = await mountMulti();
    expect(textOf(element, '.currency-note')).toBe('c.SC_Currency_User');
    expect(spaces(textOf(element, '.closed-won'))).toBe('USD 80,000');
    expect(spaces(textOf(element, '.target'))).toBe('USD 200,000');
    expect(spaces(textOf(element, '.gap'))).toBe('USD 120,000');
    expect(spaces(textOf(element, '.open-pipeline'))).toBe('USD 60,000');
    expect(spaces(textOf(element, '.last-year'))).toBe('USD 40,000');
    expect($(element, '.plan-progress')?.getAttribute('aria-valuenow')).toBe('40');
    const row = $(element, '[data-account-id="a04000000000001AAA"]')!;
    expect(row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('50');
  });

  it('shows target history and reviews the target in the plan’s own currency', async () => {
    const element = await mountMulti([
      {
        Id: '017000000000001AAA',
        Field: v('Target_Amount__c'),
        OldValue: { number: 170000 },
        NewValue: { number: 180000 },
        CreatedDate: v('2026-11-02T09:00:00.000Z'),
        CreatedBy: { Name: v('Maria Manager') }
      }
    ]);
    expect(spaces(textOf(element, '.history-change'))).toBe('EUR 170,000 → EUR 180,000');
    ($(element, 'lightning-button.review-button') as HTMLElement).click();
    await flush();
    const input = $(element, 'lightning-input.target-input') as HTMLElement & { value: string };
    expect(input.value).toBe('180000');
    expect(textOf(element, '.review-currency')).toBe('c.SC_Currency_Target_In');
    // Saving without a change keeps the target: 180,000 is the plan's, not the converted 200,000.
    ($(element, 'lightning-button.save-review') as HTMLElement).click();
    await flush();
    expect(mockUpdateRecord).toHaveBeenLastCalledWith({
      fields: { Id: PLAN_ID, Last_Reviewed__c: TODAY, Review_Notes__c: null }
    });
  });

  it('is accessible with the currency notes', async () => {
    const element = await mountMulti();
    await expect(element).toBeAccessible();
  });
});
