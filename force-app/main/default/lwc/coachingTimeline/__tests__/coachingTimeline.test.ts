import { createElement } from 'lwc';
import CoachingTimeline from 'c/coachingTimeline';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import PAGE_1 from './data/sessionsPage1.json';
import PAGE_2 from './data/sessionsPage2.json';
import EMPTY from './data/sessionsEmpty.json';
import WITH_PRIVATE_NOTES from './data/sessionsWithPrivateNotes.json';
import { type FieldNode, parse, visit } from 'graphql';

// The preset's gql returns nothing; the query text lets the tests read what is asked for.
jest.mock('lightning/graphql', () => ({
  ...jest.requireActual<Record<string, unknown>>('lightning/graphql'),
  gql: (strings: TemplateStringsArray, ...values: unknown[]) =>
    String.raw({ raw: strings }, ...values)
}));

// A label with its placeholder, so the tests see the author's name fill it.
jest.mock(
  '@salesforce/label/c.SC_Timeline_Private_Note_Author',
  () => ({ __esModule: true, default: 'by {0}' }),
  { virtual: true }
);

interface TestAdapter {
  emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
  emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
  getLastConfig(): { query: unknown; variables: Record<string, unknown> };
}
const graphqlAdapter = graphql as unknown as TestAdapter;
const updateRecordMock = updateRecord as unknown as jest.Mock;

const USER_ID = '005000000000000000';
const MY_SESSION = 'a00000000000001AAA';
const RATED_SESSION = 'a00000000000002AAA';

type Props = Partial<{ recordId: string; objectApiName: string; repId: string; today: string }>;

function createTimeline(props: Props = {}): HTMLElement & Props & { refresh(): void } {
  const element = createElement('c-coaching-timeline', {
    is: CoachingTimeline
  }) as HTMLElement & Props & { refresh(): void };
  Object.assign(element, { today: '2026-11-23', ...props });
  document.body.appendChild(element);
  return element;
}

