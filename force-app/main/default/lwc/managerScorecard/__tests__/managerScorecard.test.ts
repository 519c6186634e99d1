import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { LOG_SESSION_REQUEST, type LogSessionRequestDetail } from 'c/sessionDraft';
import ManagerScorecard from 'c/managerScorecard';

// Labels resolve to their names in Jest; these get their text so what fills them shows.
jest.mock(
  '@salesforce/label/c.SC_Scorecard_LogSessionWith',
  () => ({ __esModule: true, default: 'Log session with {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Currency_Corporate',
  () => ({ __esModule: true, default: 'Amounts in {0}, the corporate currency.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Scorecard_CoverageCell',
  () => ({ __esModule: true, default: '{0} / {1} (1 ÷ {2})' }),
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
  getLastConfig(): WireConfig;
};
const mockCreateRecord = createRecord as unknown as jest.Mock;
const mockUpdateRecord = updateRecord as unknown as jest.Mock;
const mockDeleteRecord = deleteRecord as unknown as jest.Mock;

const has = (key: string) => (config: WireConfig) =>
  config.variables !== undefined && config.variables !== null && key in config.variables;
const isTeam = (config: WireConfig) => has('managerId')(config);
const isAggregates = has('ownerIds');
const isFollowUps = has('sessionsWhere');
const isCoaching = (config: WireConfig) => has('repIds')(config) && !isFollowUps(config);
const isSnapshots = has('scorecardManagerId');
const isHistory = has('start7');
const isDeals = (config: WireConfig) => has('ownerId')(config) && !has('start7')(config);
const isCurrency = has('userId');

/** The variables of the wire the predicate picks (several wires update; the last is not ours). */
function variablesOf(predicate: (config: WireConfig) => boolean): Record<string, unknown> {
  let found: Record<string, unknown> = {};
  adapter.emit(undefined, (config) => {
    if (predicate(config)) found = config.variables ?? {};
    return false;
  });
  return found;
}

const MANAGER = '005000000000000000';
const AVERY = '005000000000001AAA';
const BLAKE = '005000000000002AAA';
const MANAGER_B = '005000000000003AAA';
const CASEY = '005000000000004AAA';
const DANA = '005000000000005AAA';
const TODAY = '2026-11-23';

const v = <T>(value: T) => ({ value });
const connection = (nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });
const user = (id: string, name: string, managerId: string) => ({
  Id: id,
  Name: v(name),
  ManagerId: v(managerId)
});

const TEAM = {
  uiapi: {
    query: {
      reports: connection([user(AVERY, 'Avery Rep', MANAGER), user(BLAKE, 'Blake Rep', MANAGER)]),
      reportsOfReports: connection([])
    }
  }
};

const VP_TEAM = {
  uiapi: {
    query: {
      reports: connection([
        user(AVERY, 'Avery Manager', MANAGER),
        user(MANAGER_B, 'Morgan Manager', MANAGER)
      ]),
      reportsOfReports: connection([
        user(BLAKE, 'Blake Rep', AVERY),
        user(CASEY, 'Casey Rep', MANAGER_B)
      ])
    }
  }
};

const group = (
  ownerId: string,
  isClosed: boolean,
  isWon: boolean,
  count: number,
  amount: number,
  expected = 0
) => ({
  aggregate: {
    OwnerId: v(ownerId),
    IsClosed: v(isClosed),
    IsWon: v(isWon),
    Id: { count: v(count) },
    Amount: { sum: v(amount) },
    ExpectedRevenue: { sum: v(expected) },
    Sales_Cycle_Days__c: { avg: v(isWon ? 40 : null), count: v(isWon ? count : 0) }
  }
});

type Group = ReturnType<typeof group>;

/**
 * The aggregates as OWNERS_SCORECARD_AGGREGATES returns them: one alias per kind of deal and
 * window, each grouped by owner (the groups below say which kind each one is).
 */
function byKind(windows: {
  current: Group[];
  previous: Group[];
  lastYear: Group[];
  pastCloseDate: unknown[];
}) {
  const won = (groups: Group[]) => connection(groups.filter((g) => g.aggregate.IsWon.value));
  const lost = (groups: Group[]) =>
    connection(groups.filter((g) => g.aggregate.IsClosed.value && !g.aggregate.IsWon.value));
  const open = (groups: Group[]) => connection(groups.filter((g) => !g.aggregate.IsClosed.value));
  return {
    uiapi: {
      aggregate: {
        currentWon: won(windows.current),
        currentLost: lost(windows.current),
        currentOpen: open(windows.current),
        previousWon: won(windows.previous),
        previousLost: lost(windows.previous),
        lastYearWon: won(windows.lastYear),
        pastCloseDate: connection(windows.pastCloseDate)
      }
    }
  };
}

function aggregates(owners: string[] = [AVERY, BLAKE]) {
  const [first, second, third] = owners;
  return byKind({
    current: [
      ...(third ? [group(third, true, true, 1, 50000)] : []),
      group(first, true, true, 2, 100000),
      group(first, true, false, 2, 40000),
      group(first, false, false, 1, 150000, 75000),
      group(second, true, true, 1, 30000),
      group(second, true, false, 3, 90000),
      group(second, false, false, 1, 20000, 10000)
    ],
    previous: [group(second, true, true, 3, 60000), group(second, true, false, 1, 10000)],
    lastYear: [group(first, true, true, 1, 80000)],
    pastCloseDate: [{ aggregate: { OwnerId: v(second), Id: { count: v(2) } } }]
  });
}

const plan = (id: string, ownerId: string, target: number) => ({
  Id: id,
  Plan_Owner__c: v(ownerId),
  Manager__c: v(MANAGER),
  Period_Start__c: v('2026-10-01'),
  Period_End__c: v('2026-12-31'),
  Target_Amount__c: v(target),
  Status__c: v('Active')
});

/** Plan targets in the corporate currency: an aggregate grouped by plan Id. */
const planTargets = (entries: [string, number][]) =>
  connection(
    entries.map(([id, target]) => ({
      aggregate: { Id: v(id), Target_Amount__c: { sum: v(target) } }
    }))
  );

const count = (repId: string, n: number) => ({
  aggregate: { Rep__c: v(repId), Id: { count: v(n) } }
});
const lastDay = (repId: string, day: string) => ({
  aggregate: { Rep__c: v(repId), Session_Date__c: { max: v(day) } }
});
/** Active plans within the period: targets summed per owner, in the corporate currency. */
const within = (entries: [string, number][]) =>
  connection(
    entries.map(([ownerId, target]) => ({
      aggregate: { Plan_Owner__c: v(ownerId), Target_Amount__c: { sum: v(target) } }
    }))
  );

/**
 * TEAM_COACHING_DATA: the first rep had a completed One-on-One on 20 November and achieved
 * one goal; the second has a deal review planned; plan targets 200k and 100k.
 */
function coaching(owners: string[] = [AVERY, BLAKE]) {
  const [first, second] = owners;
  return {
    uiapi: {
      aggregate: {
        completed: connection([count(first, 1)]),
        planned: connection([count(second, 1)]),
        lastOneOnOne: connection([lastDay(first, '2026-11-20')]),
        lastCompleted: connection([lastDay(first, '2026-11-20')]),
        goals: connection([count(first, 1)]),
        goalsAchieved: connection([count(first, 1)]),
        plansWithin: within([
          [first, 200000],
          [second, 100000]
        ]),
        plansAcrossStart: connection([]),
        plansAcrossEnd: connection([])
      }
    }
  };
}

/** TEAM_FOLLOW_UPS: no commitment overdue, no goal past its date, unless given. */
function followUps(sessions: unknown[] = [], goals: unknown[] = []) {
  return { uiapi: { query: { sessions: connection(sessions), goals: connection(goals) } } };
}

const SNAPSHOT_ID = 'a05000000000001AAA';
const ENTRY_ID = 'a06000000000001AAA';

function snapshots(withCurrent: boolean) {
  const nodes = [
    {
      Id: 'a05000000000000AAA',
      Period_Key__c: v(`${MANAGER}:2026-07-01:2026-09-30`),
      Period_Start__c: v('2026-07-01'),
      Period_End__c: v('2026-09-30'),
      Snapshot_Date__c: v('2026-09-30'),
      Percent_To_Plan__c: v(92.5),
      Win_Rate__c: v(31),
      Coaching_Sessions__c: v(7)
    }
  ];
  if (withCurrent)
    nodes.push({
      Id: SNAPSHOT_ID,
      Period_Key__c: v(`${MANAGER}:2026-10-01:2026-12-31`),
      Period_Start__c: v('2026-10-01'),
      Period_End__c: v('2026-12-31'),
      Snapshot_Date__c: v('2026-11-01'),
      Percent_To_Plan__c: v(30),
      Win_Rate__c: v(40),
      Coaching_Sessions__c: v(2)
    });
  return {
    uiapi: {
      query: {
        snapshots: connection(nodes),
        entries: connection(
          withCurrent
            ? [{ Id: ENTRY_ID, Manager_Scorecard__c: v(SNAPSHOT_ID), Rep__c: v(AVERY) }]
            : []
        )
      }
    }
  };
}

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Lets a save of several records (one write after another) run to its end. */
async function settleSave(): Promise<void> {
  await flush();
  await flush();
  await flush();
  await flush();
  await flush();
  await flush();
}

async function mount(properties: Record<string, unknown> = {}): Promise<HTMLElement> {
  const element = createElement('c-manager-scorecard', { is: ManagerScorecard });
  Object.assign(element, { today: TODAY, ...properties });
  document.body.appendChild(element);
  await flush();
  return element;
}

async function mountWithData(
  properties: Record<string, unknown> = {},
  options: { withCurrentSnapshot?: boolean } = {}
): Promise<HTMLElement> {
  const element = await mount(properties);
  adapter.emit(TEAM, isTeam);
  await flush();
  adapter.emit(aggregates(), isAggregates);
  adapter.emit(coaching(), isCoaching);
  adapter.emit(snapshots(options.withCurrentSnapshot ?? false), isSnapshots);
  await flush();
  adapter.emit(followUps(), isFollowUps);
  await flush();
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const $ = (element: HTMLElement, selector: string) => root(element).querySelector(selector);
const $$ = (element: HTMLElement, selector: string) =>
  Array.from(root(element).querySelectorAll(selector));
const cellOf = (element: HTMLElement, rowId: string, key: string) =>
  $(element, `tr[data-row-id="${rowId}"] td[data-key="${key}"]`) as HTMLElement | null;
const cellText = (element: HTMLElement, rowId: string, key: string) =>
  cellOf(element, rowId, key)?.querySelector('.cell-value')?.textContent?.trim();
const ratingOf = (element: HTMLElement, rowId: string, key: string) =>
  (
    cellOf(element, rowId, key)?.querySelector('lightning-icon') as
      (HTMLElement & { alternativeText?: string }) | null
  )?.alternativeText;
const rowNames = (element: HTMLElement) =>
  $$(element, 'tbody tr th .row-action').map((button) => button.textContent?.trim());

function changeCombobox(element: HTMLElement, selector: string, value: string): void {
  const combobox = $(element, selector) as HTMLElement;
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-manager-scorecard', () => {
  it('shows a spinner until the team and its numbers are loaded', async () => {
    const element = await mount();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    adapter.emit(TEAM, isTeam);
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    expect($(element, '[data-state="data"]')).toBeNull();
  });

  it('asks for the team of the running user and aggregates for its reps only', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    expect(element).toBeTruthy();
    for (const [predicate, key] of [
      [isAggregates, 'ownerIds'],
      [isCoaching, 'repIds']
    ] as const) {
      const ids = variablesOf(predicate)[key] as string[];
      expect([...ids].sort()).toEqual([AVERY, BLAKE].sort());
    }
  });

  it('shows the empty state when no one reports to the user', async () => {
    const element = await mount();
    adapter.emit(
      { uiapi: { query: { reports: connection([]), reportsOfReports: connection([]) } } },
      isTeam
    );
    await flush();
    expect($(element, '[data-state="empty"]')?.textContent).toContain('c.SC_Scorecard_NoTeam');
  });

  it('shows an error panel when the aggregates fail', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    adapter.emitErrors([{ message: 'Aggregate query failed' }], isAggregates);
    await flush();
    expect($(element, '[data-state="error"]')?.textContent).toContain('Aggregate query failed');
  });

  it('renders one row per rep with KPIs, a team row and RAG icons with text', async () => {
    const element = await mountWithData();
    expect($(element, '[data-state="data"]')).not.toBeNull();
    expect(rowNames(element).sort()).toEqual(['Avery Rep', 'Blake Rep']);
    expect(cellText(element, AVERY, 'closedWon')).toBe('$100,000');
    expect(cellText(element, AVERY, 'target')).toBe('$200,000');
    // One currency: nothing to name, figures in the org's currency.
    expect($(element, '.currency-note')).toBeNull();
    expect(cellText(element, AVERY, 'percentToPlan')).toBe('50%');
    expect(cellText(element, AVERY, 'winRate')).toBe('50%');
    expect(cellText(element, AVERY, 'growth')).toBe('25%');
    // Required coverage names the win rate it comes from: by amount (defect 14).
    expect(cellText(element, AVERY, 'coverage')).toBe('1.5× / 1.4× (1 ÷ 71%)');
    expect(ratingOf(element, AVERY, 'coverage')).toBe('c.SC_Scorecard_RatingGreen');
    expect(cellText(element, AVERY, 'oneOnOne')).toBe('3');
    expect(cellText(element, BLAKE, 'oneOnOne')).toBe('c.SC_Scorecard_Never');
    expect(ratingOf(element, BLAKE, 'oneOnOne')).toBe('c.SC_Scorecard_RatingRed');
    expect(cellText(element, BLAKE, 'percentToPlan')).toBe('30%');
    expect(ratingOf(element, BLAKE, 'percentToPlan')).toBe('c.SC_Scorecard_RatingRed');
    // Labels resolve to their names in Jest: the goals cell is the "{0} of {1}" template.
    expect(cellText(element, AVERY, 'goals')).toBe('c.SC_Scorecard_GoalsValue');
    // Team row: sums recomputed — 130k won of 300k target, 3 won of 8 closed.
    expect(cellText(element, 'total', 'closedWon')).toBe('$130,000');
    expect(cellText(element, 'total', 'percentToPlan')).toBe('43%');
    expect(cellText(element, 'total', 'winRate')).toBe('38%');
    expect(cellText(element, 'total', 'sessions')).toBe('1');
  });

  it('sorts by a column and flips the direction, with aria-sort on the header', async () => {
    const element = await mountWithData();
    // Default: percent to plan, descending.
    expect(rowNames(element)).toEqual(['Avery Rep', 'Blake Rep']);
    const nameHeader = $(element, 'button.sort-button[data-key="name"]') as HTMLElement;
    nameHeader.click();
    await flush();
    expect(rowNames(element)).toEqual(['Avery Rep', 'Blake Rep']);
    expect(nameHeader.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    nameHeader.click();
    await flush();
    expect(rowNames(element)).toEqual(['Blake Rep', 'Avery Rep']);
    expect(nameHeader.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    const pipeline = $(element, 'button.sort-button[data-key="pipeline"]') as HTMLElement;
    pipeline.click();
    await flush();
    expect(rowNames(element)).toEqual(['Avery Rep', 'Blake Rep']);
    expect(pipeline.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(nameHeader.closest('th')?.getAttribute('aria-sort')).toBe('none');
  });

  it('takes thresholds from its App Builder properties', async () => {
    const element = await mountWithData();
    expect(ratingOf(element, BLAKE, 'winRate')).toBe('c.SC_Scorecard_RatingAmber');
    expect(cellText(element, AVERY, 'oneOnOne')).toBe('3');
    expect(ratingOf(element, AVERY, 'oneOnOne')).toBe('c.SC_Scorecard_RatingGreen');
    Object.assign(element, { winRateGreenPercent: 20, daysWithoutOneOnOne: 4 });
    await flush();
    expect(ratingOf(element, BLAKE, 'winRate')).toBe('c.SC_Scorecard_RatingGreen');
    expect(ratingOf(element, AVERY, 'oneOnOne')).toBe('c.SC_Scorecard_RatingAmber');
  });

  it('takes the win-rate drop and deal staleness thresholds from its App Builder properties', async () => {
    const winRateWarnings = (element: HTMLElement) =>
      $$(element, 'lightning-button.log-session').filter((button) =>
        button.getAttribute('data-key')?.startsWith('win-rate-down-')
      );
    // Blake's win rate fell from 75 % to 25 %: 50 points.
    const element = await mountWithData();
    expect(winRateWarnings(element)).toHaveLength(1);

    Object.assign(element, { winRateDropPoints: 60, staleStageDays: 60, noActivityDays: 7 });
    await flush();
    expect(winRateWarnings(element)).toHaveLength(0);
    // The aggregates are asked again with the new cut-offs (defaults: 30 and 14 days).
    const variables = variablesOf(isAggregates);
    expect(variables.ownerIds).toBeDefined();
    expect(variables.stageChangedBefore).toBe('2026-09-24T00:00:00.000Z');
    expect(variables.activityBefore).toBe('2026-11-16');
  });

  it('re-queries with the new period when the period changes', async () => {
    const element = await mountWithData();
    expect(variablesOf(isAggregates).start).toBe('2026-10-01');
    changeCombobox(element, 'lightning-combobox.period-picker', 'last-fiscal-year');
    await flush();
    const variables = variablesOf(isAggregates);
    expect(variables.start).toBe('2025-01-01');
    expect(variables.end).toBe('2025-12-31');
    expect($(element, '[data-state="loading"]')).not.toBeNull();
  });

  it('uses the default period and fiscal year start from its properties', async () => {
    await mount({ defaultPeriod: 'This Fiscal Year', fiscalYearStartMonth: 4 });
    adapter.emit(TEAM, isTeam);
    await flush();
    expect(variablesOf(isAggregates).start).toBe('2026-04-01');
    expect(variablesOf(isAggregates).end).toBe('2027-03-31');
  });

  it('validates a custom range: start on or before end', async () => {
    const element = await mountWithData();
    changeCombobox(element, 'lightning-combobox.period-picker', 'custom');
    await flush();
    const start = $(element, 'lightning-input.custom-start') as HTMLElement;
    const end = $(element, 'lightning-input.custom-end') as HTMLElement;
    start.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-30' } }));
    end.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-01' } }));
    ($(element, 'lightning-button.apply-range') as HTMLElement).click();
    await flush();
    expect($(element, '.range-error')?.textContent).toContain('c.SC_Scorecard_RangeOrder');
    end.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-12-15' } }));
    ($(element, 'lightning-button.apply-range') as HTMLElement).click();
    await flush();
    expect($(element, '.range-error')).toBeNull();
    const variables = variablesOf(isAggregates);
    expect(variables.start).toBe('2026-11-30');
    expect(variables.end).toBe('2026-12-15');
  });

  it('lists early warnings most urgent first with the number behind them', async () => {
    const element = await mountWithData();
    const items = $$(element, '.warning-list li');
    expect(items.length).toBeGreaterThan(0);
    const texts = items.map((item) => item.querySelector('.warning-text')?.textContent ?? '');
    // Blake: coverage 0.3× against 4× required (high), never had a One-on-One (high).
    expect(texts[0]).toBe('c.SC_Scorecard_WarnCoverage');
    expect(items[0].getAttribute('data-rep-id')).toBe(BLAKE);
    expect(items[0].querySelector('.severity')?.textContent).toBe('c.SC_Scorecard_SeverityHigh');
    expect(items.map((item) => item.getAttribute('data-rep-id'))).toContain(BLAKE);
  });

  it('lists every warning without a "show all" toggle while there are six or fewer', async () => {
    // Blake: coverage, never a 1:1, win rate down 50 points, 2 deals slipping; Avery: 1:1 3 days ago.
    const element = await mountWithData({ daysWithoutOneOnOne: 1 });
    const reps = $$(element, '.warning-list li').map((item) => item.getAttribute('data-rep-id'));
    expect(reps).toHaveLength(5);
    expect(reps.filter((id) => id === AVERY)).toHaveLength(1);
    expect($(element, 'lightning-button.toggle-warnings')).toBeNull();
  });

  it('opens the session form preset with the rep when a warning is acted on', async () => {
    const element = await mountWithData();
    const button = $(element, '.warning-list li lightning-button.log-session') as HTMLElement;
    button.click();
    await flush();
    const form = $(element, 'c-coaching-session-form') as HTMLElement & { repId?: string };
    expect(form).not.toBeNull();
    expect(form.repId).toBe(BLAKE);
    form.dispatchEvent(new CustomEvent('sessionlogged', { detail: {} }));
    await flush();
    expect($(element, 'c-coaching-session-form')).toBeNull();
  });

  it('presets the session type that answers the warning, with a fresh form per warning', async () => {
    const element = await mountWithData();
    type Form = HTMLElement & { repId?: string; sessionType?: string };
    const open = async (code: string): Promise<Form> => {
      const button = $(
        element,
        `lightning-button.log-session[data-key^="${code}-${BLAKE}"]`
      ) as HTMLElement;
      button.click();
      await flush();
      return $(element, 'c-coaching-session-form') as Form;
    };
    const cadence = await open('no-recent-one-on-one');
    expect(cadence.repId).toBe(BLAKE);
    expect(cadence.sessionType).toBe('One-on-One');
    const slipping = await open('deals-slipping');
    // The form reads its presets when it connects: another warning gets a new form.
    expect(slipping).not.toBe(cadence);
    expect(slipping.sessionType).toBe('Deal Review');
    expect($$(element, 'c-coaching-session-form')).toHaveLength(1);
    expect((await open('coverage-below-required')).sessionType).toBe('Pipeline Review');
    expect((await open('win-rate-down')).sessionType).toBe('Deal Review');
  });

  it('names each "Log session" button after its rep, for screen readers and voice control', async () => {
    const element = await mountWithData({ daysWithoutOneOnOne: 1 });
    const buttons = $$(element, 'lightning-button.log-session');
    const names = buttons.map((button) => button.getAttribute('aria-label'));
    // Each name starts with the visible label and says with whom.
    expect(buttons.every((button) => (button as HTMLElement & { label?: string }).label)).toBe(
      true
    );
    const byRep = new Map(
      buttons.map((button) => [
        button.getAttribute('data-rep-id'),
        button.getAttribute('aria-label')
      ])
    );
    expect(byRep.get(AVERY)).toBe('Log session with Avery Rep');
    expect(byRep.get(BLAKE)).toBe('Log session with Blake Rep');
    expect(names.every((name) => name?.startsWith('Log session with '))).toBe(true);
  });

  it('moves focus into the session form when it opens and back to its warning when it closes', async () => {
    const element = await mountWithData();
    const selector = `lightning-button.log-session[data-key^="no-recent-one-on-one-${BLAKE}"]`;
    const button = $(element, selector) as HTMLElement;
    // The stub renders no inner <button>; a tabindex makes it focusable as the real one is.
    button.tabIndex = 0;
    button.click();
    await flush();
    const heading = $(element, '.session-form .session-form-heading');
    expect(heading).not.toBeNull();
    expect(root(element).activeElement).toBe(heading);

    ($(element, '.session-form lightning-button-icon') as HTMLElement).click();
    await flush();
    expect($(element, '.session-form')).toBeNull();
    expect(root(element).activeElement).toBe(button);

    button.click();
    await flush();
    expect(root(element).activeElement).toBe($(element, '.session-form-heading'));
    const form = $(element, 'c-coaching-session-form') as HTMLElement;
    form.dispatchEvent(new CustomEvent('sessionlogged', { detail: {} }));
    await flush();
    expect(root(element).activeElement).toBe(button);
  });

  it('returns focus to the warnings heading when the warning that opened the form is gone', async () => {
    const element = await mountWithData();
    (
      $(
        element,
        `lightning-button.log-session[data-key^="no-recent-one-on-one-${BLAKE}"]`
      ) as HTMLElement
    ).click();
    await flush();
    // The logged One-on-One clears the warning once the coaching data is read again.
    const refreshed = coaching();
    refreshed.uiapi.aggregate.lastOneOnOne = connection([
      { aggregate: { Rep__c: v(BLAKE), Session_Date__c: { max: v(TODAY) } } }
    ]);
    adapter.emit(refreshed, isCoaching);
    await flush();
    ($(element, 'c-coaching-session-form') as HTMLElement).dispatchEvent(
      new CustomEvent('sessionlogged', { detail: {} })
    );
    await flush();
    expect(
      $(element, `lightning-button.log-session[data-key^="no-recent-one-on-one-${BLAKE}"]`)
    ).toBeNull();
    const heading = $(element, '.warnings-heading');
    expect(heading).not.toBeNull();
    expect(root(element).activeElement).toBe(heading);
  });

  it('drills into a rep: one history request for 8 quarters and the deals most at risk', async () => {
    const element = await mountWithData();
    ($(element, `button.row-action[data-id="${AVERY}"]`) as HTMLElement).click();
    await flush();
    const history = variablesOf(isHistory);
    expect(history.ownerId).toBe(AVERY);
    expect($(element, '[data-state="history-loading"]')).not.toBeNull();
    const quarter = (ownerId: string, won: number) =>
      connection([group(ownerId, true, true, 1, won), group(ownerId, true, false, 1, won)]);
    adapter.emit(
      {
        uiapi: {
          query: { plans: connection([plan('a03000000000001AAA', AVERY, 200000)]) },
          aggregate: {
            planTargets: planTargets([['a03000000000001AAA', 200000]]),
            q0: quarter(AVERY, 10000),
            q7: quarter(AVERY, 50000)
          }
        }
      },
      isHistory
    );
    const deal = (id: string, name: string, closeDate: string, pushCount: number) => ({
      Id: id,
      Name: v(name),
      OwnerId: v(AVERY),
      Amount: v(50000),
      StageName: v('Negotiation/Review'),
      Probability: v(90),
      IsClosed: v(false),
      IsWon: v(false),
      CloseDate: v(closeDate),
      CreatedDate: v('2026-06-01T00:00:00.000Z'),
      PushCount: v(pushCount),
      LastActivityDate: v('2026-11-20')
    });
    adapter.emit(
      {
        uiapi: {
          query: {
            Opportunity: connection([
              deal('006000000000001AAA', 'Healthy deal', '2026-12-20', 0),
              deal('006000000000002AAA', 'Slipping deal', '2026-10-15', 3)
            ])
          }
        }
      },
      isDeals
    );
    await flush();
    const quarters = $$(element, '.history-table tbody tr');
    expect(quarters).toHaveLength(8);
    expect(quarters[7].textContent).toContain('$50,000');
    expect(quarters[7].textContent).toContain('25%');
    const deals = $$(element, '.deals-table tbody tr');
    expect(deals[0].getAttribute('data-deal-id')).toBe('006000000000002AAA');
  });

  it('shows one row per manager for a manager of managers, and drills into a team', async () => {
    const element = await mount();
    adapter.emit(VP_TEAM, isTeam);
    await flush();
    const owners = [BLAKE, CASEY];
    expect([...(variablesOf(isAggregates).ownerIds as string[])].sort()).toEqual(owners);
    adapter.emit(aggregates(owners), isAggregates);
    adapter.emit(coaching(owners), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect($(element, 'lightning-radio-group.level-switch')).not.toBeNull();
    expect(rowNames(element).sort()).toEqual(['Avery Manager', 'Morgan Manager']);
    expect(cellText(element, AVERY, 'teamSize')).toBe('1');
    expect(cellText(element, AVERY, 'closedWon')).toBe('$100,000');
    expect(cellText(element, MANAGER_B, 'closedWon')).toBe('$30,000');
    expect(cellText(element, 'total', 'closedWon')).toBe('$130,000');

    ($(element, `button.row-action[data-id="${MANAGER_B}"]`) as HTMLElement).click();
    await flush();
    expect(rowNames(element)).toEqual(['Casey Rep']);
    expect($(element, '.team-heading')?.textContent).toBe('c.SC_Scorecard_TeamOf');

    changeCombobox(element, 'lightning-radio-group.level-switch', 'reps');
    await flush();
    expect(rowNames(element).sort()).toEqual(['Blake Rep', 'Casey Rep']);
    changeCombobox(element, 'lightning-radio-group.level-switch', 'managers');
    await flush();
    expect(rowNames(element).sort()).toEqual(['Avery Manager', 'Morgan Manager']);
  });

  it('keeps a VP’s direct reports who manage no one: in totals, warnings and as their own team', async () => {
    const element = await mount();
    adapter.emit(
      {
        uiapi: {
          query: {
            reports: connection([
              user(AVERY, 'Avery Manager', MANAGER),
              user(DANA, 'Dana Rep', MANAGER),
              user(MANAGER_B, 'Morgan Manager', MANAGER)
            ]),
            reportsOfReports: connection([
              user(BLAKE, 'Blake Rep', AVERY),
              user(CASEY, 'Casey Rep', MANAGER_B)
            ])
          }
        }
      },
      isTeam
    );
    await flush();
    const owners = [BLAKE, CASEY, DANA];
    expect([...(variablesOf(isCoaching).repIds as string[])].sort()).toEqual([...owners].sort());
    adapter.emit(aggregates(owners), isAggregates);
    adapter.emit(coaching(owners), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    // Managers' teams side by side, and the VP's own reps as one more team.
    expect(rowNames(element).sort()).toEqual(
      ['Avery Manager', 'Morgan Manager', 'c.SC_Scorecard_DirectReports'].sort()
    );
    expect(cellText(element, MANAGER, 'teamSize')).toBe('1');
    expect(cellText(element, MANAGER, 'closedWon')).toBe('$50,000');
    expect($(element, `button.row-action[data-id="${MANAGER}"]`)?.getAttribute('title')).toBe(
      'c.SC_Scorecard_ViewDirectReports'
    );
    expect(cellText(element, 'total', 'closedWon')).toBe('$180,000');
    expect(cellText(element, 'total', 'teamSize')).toBe('3');
    // Dana never had a One-on-One: warned about like every other rep.
    ($(element, 'lightning-button.toggle-warnings') as HTMLElement | null)?.click();
    await flush();
    expect($$(element, '.warning-list li').map((li) => li.getAttribute('data-rep-id'))).toContain(
      DANA
    );

    ($(element, `button.row-action[data-id="${MANAGER}"]`) as HTMLElement).click();
    await flush();
    expect(rowNames(element)).toEqual(['Dana Rep']);
    expect($(element, '.team-heading')?.textContent).toBe('c.SC_Scorecard_DirectReports');

    changeCombobox(element, 'lightning-radio-group.level-switch', 'reps');
    await flush();
    expect(rowNames(element).sort()).toEqual(['Blake Rep', 'Casey Rep', 'Dana Rep']);
  });

  it('saves the whole organisation in a VP snapshot while one team is open', async () => {
    mockCreateRecord.mockImplementation((input: { apiName: string }) =>
      Promise.resolve({
        id: input.apiName === 'Manager_Scorecard__c' ? SNAPSHOT_ID : 'a06000000000009AAA'
      })
    );
    const element = await mount();
    adapter.emit(VP_TEAM, isTeam);
    await flush();
    adapter.emit(aggregates([BLAKE, CASEY]), isAggregates);
    adapter.emit(coaching([BLAKE, CASEY]), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    ($(element, `button.row-action[data-id="${MANAGER_B}"]`) as HTMLElement).click();
    await flush();
    expect(rowNames(element)).toEqual(['Casey Rep']);
    expect(cellText(element, 'total', 'closedWon')).toBe('$30,000');

    ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
    await flush();
    await flush();
    const [header] = mockCreateRecord.mock.calls[0] as [
      { apiName: string; fields: Record<string, unknown> }
    ];
    expect(header.apiName).toBe('Manager_Scorecard__c');
    expect(header.fields).toMatchObject({
      Manager__c: MANAGER,
      Period_Key__c: `${MANAGER}:2026-10-01:2026-12-31`,
      Team_Size__c: 2,
      Closed_Won_Amount__c: 130000
    });
    const entries = mockCreateRecord.mock.calls
      .slice(1)
      .map(([input]) => (input as { fields: Record<string, unknown> }).fields.Rep__c);
    expect(entries.sort()).toEqual([BLAKE, CASEY].sort());
  });

  it('creates a snapshot and one entry per rep when the period has none', async () => {
    mockCreateRecord.mockImplementation((input: { apiName: string }) =>
      Promise.resolve({
        id: input.apiName === 'Manager_Scorecard__c' ? SNAPSHOT_ID : 'a06000000000009AAA'
      })
    );
    const element = await mountWithData();
    ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
    await flush();
    await flush();
    expect(mockUpdateRecord).not.toHaveBeenCalled();
    expect(mockCreateRecord).toHaveBeenCalledTimes(3);
    const [header] = mockCreateRecord.mock.calls[0] as [
      { apiName: string; fields: Record<string, unknown> }
    ];
    expect(header.apiName).toBe('Manager_Scorecard__c');
    expect(header.fields).toMatchObject({
      Manager__c: MANAGER,
      Period_Key__c: `${MANAGER}:2026-10-01:2026-12-31`,
      Period_Start__c: '2026-10-01',
      Period_End__c: '2026-12-31',
      Team_Size__c: 2,
      Closed_Won_Amount__c: 130000,
      Snapshot_Date__c: TODAY
    });
    const entries = mockCreateRecord.mock.calls
      .slice(1)
      .map(([input]) => (input as { fields: Record<string, unknown> }).fields);
    expect(entries.map((fields) => fields.Rep__c).sort()).toEqual([AVERY, BLAKE].sort());
    expect(entries.every((fields) => fields.Manager_Scorecard__c === SNAPSHOT_ID)).toBe(true);
    const avery = entries.find((fields) => fields.Rep__c === AVERY);
    expect(avery).toMatchObject({ Percent_To_Plan__c: 50, Win_Rate__c: 50 });
    expect(header.fields).not.toHaveProperty('CurrencyIsoCode');
  });

  it('updates the existing snapshot of the period and its entries instead of duplicating', async () => {
    mockCreateRecord.mockResolvedValue({ id: 'a06000000000009AAA' });
    mockUpdateRecord.mockResolvedValue({});
    const element = await mountWithData({}, { withCurrentSnapshot: true });
    ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
    await flush();
    await flush();
    const updates = mockUpdateRecord.mock.calls.map(
      ([input]) => (input as { fields: Record<string, unknown> }).fields
    );
    expect(updates.map((fields) => fields.Id).sort()).toEqual([SNAPSHOT_ID, ENTRY_ID].sort());
    expect(updates.find((fields) => fields.Id === SNAPSHOT_ID)).toMatchObject({
      Period_Key__c: `${MANAGER}:2026-10-01:2026-12-31`
    });
    // Blake had no entry in the saved snapshot: created under the existing scorecard.
    expect(mockCreateRecord).toHaveBeenCalledTimes(1);
    const [entryInput] = mockCreateRecord.mock.calls[0] as [unknown];
    expect(entryInput).toMatchObject({
      apiName: 'Scorecard_Entry__c',
      fields: { Manager_Scorecard__c: SNAPSHOT_ID, Rep__c: BLAKE }
    });
  });

  it('draws the trend across saved snapshots as an accessible chart with a data table', async () => {
    const element = await mountWithData({}, { withCurrentSnapshot: true });
    const svg = $(element, 'svg.trend-chart') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBeTruthy();
    expect($$(element, 'svg.trend-chart path')).toHaveLength(3);
    expect($(element, '.trend-summary')?.textContent).toBe('c.SC_Scorecard_TrendSummary');
    const rows = $$(element, '.trend-table tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('92.5%');
  });

  it('explains how to get a trend when no snapshot is saved', async () => {
    const element = await mountWithData();
    adapter.emit(
      { uiapi: { query: { snapshots: connection([]), entries: connection([]) } } },
      isSnapshots
    );
    await flush();
    expect($(element, '.trend-empty')).not.toBeNull();
    expect($(element, 'svg.trend-chart')).toBeNull();
  });

  it('is accessible with data', async () => {
    const element = await mountWithData({}, { withCurrentSnapshot: true });
    await expect(element).toBeAccessible();
  });

  // ---- Issue 14 ------------------------------------------------------------------------------

  function toastsOf(element: HTMLElement): CustomEvent<{ title: string; message: string }>[] {
    const toasts: CustomEvent<{ title: string; message: string }>[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push(event as CustomEvent<{ title: string; message: string }>)
    );
    return toasts;
  }

  it.each([0, 1, 2])(
    'leaves no half snapshot when write %i of a new one fails (defect 3)',
    async (failing) => {
      mockCreateRecord.mockReset();
      mockDeleteRecord.mockReset();
      mockDeleteRecord.mockResolvedValue(undefined);
      let call = 0;
      mockCreateRecord.mockImplementation((input: { apiName: string }) => {
        const index = call++;
        if (index === failing) return Promise.reject(new Error('Service Unavailable'));
        return Promise.resolve({ id: `${input.apiName}-${index}` });
      });
      const element = await mountWithData();
      const toasts = toastsOf(element);
      ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
      await settleSave();
      // Everything created before the failing write is deleted again, newest first.
      const created = ['Manager_Scorecard__c-0', 'Scorecard_Entry__c-1'].slice(0, failing);
      expect(mockDeleteRecord.mock.calls.map(([id]) => id as string)).toEqual(created.reverse());
      expect(toasts.map((event) => event.detail.message)).toEqual([
        'c.SC_Scorecard_SnapshotNothingSaved'
      ]);
    }
  );

  it('puts an updated snapshot back when a later write fails (defect 3)', async () => {
    mockUpdateRecord.mockReset();
    mockCreateRecord.mockReset();
    mockUpdateRecord.mockResolvedValue({});
    mockCreateRecord.mockRejectedValue(new Error('Service Unavailable'));
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    adapter.emit(aggregates(), isAggregates);
    adapter.emit(coaching(), isCoaching);
    const data = snapshots(true);
    const current = {
      Id: SNAPSHOT_ID,
      Snapshot_Date__c: v('2026-11-01'),
      Closed_Won_Amount__c: v(90000),
      Team_Size__c: v(2)
    };
    const entry = { Id: ENTRY_ID, Rep__c: v(AVERY), Closed_Won_Amount__c: v(50000) };
    adapter.emit(
      {
        uiapi: {
          query: {
            ...data.uiapi.query,
            current: connection([current]),
            currentEntries: connection([entry])
          }
        }
      },
      isSnapshots
    );
    await flush();
    ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
    await settleSave();
    const updates = mockUpdateRecord.mock.calls.map(
      ([input]) => (input as { fields: Record<string, unknown> }).fields
    );
    // Scorecard and Avery's entry updated; Blake's entry failed; both put back, newest first.
    expect(updates.map((fields) => fields.Id)).toEqual([
      SNAPSHOT_ID,
      ENTRY_ID,
      ENTRY_ID,
      SNAPSHOT_ID
    ]);
    expect(updates[2]).toEqual({ Id: ENTRY_ID, Closed_Won_Amount__c: 50000 });
    expect(updates[3]).toEqual({
      Id: SNAPSHOT_ID,
      Snapshot_Date__c: '2026-11-01',
      Closed_Won_Amount__c: 90000,
      Team_Size__c: 2
    });
  });

  it('asks for the saved snapshot of the period shown, to undo a failed save', async () => {
    await mountWithData();
    const config = (() => {
      let found: WireConfig | undefined;
      adapter.emit(undefined, (candidate) => {
        if (isSnapshots(candidate)) found = candidate;
        return false;
      });
      return found;
    })();
    expect(config?.variables).toEqual({
      scorecardManagerId: MANAGER,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      periodKey: `${MANAGER}:2026-10-01:2026-12-31`
    });
  });

  it('offers Retry on the error state, which asks again (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = await mount();
    adapter.emitErrors([{ message: 'Service Unavailable' }], isTeam, refresh);
    await flush();
    ($(element, '[data-state="error"] lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    adapter.emit(TEAM, isTeam);
    await flush();
    adapter.emit(aggregates(), isAggregates);
    adapter.emit(coaching(), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect($(element, '[data-state="data"]')).not.toBeNull();
  });

  it('lets a session form on the page take "Log session" instead of opening a second one (defect 13)', async () => {
    const requests: LogSessionRequestDetail[] = [];
    const sidebarForm = (event: Event) => {
      const detail = (event as CustomEvent<LogSessionRequestDetail>).detail;
      requests.push(detail);
      detail.accept();
    };
    window.addEventListener(LOG_SESSION_REQUEST, sidebarForm);
    try {
      const element = await mountWithData();
      ($(element, '.warning-list li lightning-button.log-session') as HTMLElement).click();
      await flush();
      expect(requests).toHaveLength(1);
      expect(requests[0].repId).toBeTruthy();
      expect($(element, 'c-coaching-session-form')).toBeNull();
    } finally {
      window.removeEventListener(LOG_SESSION_REQUEST, sidebarForm);
    }
  });
});

/** What CURRENCY_CONTEXT answers in a multi-currency org (corporate null: CurrencyType unreadable). */
const multiCurrency = (corporate: string | null) => ({
  uiapi: {
    query: {
      me: connection([{ Id: MANAGER, DefaultCurrencyIsoCode: v('USD') }]),
      corporate: connection(corporate ? [{ Id: '02X000000000001AAA', IsoCode: v(corporate) }] : [])
    }
  }
});
const spaces = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ').trim();

describe('c-manager-scorecard at scale', () => {
  const repId = (n: number) => `005R${String(n).padStart(11, '0')}AAA`;

  it('reads a VP’s 2,001 reps in one request per 2,000, every figure from every request', async () => {
    const reps = Array.from({ length: 2001 }, (_, n) =>
      user(repId(n), `Rep ${n}`, n % 2 === 0 ? AVERY : MANAGER_B)
    );
    const element = await mount();
    adapter.emit(
      {
        uiapi: {
          query: {
            reports: connection([
              user(AVERY, 'Avery Manager', MANAGER),
              user(MANAGER_B, 'Morgan Manager', MANAGER)
            ]),
            reportsOfReports: connection(reps)
          }
        }
      },
      isTeam
    );
    await flush();
    const ids = reps.map((rep) => rep.Id).sort();
    const first = variablesOf(isAggregates).ownerIds as string[];
    expect(first).toEqual(ids.slice(0, 2000));
    expect(variablesOf(isCoaching).repIds).toEqual(first);
    // Each request's reps: one won deal of 1,000 each, a completed session each.
    const won = (owners: string[]) =>
      byKind({
        current: owners.map((owner) => group(owner, true, true, 1, 1000)),
        previous: [],
        lastYear: [],
        pastCloseDate: []
      });
    const sessions = (owners: string[]) => ({
      uiapi: { aggregate: { completed: connection(owners.map((owner) => count(owner, 1))) } }
    });
    adapter.emit(won(first), isAggregates);
    adapter.emit(sessions(first), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    expect($(element, '[data-state="loading"]')).not.toBeNull();
    const second = variablesOf(isAggregates).ownerIds as string[];
    expect(second).toEqual(ids.slice(2000));
    adapter.emit(won(second), isAggregates);
    adapter.emit(sessions(second), isCoaching);
    await flush();
    expect(variablesOf(isFollowUps).repIds).toEqual(first);
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect(variablesOf(isFollowUps).repIds).toEqual(second);
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect(cellText(element, 'total', 'closedWon')).toBe('$2,001,000');
    expect(cellText(element, 'total', 'sessions')).toBe('2001');
    expect($(element, '.limit-notices')).toBeNull();
  });

  it('counts overdue commitments and goals past their date from every page of the follow-ups', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    adapter.emit(aggregates(), isAggregates);
    adapter.emit(coaching(), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    // Avery's last completed day, with a follow-up date already past: only there can it be.
    const where = variablesOf(isFollowUps).sessionsWhere as { or: unknown[] };
    expect(where.or).toEqual([
      { Rep__c: { in: [AVERY] }, Session_Date__c: { eq: { value: '2026-11-20' } } }
    ]);
    const session = (id: string, commitments: string | null) => ({
      Id: id,
      Rep__c: v(AVERY),
      Session_Date__c: v('2026-11-20'),
      Status__c: v('Completed'),
      Commitments__c: v(commitments),
      Follow_Up_Date__c: v('2026-11-21')
    });
    const pastDate = {
      Id: 'a02000000000009AAA',
      Rep__c: v(BLAKE),
      Status__c: v('In Progress'),
      Target_Date__c: v('2026-11-01')
    };
    // Sessions take two pages; the goals, read alongside, one.
    const firstPage = followUps([session('a01000000000007AAA', '  ')], [pastDate]);
    Object.assign(firstPage.uiapi.query.sessions, {
      pageInfo: { hasNextPage: true, endCursor: 'page-1' }
    });
    adapter.emit(firstPage, isFollowUps);
    await flush();
    expect(variablesOf(isFollowUps).sessionsAfter).toBe('page-1');
    adapter.emit(followUps([session('a01000000000008AAA', 'Send the proposal')], []), isFollowUps);
    await flush();
    // The blank commitment is not one; the other is overdue since 21 November.
    expect(cellText(element, AVERY, 'overdue')).toBe('1');
    expect(cellText(element, BLAKE, 'goals')).toContain('c.SC_Scorecard_GoalsPastTarget');
    const warnings = $$(element, 'lightning-button.log-session').map((button) =>
      button.getAttribute('data-key')
    );
    expect(warnings.some((key) => key?.startsWith(`goal-past-target-date-${BLAKE}`))).toBe(true);
  });

  it('says what it could not read where the figures are', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    const data = aggregates();
    Object.assign(data.uiapi.aggregate.currentWon, {
      pageInfo: { hasNextPage: true, endCursor: 'x' }
    });
    adapter.emit(data, isAggregates);
    adapter.emit(coaching(), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect($(element, '.limit-notice')?.textContent).toBe('c.SC_Scorecard_LimitAggregates');
  });

  it('reads only the period’s saved entries, and will not save over entries it could not all read', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    expect(variablesOf(isSnapshots)).toEqual({
      scorecardManagerId: expect.any(String) as string,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      periodKey: expect.any(String) as string
    });
    adapter.emit(aggregates(), isAggregates);
    adapter.emit(coaching(), isCoaching);
    const saved = snapshots(true);
    Object.assign(saved.uiapi.query.snapshots, { totalCount: 2500 });
    Object.assign(saved.uiapi.query.entries, { totalCount: 2001 });
    adapter.emit(saved, isSnapshots);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    const save = $(element, 'lightning-button.save-snapshot') as HTMLElement & {
      disabled?: boolean;
    };
    expect(save.disabled).toBe(true);
    expect($(element, '.snapshot-unavailable')?.textContent?.trim()).toBe(
      'c.SC_Scorecard_LimitEntries'
    );
    const notices = $$(element, '.limit-notice').map((notice) => notice.textContent);
    expect(notices).toContain('c.SC_Scorecard_LimitSnapshots');
  });

  it('says so when a rep’s plans over the eight quarters do not fit a page', async () => {
    const element = await mountWithData();
    ($(element, `button.row-action[data-id="${AVERY}"]`) as HTMLElement).click();
    await flush();
    adapter.emit(
      {
        uiapi: {
          query: {
            plans: {
              ...connection([plan('a03000000000001AAA', AVERY, 200000)]),
              totalCount: 2400
            }
          },
          aggregate: { planTargets: planTargets([['a03000000000001AAA', 200000]]) }
        }
      },
      isHistory
    );
    await flush();
    expect($(element, '.history-notice')?.textContent?.trim()).toBe('c.SC_Scorecard_LimitPlans');
  });

  it('ranks the open deals of every page, up to two, and says how many it ranked of how many', async () => {
    const element = await mountWithData();
    ($(element, `button.row-action[data-id="${AVERY}"]`) as HTMLElement).click();
    await flush();
    const deal = (n: number) => ({
      Id: `006${String(n).padStart(12, '0')}AAA`,
      Name: v(`Deal ${n}`),
      OwnerId: v(AVERY),
      Amount: v(1000 * n),
      StageName: v('Prospecting'),
      IsClosed: v(false),
      IsWon: v(false),
      CloseDate: v('2026-12-20'),
      CreatedDate: v('2026-11-01T00:00:00.000Z')
    });
    const dealsPage = (ids: number[], cursor: string) => ({
      uiapi: {
        query: {
          Opportunity: {
            ...connection(ids.map(deal)),
            totalCount: 5000,
            pageInfo: { hasNextPage: true, endCursor: cursor }
          }
        }
      }
    });
    adapter.emit(dealsPage([1, 2], 'p1'), isDeals);
    await flush();
    expect(variablesOf(isDeals).after).toBe('p1');
    expect($(element, '[data-state="deals-loading"]')).not.toBeNull();
    adapter.emit(dealsPage([3, 4], 'p2'), isDeals);
    await flush();
    expect($$(element, '.deals-table tbody tr').length).toBeGreaterThan(0);
    expect($(element, '.deals-notice')?.textContent?.trim()).toBe('c.SC_Scorecard_LimitDeals');
  });
});

describe('c-manager-scorecard in a multi-currency org', () => {
  async function mountMulti(corporate: string | null = 'EUR'): Promise<HTMLElement> {
    const element = await mountWithData();
    adapter.emit(multiCurrency(corporate), isCurrency);
    await flush();
    return element;
  }

  it('names the corporate currency above the table', async () => {
    const element = await mountMulti();
    expect($(element, '.currency-note')?.textContent).toBe(
      'Amounts in EUR, the corporate currency.'
    );
  });

  it('shows the aggregates in the corporate currency, with its code', async () => {
    const element = await mountMulti();
    expect(spaces(cellText(element, AVERY, 'closedWon'))).toBe('EUR 100,000');
    expect(spaces(cellText(element, AVERY, 'pipeline'))).toBe('EUR 150,000');
  });

  it('compares closed won with targets in the corporate currency, not the plans’ own', async () => {
    const element = await mount();
    adapter.emit(TEAM, isTeam);
    await flush();
    adapter.emit(aggregates(), isAggregates);
    // Targets are only read as aggregate sums, which the org gives in the corporate currency
    // (a plan holding 32,400,000 yen sums to 200,000 EUR): never the plans' own amounts.
    adapter.emit(coaching(), isCoaching);
    adapter.emit(snapshots(false), isSnapshots);
    adapter.emit(multiCurrency('EUR'), isCurrency);
    await flush();
    adapter.emit(followUps(), isFollowUps);
    await flush();
    expect(spaces(cellText(element, AVERY, 'target'))).toBe('EUR 200,000');
    expect(cellText(element, AVERY, 'percentToPlan')).toBe('50%');
  });

  it('saves snapshots in the corporate currency', async () => {
    mockCreateRecord.mockImplementation((input: { apiName: string }) =>
      Promise.resolve({
        id: input.apiName === 'Manager_Scorecard__c' ? SNAPSHOT_ID : 'a06000000000009AAA'
      })
    );
    const element = await mountMulti();
    ($(element, 'lightning-button.save-snapshot') as HTMLElement).click();
    await flush();
    await flush();
    const [header] = mockCreateRecord.mock.calls[0] as [{ fields: Record<string, unknown> }];
    expect(header.fields).toMatchObject({ CurrencyIsoCode: 'EUR', Closed_Won_Amount__c: 130000 });
    // Entries are detail records: their currency follows the snapshot.
    const entries = mockCreateRecord.mock.calls.slice(1) as [{ fields: Record<string, unknown> }][];
    expect(entries.every(([input]) => !('CurrencyIsoCode' in input.fields))).toBe(true);
  });

  it('without the corporate currency’s code: plain numbers, no snapshot', async () => {
    const element = await mountMulti(null);
    expect($(element, '.currency-note')?.textContent).toBe('c.SC_Currency_Corporate_Unnamed');
    expect(cellText(element, AVERY, 'closedWon')).toBe('100,000');
    const save = $(element, 'lightning-button.save-snapshot') as HTMLElement & {
      disabled: boolean;
    };
    expect(save.disabled).toBe(true);
    expect($(element, '.snapshot-unavailable')?.textContent?.trim()).toBe(
      'c.SC_Currency_Snapshot_Unavailable'
    );
    save.click();
    await flush();
    expect(mockCreateRecord).not.toHaveBeenCalled();
  });

  it('shows each drilled-down deal in its own currency, sized against the average in one currency', async () => {
    const element = await mountMulti();
    ($(element, `button.row-action[data-id="${AVERY}"]`) as HTMLElement).click();
    await flush();
    const deal = (id: string, amount: number, iso: string) => ({
      Id: id,
      Name: v(id),
      OwnerId: v(AVERY),
      Amount: { value: amount, convertCurrency: null },
      CurrencyIsoCode: v(iso),
      StageName: v('Negotiation/Review'),
      Probability: v(90),
      IsClosed: v(false),
      IsWon: v(false),
      CloseDate: v('2026-12-20'),
      CreatedDate: v('2026-11-01T00:00:00.000Z'),
      PushCount: v(0),
      LastActivityDate: v('2026-11-20')
    });
    const corporate = (id: string, amount: number) => ({
      aggregate: { Id: v(id), Amount: { sum: v(amount) } }
    });
    adapter.emit(
      {
        uiapi: {
          query: {
            Opportunity: connection([
              deal('006000000000001AAA', 9_000_000, 'JPY'),
              deal('006000000000002AAA', 130_000, 'GBP')
            ])
          },
          aggregate: {
            corporate: connection([
              corporate('006000000000001AAA', 60000),
              corporate('006000000000002AAA', 150000)
            ])
          }
        }
      },
      isDeals
    );
    await flush();
    const row = (id: string) => $(element, `.deals-table tr[data-deal-id="${id}"]`) as HTMLElement;
    expect(spaces(row('006000000000001AAA').querySelector('td.numeric')?.textContent)).toBe(
      'JPY 9,000,000'
    );
    expect(spaces(row('006000000000002AAA').querySelector('td.numeric')?.textContent)).toBe(
      'GBP 130,000'
    );
    expect($(element, '.deals-currency-note')?.textContent?.trim()).toBe('c.SC_Currency_Own');
    // Average won deal 50,000 (corporate): 60,000 corporate is ordinary; 150,000 is 3× the average.
    const signals = (id: string) => row(id).querySelector('.signals')?.textContent ?? '';
    expect(signals('006000000000001AAA')).not.toContain('Amount_Above_Average');
    expect(signals('006000000000002AAA')).toContain('c.SC_Deal_Signal_Amount_Above_Average');
  });

  it('is accessible with the currency note', async () => {
    const element = await mountMulti();
    await expect(element).toBeAccessible();
  });
});
