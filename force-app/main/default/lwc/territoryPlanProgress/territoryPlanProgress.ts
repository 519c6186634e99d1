import { LightningElement, api, wire } from 'lwc';
import { gql, graphql, type GraphQLResult } from 'lightning/graphql';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import TERRITORY_PLAN_OBJECT from '@salesforce/schema/Territory_Plan__c';
import PLAN_REVIEW_OBJECT from '@salesforce/schema/Territory_Plan_Review__c';
import { type Kpis, type TerritoryPlanFact } from 'c/coachingMetrics';
import {
  fill,
  formatCurrency,
  formatCurrencyIn,
  formatDate,
  formatMultiple,
  formatNumber,
  formatPercent,
  todayIso
} from 'c/coachingFormat';
import { errorSummary } from 'c/ldsErrors';
import { type WireResponse, characterCount, fieldLimits, saveAll } from 'c/formSupport';
import {
  browserSessionStorage,
  loadTextDraft,
  saveTextDraft,
  type DraftStorage
} from 'c/sessionDraft';
import {
  type CurrencyContext,
  type CurrencyContextData,
  type OpportunityNode,
  type OpportunityQueryData,
  type OwnerOpportunitiesInRangeVariables,
  type Reading,
  CURRENCY_CONTEXT,
  IN_RANGE_MAX_PAGES,
  OWNER_OPPORTUNITIES_IN_RANGE,
  connectionOf,
  continueReading,
  currencyContextFromData,
  nodesOf,
  opportunityFactsFromConnection,
  planFactFromNode,
  readingNodes,
  startReading
} from 'c/opportunityData';
import { type IsoDate, type Period, fromEpochDay, isIsoDate } from 'c/periods';
import {
  type CumulativePoint,
  type PlanData,
  type PlanHistoryData,
  type PlanNode,
  type PlanReviewsData,
  type ReviewDraft,
  type ReviewViolation,
  NOTES_LENGTH,
  TARGET_LIMITS,
  accountProgress,
  cumulativeSeries,
  historyRows,
  opportunityRange,
  planKpis,
  requiredWeeklyRunRate,
  reviewRows,
  reviewSteps,
  validateReview
} from './planModel';

