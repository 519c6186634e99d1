import { LightningElement, api, wire } from 'lwc';
import { graphql, type GraphQLResult } from 'lightning/graphql';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import COACHING_SESSION_OBJECT from '@salesforce/schema/Coaching_Session__c';
import type { WireResponse } from 'c/formSupport';
import { reduceErrors } from 'c/ldsErrors';
import {
  OPPORTUNITY_BY_ID,
  OWNER_WON_DEALS,
  aggregateRowsFromConnection,
  nodesOf,
  opportunityFactFromNode,
  withCorporateAmounts,
  type OpportunityQueryData,
  type OwnerWonDealsData
} from 'c/opportunityData';
import { assessDeal, type DealHealth, type DealSeverity } from 'c/dealHealth';
import { divide, ratioValue } from 'c/coachingMetrics';
import { addDays, isIsoDate } from 'c/periods';
import { fill, todayIso } from 'c/coachingFormat';
import { QUESTION_LABELS, signalText } from 'c/dealLabels';

import TITLE from '@salesforce/label/c.SC_Deal_Coach_Title';
import SIGNALS from '@salesforce/label/c.SC_Deal_Signals';
import HEALTHY from '@salesforce/label/c.SC_Deal_Healthy';
import CLOSED from '@salesforce/label/c.SC_Deal_Closed';
import SCORE from '@salesforce/label/c.SC_Deal_Score';
import QUESTIONS from '@salesforce/label/c.SC_Deal_Questions';
import NO_QUESTIONS from '@salesforce/label/c.SC_Deal_No_Questions';
import LOG_REVIEW from '@salesforce/label/c.SC_Deal_Log_Review';
import HIDE_REVIEW from '@salesforce/label/c.SC_Deal_Hide_Review';
import SEVERITY_HIGH from '@salesforce/label/c.SC_Deal_Severity_High';
import SEVERITY_MEDIUM from '@salesforce/label/c.SC_Deal_Severity_Medium';
import SEVERITY_LOW from '@salesforce/label/c.SC_Deal_Severity_Low';
import NOT_FOUND from '@salesforce/label/c.SC_Deal_Not_Found';
import LOADING from '@salesforce/label/c.SC_Loading';
import ERROR_TITLE from '@salesforce/label/c.SC_Error_Title';
import RETRY from '@salesforce/label/c.SC_Retry';

/** Average deal size looks back one year of won deals. */
const AVERAGE_WINDOW_DAYS = 365;
const DEAL_REVIEW = 'Deal Review';

const SEVERITY: Readonly<Record<DealSeverity, { label: string; className: string }>> = {
  high: { label: SEVERITY_HIGH, className: 'slds-badge slds-theme_error' },
  medium: { label: SEVERITY_MEDIUM, className: 'slds-badge slds-theme_warning' },
  low: { label: SEVERITY_LOW, className: 'slds-badge' }
};

