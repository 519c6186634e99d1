import { LightningElement, api, wire } from 'lwc';
import { gql, graphql, type GraphQLResult } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import {
  type ObjectInfo,
  getObjectInfo,
  getPicklistValuesByRecordType
} from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import DEVELOPMENT_GOAL_OBJECT from '@salesforce/schema/Development_Goal__c';
import {
  type GoalFact,
  type GoalMetric,
  type NotComputableReason,
  GOAL_STATUS
} from 'c/coachingMetrics';
import {
  fill,
  formatCurrency,
  formatCurrencyIn,
  formatDate,
  formatMultiple,
  formatNumber,
  todayIso
} from 'c/coachingFormat';
import { errorSummary } from 'c/ldsErrors';
import {
  type Option,
  type PicklistsByRecordType,
  type WireResponse,
  numberText,
  optionsOf
} from 'c/formSupport';
import {
  type CurrencyContext,
  type CurrencyContextData,
  type OpportunityNode,
  type OpportunityQueryData,
  type OwnerOpportunitiesInRangeVariables,
  type Reading,
  CURRENCY_CONTEXT,
  IN_RANGE_MAX_PAGES,
  connectionOf,
  continueReading,
  currencyContextFromData,
  goalFactsFromConnection,
  opportunityFactsFromConnection,
  planFactsFromConnection,
  nodesOf,
  readingNodes,
  startReading,
  stringOf as text
} from 'c/opportunityData';
import { type IsoDate, isIsoDate } from 'c/periods';
import {
  type MeasuredGoal,
  type GoalNode,
  AMOUNT_METRICS,
  type MyCoachingData,
  type SessionNode,
  firstNode,
  labelOf,
  measureGoals,
  opportunityWindow,
  parseProgress
} from './goalsModel';

import TITLE from '@salesforce/label/c.SC_Goals_Title';
import EMPTY from '@salesforce/label/c.SC_Goals_Empty';
import LOAD_FAILED from '@salesforce/label/c.SC_Goals_Load_Failed';
import LOADING from '@salesforce/label/c.SC_Loading';
import SAVE from '@salesforce/label/c.SC_Save';
import CANCEL from '@salesforce/label/c.SC_Cancel';
import SAVED_TITLE from '@salesforce/label/c.SC_Saved_Title';
import ERROR_TITLE from '@salesforce/label/c.SC_Error_Title';
import ERROR_GENERIC from '@salesforce/label/c.SC_Error_Generic';
import PROGRESS_LABEL from '@salesforce/label/c.SC_Goals_Progress_Label';
import PERCENT_COMPLETE from '@salesforce/label/c.SC_Goals_Percent_Complete';
import KPI_VALUE from '@salesforce/label/c.SC_Goals_Kpi_Value';
import KPI_BADGE from '@salesforce/label/c.SC_Goals_Kpi_Badge';
import MANUAL_BADGE from '@salesforce/label/c.SC_Goals_Manual_Badge';
import DUE from '@salesforce/label/c.SC_Goals_Due';
import DUE_SOON from '@salesforce/label/c.SC_Goals_Due_Soon';
import OVERDUE from '@salesforce/label/c.SC_Goals_Overdue';
import STATUS from '@salesforce/label/c.SC_Goals_Status';
import UPDATE_PROGRESS from '@salesforce/label/c.SC_Goals_Update_Progress';
import UPDATE_PROGRESS_FOR from '@salesforce/label/c.SC_Goals_Update_Progress_For';
import PROGRESS_INPUT from '@salesforce/label/c.SC_Goals_Progress_Input';
import GOAL_UPDATED from '@salesforce/label/c.SC_Goals_Goal_Updated';
import NOT_MEASURABLE from '@salesforce/label/c.SC_Goals_Not_Measurable';
import REASON_NO_CLOSED from '@salesforce/label/c.SC_Goals_Reason_No_Closed';
import REASON_NO_WON from '@salesforce/label/c.SC_Goals_Reason_No_Won';
import REASON_NO_TARGET from '@salesforce/label/c.SC_Goals_Reason_No_Target';
import REASON_TARGET_MET from '@salesforce/label/c.SC_Goals_Reason_Target_Met';
import REASON_NO_VALUES from '@salesforce/label/c.SC_Goals_Reason_No_Values';
import REASON_NO_PROGRESS from '@salesforce/label/c.SC_Goals_Reason_No_Progress';
import CURRENCY_USER from '@salesforce/label/c.SC_Currency_User';
import CURRENCY_GOAL_MISMATCH from '@salesforce/label/c.SC_Currency_Goal_Mismatch';
import LATEST_SESSION from '@salesforce/label/c.SC_Goals_Latest_Session';
import NO_SESSION from '@salesforce/label/c.SC_Goals_No_Session';
import SESSION_HEADING from '@salesforce/label/c.SC_Goals_Session_Heading';
import STRENGTHS from '@salesforce/label/c.SC_Goals_Strengths';
import DEVELOPMENT_AREAS from '@salesforce/label/c.SC_Goals_Development_Areas';
import COMMITMENTS from '@salesforce/label/c.SC_Goals_Commitments';
import FOLLOW_UP from '@salesforce/label/c.SC_Goals_Follow_Up';
import ACKNOWLEDGE from '@salesforce/label/c.SC_Goals_Acknowledge';
import ACKNOWLEDGED from '@salesforce/label/c.SC_Goals_Acknowledged';
import RATE_SESSION from '@salesforce/label/c.SC_Goals_Rate_Session';
import FEEDBACK_SAVED from '@salesforce/label/c.SC_Goals_Feedback_Saved';
import NEXT_SESSION from '@salesforce/label/c.SC_Goals_Next_Session';
import NO_NEXT_SESSION from '@salesforce/label/c.SC_Goals_No_Next_Session';
import NEXT_SESSION_TEXT from '@salesforce/label/c.SC_Goals_Next_Session_Text';
import PROGRESS_RANGE from '@salesforce/label/c.SC_VR_Development_Goal_Progress_Between_0_And_100';
import RETRY from '@salesforce/label/c.SC_Retry';
import SAVE_FAILED_TITLE from '@salesforce/label/c.SC_Save_Failed_Title';
import LIMIT_DEALS from '@salesforce/label/c.SC_Goals_LimitDeals';
import LIMIT_GOALS from '@salesforce/label/c.SC_Goals_LimitGoals';
import LIMIT_PLANS from '@salesforce/label/c.SC_Goals_LimitPlans';

