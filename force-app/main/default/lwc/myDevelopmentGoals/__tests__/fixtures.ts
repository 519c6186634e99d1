import USER_ID from '@salesforce/user/Id';

const v = <T>(value: T) => ({ value });

export const REP = USER_ID;
export const TODAY = '2026-11-23';

export function goalNode(id: string, fields: Record<string, unknown>) {
  const node: Record<string, unknown> = { Id: id, Rep__c: v(REP) };
  for (const [key, value] of Object.entries(fields)) node[key] = v(value);
  return node;
}

/** Manual goal at 40 %, due in 10 days (due soon). */
export const MANUAL_GOAL = goalNode('a01000000000001AAA', {
  Name: 'Sharper discovery',
  Skill_Area__c: 'Discovery',
  Description__c: 'Ask three impact questions in every first call.',
  Status__c: 'In Progress',
  Progress__c: 40,
  Metric__c: null,
  Start_Date__c: '2026-10-01',
  Target_Date__c: '2026-12-03'
});

/** Closed won from 0 to 100,000 over Q4 2026. */
export const CLOSED_WON_GOAL = goalNode('a01000000000002AAA', {
  Name: 'Close 100k in Q4',
  Skill_Area__c: 'Closing',
  Status__c: 'In Progress',
  Metric__c: 'Closed Won Amount',
  Baseline_Value__c: 0,
  Target_Value__c: 100000,
  Start_Date__c: '2026-10-01',
  Target_Date__c: '2026-12-31'
});

/** Win rate (count, percent) from 50 to 70 over Q4 2026. */
export const WIN_RATE_GOAL = goalNode('a01000000000003AAA', {
  Name: 'Win more of what I qualify',
  Skill_Area__c: 'Qualification',
  Status__c: 'In Progress',
  Metric__c: 'Win Rate',
  Baseline_Value__c: 50,
  Target_Value__c: 70,
  Start_Date__c: '2026-10-01',
  Target_Date__c: '2026-12-31'
});

/** Manual goal past its target date. */
export const OVERDUE_GOAL = goalNode('a01000000000004AAA', {
  Name: 'Clean pipeline',
  Skill_Area__c: 'Pipeline Hygiene',
  Status__c: 'In Progress',
  Progress__c: 70,
  Start_Date__c: '2026-09-01',
  Target_Date__c: '2026-11-01'
});

function opportunity(
  id: string,
  amount: number,
  closeDate: string,
  stage: string,
  isClosed: boolean,
  isWon: boolean
) {
  return {
    Id: id,
    OwnerId: v(REP),
    AccountId: v('001000000000001AAA'),
    Amount: v(amount),
    StageName: v(stage),
    Probability: v(isWon ? 100 : isClosed ? 0 : 50),
    IsClosed: v(isClosed),
    IsWon: v(isWon),
    CloseDate: v(closeDate),
    CreatedDate: v('2026-08-01T10:00:00.000Z')
  };
}

/** Q4 2026: won 30,000 + 20,000, lost 10,000, open 50,000 → closed won 50,000, win rate 2/3. */
export const OPPORTUNITIES = [
  opportunity('006000000000001AAA', 30000, '2026-10-15', 'Closed Won', true, true),
  opportunity('006000000000002AAA', 20000, '2026-11-10', 'Closed Won', true, true),
  opportunity('006000000000003AAA', 10000, '2026-11-12', 'Closed Lost', true, false),
  opportunity('006000000000004AAA', 50000, '2026-12-15', 'Negotiation', false, false)
];

export const LATEST_SESSION = {
  Id: 'a02000000000001AAA',
  Session_Date__c: v('2026-11-18'),
  Session_Type__c: v('One-on-One'),
  Strengths__c: v('Clear agenda with the buyer.'),
  Development_Areas__c: v('Quantify the pain earlier.'),
  Commitments__c: v('Send mutual action plan to Acme.'),
  Follow_Up_Date__c: v('2026-11-30'),
  Rep_Acknowledged__c: v(false),
  Rep_Rating__c: v(null),
  Coach__r: { Name: v('Maria Manager') }
};

export const NEXT_SESSION = {
  Id: 'a02000000000002AAA',
  Session_Date__c: v('2026-11-30'),
  Session_Type__c: v('Pipeline Review'),
  Coach__r: { Name: v('Maria Manager') }
};

/** A node as the UI API returns it when field-level security hides `fields` (@optional). */
export function without<T extends object>(node: T, ...fields: string[]): T {
  const copy = { ...node } as Record<string, unknown>;
  for (const field of fields) delete copy[field];
  return copy as T;
}

/** The @optional fields of the rep's Home query, all hidden. */
export const HIDDEN_GOAL_FIELDS = [
  'Skill_Area__c',
  'Description__c',
  'Success_Measure__c',
  'Progress__c',
  'Metric__c',
  'Baseline_Value__c',
  'Target_Value__c',
  'Start_Date__c',
  'CurrencyIsoCode'
];
export const HIDDEN_SESSION_FIELDS = [
  'Strengths__c',
  'Development_Areas__c',
  'Commitments__c',
  'Follow_Up_Date__c',
  'Rep_Acknowledged__c',
  'Rep_Rating__c'
];

const connection = (nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });

export function coachingData(goals: unknown[], sessions = true) {
  return {
    uiapi: {
      query: {
        goals: connection(goals),
        plans: connection([]),
        latest: connection(sessions ? [LATEST_SESSION] : []),
        upcoming: connection(sessions ? [NEXT_SESSION] : [])
      }
    }
  };
}

export function opportunityData(nodes: unknown[] = OPPORTUNITIES) {
  return { uiapi: { query: { Opportunity: connection(nodes) } } };
}