export default class DealCoach extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /** ISO date the signals are computed for; defaults to the browser's date. */
  @api today: string | undefined;
  /** Thresholds (App Builder properties). */
  @api staleStageDays: number | undefined;
  @api noActivityDays: number | undefined;

  labels = {
    TITLE,
    SIGNALS,
    QUESTIONS,
    NO_QUESTIONS,
    LOADING,
    ERROR_TITLE,
    HEALTHY,
    CLOSED,
    RETRY
  };
  sessionType = DEAL_REVIEW;
  formId = 'deal-review-form';

  opportunity: OpportunityQueryData | undefined;
  averageDealSize: number | null = null;
  errors: string[] = [];
  loaded = false;
  showReviewForm = false;
  /** Only users who can create coaching sessions are offered a review (not reps). */
  canLogReview = false;
  /** Where focus goes after the next render: into the opened review, or back to its button. */
  private pendingFocus: 'review' | 'button' | null = null;
  private opportunityResult: GraphQLResult<OpportunityQueryData> | undefined;

  /** The error panel's Retry: asks for the deal again. */
  handleRetry(): void {
    this.errors = [];
    Promise.resolve(this.opportunityResult?.refresh?.()).catch((error: unknown) => {
      this.errors = reduceErrors(error);
    });
  }

  get todayValue(): string {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  get opportunityVariables(): { recordId: string | undefined } {
    return { recordId: this.recordId };
  }

  @wire(graphql, { query: OPPORTUNITY_BY_ID, variables: '$opportunityVariables' })
  wiredOpportunity(result: GraphQLResult<OpportunityQueryData>): void {
    this.opportunityResult = result;
    if (result.errors && result.errors.length > 0) {
      this.errors = reduceErrors(result.errors);
      return;
    }
    if (!result.data) return;
    this.opportunity = result.data;
    this.errors = [];
    this.loaded = true;
  }

  @wire(getObjectInfo, { objectApiName: COACHING_SESSION_OBJECT })
  wiredSessionInfo({ data, error }: WireResponse<ObjectInfo>): void {
    // Until the answer arrives the button stays hidden, so it never appears and vanishes.
    if (data) this.canLogReview = data.createable === true;
    else if (error) this.canLogReview = false;
    if (!this.canLogReview) this.showReviewForm = false;
  }

  get node() {
    return nodesOf(this.opportunity?.uiapi?.query?.Opportunity)[0] ?? null;
  }

  get ownerId(): string | null {
    return this.node?.OwnerId?.value ?? null;
  }

  /** Undefined until the owner is known, so the aggregate waits for the deal. */
  get wonVariables(): { ownerId: string; since: string } | undefined {
    const ownerId = this.ownerId;
    if (!ownerId) return undefined;
    return { ownerId, since: addDays(this.todayValue, -AVERAGE_WINDOW_DAYS) };
  }

  @wire(graphql, { query: OWNER_WON_DEALS, variables: '$wonVariables' })
  wiredWonDeals(result: GraphQLResult<OwnerWonDealsData>): void {
    // Without the average the deal is still assessed; only the size signals are left out.
    const rows = aggregateRowsFromConnection(result.data?.uiapi?.aggregate?.won).filter(
      (row) => row.isWon
    );
    const amount = rows.reduce((sum, row) => sum + (row.amountSum ?? 0), 0);
    const count = rows.reduce((sum, row) => sum + row.count, 0);
    this.averageDealSize = ratioValue(divide(amount, count, 'no-won-deals'));
  }

  get health(): DealHealth | null {
    const read = opportunityFactFromNode(this.node);
    if (!read) return null;
    // The owner's average is an aggregate (corporate currency): size the deal in it too.
    const [fact] = withCorporateAmounts([read], this.opportunity?.uiapi?.aggregate?.corporate);
    const settings: { staleStageDays?: number; noActivityDays?: number } = {};
    if (typeof this.staleStageDays === 'number') settings.staleStageDays = this.staleStageDays;
    if (typeof this.noActivityDays === 'number') settings.noActivityDays = this.noActivityDays;
    return assessDeal(fact, {
      today: this.todayValue,
      averageDealSize: this.averageDealSize,
      settings
    });
  }

  get isLoading(): boolean {
    return !this.loaded && this.errors.length === 0;
  }

  get hasError(): boolean {
    return this.errors.length > 0;
  }

  get notFound(): boolean {
    return this.loaded && !this.hasError && this.health === null;
  }

  get notFoundMessage(): string {
    return NOT_FOUND;
  }

  get hasDeal(): boolean {
    return this.loaded && !this.hasError && this.health !== null;
  }

  get isClosed(): boolean {
    return this.health?.deal.isClosed === true;
  }

  get scoreText(): string {
    return fill(SCORE, this.health?.score ?? 100);
  }

  get signals(): { key: string; text: string; severity: string; badgeClass: string }[] {
    return (this.health?.signals ?? []).map((signal) => ({
      key: signal.code,
      text: signalText(signal),
      severity: SEVERITY[signal.severity].label,
      badgeClass: SEVERITY[signal.severity].className
    }));
  }

  get hasSignals(): boolean {
    return this.signals.length > 0;
  }

  get isHealthy(): boolean {
    return !this.isClosed && !this.hasSignals;
  }

  get questions(): { key: string; text: string }[] {
    return (this.health?.questions ?? []).map((code) => ({
      key: code,
      text: QUESTION_LABELS[code]
    }));
  }

  get hasQuestions(): boolean {
    return this.questions.length > 0;
  }

  get showNoQuestions(): boolean {
    return !this.isClosed && !this.hasQuestions;
  }

  get reviewButtonLabel(): string {
    return this.showReviewForm ? HIDE_REVIEW : LOG_REVIEW;
  }

  get reviewExpanded(): string {
    return String(this.showReviewForm);
  }

  override renderedCallback(): void {
    if (!this.pendingFocus) return;
    const target = this.template?.querySelector<HTMLElement>(
      this.pendingFocus === 'review' ? '.review-form' : 'lightning-button.log-review'
    );
    this.pendingFocus = null;
    target?.focus();
  }

  handleToggleReview(): void {
    this.showReviewForm = this.canLogReview && !this.showReviewForm;
    this.pendingFocus = this.showReviewForm ? 'review' : 'button';
  }

  handleSessionLogged(): void {
    // The form's event also reaches the timeline through the window; here it only closes.
    this.showReviewForm = false;
    this.pendingFocus = 'button';
  }
}