async function flush(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

function session(element: HTMLElement, id: string): HTMLElement {
  return $(element, `li.session[data-id="${id}"]`)!;
}

describe('c-coaching-timeline', () => {
  beforeEach(() => {
    updateRecordMock.mockReset();
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows a spinner while loading', async () => {
    const element = createTimeline();
    await flush();
    const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
    expect(spinner.alternativeText).toBe('c.SC_Loading');
    await expect(element).toBeAccessible();
  });

  it.each([
    [
      { recordId: '006000000000001AAA', objectApiName: 'Opportunity' },
      { Opportunity__c: { eq: '006000000000001AAA' } }
    ],
    [
      { recordId: 'a01000000000001AAA', objectApiName: 'Development_Goal__c' },
      { Development_Goal__c: { eq: 'a01000000000001AAA' } }
    ],
    [{ repId: '005000000000012AAA' }, { Rep__c: { eq: '005000000000012AAA' } }],
    [{}, { or: [{ Rep__c: { eq: USER_ID } }, { Coach__c: { eq: USER_ID } }] }]
  ])('queries sessions for %o, ten a page', async (props, where) => {
    createTimeline(props);
    await flush();
    expect(graphqlAdapter.getLastConfig().variables).toEqual({ where, first: 10, after: null });
  });

  it('shows the empty state', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(EMPTY);
    await flush();
    expect($(element, '.empty-state')!.textContent).toBe('c.SC_Timeline_Empty');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel with the reduced messages', async () => {
    const element = createTimeline();
    graphqlAdapter.emitErrors([{ message: 'Insufficient access' }]);
    await flush();
    expect($(element, '.error-panel')!.textContent).toContain('Insufficient access');
    await expect(element).toBeAccessible();
  });

  it('renders sessions newest first with focus badges, details and overdue follow-ups', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    const items = $$(element, 'li.session');
    expect(items).toHaveLength(10);
    const first = session(element, MY_SESSION);
    expect(first.querySelector('.session-title')!.textContent).toBe('Deal Review');
    const badges = Array.from(first.querySelectorAll('.focus-areas lightning-badge')).map(
      (badge) => (badge as HTMLElement & { label: string }).label
    );
    expect(badges).toEqual(['Discovery', 'Closing']);
    expect(first.querySelector('.strengths')!.textContent).toBe('Clear agenda');
    expect(first.querySelector('.development-areas')!.textContent).toBe('Ask about budget earlier');
    expect(first.querySelector('.commitments')!.textContent).toBe('Map the buying committee');
    expect(first.querySelector('.overdue')).not.toBeNull();
    expect(session(element, RATED_SESSION).querySelector('.overdue')).toBeNull();
    expect(session(element, RATED_SESSION).querySelector('.acknowledged')).not.toBeNull();
    // A rep's answer has no private notes relationship (@optional, no access): none are shown.
    expect($(element, '.private-notes')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks for the private notes as @optional: reps have no access, FLS may hide the text', async () => {
    createTimeline();
    await flush();
    const optional: string[] = [];
    visit(parse(String(graphqlAdapter.getLastConfig().query)), {
      Field(node: FieldNode) {
        if (node.directives?.some((directive) => directive.name.value === 'optional'))
          optional.push(node.name.value);
      }
    });
    expect(optional).toEqual(expect.arrayContaining(['Private_Notes__r', 'Body__c']));
  });

  it('shows the private notes the coach may read, with their authors', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(WITH_PRIVATE_NOTES);
    await flush();
    const withNotes = session(element, 'a00000000000003AAA');
    expect(withNotes.querySelector('.private-notes-title')!.textContent).toContain(
      'c.SC_Timeline_Private_Notes'
    );
    expect(withNotes.querySelector('.private-notes-visibility')!.textContent).toContain(
      'c.SC_Timeline_Private_Notes_Visibility'
    );
    const notes = Array.from(withNotes.querySelectorAll('li.private-note')).map((item) => [
      item.querySelector('.private-note-body')!.textContent,
      item.querySelector('.private-note-author')!.textContent
    ]);
    expect(notes).toEqual([
      ['Confidence dipped after losing the Q3 deal; keep encouraging.', 'by Morgan Manager'],
      ['Ready for a larger territory next year.', 'by Avery Vice']
    ]);
    // A note whose text field-level security hides, and a session without notes: nothing shown.
    expect(session(element, 'a00000000000004AAA').querySelector('.private-notes')).toBeNull();
    expect(session(element, 'a00000000000005AAA').querySelector('.private-notes')).toBeNull();
    expect(withNotes.querySelector('.more-notes')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says how many notes past the first ten the session’s page holds', async () => {
    const element = createTimeline();
    const data = JSON.parse(JSON.stringify(WITH_PRIVATE_NOTES)) as {
      uiapi: { query: { Coaching_Session__c: { edges: { node: Record<string, unknown> }[] } } };
    };
    const node = data.uiapi.query.Coaching_Session__c.edges.find(
      (edge) => edge.node.Id === 'a00000000000003AAA'
    )!.node;
    Object.assign(node.Private_Notes__r as object, { totalCount: 14 });
    graphqlAdapter.emit(data);
    await flush();
    expect(
      session(element, 'a00000000000003AAA').querySelector('.more-notes')?.textContent?.trim()
    ).toBe('c.SC_Timeline_MoreNotes');
  });

  it('lets only the rep acknowledge and rate, with accessible rating buttons', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    const mine = session(element, MY_SESSION);
    expect(mine.querySelector('lightning-button.acknowledge')).not.toBeNull();
    const buttons = Array.from(mine.querySelectorAll('button.rate'));
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'c.SC_Timeline_Rate',
      'c.SC_Timeline_Rate',
      'c.SC_Timeline_Rate',
      'c.SC_Timeline_Rate',
      'c.SC_Timeline_Rate'
    ]);
    expect(mine.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe(
      'c.SC_Timeline_Rating'
    );
    const rated = session(element, RATED_SESSION);
    expect(
      Array.from(rated.querySelectorAll('button.rate')).map((b) => b.getAttribute('aria-pressed'))
    ).toEqual(['false', 'false', 'false', 'true', 'false']);
    const others = session(element, 'a00000000000003AAA');
    expect(others.querySelector('lightning-button.acknowledge')).toBeNull();
    expect(others.querySelector('button.rate')).toBeNull();
    expect(others.querySelector('.awaiting')).not.toBeNull();
  });

  describe('flags overdue commitments by the scorecard’s rule', () => {
    type SessionNode = Record<string, unknown> & { Id: string };
    const TEMPLATE = PAGE_1.uiapi.query.Coaching_Session__c.edges[0].node;
    const REP_A = '005000000000021AAA';
    const REP_B = '005000000000022AAA';

    /** A session of `rep` on `date`, completed with commitments and a follow-up unless told. */
    function sessionNode(
      id: string,
      rep: string,
      date: string,
      fields: Partial<{ status: string; commitments: string | null; followUp: string | null }> = {}
    ): SessionNode {
      const {
        status = 'Completed',
        commitments = 'Send the proposal',
        followUp = '2026-11-16'
      } = fields;
      return {
        ...TEMPLATE,
        Id: id,
        Rep__c: { value: rep },
        Session_Date__c: { value: date, displayValue: date },
        Status__c: { value: status, displayValue: status },
        Commitments__c: { value: commitments },
        Follow_Up_Date__c: { value: followUp, displayValue: followUp }
      };
    }

    async function overdueOf(nodes: SessionNode[]): Promise<Record<string, boolean>> {
      const connection = PAGE_1.uiapi.query.Coaching_Session__c;
      const page = {
        uiapi: {
          query: { Coaching_Session__c: { ...connection, edges: nodes.map((node) => ({ node })) } }
        }
      };
      const element = createTimeline();
      graphqlAdapter.emit(page);
      await flush();
      return Object.fromEntries(
        nodes.map((node) => [node.Id, session(element, node.Id).querySelector('.overdue') !== null])
      );
    }

    it('flags a completed session with commitments whose follow-up passed', async () => {
      expect(await overdueOf([sessionNode('s1', REP_A, '2026-11-09')])).toEqual({ s1: true });
    });

    it('does not flag a planned session whose follow-up date passed', async () => {
      expect(
        await overdueOf([sessionNode('s1', REP_A, '2026-11-09', { status: 'Planned' })])
      ).toEqual({ s1: false });
    });

    it('does not flag a cancelled session', async () => {
      expect(
        await overdueOf([sessionNode('s1', REP_A, '2026-11-09', { status: 'Cancelled' })])
      ).toEqual({ s1: false });
    });

    it('does not flag a session without commitments (empty or blank)', async () => {
      expect(
        await overdueOf([
          sessionNode('s1', REP_A, '2026-11-09', { commitments: null }),
          sessionNode('s2', REP_B, '2026-11-09', { commitments: '   ' })
        ])
      ).toEqual({ s1: false, s2: false });
    });

    it('does not flag a session whose follow-up date has not passed (today included)', async () => {
      expect(
        await overdueOf([
          sessionNode('s1', REP_A, '2026-11-09', { followUp: '2026-11-23' }),
          sessionNode('s2', REP_B, '2026-11-09', { followUp: null })
        ])
      ).toEqual({ s1: false, s2: false });
    });

    it('does not flag a session followed up by a later completed session with the same rep', async () => {
      expect(
        await overdueOf([
          sessionNode('later', REP_A, '2026-11-20', { followUp: '2026-12-04' }),
          sessionNode('s1', REP_A, '2026-11-09')
        ])
      ).toEqual({ later: false, s1: false });
    });

    it('still flags it when the later session is another rep’s, planned, or after today', async () => {
      expect(
        await overdueOf([
          sessionNode('future', REP_A, '2026-11-25', { followUp: null }),
          sessionNode('planned', REP_A, '2026-11-20', { status: 'Planned', followUp: null }),
          sessionNode('other', REP_B, '2026-11-20', { followUp: null }),
          sessionNode('s1', REP_A, '2026-11-09')
        ])
      ).toEqual({ future: false, planned: false, other: false, s1: true });
    });
  });

  it('offers no acknowledgement or rating on a session that has not taken place', async () => {
    const page = JSON.parse(JSON.stringify(PAGE_1)) as typeof PAGE_1;
    const planned = page.uiapi.query.Coaching_Session__c.edges.find(
      (edge) => edge.node.Id === MY_SESSION
    )!.node;
    planned.Status__c = { value: 'Planned', displayValue: 'Planned' };
    const element = createTimeline();
    graphqlAdapter.emit(page);
    await flush();
    const mine = session(element, MY_SESSION);
    expect(mine.querySelector('footer.response')).toBeNull();
    expect(mine.querySelector('lightning-button.acknowledge')).toBeNull();
    expect(mine.querySelector('button.rate')).toBeNull();
    // The completed session next to it still asks for the rep's response.
    expect(session(element, RATED_SESSION).querySelector('footer.response')).not.toBeNull();
  });

  it('acknowledges through updateRecord and refreshes', async () => {
    updateRecordMock.mockResolvedValue({});
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1, undefined, refresh);
    await flush();
    const toasts: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event));
    (
      session(element, MY_SESSION).querySelector('lightning-button.acknowledge') as HTMLElement
    ).click();
    await flush();
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: MY_SESSION, Rep_Acknowledged__c: true }
    });
    expect(refresh).toHaveBeenCalled();
    expect(toasts).toHaveLength(1);
    expect(session(element, MY_SESSION).querySelector('.acknowledged')).not.toBeNull();
  });

  it('rates 1 to 5 through updateRecord', async () => {
    updateRecordMock.mockResolvedValue({});
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    (session(element, MY_SESSION).querySelectorAll('button.rate')[2] as HTMLElement).click();
    await flush();
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: MY_SESSION, Rep_Rating__c: 3, Rep_Acknowledged__c: true }
    });
    const pressed = Array.from(session(element, MY_SESSION).querySelectorAll('button.rate')).map(
      (b) => b.getAttribute('aria-pressed')
    );
    expect(pressed).toEqual(['false', 'false', 'true', 'false', 'false']);
    await expect(element).toBeAccessible();
  });

  it('shows an update failure without losing the list', async () => {
    updateRecordMock.mockRejectedValue({ body: { message: 'Insufficient access rights' } });
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    (
      session(element, MY_SESSION).querySelector('lightning-button.acknowledge') as HTMLElement
    ).click();
    await flush();
    expect($(element, '.action-errors')!.textContent).toContain('Insufficient access rights');
    expect($$(element, 'li.session')).toHaveLength(10);
  });

  it('pages with the end cursor and appends the next page', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    ($(element, 'lightning-button.show-more') as HTMLElement).click();
    await flush();
    expect(graphqlAdapter.getLastConfig().variables).toEqual({
      where: { or: [{ Rep__c: { eq: USER_ID } }, { Coach__c: { eq: USER_ID } }] },
      first: 10,
      after: 'djE6MTA='
    });
    graphqlAdapter.emit(PAGE_2);
    await flush();
    expect($$(element, 'li.session')).toHaveLength(11);
    expect($(element, 'lightning-button.show-more')).toBeNull();
  });

  it('refreshes when a session is logged anywhere on the page', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    createTimeline();
    graphqlAdapter.emit(PAGE_1, undefined, refresh);
    await flush();
    window.dispatchEvent(new CustomEvent('sessionlogged', { detail: { id: 'x' } }));
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  // ---- Issue 14 ------------------------------------------------------------------------------

  it('offers Retry on the error panel, which asks again (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = createTimeline();
    graphqlAdapter.emitErrors([{ message: 'Service Unavailable' }], undefined, refresh);
    await flush();
    ($(element, '.error-panel lightning-button.retry') as HTMLElement).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    graphqlAdapter.emit(PAGE_1);
    await flush();
    expect($(element, '.error-panel')).toBeNull();
    expect($$(element, 'li.session')).toHaveLength(10);
  });

  it('keeps line breaks and wraps long words in what coaches wrote (defect 11)', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    const first = session(element, MY_SESSION);
    for (const selector of ['.strengths', '.development-areas', '.commitments']) {
      expect(first.querySelector(selector)!.classList.contains('pre-wrap')).toBe(true);
    }
  });

  it('writes dates in the user’s locale, like every other card (defect 15)', async () => {
    const element = createTimeline();
    graphqlAdapter.emit(PAGE_1);
    await flush();
    expect(session(element, MY_SESSION).querySelector('.session-date')!.textContent).toMatch(
      /^\d{1,2}\/\d{1,2}\/\d{4} · /
    );
  });
});
