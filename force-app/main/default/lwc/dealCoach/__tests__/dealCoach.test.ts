import { createElement } from 'lwc';
import DealCoach from 'c/dealCoach';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { OPPORTUNITY_BY_ID, OWNER_WON_DEALS } from 'c/opportunityData';
import OPPORTUNITY from './data/opportunity.json';
import OPPORTUNITY_CLOSED from './data/opportunityClosed.json';
import OPPORTUNITY_HEALTHY from './data/opportunityHealthy.json';
import OPPORTUNITY_NONE from './data/opportunityNone.json';
import OWNER_WON_DEALS_DATA from './data/ownerWonDeals.json';

interface WireConfig {
  query: unknown;
  variables?: Record<string, unknown>;
}
interface TestAdapter {
  emit(value: unknown, filter?: (config: WireConfig) => boolean): void;
  emitErrors(
    errors: unknown,
    filter?: (config: WireConfig) => boolean,
    refresh?: () => Promise<void>
  ): void;
  getLastConfig(): WireConfig;
}
const graphqlAdapter = graphql as unknown as TestAdapter;
// Tests drive the wire adapters' test stubs directly.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const objectInfoAdapter = getObjectInfo as unknown as TestAdapter;
/** Coaching_Session__c object info as a coach (may create) and a rep (may not) get it. */
const sessionInfo = (createable: boolean) => ({
  apiName: 'Coaching_Session__c',
  createable,
  updateable: true,
  defaultRecordTypeId: '012000000000000AAA',
  fields: {}
});
const RECORD_ID = '006000000000001AAA';
// gql is stubbed in Jest, so the wires are told apart by their variables (the embedded
// session form's wires share the adapter).
const isOpportunityQuery = (config: WireConfig): boolean =>
  config.variables !== undefined && 'recordId' in config.variables;
const isWonQuery = (config: WireConfig): boolean =>
  config.variables !== undefined && 'ownerId' in config.variables;

/** The configs of every active graphql wire, without provisioning any. */
function activeConfigs(): WireConfig[] {
  const configs: WireConfig[] = [];
  graphqlAdapter.emit(undefined, (config) => {
    configs.push(config);
    return false;
  });
  return configs;
}