const REASONS: Partial<Record<NotComputableReason, string>> = {
  'no-closed-deals': REASON_NO_CLOSED,
  'no-won-deals': REASON_NO_WON,
  'no-target': REASON_NO_TARGET,
  'target-met': REASON_TARGET_MET,
  'no-goal-values': REASON_NO_VALUES,
  'no-baseline-gap': REASON_NO_VALUES,
  'no-progress': REASON_NO_PROGRESS
};

/** Until the picklist values arrive, the options show the values themselves. */
const STATUS_OPTIONS: Option[] = Object.values(GOAL_STATUS).map((value) => ({
  label: value,
  value
}));
const RATING_OPTIONS = ['1', '2', '3', '4', '5'].map((value) => ({ label: value, value }));

/**
 * The rep's Home in one request. Fields field-level security may hide are @optional (the UI API
 * then leaves them out of the node instead of failing the query): the page degrades, showing
 * what the rep can read. Identity, filter and sort fields stay required. Private notes
 * (Coaching_Private_Note__c) are the coach's own and are never asked for.
 */
const MY_COACHING = gql`
  query myCoaching($userId: ID, $today: Date) {
    uiapi {
      query {
        goals: Development_Goal__c(
          first: 200
          where: { Rep__c: { eq: $userId } }
          orderBy: { Target_Date__c: { order: ASC, nulls: LAST } }
        ) {
          totalCount
          edges {
            node {
              Id
              Name {
                value
              }
              Rep__c {
                value
              }
              Skill_Area__c @optional {
                value
              }
              Description__c @optional {
                value
              }
              Success_Measure__c @optional {
                value
              }
              Status__c {
                value
              }
              Progress__c @optional {
                value
              }
              Metric__c @optional {
                value
              }
              Baseline_Value__c @optional {
                value
              }
              Target_Value__c @optional {
                value
              }
              Start_Date__c @optional {
                value
              }
              Target_Date__c {
                value
              }
              CurrencyIsoCode @optional {
                value
              }
            }
          }
        }
        plans: Territory_Plan__c(first: 200, where: { Plan_Owner__c: { eq: $userId } }) {
          totalCount
          edges {
            node {
              Id
              Plan_Owner__c {
                value
              }
              Manager__c @optional {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Amount__c @optional {
                value
                convertCurrency @optional
              }
              Status__c {
                value
              }
            }
          }
        }
        latest: Coaching_Session__c(
          first: 1
          where: { Rep__c: { eq: $userId }, Status__c: { eq: "Completed" } }
          orderBy: { Session_Date__c: { order: DESC } }
        ) {
          edges {
            node {
              Id
              Session_Date__c {
                value
              }
              Session_Type__c {
                value
                displayValue
              }
              Strengths__c @optional {
                value
              }
              Development_Areas__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
              }
              Rep_Acknowledged__c @optional {
                value
              }
              Rep_Rating__c @optional {
                value
              }
              Coach__r {
                Name {
                  value
                }
              }
            }
          }
        }
        upcoming: Coaching_Session__c(
          first: 1
          where: {
            Rep__c: { eq: $userId }
            Status__c: { eq: "Planned" }
            Session_Date__c: { gte: { value: $today } }
          }
          orderBy: { Session_Date__c: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Session_Date__c {
                value
              }
              Session_Type__c {
                value
                displayValue
              }
              Coach__r {
                Name {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * The rep's deals closing in the goals' window, read to the end in pages of 2,000 up to
 * IN_RANGE_MAX_PAGES; `upperBound` lets paging pass the 4,000 records relay paging reaches
 * otherwise (GraphQL API Developer Guide, "Paginate with Upper-Bound Limit").
 */
const GOAL_OPPORTUNITIES = gql`
  query goalOpportunities($ownerId: ID, $start: Date, $end: Date, $after: String) {
    uiapi {
      query {
        Opportunity(
          first: 2000
          upperBound: 20000
          after: $after
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
          }
          orderBy: { CloseDate: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              OwnerId {
                value
              }
              AccountId {
                value
              }
              Amount @optional {
                value
                convertCurrency @optional
              }
              StageName {
                value
              }
              Probability @optional {
                value
              }
              IsClosed {
                value
              }
              IsWon {
                value
              }
              CloseDate {
                value
              }
              CreatedDate {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export interface GoalRow {
  id: string;
  name: string;
  skillArea: string | null;
  description: string | null;
  successMeasure: string | null;
  status: string | null;
  badge: string;
  isKpi: boolean;
  isManual: boolean;
  measurable: boolean;
  percent: number;
  percentText: string;
  progressLabel: string;
  /** The Update progress button's accessible name: which goal it updates. */
  updateLabel: string;
  barStyle: string;
  kpiText: string | null;
  reasonText: string;
  dueText: string | null;
  isOverdue: boolean;
  isDueSoon: boolean;
  itemClass: string;
  editing: boolean;
  /** Progress__c is readable (not left out by @optional), so the rep may update it. */
  canEditProgress: boolean;
}

/** What the rep reads for a picklist field: the displayValue (label), else the API value. */
function picklistText(field: { value: unknown; displayValue?: string | null } | undefined) {
  return field?.displayValue || text(field);
}

/** A goal's value; amounts in `currency` (an ISO code in a multi-currency org, else the user's). */
function formatMetric(metric: GoalMetric, value: number | null, currency: string | null): string {
  if (value === null) return '—';
  switch (metric) {
    case 'Win Rate':
      return `${formatNumber(value)}%`;
    case 'Pipeline Coverage':
      return formatMultiple(value);
    case 'Sales Cycle Days':
      return formatNumber(value);
    default:
      return currency ? formatCurrencyIn(value, currency) : formatCurrency(value);
  }
}

export default class MyDevelopmentGoals extends LightningElement {
  /** The day progress is measured to (ISO); defaults to the browser's today. */
  @api today: IsoDate | undefined;

  userId: string = USER_ID;
  labels = {
    TITLE,
    EMPTY,
    LOADING,
    SAVE,
    CANCEL,
    STATUS,
    UPDATE_PROGRESS,
    PROGRESS_INPUT,
    PROGRESS_RANGE,
    LATEST_SESSION,
    NO_SESSION,
    STRENGTHS,
    DEVELOPMENT_AREAS,
    COMMITMENTS,
    ACKNOWLEDGE,
    ACKNOWLEDGED,
    RATE_SESSION,
    NEXT_SESSION,
    NO_NEXT_SESSION,
    DUE_SOON,
    OVERDUE,
    RETRY
  };
  ratingOptions = RATING_OPTIONS;

  recordTypeId: string | undefined;
  /** Development_Goal__c picklists (labels for Status__c, Metric__c, Skill_Area__c). */
  picklists: Record<string, Option[]> = {};

  coaching: MyCoachingData | undefined;
  coachingErrors: unknown;
  coachingResult: GraphQLResult<MyCoachingData> | undefined;
  /** The rep's deals in the goals' window, every page up to IN_RANGE_MAX_PAGES. */
  opportunitiesRead: { key: string; reading: Reading<{ Opportunity: OpportunityNode }> } | null =
    null;
  opportunityErrors: unknown;
  opportunityResult: GraphQLResult<OpportunityQueryData> | undefined;
  currencyData: CurrencyContextData | undefined;

  editingGoalId: string | null = null;
  draftProgress = '';
  draftStatus = '';
  goalError: string | null = null;
  sessionError: string | null = null;
  saving = false;
  /**
   * Where focus goes after the next render: into the progress editor that just opened, or
   * back to the goal's Update progress button once the editor closed (cancelled or saved),
   * so keyboard and screen-reader users are not dropped at the top of the page.
   */
  private pendingFocus: { target: 'editor' | 'button'; goalId: string } | null = null;

  @wire(getObjectInfo, { objectApiName: DEVELOPMENT_GOAL_OBJECT })
  wiredObjectInfo({ data }: WireResponse<ObjectInfo>): void {
    if (data) this.recordTypeId = data.defaultRecordTypeId;
  }

  @wire(getPicklistValuesByRecordType, {
    objectApiName: DEVELOPMENT_GOAL_OBJECT,
    recordTypeId: '$recordTypeId'
  })
  wiredPicklists({ data }: WireResponse<PicklistsByRecordType>): void {
    if (!data) return;
    const fields = data.picklistFieldValues ?? {};
    this.picklists = {
      Status__c: optionsOf(fields.Status__c),
      Metric__c: optionsOf(fields.Metric__c),
      Skill_Area__c: optionsOf(fields.Skill_Area__c)
    };
  }

  /** A picklist value as the rep reads it: its label, or the value until the labels load. */
  picklistLabel(field: string, value: string): string;
  picklistLabel(field: string, value: string | null): string | null;
  picklistLabel(field: string, value: string | null): string | null {
    return labelOf(this.picklists[field], value);
  }

  get statusOptions(): Option[] {
    const options = this.picklists.Status__c;
    return options && options.length > 0 ? options : STATUS_OPTIONS;
  }

  get todayValue(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  get coachingVariables(): Record<string, unknown> {
    return { userId: this.userId, today: this.todayValue };
  }

  @wire(graphql, { query: MY_COACHING, variables: '$coachingVariables' })
  wiredCoaching(result: GraphQLResult<MyCoachingData>): void {
    this.coachingResult = result;
    if (result.errors && result.errors.length > 0) {
      this.coachingErrors = result.errors;
    } else if (result.data) {
      this.coaching = result.data;
      this.coachingErrors = undefined;
    }
  }

  private get opportunityKey(): string | null {
    const window = opportunityWindow(this.goalFacts, this.todayValue);
    return window ? `${this.userId}|${window.start}|${window.end}` : null;
  }

  get opportunityReading(): Reading<{ Opportunity: OpportunityNode }> | null {
    const key = this.opportunityKey;
    if (key === null) return null;
    return this.opportunitiesRead?.key === key
      ? this.opportunitiesRead.reading
      : startReading(['Opportunity']);
  }

  /** Undefined until the goals are known, so the opportunity wire waits for them. */
  get opportunityVariables(): OwnerOpportunitiesInRangeVariables | undefined {
    const window = opportunityWindow(this.goalFacts, this.todayValue);
    const reading = this.opportunityReading;
    if (!window || !reading) return undefined;
    return {
      ownerId: this.userId,
      start: window.start,
      end: window.end,
      after: reading.request.after.Opportunity
    };
  }

  @wire(graphql, { query: GOAL_OPPORTUNITIES, variables: '$opportunityVariables' })
  wiredOpportunities(result: GraphQLResult<OpportunityQueryData>): void {
    this.opportunityResult = result;
    if (result.errors && result.errors.length > 0) {
      this.opportunityErrors = result.errors;
    } else if (result.data) {
      const key = this.opportunityKey;
      const reading = this.opportunityReading;
      if (key === null || !reading) return;
      this.opportunityErrors = undefined;
      this.opportunitiesRead = {
        key,
        reading: continueReading(
          reading,
          { Opportunity: result.data.uiapi?.query?.Opportunity },
          { paged: ['Opportunity'], maxPages: IN_RANGE_MAX_PAGES }
        )
      };
    }
  }

  /** What the reads left out, where the goals are: goals, plans or deals past their bound. */
  get limitNotices(): string[] {
    const notices: string[] = [];
    const query = this.coaching?.uiapi?.query;
    const counted = (
      connection: { totalCount?: number | null } | null | undefined,
      shown: number,
      label: string
    ): void => {
      const total = connection?.totalCount;
      if (typeof total === 'number' && total > shown)
        notices.push(fill(label, formatNumber(shown), formatNumber(total)));
    };
    counted(query?.goals, nodesOf(query?.goals).length, LIMIT_GOALS);
    counted(query?.plans, nodesOf(query?.plans).length, LIMIT_PLANS);
    const deals = this.opportunityReading?.connections.Opportunity;
    if (this.opportunityReading?.complete && deals?.truncated)
      notices.push(fill(LIMIT_DEALS, formatNumber(deals.nodes.length), formatNumber(deals.total)));
    return notices;
  }

  get hasLimitNotices(): boolean {
    return this.limitNotices.length > 0;
  }

  get currencyVariables(): { userId: string } {
    return { userId: this.userId };
  }

  @wire(graphql, { query: CURRENCY_CONTEXT, variables: '$currencyVariables' })
  wiredCurrency(result: GraphQLResult<CurrencyContextData>): void {
    if (result.data) this.currencyData = result.data;
  }

  get currency(): CurrencyContext {
    return currencyContextFromData(this.currencyData);
  }

  /**
   * The currency the opportunity figures are in: the user's (read with convertCurrency) in a
   * multi-currency org, null in a single-currency one.
   */
  get figuresCurrency(): string | null {
    return this.currency.multiCurrency ? this.currency.user : null;
  }

  /** Named when an amount goal is measured: the amounts are converted to the user's currency. */
  get currencyNote(): string | null {
    const currency = this.figuresCurrency;
    const amounts = this.goalFacts.some(
      (goal) => goal.metric !== null && AMOUNT_METRICS.includes(goal.metric)
    );
    return currency && amounts ? fill(CURRENCY_USER, currency) : null;
  }

  get goalNodes() {
    return nodesOf(this.coaching?.uiapi?.query?.goals);
  }

  get goalFacts(): GoalFact[] {
    return goalFactsFromConnection(this.coaching?.uiapi?.query?.goals);
  }

  get hasKpiGoals(): boolean {
    return this.goalFacts.some((goal) => goal.metric !== null);
  }

  get isLoading(): boolean {
    if (this.hasError) return false;
    if (!this.coaching) return true;
    return this.hasKpiGoals && !this.opportunityReading?.complete;
  }

  get hasError(): boolean {
    // Opportunities only matter (and are only asked for) when a goal is KPI-linked.
    return (
      this.coachingErrors !== undefined ||
      (this.hasKpiGoals && this.opportunityErrors !== undefined)
    );
  }

  get errorMessage(): string {
    const detail = errorSummary(this.coachingErrors ?? this.opportunityErrors, ERROR_GENERIC);
    return `${LOAD_FAILED} ${detail}`;
  }

  get isReady(): boolean {
    return !this.isLoading && !this.hasError;
  }

  get measured(): MeasuredGoal[] {
    const reading = this.opportunityReading;
    const facts = opportunityFactsFromConnection(
      connectionOf(reading ? readingNodes(reading).Opportunity : [])
    );
    const plans = planFactsFromConnection(this.coaching?.uiapi?.query?.plans);
    return measureGoals(this.goalNodes, facts, plans, this.todayValue, this.figuresCurrency);
  }

  get goals(): GoalRow[] {
    return this.measured.map((goal) => this.toRow(goal));
  }

  get hasGoals(): boolean {
    return this.goalNodes.length > 0;
  }

  toRow(goal: MeasuredGoal): GoalRow {
    const { fact, node, progress } = goal;
    const name =
      text(node.Name) ?? this.picklistLabel('Skill_Area__c', text(node.Skill_Area__c)) ?? node.Id;
    const percent = goal.percent ?? 0;
    const isKpi = progress.kind === 'kpi';
    let kpiText: string | null = null;
    if (isKpi && fact.metric !== null) {
      const current = progress.current?.ok ? progress.current.value : null;
      // The live value in the figures' currency; baseline and target as the goal holds them.
      const goalCurrency = node.CurrencyIsoCode?.value ?? null;
      kpiText = fill(
        KPI_VALUE,
        this.picklistLabel('Metric__c', fact.metric),
        formatMetric(fact.metric, current, this.figuresCurrency),
        formatMetric(fact.metric, fact.baseline, goalCurrency),
        formatMetric(fact.metric, fact.target, goalCurrency)
      );
    }
    const mismatch = goal.currencyMismatch;
    const targetDate = text(node.Target_Date__c);
    return {
      id: node.Id,
      name,
      skillArea: this.picklistLabel('Skill_Area__c', text(node.Skill_Area__c)),
      description: text(node.Description__c),
      successMeasure: text(node.Success_Measure__c),
      status: this.picklistLabel('Status__c', fact.status),
      badge: isKpi ? KPI_BADGE : MANUAL_BADGE,
      isKpi,
      isManual: !isKpi,
      measurable: goal.percent !== null,
      percent,
      percentText: fill(PERCENT_COMPLETE, percent),
      progressLabel: fill(PROGRESS_LABEL, name),
      updateLabel: fill(UPDATE_PROGRESS_FOR, name),
      barStyle: `width: ${percent}%`,
      kpiText,
      reasonText: mismatch
        ? fill(CURRENCY_GOAL_MISMATCH, mismatch.goal, mismatch.figures)
        : (goal.reason && REASONS[goal.reason]) || NOT_MEASURABLE,
      dueText: targetDate ? fill(DUE, formatDate(targetDate)) : null,
      isOverdue: goal.due === 'overdue',
      isDueSoon: goal.due === 'due-soon',
      itemClass: 'slds-item slds-p-vertical_small goal',
      editing: this.editingGoalId === node.Id,
      canEditProgress: node.Progress__c !== undefined
    };
  }

  // ---- latest and next session ----------------------------------------------------------------

  get latestSession(): SessionNode | null {
    return firstNode(this.coaching?.uiapi?.query?.latest);
  }

  get hasLatestSession(): boolean {
    return this.latestSession !== null;
  }

  get latest() {
    const session = this.latestSession;
    if (!session) return null;
    const followUp = text(session.Follow_Up_Date__c);
    const rating = session.Rep_Rating__c?.value;
    return {
      id: session.Id,
      heading: fill(
        SESSION_HEADING,
        picklistText(session.Session_Type__c) ?? '',
        formatDate(text(session.Session_Date__c)),
        text(session.Coach__r?.Name) ?? '—'
      ),
      // A field the rep cannot read (left out by @optional) is not shown at all, rather than
      // shown empty as if the coach had written nothing; the same for the response controls,
      // which would only fail to save.
      showStrengths: session.Strengths__c !== undefined,
      strengths: text(session.Strengths__c),
      showDevelopmentAreas: session.Development_Areas__c !== undefined,
      developmentAreas: text(session.Development_Areas__c),
      showCommitments: session.Commitments__c !== undefined,
      commitments: text(session.Commitments__c),
      followUp: followUp ? fill(FOLLOW_UP, formatDate(followUp)) : null,
      canAcknowledge: session.Rep_Acknowledged__c !== undefined,
      acknowledged: session.Rep_Acknowledged__c?.value === true,
      canRate: session.Rep_Rating__c !== undefined,
      rating: typeof rating === 'number' ? String(rating) : ''
    };
  }

  get nextSessionText(): string | null {
    const session = firstNode(this.coaching?.uiapi?.query?.upcoming);
    if (!session) return null;
    return fill(
      NEXT_SESSION_TEXT,
      picklistText(session.Session_Type__c) ?? '',
      formatDate(text(session.Session_Date__c)),
      text(session.Coach__r?.Name) ?? '—'
    );
  }

  // ---- handlers -------------------------------------------------------------------------------

  override renderedCallback(): void {
    const pending = this.pendingFocus;
    if (!pending) return;
    const item = this.template?.querySelector(`[data-goal-id="${pending.goalId}"]`);
    const target = item?.querySelector<HTMLElement>(
      pending.target === 'editor'
        ? '.goal-editor lightning-input, .goal-editor lightning-combobox'
        : 'button.edit-goal'
    );
    // Wait for the render that shows the target (a save closes the editor after a round trip).
    if (!target) return;
    this.pendingFocus = null;
    target.focus();
  }

  /** The error state's Retry: re-runs the requests that failed (and the others with them). */
  handleRetry(): void {
    this.coachingErrors = undefined;
    this.opportunityErrors = undefined;
    this.refresh().catch((error: unknown) => {
      this.coachingErrors = error;
    });
  }

  async refresh(): Promise<void> {
    // `refresh` on the provisioned result re-runs the query (as refreshGraphQL does).
    const pending: Promise<void>[] = [];
    const coachingRefresh = this.coachingResult?.refresh;
    if (coachingRefresh) pending.push(coachingRefresh());
    const opportunityRefresh = this.opportunityResult?.refresh;
    if (opportunityRefresh && this.opportunityVariables) pending.push(opportunityRefresh());
    await Promise.all(pending);
  }

  toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  handleEditGoal(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    const goal = this.measured.find((row) => row.node.Id === id);
    this.editingGoalId = id;
    if (id) this.pendingFocus = { target: 'editor', goalId: id };
    this.goalError = null;
    this.draftProgress = numberText(goal?.fact.progressPercent);
    this.draftStatus = goal?.fact.status ?? GOAL_STATUS.inProgress;
  }

  get editingGoal(): GoalNode | undefined {
    return this.goalNodes.find((node) => node.Id === this.editingGoalId);
  }

  handleCancelGoal(): void {
    this.closeEditor();
  }

  closeEditor(): void {
    if (this.editingGoalId) this.pendingFocus = { target: 'button', goalId: this.editingGoalId };
    this.editingGoalId = null;
    this.goalError = null;
  }

  handleProgressChange(event: CustomEvent<{ value: string }>): void {
    this.draftProgress = String(event.detail.value ?? '');
    // Says at once what is wrong with the value; Save stays off until it is fixed.
    const parsed = parseProgress(this.draftProgress);
    this.goalError = parsed.ok ? null : parsed.message;
  }

  /** Save is off while a save is in flight or the typed progress is not one the goal takes. */
  get saveGoalDisabled(): boolean {
    return this.saving || !parseProgress(this.draftProgress).ok;
  }

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    this.draftStatus = event.detail.value;
  }

  async handleSaveGoal(): Promise<void> {
    const id = this.editingGoalId;
    if (!id) return;
    if (this.saving) return;
    const progress = parseProgress(this.draftProgress);
    if (!progress.ok) {
      this.goalError = progress.message;
      return;
    }
    this.saving = true;
    this.goalError = null;
    try {
      const fields: Record<string, unknown> = { Id: id, Status__c: this.draftStatus || null };
      // Progress__c hidden by field-level security is neither shown nor written.
      if (this.editingGoal?.Progress__c !== undefined) fields.Progress__c = progress.value;
      await updateRecord({ fields });
      this.closeEditor();
      this.toast(SAVED_TITLE, GOAL_UPDATED, 'success');
      await this.refresh();
    } catch (error) {
      this.goalError = errorSummary(error, ERROR_GENERIC);
      this.toast(SAVE_FAILED_TITLE, this.goalError, 'error');
    } finally {
      this.saving = false;
    }
  }

  async saveSession(fields: Record<string, unknown>): Promise<void> {
    const id = this.latestSession?.Id;
    if (!id) return;
    this.saving = true;
    this.sessionError = null;
    try {
      await updateRecord({ fields: { Id: id, ...fields } });
      this.toast(SAVED_TITLE, FEEDBACK_SAVED, 'success');
      await this.refresh();
    } catch (error) {
      this.sessionError = errorSummary(error, ERROR_GENERIC);
      this.toast(ERROR_TITLE, this.sessionError, 'error');
    } finally {
      this.saving = false;
    }
  }

  handleAcknowledge(): Promise<void> {
    return this.saveSession({ Rep_Acknowledged__c: true });
  }

  handleRate(event: CustomEvent<{ value: string }>): Promise<void> {
    const rating = Number(event.detail.value);
    return this.saveSession({ Rep_Rating__c: rating });
  }
}
