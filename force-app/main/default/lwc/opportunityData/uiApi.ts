/**
 * UI API GraphQL response shapes and their normalisers to the engine's inputs.
 *
 * Kept apart from the `gql` documents (opportunityData.ts) so Node tools — the bench, the
 * preview's checks — can use the normalisers without the platform's lightning/graphql module.
 *
 * Every field is optional in the types: a field hidden by field-level security (queried with
 * `@optional`) is absent from the response, and a normaliser turns that into null or a neutral
 * default rather than throwing. A node without its identity (Id, owner, close date) is skipped.
 */
import type {
  GoalCounts,
  GoalFact,
  OpportunityAggregateRow,
  OpportunityFact,
  OwnerAggregates,
  OwnerCountRow,
  SessionFact,
  TerritoryPlanFact,
  UserFact
} from 'c/coachingMetrics';
import { FactColumnsBuilder, type OpportunityFactSet, isGoalMetric } from 'c/coachingMetrics';
import { type EpochDay, type Period, toEpochDay, toEpochDayOrNull } from 'c/periods';

// ---- Generic UI API shapes ------------------------------------------------------------------

export interface FieldValue<T> {
  value: T | null;
  displayValue?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Edge<TNode> {
  node: TNode | null;
  cursor?: string;
}

export interface Connection<TNode> {
  edges?: (Edge<TNode> | null)[] | null;
  totalCount?: number | null;
  pageInfo?: PageInfo | null;
}

/** The non-null nodes of a connection. */
export function nodesOf<TNode>(connection: Connection<TNode> | null | undefined): TNode[] {
  const nodes: TNode[] = [];
  for (const edge of connection?.edges ?? []) if (edge?.node) nodes.push(edge.node);
  return nodes;
}

/** The cursor for the next page, or null on the last page. */
export function nextCursor(connection: Connection<unknown> | null | undefined): string | null {
  const info = connection?.pageInfo;
  return info?.hasNextPage && info.endCursor ? info.endCursor : null;
}

function valueOf<T>(field: FieldValue<T> | null | undefined): T | null {
  return field?.value ?? null;
}

/** A field's value when it is text with content, else null. */
export function stringOf(field: FieldValue<unknown> | null | undefined): string | null {
  const value = field?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberOf(field: FieldValue<unknown> | null | undefined): number | null {
  const value = field?.value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Long values can arrive as strings; accept numeric strings only.
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function booleanOf(field: FieldValue<unknown> | null | undefined): boolean {
  return field?.value === true;
}

function dayOf(field: FieldValue<unknown> | null | undefined): EpochDay | null {
  return toEpochDayOrNull(field?.value);
}

// ---- Currencies -------------------------------------------------------------------------------

/**
 * A currency field: `value` in the record's currency (its CurrencyIsoCode in a multi-currency
 * org) and, where the org has multiple currencies, `convertCurrency` — the same amount in the
 * running user's currency (CurrencyValue.convertCurrency of the UI API).
 */
export interface CurrencyFieldValue extends FieldValue<number> {
  convertCurrency?: number | string | null;
}

/**
 * The amount in the running user's currency: convertCurrency where the org converts (multiple
 * currencies), else the value itself (one currency: the value is in it). Amounts the browser
 * adds up are read through this, so records in different currencies are never added as such.
 */
export function amountInUserCurrency(field: CurrencyFieldValue | null | undefined): number | null {
  if (field === null || field === undefined) return null;
  const converted = numberOf({ value: field.convertCurrency ?? null });
  return converted ?? numberOf(field);
}

// ---- Opportunity records --------------------------------------------------------------------

export interface OpportunityNode {
  Id: string;
  Name?: FieldValue<string>;
  OwnerId?: FieldValue<string>;
  AccountId?: FieldValue<string>;
  Account?: { Name?: FieldValue<string> } | null;
  Owner?: { Name?: FieldValue<string> } | null;
  Amount?: CurrencyFieldValue;
  /** The record's currency; only in multi-currency orgs. */
  CurrencyIsoCode?: FieldValue<string>;
  StageName?: FieldValue<string>;
  Probability?: FieldValue<number>;
  IsClosed?: FieldValue<boolean>;
  IsWon?: FieldValue<boolean>;
  CloseDate?: FieldValue<string>;
  CreatedDate?: FieldValue<string>;
  PushCount?: FieldValue<number>;
  LastStageChangeDate?: FieldValue<string>;
  LastActivityDate?: FieldValue<string>;
  NextStep?: FieldValue<string>;
  ForecastCategoryName?: FieldValue<string>;
}

/**
 * Node → fact; null when it lacks an owner or a close date. The fact's amount is in the
 * user's currency (amountInUserCurrency), so facts of one user can be added up.
 */
export function opportunityFactFromNode(
  node: OpportunityNode | null | undefined
): OpportunityFact | null {
  if (!node || typeof node.Id !== 'string') return null;
  const ownerId = stringOf(node.OwnerId);
  const closeDay = dayOf(node.CloseDate);
  if (ownerId === null || closeDay === null) return null;
  const isWon = booleanOf(node.IsWon);
  return {
    id: node.Id,
    ownerId,
    accountId: stringOf(node.AccountId),
    amount: amountInUserCurrency(node.Amount),
    stage: stringOf(node.StageName) ?? '',
    probability: numberOf(node.Probability),
    isClosed: booleanOf(node.IsClosed) || isWon,
    isWon,
    closeDay,
    // Without CreatedDate the cycle is unknown; counting it as zero days keeps sums finite.
    createdDay: dayOf(node.CreatedDate) ?? closeDay,
    pushCount: numberOf(node.PushCount) ?? 0,
    lastStageChangeDay: dayOf(node.LastStageChangeDate),
    lastActivityDay: dayOf(node.LastActivityDate)
  };
}

/**
 * Node → facts and, in the same pass, the columns the KPIs read (FactColumnsBuilder): the
 * normaliser touches every field anyway, so the KPIs need no preparing pass of their own.
 * `ownerIds` fixes the owners' order (owners without deals get zero sums).
 * @internal Reached only by the benchmarks (bench/) today; kept exported for them.
 */
export function opportunityFactSetFromConnection(
  connection: Connection<OpportunityNode> | null | undefined,
  ownerIds: readonly string[] = []
): OpportunityFactSet {
  const facts: OpportunityFact[] = [];
  const nodes = nodesOf(connection);
  const columns = new FactColumnsBuilder(ownerIds, nodes.length);
  for (const node of nodes) {
    const fact = opportunityFactFromNode(node);
    if (!fact) continue;
    facts.push(fact);
    columns.add(fact);
  }
  return columns.build(facts);
}

export function opportunityFactsFromConnection(
  connection: Connection<OpportunityNode> | null | undefined
): OpportunityFact[] {
  const facts: OpportunityFact[] = [];
  for (const node of nodesOf(connection)) {
    const fact = opportunityFactFromNode(node);
    if (fact) facts.push(fact);
  }
  return facts;
}

/** What a deal list shows beside the fact. */
export interface OpportunityRow {
  fact: OpportunityFact;
  name: string;
  accountName: string | null;
  ownerName: string | null;
  /** The amount as the record holds it, in its own currency. */
  amount: number | null;
  /** The record's currency (CurrencyIsoCode); null in a single-currency org. */
  currencyIsoCode: string | null;
  amountDisplay: string | null;
  closeDate: string;
  nextStep: string | null;
}

export function opportunityRowsFromConnection(
  connection: Connection<OpportunityNode> | null | undefined
): OpportunityRow[] {
  const rows: OpportunityRow[] = [];
  for (const node of nodesOf(connection)) {
    const fact = opportunityFactFromNode(node);
    if (!fact) continue;
    rows.push({
      fact,
      name: stringOf(node.Name) ?? node.Id,
      accountName: stringOf(node.Account?.Name),
      ownerName: stringOf(node.Owner?.Name),
      amount: numberOf(node.Amount),
      currencyIsoCode: stringOf(node.CurrencyIsoCode),
      amountDisplay: node.Amount?.displayValue ?? null,
      closeDate: String(valueOf(node.CloseDate)),
      nextStep: stringOf(node.NextStep)
    });
  }
  return rows;
}

// ---- Opportunity aggregates -----------------------------------------------------------------

export interface AggregateNumber {
  value: number | string | null;
  displayValue?: string | null;
}

export interface OpportunityAggregateNode {
  aggregate?: {
    OwnerId?: { value: string | null } | null;
    IsClosed?: { value: boolean | null } | null;
    IsWon?: { value: boolean | null } | null;
    Id?: { count?: AggregateNumber | null } | null;
    Amount?: { sum?: AggregateNumber | null } | null;
    ExpectedRevenue?: { sum?: AggregateNumber | null } | null;
    Sales_Cycle_Days__c?: { avg?: AggregateNumber | null; count?: AggregateNumber | null } | null;
  } | null;
}

function aggregateNumber(value: AggregateNumber | null | undefined): number | null {
  return numberOf(value);
}

/** Rows grouped by (OwnerId, IsClosed, IsWon); groups without an owner are skipped. */
export function aggregateRowsFromConnection(
  connection: Connection<OpportunityAggregateNode> | null | undefined
): OpportunityAggregateRow[] {
  const rows: OpportunityAggregateRow[] = [];
  for (const node of nodesOf(connection)) {
    const aggregate = node.aggregate;
    const ownerId = aggregate?.OwnerId?.value;
    if (!aggregate || typeof ownerId !== 'string' || ownerId === '') continue;
    const isWon = aggregate.IsWon?.value === true;
    rows.push({
      ownerId,
      isClosed: aggregate.IsClosed?.value === true || isWon,
      isWon,
      count: aggregateNumber(aggregate.Id?.count) ?? 0,
      amountSum: aggregateNumber(aggregate.Amount?.sum),
      expectedRevenueSum: aggregateNumber(aggregate.ExpectedRevenue?.sum),
      salesCycleAvg: aggregateNumber(aggregate.Sales_Cycle_Days__c?.avg),
      salesCycleCount: aggregateNumber(aggregate.Sales_Cycle_Days__c?.count)
    });
  }
  return rows;
}

/** Rows of an alias that filters one kind of deal (won, lost or open) and groups by OwnerId. */
function rowsOfKind(
  nodes: readonly OpportunityAggregateNode[],
  isClosed: boolean,
  isWon: boolean
): OpportunityAggregateRow[] {
  const rows: OpportunityAggregateRow[] = [];
  for (const node of nodes) {
    const aggregate = node.aggregate;
    const ownerId = aggregate?.OwnerId?.value;
    if (!aggregate || typeof ownerId !== 'string' || ownerId === '') continue;
    rows.push({
      ownerId,
      isClosed,
      isWon,
      count: aggregateNumber(aggregate.Id?.count) ?? 0,
      amountSum: aggregateNumber(aggregate.Amount?.sum),
      expectedRevenueSum: aggregateNumber(aggregate.ExpectedRevenue?.sum),
      salesCycleAvg: aggregateNumber(aggregate.Sales_Cycle_Days__c?.avg),
      salesCycleCount: aggregateNumber(aggregate.Sales_Cycle_Days__c?.count)
    });
  }
  return rows;
}

/** The aliases of OWNERS_SCORECARD_AGGREGATES: won, lost and open deals of three windows, hygiene. */
export const SCORECARD_AGGREGATE_ALIASES = [
  'currentWon',
  'currentLost',
  'currentOpen',
  'previousWon',
  'previousLost',
  'lastYearWon',
  'pastCloseDate',
  'pushed',
  'staleInStage',
  'noRecentActivity'
] as const;
export type ScorecardAggregateAlias = (typeof SCORECARD_AGGREGATE_ALIASES)[number];

/** The node type of each alias, for a Reading of the document. */
export type ScorecardAggregateNodes = Record<ScorecardAggregateAlias, OpportunityAggregateNode>;

/** `data` of OWNERS_SCORECARD_AGGREGATES: one alias per kind of deal and window, and hygiene. */
export interface ScorecardAggregatesData {
  uiapi?: {
    aggregate?:
      | {
          [K in ScorecardAggregateAlias]?: Connection<OpportunityAggregateNode> | null;
        }
      | null;
  } | null;
}

/** The nodes of every alias, from the pages (and requests) a reading gathered. */
export type ScorecardAggregateNodeLists = {
  [K in ScorecardAggregateAlias]: readonly OpportunityAggregateNode[];
};

export function ownerAggregatesFromNodes(nodes: ScorecardAggregateNodeLists): OwnerAggregates {
  return {
    current: [
      ...rowsOfKind(nodes.currentWon, true, true),
      ...rowsOfKind(nodes.currentLost, true, false),
      ...rowsOfKind(nodes.currentOpen, false, false)
    ],
    previous: [
      ...rowsOfKind(nodes.previousWon, true, true),
      ...rowsOfKind(nodes.previousLost, true, false)
    ],
    lastYear: rowsOfKind(nodes.lastYearWon, true, true),
    pastCloseDate: ownerCountsFromNodes(nodes.pastCloseDate),
    pushed: ownerCountsFromNodes(nodes.pushed),
    staleInStage: ownerCountsFromNodes(nodes.staleInStage),
    noRecentActivity: ownerCountsFromNodes(nodes.noRecentActivity)
  };
}

/**
 * One response of OWNERS_SCORECARD_AGGREGATES → the engine's aggregate rows.
 * @internal Reached only by the benchmarks (bench/) today; kept exported for them.
 */
export function ownerAggregatesFromData(
  data: ScorecardAggregatesData | null | undefined
): OwnerAggregates {
  const aggregate = data?.uiapi?.aggregate;
  const nodes = {} as { [K in ScorecardAggregateAlias]: OpportunityAggregateNode[] };
  for (const alias of SCORECARD_AGGREGATE_ALIASES) nodes[alias] = nodesOf(aggregate?.[alias]);
  return ownerAggregatesFromNodes(nodes);
}

function ownerCountsFromNodes(nodes: readonly OpportunityAggregateNode[]): OwnerCountRow[] {
  const rows: OwnerCountRow[] = [];
  for (const node of nodes) {
    const ownerId = node.aggregate?.OwnerId?.value;
    if (typeof ownerId !== 'string' || ownerId === '') continue;
    rows.push({ ownerId, count: aggregateNumber(node.aggregate?.Id?.count) ?? 0 });
  }
  return rows;
}

// ---- Users ----------------------------------------------------------------------------------

export interface UserNode {
  Id: string;
  Name?: FieldValue<string>;
  ManagerId?: FieldValue<string>;
  Title?: FieldValue<string>;
  SmallPhotoUrl?: FieldValue<string>;
  IsActive?: FieldValue<boolean>;
}

export interface TeamMember extends UserFact {
  name: string;
  title: string | null;
  photoUrl: string | null;
}

export function userFromNode(node: UserNode | null | undefined): TeamMember | null {
  if (!node || typeof node.Id !== 'string') return null;
  return {
    id: node.Id,
    name: stringOf(node.Name) ?? node.Id,
    managerId: stringOf(node.ManagerId),
    title: stringOf(node.Title),
    photoUrl: stringOf(node.SmallPhotoUrl)
  };
}

export function usersFromConnection(
  connection: Connection<UserNode> | null | undefined
): TeamMember[] {
  return usersFromNodes(nodesOf(connection));
}

export function usersFromNodes(nodes: readonly UserNode[]): TeamMember[] {
  const users: TeamMember[] = [];
  for (const node of nodes) {
    const user = userFromNode(node);
    if (user) users.push(user);
  }
  return users;
}

// ---- Coaching sessions, goals, plans ----------------------------------------------------------

export interface CoachingSessionNode {
  Id: string;
  Name?: FieldValue<string>;
  Rep__c?: FieldValue<string>;
  Coach__c?: FieldValue<string>;
  Session_Date__c?: FieldValue<string>;
  Session_Type__c?: FieldValue<string>;
  Status__c?: FieldValue<string>;
  Focus_Areas__c?: FieldValue<string>;
  Commitments__c?: FieldValue<string>;
  Follow_Up_Date__c?: FieldValue<string>;
  Opportunity__c?: FieldValue<string>;
  Development_Goal__c?: FieldValue<string>;
}

/** Multi-select picklist values arrive as one 'A;B;C' string. */
export function splitMultiPicklist(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function sessionFactFromNode(
  node: CoachingSessionNode | null | undefined
): SessionFact | null {
  if (!node || typeof node.Id !== 'string') return null;
  const repId = stringOf(node.Rep__c);
  const day = dayOf(node.Session_Date__c);
  if (repId === null || day === null) return null;
  return {
    id: node.Id,
    repId,
    coachId: stringOf(node.Coach__c),
    day,
    type: stringOf(node.Session_Type__c),
    status: stringOf(node.Status__c),
    focusAreas: splitMultiPicklist(stringOf(node.Focus_Areas__c)),
    commitments: stringOf(node.Commitments__c),
    followUpDay: dayOf(node.Follow_Up_Date__c),
    opportunityId: stringOf(node.Opportunity__c),
    goalId: stringOf(node.Development_Goal__c)
  };
}

export function sessionFactsFromNodes(nodes: readonly CoachingSessionNode[]): SessionFact[] {
  const facts: SessionFact[] = [];
  for (const node of nodes) {
    const fact = sessionFactFromNode(node);
    if (fact) facts.push(fact);
  }
  return facts;
}

export interface DevelopmentGoalNode {
  Id: string;
  Name?: FieldValue<string>;
  Rep__c?: FieldValue<string>;
  Skill_Area__c?: FieldValue<string>;
  Status__c?: FieldValue<string>;
  Progress__c?: FieldValue<number>;
  Metric__c?: FieldValue<string>;
  Baseline_Value__c?: FieldValue<number>;
  Target_Value__c?: FieldValue<number>;
  Start_Date__c?: FieldValue<string>;
  Target_Date__c?: FieldValue<string>;
}

export function goalFactFromNode(node: DevelopmentGoalNode | null | undefined): GoalFact | null {
  if (!node || typeof node.Id !== 'string') return null;
  const repId = stringOf(node.Rep__c);
  if (repId === null) return null;
  const metric = stringOf(node.Metric__c);
  return {
    id: node.Id,
    repId,
    skillArea: stringOf(node.Skill_Area__c),
    status: stringOf(node.Status__c),
    progressPercent: numberOf(node.Progress__c),
    metric: isGoalMetric(metric) ? metric : null,
    baseline: numberOf(node.Baseline_Value__c),
    target: numberOf(node.Target_Value__c),
    startDay: dayOf(node.Start_Date__c),
    targetDay: dayOf(node.Target_Date__c)
  };
}

export function goalFactsFromConnection(
  connection: Connection<DevelopmentGoalNode> | null | undefined
): GoalFact[] {
  return goalFactsFromNodes(nodesOf(connection));
}

export function goalFactsFromNodes(nodes: readonly DevelopmentGoalNode[]): GoalFact[] {
  const facts: GoalFact[] = [];
  for (const node of nodes) {
    const fact = goalFactFromNode(node);
    if (fact) facts.push(fact);
  }
  return facts;
}

export interface TerritoryPlanNode {
  Id: string;
  Name?: FieldValue<string>;
  Plan_Owner__c?: FieldValue<string>;
  Manager__c?: FieldValue<string>;
  Period_Start__c?: FieldValue<string>;
  Period_End__c?: FieldValue<string>;
  Target_Amount__c?: CurrencyFieldValue;
  /** The plan's currency; only in multi-currency orgs. */
  CurrencyIsoCode?: FieldValue<string>;
  Status__c?: FieldValue<string>;
}

/** Plan node → fact, its target in the user's currency (amountInUserCurrency). */
export function planFactFromNode(
  node: TerritoryPlanNode | null | undefined
): TerritoryPlanFact | null {
  if (!node || typeof node.Id !== 'string') return null;
  const ownerId = stringOf(node.Plan_Owner__c);
  const startDay = dayOf(node.Period_Start__c);
  const endDay = dayOf(node.Period_End__c);
  if (ownerId === null || startDay === null || endDay === null) return null;
  return {
    id: node.Id,
    ownerId,
    managerId: stringOf(node.Manager__c),
    startDay,
    endDay,
    target: amountInUserCurrency(node.Target_Amount__c),
    status: stringOf(node.Status__c)
  };
}

export function planFactsFromConnection(
  connection: Connection<TerritoryPlanNode> | null | undefined
): TerritoryPlanFact[] {
  const facts: TerritoryPlanFact[] = [];
  for (const node of nodesOf(connection)) {
    const fact = planFactFromNode(node);
    if (fact) facts.push(fact);
  }
  return facts;
}

/** Last completed One-on-One per rep, from an aggregate grouped by Rep__c with max(Session_Date__c). */
export interface LastOneOnOneNode {
  aggregate?: {
    Rep__c?: { value: string | null } | null;
    Session_Date__c?: { max?: { value: string | null } | null } | null;
  } | null;
}

/**
 * An aggregate grouped by Id: one record's currency field summed, i.e. that record's amount in
 * the corporate currency (aggregate functions return the corporate currency).
 */
export interface AmountByIdNode {
  aggregate?: {
    Id?: { value: string | null } | null;
    Amount?: { sum?: AggregateNumber | null } | null;
    Target_Amount__c?: { sum?: AggregateNumber | null } | null;
  } | null;
}

/** Record Id → the field's amount in the corporate currency, from an aggregate grouped by Id. */
export function corporateAmountsById(
  connection: Connection<AmountByIdNode> | null | undefined,
  field: 'Amount' | 'Target_Amount__c'
): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const node of nodesOf(connection)) {
    const id = node.aggregate?.Id?.value;
    const amount = aggregateNumber(node.aggregate?.[field]?.sum);
    if (typeof id === 'string' && amount !== null) amounts.set(id, amount);
  }
  return amounts;
}

/**
 * Plans with their targets in the corporate currency, to compare with aggregates: a plan the
 * aggregate does not give a target for (target hidden) has none.
 */
export function withCorporateTargets(
  plans: readonly TerritoryPlanFact[],
  targets: Connection<AmountByIdNode> | null | undefined
): TerritoryPlanFact[] {
  const byId = corporateAmountsById(targets, 'Target_Amount__c');
  return plans.map((plan) => ({ ...plan, target: byId.get(plan.id) ?? null }));
}

/**
 * Opportunity facts with their amounts in the corporate currency (an aggregate per Id), to
 * compare with averages from aggregates; a fact the aggregate lacks keeps its amount.
 */
export function withCorporateAmounts(
  facts: readonly OpportunityFact[],
  amounts: Connection<AmountByIdNode> | null | undefined
): OpportunityFact[] {
  const byId = corporateAmountsById(amounts, 'Amount');
  return facts.map((fact) => {
    const amount = byId.get(fact.id);
    return amount === undefined ? fact : { ...fact, amount };
  });
}

// ---- `data` shapes of the record documents -----------------------------------------------------

export interface OpportunityQueryData {
  uiapi?: {
    query?: { Opportunity?: Connection<OpportunityNode> | null } | null;
    /** OPPORTUNITY_BY_ID and OPEN_OPPORTUNITIES_OF_OWNER: amounts in the corporate currency. */
    aggregate?: { corporate?: Connection<AmountByIdNode> | null } | null;
  } | null;
}

/** The connections of OPEN_OPPORTUNITIES_OF_OWNER, for a Reading of the document. */
export interface DrilldownNodes extends Record<string, unknown> {
  Opportunity: OpportunityNode;
  corporate: AmountByIdNode;
}

export const DRILLDOWN_ALIASES: readonly (keyof DrilldownNodes & string)[] = [
  'Opportunity',
  'corporate'
];

export interface OpenOpportunitiesVariables {
  ownerId: string;
  after: string | null;
  corporateAfter: string | null;
}

export interface OwnerWonDealsData {
  uiapi?: { aggregate?: { won?: Connection<OpportunityAggregateNode> | null } | null } | null;
}

export interface TeamMembersData {
  uiapi?: {
    query?: {
      reports?: Connection<UserNode> | null;
      reportsOfReports?: Connection<UserNode> | null;
    } | null;
  } | null;
}

/** A count per rep: an aggregate grouped by Rep__c with `Id { count }`. */
export interface RepCountNode {
  aggregate?: {
    Rep__c?: { value: string | null } | null;
    Id?: { count?: AggregateNumber | null } | null;
  } | null;
}

/**
 * Active plans' targets (sum, corporate currency) per owner, and for plans across the period's
 * start or end per owner and plan dates.
 */
export interface PlanTargetNode {
  aggregate?: {
    Plan_Owner__c?: { value: string | null } | null;
    Period_Start__c?: { value: string | null } | null;
    Period_End__c?: { value: string | null } | null;
    Target_Amount__c?: { sum?: AggregateNumber | null } | null;
  } | null;
}

/** The node type of each alias of TEAM_COACHING_DATA, for a Reading of the document. */
export interface TeamCoachingNodes extends Record<string, unknown> {
  completed: RepCountNode;
  planned: RepCountNode;
  lastOneOnOne: LastOneOnOneNode;
  lastCompleted: LastOneOnOneNode;
  goals: RepCountNode;
  goalsAchieved: RepCountNode;
  plansWithin: PlanTargetNode;
  plansAcrossStart: PlanTargetNode;
  plansAcrossEnd: PlanTargetNode;
}

export const TEAM_COACHING_ALIASES: readonly (keyof TeamCoachingNodes & string)[] = [
  'completed',
  'planned',
  'lastOneOnOne',
  'lastCompleted',
  'goals',
  'goalsAchieved',
  'plansWithin',
  'plansAcrossStart',
  'plansAcrossEnd'
];

export interface TeamCoachingData {
  uiapi?: {
    aggregate?: { [K in keyof TeamCoachingNodes]?: Connection<TeamCoachingNodes[K]> | null } | null;
  } | null;
}

/** The nodes of every alias of TEAM_COACHING_DATA, over every request of a reading. */
export type TeamCoachingNodeLists = {
  [K in keyof TeamCoachingNodes]: readonly TeamCoachingNodes[K][];
};

/** What the scorecard knows of each rep's coaching, all from aggregates. */
export interface TeamCoaching {
  completed: Map<string, number>;
  planned: Map<string, number>;
  lastOneOnOne: Map<string, EpochDay>;
  /** The day of the last completed session of any type, up to today. */
  lastCompleted: Map<string, EpochDay>;
  goals: Map<string, number>;
  goalsAchieved: Map<string, number>;
  /**
   * Plan targets as plan facts for the engine's proration (targetsByOwner): one per owner for
   * the plans within the period (spanning it), one per owner and dates across its edges.
   */
  plans: TerritoryPlanFact[];
}

function countsByRep(nodes: readonly RepCountNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const repId = node.aggregate?.Rep__c?.value;
    const count = aggregateNumber(node.aggregate?.Id?.count);
    if (typeof repId === 'string' && repId !== '' && count !== null)
      counts.set(repId, (counts.get(repId) ?? 0) + count);
  }
  return counts;
}

function lastDaysByRep(nodes: readonly LastOneOnOneNode[]): Map<string, EpochDay> {
  const result = new Map<string, EpochDay>();
  for (const node of nodes) {
    const repId = node.aggregate?.Rep__c?.value;
    const day = toEpochDayOrNull(node.aggregate?.Session_Date__c?.max?.value);
    if (typeof repId === 'string' && day !== null) result.set(repId, day);
  }
  return result;
}

/**
 * Plan target aggregates → plan facts whose proration over `period` gives each owner's target:
 * plans within the period count in full (a fact spanning the period), plans across an edge in
 * proportion to their days in it (a fact with the plans' own dates). Owners whose target is
 * hidden (no sum) get no fact: percent to plan is then not computable.
 */
export function planFactsFromTargets(
  within: readonly PlanTargetNode[],
  across: readonly PlanTargetNode[],
  period: Period
): TerritoryPlanFact[] {
  const facts: TerritoryPlanFact[] = [];
  const startDay = toEpochDay(period.start);
  const endDay = toEpochDay(period.end);
  for (const node of within) {
    const ownerId = node.aggregate?.Plan_Owner__c?.value;
    const target = aggregateNumber(node.aggregate?.Target_Amount__c?.sum);
    if (typeof ownerId !== 'string' || ownerId === '' || target === null) continue;
    facts.push({
      id: `within:${ownerId}`,
      ownerId,
      managerId: null,
      startDay,
      endDay,
      target,
      status: 'Active'
    });
  }
  for (const node of across) {
    const ownerId = node.aggregate?.Plan_Owner__c?.value;
    const target = aggregateNumber(node.aggregate?.Target_Amount__c?.sum);
    const planStart = toEpochDayOrNull(node.aggregate?.Period_Start__c?.value);
    const planEnd = toEpochDayOrNull(node.aggregate?.Period_End__c?.value);
    if (typeof ownerId !== 'string' || ownerId === '' || target === null) continue;
    if (planStart === null || planEnd === null) continue;
    facts.push({
      id: `across:${ownerId}:${planStart}:${planEnd}`,
      ownerId,
      managerId: null,
      startDay: planStart,
      endDay: planEnd,
      target,
      status: 'Active'
    });
  }
  return facts;
}

/** The node type of each connection of TEAM_MEMBERS, for a Reading of the document. */
export interface TeamMemberNodes extends Record<string, unknown> {
  reports: UserNode;
  reportsOfReports: UserNode;
}

export const TEAM_ALIASES: readonly (keyof TeamMemberNodes & string)[] = [
  'reports',
  'reportsOfReports'
];

export interface TeamMembersVariables {
  managerId: string;
  reportsAfter: string | null;
  reportsOfReportsAfter: string | null;
}

/** The team from the pages a reading gathered. */
export function teamFromNodes(nodes: {
  reports: readonly UserNode[];
  reportsOfReports: readonly UserNode[];
}): {
  reports: TeamMember[];
  reportsOfReports: TeamMember[];
} {
  return {
    reports: usersFromNodes(nodes.reports),
    reportsOfReports: usersFromNodes(nodes.reportsOfReports)
  };
}

/**
 * Session records → facts.
 * @internal Reached only by tests today; kept exported for them.
 */
export function sessionFactsFromConnection(
  connection: Connection<CoachingSessionNode> | null | undefined
): SessionFact[] {
  return sessionFactsFromNodes(nodesOf(connection));
}

/**
 * A manager's reports, and for a manager of managers their reports' reports.
 * @internal Reached only by the benchmarks (bench/) today; kept exported for them.
 */
export function teamFromData(data: TeamMembersData | null | undefined): {
  reports: TeamMember[];
  reportsOfReports: TeamMember[];
} {
  return {
    reports: usersFromConnection(data?.uiapi?.query?.reports),
    reportsOfReports: usersFromConnection(data?.uiapi?.query?.reportsOfReports)
  };
}

export function coachingFromNodes(nodes: TeamCoachingNodeLists, period: Period): TeamCoaching {
  return {
    completed: countsByRep(nodes.completed),
    planned: countsByRep(nodes.planned),
    lastOneOnOne: lastDaysByRep(nodes.lastOneOnOne),
    lastCompleted: lastDaysByRep(nodes.lastCompleted),
    goals: countsByRep(nodes.goals),
    goalsAchieved: countsByRep(nodes.goalsAchieved),
    // Targets compare with the KPI aggregates: both sums in the corporate currency.
    plans: planFactsFromTargets(
      nodes.plansWithin,
      [...nodes.plansAcrossStart, ...nodes.plansAcrossEnd],
      period
    )
  };
}

/**
 * One response of TEAM_COACHING_DATA → what the scorecard knows of each rep's coaching.
 * @internal Reached only by the benchmarks (bench/) today; kept exported for them.
 */
export function coachingFromData(
  data: TeamCoachingData | null | undefined,
  period: Period
): TeamCoaching {
  const aggregate = data?.uiapi?.aggregate;
  return coachingFromNodes(
    {
      completed: nodesOf(aggregate?.completed),
      planned: nodesOf(aggregate?.planned),
      lastOneOnOne: nodesOf(aggregate?.lastOneOnOne),
      lastCompleted: nodesOf(aggregate?.lastCompleted),
      goals: nodesOf(aggregate?.goals),
      goalsAchieved: nodesOf(aggregate?.goalsAchieved),
      plansWithin: nodesOf(aggregate?.plansWithin),
      plansAcrossStart: nodesOf(aggregate?.plansAcrossStart),
      plansAcrossEnd: nodesOf(aggregate?.plansAcrossEnd)
    },
    period
  );
}

/** The node type of each connection of TEAM_FOLLOW_UPS, for a Reading of the document. */
export interface TeamFollowUpNodes extends Record<string, unknown> {
  sessions: CoachingSessionNode;
  goals: DevelopmentGoalNode;
}

export const FOLLOW_UP_ALIASES: readonly (keyof TeamFollowUpNodes & string)[] = [
  'sessions',
  'goals'
];

export interface TeamFollowUpsData {
  uiapi?: {
    query?: {
      sessions?: Connection<CoachingSessionNode> | null;
      goals?: Connection<DevelopmentGoalNode> | null;
    } | null;
  } | null;
}

/**
 * Goals per rep: every goal and those achieved (aggregates), and the open goals past their
 * target date (records, each one also an early warning).
 */
export function goalCountsByRep(
  coaching: Pick<TeamCoaching, 'goals' | 'goalsAchieved'>,
  pastTarget: readonly GoalFact[]
): Map<string, GoalCounts> {
  const counts = new Map<string, GoalCounts>();
  const get = (repId: string): GoalCounts => {
    let entry = counts.get(repId);
    if (!entry) {
      entry = { total: 0, achieved: 0, pastTarget: 0 };
      counts.set(repId, entry);
    }
    return entry;
  };
  for (const [repId, total] of coaching.goals) get(repId).total = total;
  for (const [repId, achieved] of coaching.goalsAchieved) get(repId).achieved = achieved;
  for (const goal of pastTarget) get(goal.repId).pastTarget += 1;
  return counts;
}

// ---- Currency context -------------------------------------------------------------------------

export interface CurrencyContextData {
  uiapi?: {
    query?: {
      me?: Connection<{ Id: string; DefaultCurrencyIsoCode?: FieldValue<string> }> | null;
      corporate?: Connection<{ Id: string; IsoCode?: FieldValue<string> }> | null;
    } | null;
  } | null;
}

/**
 * Which currencies figures are in. `multiCurrency` when the org answers with the user's
 * currency or the corporate one (fields of multi-currency orgs only); `corporate` may stay
 * null there when the user cannot read CurrencyType: figures then say "the corporate currency"
 * without its code.
 */
export interface CurrencyContext {
  multiCurrency: boolean;
  corporate: string | null;
  user: string | null;
}

export const SINGLE_CURRENCY: CurrencyContext = Object.freeze({
  multiCurrency: false,
  corporate: null,
  user: null
});

export function currencyContextFromData(
  data: CurrencyContextData | null | undefined
): CurrencyContext {
  const user = stringOf(nodesOf(data?.uiapi?.query?.me)[0]?.DefaultCurrencyIsoCode);
  const corporate = stringOf(nodesOf(data?.uiapi?.query?.corporate)[0]?.IsoCode);
  if (user === null && corporate === null) return SINGLE_CURRENCY;
  return { multiCurrency: true, corporate, user };
}