async function createCoach(): Promise<HTMLElement> {
  const element = createElement('c-deal-coach', { is: DealCoach });
  Object.assign(element, {
    recordId: RECORD_ID,
    objectApiName: 'Opportunity',
    today: '2026-11-23'
  });
  document.body.appendChild(element);
  // Let the wires receive their config before a test provisions them.
  await flush();
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

function signalCodes(element: HTMLElement): string[] {
  return Array.from(element.shadowRoot!.querySelectorAll('li.signal')).map(
    (item) => (item as HTMLElement).dataset.code ?? ''
  );
}

describe('c-deal-coach', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows a spinner while the deal loads', async () => {
    const element = await createCoach();
    await flush();
    expect(
      ($(element, 'lightning-spinner') as HTMLElement & { alternativeText: string }).alternativeText
    ).toBe('c.SC_Loading');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the deal cannot be read', async () => {
    const element = await createCoach();
    graphqlAdapter.emitErrors([{ message: 'Insufficient access' }], isOpportunityQuery);
    await flush();
    expect($(element, '.error-panel')!.textContent).toContain('Insufficient access');
    await expect(element).toBeAccessible();
  });

  it('says so when the opportunity is not available', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY_NONE, isOpportunityQuery);
    await flush();
    expect($(element, '.not-found')!.textContent).toBe('c.SC_Deal_Not_Found');
  });

  it('reads the deal, then the owner won deals of the last year', async () => {
    await createCoach();
    await flush();
    expect(activeConfigs().filter(isOpportunityQuery)).toEqual([
      { query: OPPORTUNITY_BY_ID, variables: { recordId: RECORD_ID } }
    ]);
    expect(activeConfigs().filter(isWonQuery)).toEqual([]);
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    await flush();
    expect(activeConfigs().filter(isWonQuery)).toEqual([
      { query: OWNER_WON_DEALS, variables: { ownerId: '005000000000011AAA', since: '2025-11-23' } }
    ]);
    expect(graphqlAdapter.getLastConfig()).toBeDefined();
  });

  it('explains each signal, most severe first, with the stage questions', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    await flush();
    graphqlAdapter.emit(OWNER_WON_DEALS_DATA, isWonQuery);
    await flush();
    // Closed 10 days ago, pushed twice, 83 days in stage, 5× the 50,000 average.
    expect(signalCodes(element)).toEqual([
      'stale-in-stage',
      'past-close-date',
      'pushed',
      'amount-above-average'
    ]);
    const texts = Array.from(element.shadowRoot!.querySelectorAll('.signal-text')).map(
      (node) => node.textContent
    );
    expect(texts).toEqual([
      'c.SC_Deal_Signal_Stale_In_Stage',
      'c.SC_Deal_Signal_Past_Close_Date',
      'c.SC_Deal_Signal_Pushed',
      'c.SC_Deal_Signal_Amount_Above_Average'
    ]);
    const questions = Array.from(element.shadowRoot!.querySelectorAll('li.question')).map(
      (node) => node.textContent
    );
    expect(questions).toEqual([
      'c.SC_Deal_Question_Proposal_Fit',
      'c.SC_Deal_Question_Proposal_Process',
      'c.SC_Deal_Question_Proposal_Price'
    ]);
    await expect(element).toBeAccessible();
  });

  it('sizes a deal in another currency by its corporate amount, as the average is', async () => {
    const element = await createCoach();
    // A user in yen: 25,000,000 yen is 50,000 in the corporate currency, the average deal.
    const inYen = JSON.parse(JSON.stringify(OPPORTUNITY)) as {
      uiapi: {
        query: { Opportunity: { edges: { node: Record<string, unknown> }[] } };
        aggregate?: unknown;
      };
    };
    Object.assign(inYen.uiapi.query.Opportunity.edges[0].node, {
      Amount: { value: 25_000_000, displayValue: 'JPY 25,000,000', convertCurrency: 25_000_000 },
      CurrencyIsoCode: { value: 'JPY' }
    });
    inYen.uiapi.aggregate = {
      corporate: {
        edges: [
          {
            node: { aggregate: { Id: { value: RECORD_ID }, Amount: { sum: { value: 50_000 } } } }
          }
        ]
      }
    };
    graphqlAdapter.emit(inYen, isOpportunityQuery);
    await flush();
    graphqlAdapter.emit(OWNER_WON_DEALS_DATA, isWonQuery);
    await flush();
    expect(signalCodes(element)).toEqual(['stale-in-stage', 'past-close-date', 'pushed']);
  });

  it('shows a healthy deal without signals', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY_HEALTHY, isOpportunityQuery);
    await flush();
    expect(signalCodes(element)).toEqual([]);
    expect($(element, '.healthy')).not.toBeNull();
  });

  it('has no signals or questions for a closed deal', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY_CLOSED, isOpportunityQuery);
    await flush();
    expect($(element, '.closed')).not.toBeNull();
    expect(signalCodes(element)).toEqual([]);
    expect(element.shadowRoot!.querySelectorAll('li.question')).toHaveLength(0);
  });

  it('leaves the coaching history to the page (the sidebar places coachingTimeline)', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    await flush();
    expect($(element, '.questions')).not.toBeNull();
    expect($(element, 'c-coaching-timeline')).toBeNull();
  });

  it('offers the deal review only to users who can create sessions', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    await flush();
    // Not offered while it is unknown whether the user may create sessions.
    expect($(element, 'lightning-button.log-review')).toBeNull();
    objectInfoAdapter.emit(sessionInfo(false));
    await flush();
    expect($(element, '.questions')).not.toBeNull();
    expect($(element, 'lightning-button.log-review')).toBeNull();
    expect($(element, 'c-coaching-session-form')).toBeNull();
    await expect(element).toBeAccessible();

    objectInfoAdapter.emit(sessionInfo(true));
    await flush();
    expect($(element, 'lightning-button.log-review')).not.toBeNull();
  });

  it('opens the session form preset as a deal review and closes it once logged', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    objectInfoAdapter.emit(sessionInfo(true));
    await flush();
    const button = $(element, 'lightning-button.log-review') as HTMLElement & { label: string };
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect($(element, 'c-coaching-session-form')).toBeNull();
    button.click();
    await flush();
    const form = $(element, 'c-coaching-session-form') as HTMLElement & {
      sessionType: string;
      recordId: string;
    };
    expect(form.sessionType).toBe('Deal Review');
    expect(form.recordId).toBe(RECORD_ID);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.label).toBe('c.SC_Deal_Hide_Review');

    form.dispatchEvent(new CustomEvent('sessionlogged', { bubbles: true, composed: true }));
    await flush();
    expect($(element, 'c-coaching-session-form')).toBeNull();
  });

  it('moves focus into the review form when it opens and back to the button when it closes', async () => {
    const element = await createCoach();
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    objectInfoAdapter.emit(sessionInfo(true));
    await flush();
    const button = $(element, 'lightning-button.log-review') as HTMLElement;
    // The stub renders no inner <button>; a tabindex makes it focusable as the real one is.
    button.tabIndex = 0;
    const review = $(element, '.review-form');

    button.click();
    await flush();
    expect($(element, 'c-coaching-session-form')).not.toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(review);

    // Closed with the button ("Hide deal review"): focus stays on it.
    button.click();
    await flush();
    expect($(element, 'c-coaching-session-form')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(button);

    // Opened again and closed by logging the session: focus returns to the button.
    button.click();
    await flush();
    expect(element.shadowRoot!.activeElement).toBe(review);
    $(element, 'c-coaching-session-form')!.dispatchEvent(
      new CustomEvent('sessionlogged', { bubbles: true, composed: true })
    );
    await flush();
    expect($(element, 'c-coaching-session-form')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(button);
  });

  it('offers Retry on the error panel, which asks for the deal again (defect 10)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const element = await createCoach();
    graphqlAdapter.emitErrors([{ message: 'Service Unavailable' }], isOpportunityQuery, refresh);
    await flush();
    (
      element.shadowRoot!.querySelector('.error-panel lightning-button.retry') as HTMLElement
    ).click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    graphqlAdapter.emit(OPPORTUNITY, isOpportunityQuery);
    await flush();
    expect(element.shadowRoot!.querySelector('.error-panel')).toBeNull();
  });
});