import TITLE from '@salesforce/label/c.SC_Plan_Title';
import LOAD_FAILED from '@salesforce/label/c.SC_Plan_Load_Failed';
import NOT_FOUND from '@salesforce/label/c.SC_Plan_Not_Found';
import TARGET from '@salesforce/label/c.SC_Plan_Target';
import CLOSED_WON from '@salesforce/label/c.SC_Plan_Closed_Won';
import PERCENT_TO_PLAN from '@salesforce/label/c.SC_Plan_Percent_To_Plan';
import OPEN_PIPELINE from '@salesforce/label/c.SC_Plan_Open_Pipeline';
import WEIGHTED_PIPELINE from '@salesforce/label/c.SC_Plan_Weighted_Pipeline';
import GAP from '@salesforce/label/c.SC_Plan_Gap';
import TARGET_MET from '@salesforce/label/c.SC_Plan_Target_Met';
import RUN_RATE from '@salesforce/label/c.SC_Plan_Run_Rate';
import PERIOD_OVER from '@salesforce/label/c.SC_Plan_Period_Over';
import COVERAGE from '@salesforce/label/c.SC_Plan_Coverage';
import COVERAGE_DETAIL from '@salesforce/label/c.SC_Plan_Coverage_Detail';
import COVERAGE_BELOW from '@salesforce/label/c.SC_Plan_Coverage_Below';
import COVERAGE_OK from '@salesforce/label/c.SC_Plan_Coverage_Ok';
import REQUIRED_UNKNOWN from '@salesforce/label/c.SC_Plan_Required_Unknown';
import LAST_YEAR from '@salesforce/label/c.SC_Plan_Last_Year';
import GROWTH from '@salesforce/label/c.SC_Plan_Growth';
import PROGRESS_LABEL from '@salesforce/label/c.SC_Plan_Progress_Label';
import KEY_ACCOUNTS from '@salesforce/label/c.SC_Plan_Key_Accounts';
import NO_ACCOUNTS from '@salesforce/label/c.SC_Plan_No_Accounts';
import ACCOUNT from '@salesforce/label/c.SC_Plan_Account';
import PLANNED from '@salesforce/label/c.SC_Plan_Planned';
import WON from '@salesforce/label/c.SC_Plan_Won';
import OPEN from '@salesforce/label/c.SC_Plan_Open';
import ACCOUNT_PROGRESS from '@salesforce/label/c.SC_Plan_Account_Progress';
import CHART_TITLE from '@salesforce/label/c.SC_Plan_Chart_Title';
import CHART_SUMMARY from '@salesforce/label/c.SC_Plan_Chart_Summary';
import CHART_TABLE from '@salesforce/label/c.SC_Plan_Chart_Table';
import WEEK_ENDING from '@salesforce/label/c.SC_Plan_Week_Ending';
import CUMULATIVE_WON from '@salesforce/label/c.SC_Plan_Cumulative_Won';
import TARGET_PACE from '@salesforce/label/c.SC_Plan_Target_Pace';
import SHOW_DATA from '@salesforce/label/c.SC_Plan_Show_Data';
import REVIEW from '@salesforce/label/c.SC_Plan_Review';
import REVIEW_TITLE from '@salesforce/label/c.SC_Plan_Review_Title';
import REVIEW_NOTES from '@salesforce/label/c.SC_Plan_Review_Notes';
import NEW_TARGET from '@salesforce/label/c.SC_Plan_New_Target';
import REVIEWED from '@salesforce/label/c.SC_Plan_Reviewed';
import LAST_REVIEWED from '@salesforce/label/c.SC_Plan_Last_Reviewed';
import NEVER_REVIEWED from '@salesforce/label/c.SC_Plan_Never_Reviewed';
import HISTORY from '@salesforce/label/c.SC_Plan_History';
import NO_HISTORY from '@salesforce/label/c.SC_Plan_No_History';
import HISTORY_DATE from '@salesforce/label/c.SC_Plan_History_Date';
import HISTORY_WHO from '@salesforce/label/c.SC_Plan_History_Who';
import HISTORY_FIELD from '@salesforce/label/c.SC_Plan_History_Field';
import HISTORY_CHANGE from '@salesforce/label/c.SC_Plan_History_Change';
import FIELD_TARGET from '@salesforce/label/c.SC_Plan_Field_Target';
import FIELD_STATUS from '@salesforce/label/c.SC_Plan_Field_Status';
import LOADING from '@salesforce/label/c.SC_Loading';
import SAVE from '@salesforce/label/c.SC_Save';
import HISTORY_UNAVAILABLE from '@salesforce/label/c.SC_Plan_History_Unavailable';
import CANCEL from '@salesforce/label/c.SC_Cancel';
import SAVED_TITLE from '@salesforce/label/c.SC_Saved_Title';
import ERROR_GENERIC from '@salesforce/label/c.SC_Error_Generic';
import TARGET_POSITIVE from '@salesforce/label/c.SC_VR_Territory_Plan_Target_Amount_Positive';
import CURRENCY_USER from '@salesforce/label/c.SC_Currency_User';
import CURRENCY_TARGET_IN from '@salesforce/label/c.SC_Currency_Target_In';
import LIMIT_DEALS from '@salesforce/label/c.SC_Plan_LimitDeals';
import LIMIT_ACCOUNTS from '@salesforce/label/c.SC_Plan_LimitAccounts';
import LIMIT_HISTORY from '@salesforce/label/c.SC_Plan_LimitHistory';

import RETRY from '@salesforce/label/c.SC_Retry';
import SAVE_FAILED_TITLE from '@salesforce/label/c.SC_Save_Failed_Title';
import REVIEWS from '@salesforce/label/c.SC_Plan_Reviews';
import NO_REVIEWS from '@salesforce/label/c.SC_Plan_No_Reviews';
import REVIEWS_UNAVAILABLE from '@salesforce/label/c.SC_Plan_Reviews_Unavailable';
import REVIEW_LINE from '@salesforce/label/c.SC_Plan_Review_Line';
import REVIEW_TARGET_CHANGE from '@salesforce/label/c.SC_Plan_Review_Target_Change';
import REVIEW_NOT_SAVED from '@salesforce/label/c.SC_Plan_Review_Not_Saved';
import REVIEW_PLAN_KEPT from '@salesforce/label/c.SC_Plan_Review_Plan_Kept';
import REVIEW_DRAFT_RESTORED from '@salesforce/label/c.SC_Plan_Review_Draft_Restored';
import DISCARD_DRAFT from '@salesforce/label/c.SC_Session_Discard_Draft';
import SAVING from '@salesforce/label/c.SC_Session_Saving';
const PLAN_PROGRESS = gql`
  query territoryPlanProgress($recordId: ID) {
    uiapi {
      query {
        plan: Territory_Plan__c(first: 1, where: { Id: { eq: $recordId } }) {
          edges {
            node {
              Id
              Name {
                value
              }
              Plan_Owner__c {
                value
              }
              Plan_Owner__r {
                Name {
                  value
                }
              }
              Manager__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Amount__c {
                value
                convertCurrency @optional
              }
              CurrencyIsoCode @optional {
                value
              }
              Status__c {
                value
              }
              Last_Reviewed__c {
                value
              }
              Review_Notes__c {
                value
              }
            }
          }
        }
        accounts: Territory_Plan_Account__c(
          first: 200
          where: { Territory_Plan__c: { eq: $recordId } }
          orderBy: { Planned_Amount__c: { order: DESC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Account__c {
                value
              }
              Account__r {
                Name {
                  value
                }
              }
              Planned_Amount__c {
                value
                convertCurrency @optional
              }
            }
          }
        }
      }
    }
  }
`;

// Territory_Plan__History has its own request: the UI API exposes custom history objects only
// where history tracking is on, and OldValue/NewValue are anyType (the AnyType union, read
// through inline fragments with an alias per member type). The plan card never waits on it.
const PLAN_HISTORY = gql`
  query territoryPlanHistory($planId: ID) {
    uiapi {
      query {
        history: Territory_Plan__History(
          first: 200
          where: { ParentId: { eq: $planId } }
          orderBy: { CreatedDate: { order: DESC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Field {
                value
              }
              OldValue {
                ...planHistoryValue
              }
              NewValue {
                ...planHistoryValue
              }
              CreatedDate {
                value
              }
              CreatedBy {
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

  fragment planHistoryValue on AnyType {
    ... on StringValue {
      text: value
    }
    ... on DoubleValue {
      number: value
    }
    ... on BooleanValue {
      flag: value
    }
    ... on DateValue {
      date: value
    }
    ... on DateTimeValue {
      dateTime: value
    }
  }
`;

// The plan's reviews, each its own record, in their own request: without read access to the
// review object (an org that has not assigned it) the plan still shows.
const PLAN_REVIEWS = gql`
  query territoryPlanReviews($reviewPlanId: ID) {
    uiapi {
      query {
        reviews: Territory_Plan_Review__c(
          first: 200
          where: { Territory_Plan__c: { eq: $reviewPlanId } }
          orderBy: { Review_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
        ) {
          edges {
            node {
              Id
              Review_Date__c {
                value
              }
              Reviewer__r {
                Name {
                  value
                }
              }
              Notes__c {
                value
              }
              Target_Before__c {
                value
              }
              Target_After__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// Room above the plot for the target's label and below it for the period's dates.
const CHART = { width: 640, height: 240, left: 8, right: 8, top: 24, bottom: 24 };

/** The fields every review writes; the target is written only when it may be adjusted. */
const REVIEW_FIELDS = ['Last_Reviewed__c', 'Review_Notes__c'] as const;
const TARGET_FIELD = 'Target_Amount__c';
/** The review record's fields a reviewer sets. */
const REVIEW_RECORD_FIELDS = [
  'Territory_Plan__c',
  'Review_Date__c',
  'Reviewer__c',
  'Notes__c',
  'Target_Before__c',
  'Target_After__c'
] as const;

const FIELD_LABELS: Record<string, string> = {
  Target_Amount__c: FIELD_TARGET,
  Status__c: FIELD_STATUS
};

function ratioText(ratio: { ok: boolean; value?: number }, format: (value: number) => string) {
  return ratio.ok && typeof ratio.value === 'number' ? format(ratio.value) : '—';
}

export default class TerritoryPlanProgress extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /** The day the plan is measured on (ISO); defaults to the browser's today. */
  @api today: IsoDate | undefined;

  labels = {
    TITLE,
    LOADING,
    NOT_FOUND,
    TARGET,
    CLOSED_WON,
    OPEN_PIPELINE,
    WEIGHTED_PIPELINE,
    GAP,
    RUN_RATE,
    COVERAGE,
    LAST_YEAR,
    KEY_ACCOUNTS,
    NO_ACCOUNTS,
    ACCOUNT,
    PLANNED,
    WON,
    OPEN,
    CHART_TITLE,
    CHART_TABLE,
    WEEK_ENDING,
    CUMULATIVE_WON,
    TARGET_PACE,
    SHOW_DATA,
    REVIEW,
    REVIEW_TITLE,
    REVIEW_NOTES,
    NEW_TARGET,
    SAVE,
    CANCEL,
    HISTORY,
    NO_HISTORY,
    HISTORY_DATE,
    HISTORY_WHO,
    HISTORY_FIELD,
    HISTORY_CHANGE,
    HISTORY_UNAVAILABLE,
    PROGRESS_LABEL,
    TARGET_POSITIVE,
    RETRY,
    REVIEWS,
    NO_REVIEWS,
    REVIEWS_UNAVAILABLE,
    REVIEW_DRAFT_RESTORED,
    DISCARD_DRAFT
  };

  planData: PlanData | undefined;
  planErrors: unknown;
  planResult: GraphQLResult<PlanData> | undefined;
  /** The owner's deals in the plan's range, every page up to IN_RANGE_MAX_PAGES. */
  opportunitiesRead: { key: string; reading: Reading<{ Opportunity: OpportunityNode }> } | null =
    null;
  opportunityErrors: unknown;
  historyData: PlanHistoryData | undefined;
  historyErrors: unknown;
  historyResult: GraphQLResult<PlanHistoryData> | undefined;
  opportunityResult: GraphQLResult<OpportunityQueryData> | undefined;
  currencyData: CurrencyContextData | undefined;

  reviewsData: PlanReviewsData | undefined;
  reviewsErrors: unknown;
  reviewsResult: GraphQLResult<PlanReviewsData> | undefined;

  /** The user's access to Territory_Plan__c; until it is known nothing is offered. */
  planInfo: ObjectInfo | undefined;
  /** The user's access to Territory_Plan_Review__c: a review is a record the reviewer creates. */
  reviewInfo: ObjectInfo | undefined;
  reviewing = false;
  draftNotes = '';
  draftTarget = '';
  reviewError: string | null = null;
  /** A review typed before a reload, brought back (as the session form's draft). */
  reviewDraftRestored = false;
  saving = false;
  /** The draft is looked up once per plan, when the plan and the user's access are known. */
  private draftChecked = false;
  /** Where focus goes after the next render: into the opened review, or back to its button. */
  private pendingFocus: 'review' | 'button' | null = null;

  get todayValue(): IsoDate {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  get planVariables(): Record<string, unknown> | undefined {
    return this.recordId ? { recordId: this.recordId } : undefined;
  }

  @wire(graphql, { query: PLAN_PROGRESS, variables: '$planVariables' })
  wiredPlan(result: GraphQLResult<PlanData>): void {
    this.planResult = result;
    if (result.errors && result.errors.length > 0) this.planErrors = result.errors;
    else if (result.data) {
      this.planData = result.data;
      this.planErrors = undefined;
      this.restoreReviewDraft();
    }
  }

  get historyVariables(): Record<string, unknown> | undefined {
    return this.recordId ? { planId: this.recordId } : undefined;
  }

  @wire(graphql, { query: PLAN_HISTORY, variables: '$historyVariables' })
  wiredHistory(result: GraphQLResult<PlanHistoryData>): void {
    this.historyResult = result;
    if (result.errors && result.errors.length > 0) this.historyErrors = result.errors;
    else if (result.data) {
      this.historyData = result.data;
      this.historyErrors = undefined;
    }
  }

  @wire(getObjectInfo, { objectApiName: TERRITORY_PLAN_OBJECT })
  wiredPlanInfo({ data, error }: WireResponse<ObjectInfo>): void {
    if (data && data.apiName === TERRITORY_PLAN_OBJECT.objectApiName) this.planInfo = data;
    else if (error) this.planInfo = undefined;
    if (!this.canReview) this.reviewing = false;
    this.restoreReviewDraft();
  }

  @wire(getObjectInfo, { objectApiName: PLAN_REVIEW_OBJECT })
  wiredReviewInfo({ data, error }: WireResponse<ObjectInfo>): void {
    if (data && data.apiName === PLAN_REVIEW_OBJECT.objectApiName) this.reviewInfo = data;
    else if (error) this.reviewInfo = undefined;
    if (!this.canReview) this.reviewing = false;
    this.restoreReviewDraft();
  }

  get reviewsVariables(): Record<string, unknown> | undefined {
    return this.recordId ? { reviewPlanId: this.recordId } : undefined;
  }

  @wire(graphql, { query: PLAN_REVIEWS, variables: '$reviewsVariables' })
  wiredReviews(result: GraphQLResult<PlanReviewsData>): void {
    this.reviewsResult = result;
    if (result.errors && result.errors.length > 0) this.reviewsErrors = result.errors;
    else if (result.data) {
      this.reviewsData = result.data;
      this.reviewsErrors = undefined;
    }
  }

  private get opportunityKey(): string | null {
    const plan = this.plan;
    if (!plan) return null;
    const range = opportunityRange(this.period!);
    return `${plan.ownerId}|${range.start}|${range.end}`;
  }

  get opportunityReading(): Reading<{ Opportunity: OpportunityNode }> | null {
    const key = this.opportunityKey;
    if (key === null) return null;
    return this.opportunitiesRead?.key === key
      ? this.opportunitiesRead.reading
      : startReading(['Opportunity']);
  }

  get opportunityVariables(): OwnerOpportunitiesInRangeVariables | undefined {
    const plan = this.plan;
    const reading = this.opportunityReading;
    if (!plan || !reading) return undefined;
    const range = opportunityRange(this.period!);
    return {
      ownerId: plan.ownerId,
      start: range.start,
      end: range.end,
      after: reading.request.after.Opportunity
    };
  }

  @wire(graphql, { query: OWNER_OPPORTUNITIES_IN_RANGE, variables: '$opportunityVariables' })
  wiredOpportunities(result: GraphQLResult<OpportunityQueryData>): void {
    this.opportunityResult = result;
    if (result.errors && result.errors.length > 0) this.opportunityErrors = result.errors;
    else if (result.data) {
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

  /** Past IN_RANGE_MAX_PAGES pages (20,000 deals), the figures say what they leave out. */
  get opportunitiesNotice(): string | null {
    const deals = this.opportunityReading?.connections.Opportunity;
    if (!this.opportunityReading?.complete || !deals?.truncated) return null;
    return fill(LIMIT_DEALS, formatNumber(deals.nodes.length), formatNumber(deals.total));
  }

  get accountsNotice(): string | null {
    const accounts = this.planData?.uiapi?.query?.accounts;
    const shown = nodesOf(accounts).length;
    const total = accounts?.totalCount;
    return typeof total === 'number' && total > shown
      ? fill(LIMIT_ACCOUNTS, formatNumber(shown), formatNumber(total))
      : null;
  }

  get historyNotice(): string | null {
    const history = this.historyData?.uiapi?.query?.history;
    const shown = nodesOf(history).length;
    const total = history?.totalCount;
    return typeof total === 'number' && total > shown
      ? fill(LIMIT_HISTORY, formatNumber(shown), formatNumber(total))
      : null;
  }

  get currencyVariables(): { userId: string } {
    return { userId: USER_ID };
  }

  @wire(graphql, { query: CURRENCY_CONTEXT, variables: '$currencyVariables' })
  wiredCurrency(result: GraphQLResult<CurrencyContextData>): void {
    if (result.data) this.currencyData = result.data;
  }

  get currency(): CurrencyContext {
    return currencyContextFromData(this.currencyData);
  }

  /**
   * The card adds up the owner's deals in the browser: amounts read with convertCurrency, in the
   * running user's currency (the target too), so every figure and ratio is in that one currency.
   */
  get formatMoney(): (value: number | null | undefined) => string {
    const { multiCurrency, user } = this.currency;
    return multiCurrency && user ? (value) => formatCurrencyIn(value, user) : formatCurrency;
  }

  get currencyNote(): string | null {
    const { multiCurrency, user } = this.currency;
    return multiCurrency && user ? fill(CURRENCY_USER, user) : null;
  }

  /** The plan's own currency: its target and history are written in it. */
  get planCurrency(): string | null {
    return this.planNode?.CurrencyIsoCode?.value ?? null;
  }

  get reviewCurrencyNote(): string | null {
    const iso = this.planCurrency;
    return this.currency.multiCurrency && iso ? fill(CURRENCY_TARGET_IN, iso) : null;
  }

  /** The target as the plan holds it, in the plan's currency (what a review edits). */
  get planTarget(): number | null {
    const value = this.planNode?.Target_Amount__c?.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  // ---- state ----------------------------------------------------------------------------------

  get planNode(): PlanNode | null {
    return nodesOf(this.planData?.uiapi?.query?.plan)[0] ?? null;
  }

  get plan(): TerritoryPlanFact | null {
    return planFactFromNode(this.planNode);
  }

  get period(): Period | null {
    const plan = this.plan;
    return plan ? { start: fromEpochDay(plan.startDay), end: fromEpochDay(plan.endDay) } : null;
  }

  get hasError(): boolean {
    return this.planErrors !== undefined || this.opportunityErrors !== undefined;
  }

  get errorMessage(): string {
    return `${LOAD_FAILED} ${errorSummary(this.planErrors ?? this.opportunityErrors, ERROR_GENERIC)}`;
  }

  /** The error state's Retry: runs the failed requests again. */
  handleRetry(): void {
    const failed = [
      this.planErrors !== undefined ? this.planResult : undefined,
      this.opportunityErrors !== undefined ? this.opportunityResult : undefined
    ];
    this.planErrors = undefined;
    this.opportunityErrors = undefined;
    for (const result of failed) {
      Promise.resolve(result?.refresh?.()).catch((error: unknown) => {
        this.planErrors = error;
      });
    }
  }

  get isLoading(): boolean {
    if (this.hasError) return false;
    if (!this.planData) return true;
    return this.plan !== null && !this.opportunityReading?.complete;
  }

  get isNotFound(): boolean {
    return !this.isLoading && !this.hasError && this.plan === null;
  }

  get isReady(): boolean {
    return !this.isLoading && !this.hasError && this.plan !== null;
  }

  get facts() {
    const reading = this.opportunityReading;
    return opportunityFactsFromConnection(
      connectionOf(reading ? readingNodes(reading).Opportunity : [])
    );
  }

  get kpis(): Kpis | null {
    const plan = this.plan;
    return plan ? planKpis(plan, this.facts, this.todayValue) : null;
  }

  // ---- figures --------------------------------------------------------------------------------

  get figures() {
    const kpis = this.kpis;
    const plan = this.plan;
    const period = this.period;
    if (!kpis || !plan || !period) return null;
    const runRate = requiredWeeklyRunRate(kpis.gapToTarget, period, this.todayValue);
    const gap = kpis.gapToTarget;
    const coverageBelow =
      kpis.pipelineCoverage.ok &&
      kpis.requiredCoverage.ok &&
      kpis.pipelineCoverage.value < kpis.requiredCoverage.value;
    const money = this.formatMoney;
    let runRateText = ratioText(runRate, money);
    if (!runRate.ok && runRate.reason === 'target-met') runRateText = TARGET_MET;
    else if (!runRate.ok && gap !== null && gap > 0) runRateText = PERIOD_OVER;
    return {
      target: money(plan.target),
      closedWon: money(kpis.closedWon),
      percentToPlan: fill(PERCENT_TO_PLAN, ratioText(kpis.percentToPlan, formatPercent)),
      percent: kpis.percentToPlan.ok
        ? Math.min(100, Math.round(kpis.percentToPlan.value * 100))
        : 0,
      percentText: ratioText(kpis.percentToPlan, formatPercent),
      openPipeline: money(kpis.openPipeline),
      weightedPipeline: money(kpis.weightedPipeline),
      gap: gap !== null && gap <= 0 ? TARGET_MET : money(gap),
      runRate: runRateText,
      coverage: ratioText(kpis.pipelineCoverage, formatMultiple),
      // Required coverage is 1 ÷ the win rate by amount: the label names that rate and shows it.
      requiredCoverage: kpis.requiredCoverage.ok
        ? fill(
            COVERAGE_DETAIL,
            formatMultiple(kpis.requiredCoverage.value),
            ratioText(kpis.winRateByAmount, formatPercent)
          )
        : REQUIRED_UNKNOWN,
      coverageFlag:
        kpis.requiredCoverage.ok && kpis.pipelineCoverage.ok
          ? coverageBelow
            ? COVERAGE_BELOW
            : COVERAGE_OK
          : null,
      coverageClass: coverageBelow
        ? 'slds-text-color_error coverage-flag'
        : 'slds-text-color_success coverage-flag',
      lastYear: money(kpis.closedWonLastYear),
      growth: kpis.growth.ok ? fill(GROWTH, formatPercent(kpis.growth.value)) : null
    };
  }

  get barStyle(): string {
    return `width: ${this.figures?.percent ?? 0}%`;
  }

  get lastReviewedText(): string {
    const reviewed = this.planNode?.Last_Reviewed__c?.value;
    return reviewed ? fill(LAST_REVIEWED, formatDate(reviewed)) : NEVER_REVIEWED;
  }

  get reviewNotes(): string | null {
    return this.planNode?.Review_Notes__c?.value ?? null;
  }

  get accounts() {
    const plan = this.plan;
    if (!plan) return [];
    const money = this.formatMoney;
    return accountProgress(nodesOf(this.planData?.uiapi?.query?.accounts), this.facts, plan).map(
      (account) => {
        const percent = account.progress.ok ? Math.round(account.progress.value * 100) : 0;
        return {
          id: account.id,
          name: account.name,
          planned: money(account.planned),
          won: money(account.won),
          open: money(account.open),
          percent: Math.min(100, percent),
          percentText: account.progress.ok ? formatPercent(account.progress.value) : '—',
          barStyle: `width: ${Math.min(100, percent)}%`,
          progressLabel: fill(ACCOUNT_PROGRESS, account.name)
        };
      }
    );
  }

  get hasAccounts(): boolean {
    return this.accounts.length > 0;
  }

  get history() {
    // Field history holds the target as it was written: in the plan's currency.
    const planCurrency = this.planCurrency;
    return historyRows(nodesOf(this.historyData?.uiapi?.query?.history)).map((row) => {
      const date = formatDate(row.date);
      const isAmount = row.field === 'Target_Amount__c';
      const show = (value: string): string => {
        const amount = Number(value);
        return isAmount && value !== '—' && Number.isFinite(amount)
          ? formatCurrencyIn(amount, planCurrency)
          : value;
      };
      return {
        ...row,
        date,
        fieldLabel: FIELD_LABELS[row.field] ?? row.field,
        change: `${show(row.oldValue)} → ${show(row.newValue)}`
      };
    });
  }

  get hasHistory(): boolean {
    return this.history.length > 0;
  }

  /** The plan is shown without its history when the history cannot be read. */
  get historyUnavailable(): boolean {
    return this.historyErrors !== undefined;
  }

  /** Every review of the plan, newest first, each as it was written. */
  get reviews() {
    return reviewRows(nodesOf(this.reviewsData?.uiapi?.query?.reviews)).map((row) => ({
      ...row,
      line: fill(REVIEW_LINE, formatDate(row.date), row.reviewer),
      targetChange: row.targetChanged
        ? fill(REVIEW_TARGET_CHANGE, formatCurrency(row.before), formatCurrency(row.after))
        : null
    }));
  }

  get hasReviews(): boolean {
    return this.reviews.length > 0;
  }

  get reviewsUnavailable(): boolean {
    return this.reviewsErrors !== undefined;
  }

  // ---- chart ----------------------------------------------------------------------------------

  get series(): CumulativePoint[] {
    const plan = this.plan;
    return plan ? cumulativeSeries(plan, this.facts, this.todayValue) : [];
  }

  get chart() {
    const plan = this.plan;
    const series = this.series;
    if (!plan || series.length === 0) return null;
    const money = this.formatMoney;
    const length = plan.endDay - plan.startDay + 1;
    const target = plan.target ?? 0;
    const last = series[series.length - 1];
    const max = Math.max(target, last.cumulativeWon, 1) * 1.1;
    const innerWidth = CHART.width - CHART.left - CHART.right;
    const innerHeight = CHART.height - CHART.top - CHART.bottom;
    const x = (day: number) => (CHART.left + (innerWidth * day) / length).toFixed(1);
    const y = (amount: number) =>
      (CHART.top + innerHeight - (innerHeight * amount) / max).toFixed(1);
    const won = series.map((point) => `${x(point.day)},${y(point.cumulativeWon)}`).join(' ');
    return {
      viewBox: `0 0 ${CHART.width} ${CHART.height}`,
      wonPoints: won,
      targetX1: x(0),
      targetY1: y(0),
      targetX2: x(length),
      targetY2: y(target),
      targetLineY: y(target),
      left: CHART.left,
      right: CHART.width - CHART.right,
      bottom: CHART.top + innerHeight,
      // Text sits just above the target line and just below the axis.
      targetLabel: `${TARGET} ${money(target)}`,
      targetLabelY: (Number(y(target)) - 6).toFixed(1),
      dateLabelY: CHART.top + innerHeight + 16,
      startDate: formatDate(fromEpochDay(plan.startDay)),
      endDate: formatDate(fromEpochDay(plan.endDay)),
      summary: fill(
        CHART_SUMMARY,
        money(last.cumulativeWon),
        formatDate(last.date),
        money(target),
        formatDate(fromEpochDay(plan.endDay)),
        money(last.targetPace)
      ),
      rows: series.map((point) => ({
        // The starting point and the first day share a date when the period starts today.
        key: String(point.day),
        date: formatDate(point.date),
        won: money(point.cumulativeWon),
        pace: money(point.targetPace)
      }))
    };
  }

  // ---- review ---------------------------------------------------------------------------------

  private canUpdateField(apiName: string): boolean {
    return this.planInfo?.fields?.[apiName]?.updateable === true;
  }

  /**
   * Review is offered only to users who may write it — update the plan's review fields and create
   * a review record (a rep, even the plan's owner, may not).
   */
  get canReview(): boolean {
    const review = this.reviewInfo;
    return (
      this.planInfo?.updateable === true &&
      REVIEW_FIELDS.every((field) => this.canUpdateField(field)) &&
      review?.createable === true &&
      REVIEW_RECORD_FIELDS.every((field) => review.fields?.[field]?.createable === true)
    );
  }

  get showReviewButton(): boolean {
    return this.isReady && this.canReview;
  }

  /**
   * The plan's manager (or anyone above the owner) may adjust the target, if allowed to edit it;
   * the owner reviews.
   */
  get canAdjustTarget(): boolean {
    const plan = this.plan;
    return (
      plan !== null &&
      plan.ownerId !== USER_ID &&
      this.canReview &&
      this.canUpdateField(TARGET_FIELD)
    );
  }

  private get draft(): ReviewDraft {
    return { notes: this.draftNotes, target: this.draftTarget };
  }

  /** What the review's rules say about what is typed. */
  get reviewViolations(): ReviewViolation[] {
    return validateReview(this.draft, {
      canAdjustTarget: this.canAdjustTarget,
      targetLimits: fieldLimits(this.planInfo, TARGET_FIELD, TARGET_LIMITS),
      notesLength: fieldLimits(this.reviewInfo, 'Notes__c', { length: NOTES_LENGTH }).length
    });
  }

  /** The first problem, shown under the fields and beside Save; or the failed save's message. */
  get reviewMessage(): string | null {
    return this.reviewViolations[0]?.message ?? this.reviewError;
  }

  get saveReviewDisabled(): boolean {
    return this.saving || this.reviewViolations.length > 0;
  }

  get saveReviewLabel(): string {
    return this.saving ? SAVING : SAVE;
  }

  get notesCount(): string {
    return this.draftNotes
      ? characterCount(
          this.draftNotes,
          fieldLimits(this.reviewInfo, 'Notes__c', { length: NOTES_LENGTH }).length
        )
      : '';
  }

  private get draftKey(): string {
    return `salesCoaching.planReviewDraft.${this.recordId ?? ''}.${USER_ID}`;
  }

  private get draftStore(): DraftStorage | null {
    return browserSessionStorage();
  }

  /**
   * A review typed and not saved before the page was left or reloaded comes back, opened, once
   * the plan and the user's right to review it are known.
   */
  private restoreReviewDraft(): void {
    if (this.draftChecked || this.reviewing || !this.plan || !this.canReview) return;
    this.draftChecked = true;
    const draft = loadTextDraft(this.draftStore, this.draftKey);
    if (!draft) return;
    this.openReview({ notes: draft.notes ?? '', target: draft.target ?? this.currentTarget });
    this.reviewDraftRestored = true;
  }

  /** The target as the plan holds it, in the plan's own currency (what a review adjusts). */
  private get currentTarget(): string {
    const target = this.planTarget;
    return target !== null && target !== undefined ? String(target) : '';
  }

  override renderedCallback(): void {
    if (!this.pendingFocus) return;
    const target = this.template?.querySelector<HTMLElement>(
      this.pendingFocus === 'review' ? '.review-form' : 'lightning-button.review-button'
    );
    this.pendingFocus = null;
    target?.focus();
  }

  handleReview(): void {
    if (!this.canReview) return;
    this.openReview({ notes: this.reviewNotes ?? '', target: this.currentTarget });
  }

  private openReview(draft: ReviewDraft): void {
    this.pendingFocus = 'review';
    this.reviewing = true;
    this.reviewError = null;
    this.reviewDraftRestored = false;
    this.draftNotes = draft.notes;
    this.draftTarget = draft.target;
  }

  handleCancelReview(): void {
    saveTextDraft(this.draftStore, this.draftKey, {});
    this.closeReview();
  }

  handleDiscardReviewDraft(): void {
    saveTextDraft(this.draftStore, this.draftKey, {});
    this.reviewDraftRestored = false;
    this.draftNotes = this.reviewNotes ?? '';
    this.draftTarget = this.currentTarget;
  }

  private closeReview(): void {
    this.reviewing = false;
    this.reviewError = null;
    this.reviewDraftRestored = false;
    this.pendingFocus = 'button';
  }

  handleNotesChange(event: CustomEvent<{ value: string }>): void {
    this.draftNotes = event.detail.value ?? '';
    this.keepDraft();
  }

  handleTargetChange(event: CustomEvent<{ value: string }>): void {
    this.draftTarget = String(event.detail.value ?? '');
    this.keepDraft();
  }

  /** Keeps what is typed in the browser session, so a failed save or a reload loses nothing. */
  private keepDraft(): void {
    this.reviewError = null;
    saveTextDraft(this.draftStore, this.draftKey, {
      notes: this.draftNotes,
      target:
        this.canAdjustTarget && this.draftTarget !== this.currentTarget ? this.draftTarget : ''
    });
  }

  async handleSaveReview(): Promise<void> {
    const plan = this.plan;
    if (!plan || !this.canReview || this.saving) return;
    const violations = this.reviewViolations;
    if (violations.length > 0) {
      this.reviewError = violations[0].message;
      return;
    }
    this.saving = true;
    this.reviewError = null;
    const outcome = await saveAll(
      reviewSteps(
        {
          id: plan.id,
          target: this.planTarget ?? plan.target,
          lastReviewed: this.planNode?.Last_Reviewed__c?.value ?? null,
          reviewNotes: this.reviewNotes
        },
        this.draft,
        { today: this.todayValue, reviewerId: USER_ID, canAdjustTarget: this.canAdjustTarget }
      )
    );
    this.saving = false;
    if (outcome.ok) {
      saveTextDraft(this.draftStore, this.draftKey, {});
      this.closeReview();
      this.dispatchEvent(
        new ShowToastEvent({ title: SAVED_TITLE, message: REVIEWED, variant: 'success' })
      );
    } else {
      // Nothing was saved (the plan was put back), or — if even that failed — the plan kept the
      // review's values without its review record: say which, with the reason.
      const reason = errorSummary(outcome.error, ERROR_GENERIC);
      const what = outcome.undone || outcome.failedStep === 0 ? REVIEW_NOT_SAVED : REVIEW_PLAN_KEPT;
      this.reviewError = `${what} ${reason}`;
      this.dispatchEvent(
        new ShowToastEvent({
          title: SAVE_FAILED_TITLE,
          message: this.reviewError,
          variant: 'error'
        })
      );
    }
    const refreshes = [
      this.planResult?.refresh,
      this.historyResult?.refresh,
      this.reviewsResult?.refresh
    ];
    await Promise.all(
      refreshes.map((refresh) => (refresh ? refresh().catch(() => undefined) : Promise.resolve()))
    );
  }
}
