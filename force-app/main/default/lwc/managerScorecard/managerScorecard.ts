import { LightningElement, api, wire } from 'lwc';
import { graphql, type GraphQLResult } from 'lightning/graphql';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import {
  type CadenceKpis,
  type EarlyWarning,
  type GoalCounts,
  type GoalFact,
  type Rating,
  type RepKpis,
  type SessionFact,
  type Thresholds,
  earlyWarnings,
  ratioValue
} from 'c/coachingMetrics';
import {
  fill,
  formatAmount,
  formatCurrency,
  formatCurrencyIn,
  formatDate,
  formatMultiple,
  formatNumber,
  formatPercent,
  pluralForm,
  todayIso
} from 'c/coachingFormat';
import { rankDealsAtRisk } from 'c/dealHealth';
import { signalText } from 'c/dealLabels';
import { errorSummary, reduceErrors } from 'c/ldsErrors';
import { saveAll } from 'c/formSupport';
import { LOG_SESSION_REQUEST, type LogSessionRequestDetail } from 'c/sessionDraft';
import {
  type CurrencyContext,
  type CurrencyContextData,
  type DrilldownNodes,
  type OpenOpportunitiesVariables,
  type OpportunityQueryData,
  type OwnersScorecardVariables,
  type Reading,
  type ScorecardAggregateNodes,
  type ScorecardAggregatesData,
  type TeamCoaching,
  type TeamCoachingData,
  type TeamCoachingNodes,
  type TeamCoachingVariables,
  type TeamFollowUpNodes,
  type TeamFollowUpsData,
  type TeamFollowUpsVariables,
  type TeamMember,
  type TeamMemberNodes,
  type TeamMembersData,
  type TeamMembersVariables,
  CURRENCY_CONTEXT,
  DRILLDOWN_ALIASES,
  DRILLDOWN_MAX_PAGES,
  FOLLOW_UPS_MAX_PAGES,
  FOLLOW_UP_ALIASES,
  OPEN_OPPORTUNITIES_OF_OWNER,
  OWNERS_PER_REQUEST,
  OWNERS_SCORECARD_AGGREGATES,
  SCORECARD_AGGREGATE_ALIASES,
  TEAM_ALIASES,
  TEAM_COACHING_ALIASES,
  TEAM_COACHING_DATA,
  TEAM_FOLLOW_UPS,
  TEAM_MAX_PAGES,
  TEAM_MEMBERS,
  MAX_PAGE_SIZE,
  aggregateRowsFromConnection,
  aggregatesVariablesOf,
  cadenceOf,
  coachingVariablesOf,
  followUpsOf,
  followUpsVariablesOf,
  goalCountsOf,
  managerIdsOf,
  ownerIdsOf,
  repKpisOf,
  repUsersOf,
  chunked,
  coachingFromNodes,
  connectionOf,
  continueReading,
  currencyContextFromData,
  nodesOf,
  opportunityRowsFromConnection,
  planFactsFromConnection,
  readingNodes,
  startReading,
  teamFromNodes,
  truncatedConnections,
  withCorporateAmounts,
  withCorporateTargets
} from 'c/opportunityData';
import { type IsoDate, type Period, fromEpochDay } from 'c/periods';
import { LABELS } from './labels';
import {
  MANAGER_SNAPSHOTS,
  type ManagerSnapshotsData,
  type ManagerSnapshotsVariables,
  QUARTER_ALIASES,
  REP_QUARTER_HISTORY,
  type RepQuarterHistoryData,
  type RepQuarterHistoryVariables,
  repQuarterHistoryVariables
} from './scorecardQueries';
import {
  type PeriodOption,
  type SavedEntry,
  type SavedSnapshot,
  type ScorecardRow,
  type SortDirection,
  type SortKey,
  fiscalSettingsOf,
  historyQuarters,
  isSortKey,
  managerRows,
  periodOptionOf,
  planSnapshotWrite,
  quarterHistory,
  snapshotKey,
  snapshotSteps,
  rateRow,
  repRows,
  resolvePeriod,
  sessionTypeForWarning,
  snapshotCurrencyFields,
  sortRows,
  teamRow,
  thresholdsFrom,
  trendChart,
  validateRange,
  warningValueText
} from './scorecardModel';

type Level = 'managers' | 'reps';

const WARNINGS_SHOWN = 6;

interface ColumnDef {
  key: SortKey | 'teamSize';
  label: string;
  sortable: boolean;
}

interface Cell {
  key: string;
  text: string;
  hasRating: boolean;
  iconName: string;
  ratingText: string;
  ratingClass: string;
}

const RATING_ICONS: Record<Exclude<Rating, 'none'>, string> = {
  green: 'utility:success',
  amber: 'utility:warning',
  red: 'utility:error'
};

const SEVERITY_ICONS: Record<EarlyWarning['severity'], string> = {
  high: 'utility:error',
  medium: 'utility:warning',
  low: 'utility:info'
};

function ratingCell(key: string, text: string, rating: Rating | null): Cell {
  const rated = rating !== null && rating !== 'none';
  const ratingText = !rated
    ? ''
    : rating === 'green'
      ? LABELS.ratingGreen
      : rating === 'amber'
        ? LABELS.ratingAmber
        : LABELS.ratingRed;
  return {
    key,
    text,
    hasRating: rated,
    iconName: rated ? RATING_ICONS[rating] : '',
    ratingText,
    ratingClass: rated ? `rating rating_${rating}` : ''
  };
}

function ratioText(value: number | null, format: (n: number) => string): string {
  return value === null ? '—' : format(value);
}

export default class ManagerScorecard extends LightningElement {
  /** App Builder: coverage at or above this percent of the required coverage is amber, not red. */
  @api coverageAmberPercent: number | string | undefined;
  /** App Builder: days without a One-on-One before a rep is flagged. */
  @api daysWithoutOneOnOne: number | string | undefined;
  /** App Builder: win rate (percent) for green and amber. */
  @api winRateGreenPercent: number | string | undefined;
  @api winRateAmberPercent: number | string | undefined;
  /** App Builder: days in the same stage after which an open deal is stale (default 30). */
  @api staleStageDays: number | string | undefined;
  /** App Builder: days without activity after which an open deal is stale (default 14). */
  @api noActivityDays: number | string | undefined;
  /** App Builder: win-rate drop versus the previous period, in percentage points, that warns. */
  @api winRateDropPoints: number | string | undefined;
  /** App Builder: This Quarter, Last Quarter, This Fiscal Year or Last Fiscal Year. */
  @api defaultPeriod: string | undefined;
  /** App Builder: first month of the fiscal year (1–12). */
  @api fiscalYearStartMonth: number | string | undefined;
  /** Tests and the preview pin the date; defaults to the browser's today. */
  @api today: IsoDate | undefined;

  labels = LABELS;

  periodChoice: PeriodOption | null = null;
  customStart: string | null = null;
  customEnd: string | null = null;
  customPeriod: Period | null = null;
  rangeError = '';

  level: Level = 'managers';
  selectedTeamId: string | null = null;
  selectedRepId: string | null = null;
  actionRepId: string | null = null;
  actionSessionType: string | null = null;
  /** The warning whose "Log session" opened the form. */
  actionKey: string | null = null;
  sortKey: SortKey = 'percentToPlan';
  sortDirection: SortDirection = 'desc';
  saving = false;
  showAllWarnings = false;

  teamReading: Reading<TeamMemberNodes> = startReading(TEAM_ALIASES);
  teamErrors: string[] = [];
  aggregatesRead: { key: string; reading: Reading<ScorecardAggregateNodes> } | null = null;
  aggregatesErrors: string[] = [];
  coachingRead: { key: string; reading: Reading<TeamCoachingNodes> } | null = null;
  coachingErrors: string[] = [];
  followUpsRead: { key: string; reading: Reading<TeamFollowUpNodes> } | null = null;
  followUpsErrors: string[] = [];
  snapshotsData: ManagerSnapshotsData | undefined;
  currencyData: CurrencyContextData | undefined;
  snapshotsErrors: string[] = [];
  historyData: RepQuarterHistoryData | undefined;
  historyErrors: string[] = [];
  dealsRead: { key: string; reading: Reading<DrilldownNodes> } | null = null;
  dealsErrors: string[] = [];

  private coachingResult: GraphQLResult<TeamCoachingData> | undefined;
  private teamResult: GraphQLResult<TeamMembersData> | undefined;
  private aggregatesResult: GraphQLResult<ScorecardAggregatesData> | undefined;
  /** A session logged anywhere on the page (the sidebar's form too) updates the cadence. */
  private readonly handleWindowSessionLogged = (): void => {
    this.rereadCoaching();
  };

  override connectedCallback(): void {
    window.addEventListener('sessionlogged', this.handleWindowSessionLogged);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('sessionlogged', this.handleWindowSessionLogged);
  }
  private followUpsResult: GraphQLResult<TeamFollowUpsData> | undefined;
  /** The variables of the follow-ups request last answered. */
  private followUpsAsked = '';
  /** Values derived from the readings, recomputed only when what they derive from changes. */
  private readonly derived = new Map<string, { deps: unknown[]; value: unknown }>();
  /** After the next render: into the opened form, or back to the warning that opened it. */
  private pendingFocus: { into: 'form' } | { into: 'warning'; key: string } | null = null;
  private snapshotsResult: GraphQLResult<ManagerSnapshotsData> | undefined;

  // ---- Settings -------------------------------------------------------------------------------

  get todayValue(): IsoDate {
    return this.today ?? todayIso();
  }

  get thresholds(): Partial<Thresholds> {
    return thresholdsFrom({
      coverageAmberPercent: this.coverageAmberPercent,
      oneOnOneMaxDays: this.daysWithoutOneOnOne,
      winRateGreenPercent: this.winRateGreenPercent,
      winRateAmberPercent: this.winRateAmberPercent,
      staleStageDays: this.staleStageDays,
      noActivityDays: this.noActivityDays,
      winRateDropPoints: this.winRateDropPoints
    });
  }

  get periodOption(): PeriodOption {
    return this.periodChoice ?? periodOptionOf(this.defaultPeriod);
  }

  get period(): Period | null {
    if (this.periodOption === 'custom') return this.customPeriod;
    return resolvePeriod(
      this.periodOption,
      this.todayValue,
      fiscalSettingsOf(this.fiscalYearStartMonth)
    );
  }

  get periodOptions(): { label: string; value: PeriodOption }[] {
    return [
      { label: LABELS.thisQuarter, value: 'this-quarter' },
      { label: LABELS.lastQuarter, value: 'last-quarter' },
      { label: LABELS.thisFiscalYear, value: 'this-fiscal-year' },
      { label: LABELS.lastFiscalYear, value: 'last-fiscal-year' },
      { label: LABELS.customRange, value: 'custom' }
    ];
  }

  get isCustom(): boolean {
    return this.periodOption === 'custom';
  }

  get periodText(): string {
    const period = this.period;
    return period ? fill(LABELS.periodRange, formatDate(period.start), formatDate(period.end)) : '';
  }

  // ---- Wires ----------------------------------------------------------------------------------
  //
  // Each read that can take more than one request is a Reading (c/opportunityData paging): the
  // team in pages, the KPI aggregates and coaching aggregates in one request per
  // OWNERS_PER_REQUEST reps, the follow-ups in both. A reading belongs to the inputs it was made
  // for (its key): when the period or the team changes, the getters start a new one.

  get teamVariables(): TeamMembersVariables {
    const { reports, reportsOfReports } = this.teamReading.request.after;
    return { managerId: USER_ID, reportsAfter: reports, reportsOfReportsAfter: reportsOfReports };
  }

  @wire(graphql, { query: TEAM_MEMBERS, variables: '$teamVariables' })
  wiredTeam(result: GraphQLResult<TeamMembersData>): void {
    this.teamResult = result;
    if (result.errors && result.errors.length > 0) this.teamErrors = reduceErrors(result.errors);
    else if (result.data) {
      this.teamErrors = [];
      this.teamReading = continueReading(this.teamReading, result.data.uiapi?.query ?? {}, {
        paged: TEAM_ALIASES,
        maxPages: TEAM_MAX_PAGES
      });
    }
  }

  get teamComplete(): boolean {
    return this.teamReading.complete;
  }

  get team(): { reports: TeamMember[]; reportsOfReports: TeamMember[] } {
    return this.memo('team', [this.teamReading], () =>
      teamFromNodes(readingNodes(this.teamReading))
    );
  }

  get isRollUp(): boolean {
    return this.team.reportsOfReports.length > 0;
  }

  /**
   * The reps whose numbers the scorecard shows: the reports' reports one level up, and every
   * direct report who manages no one (for a first-line manager, all of the reports).
   */
  get repUsers(): TeamMember[] {
    return this.memo('repUsers', [this.team], () => repUsersOf(this.team));
  }

  get managers(): TeamMember[] {
    const managerIds = this.managerIds;
    return this.team.reports.filter((user) => managerIds.has(user.id));
  }

  /** Direct reports without reports of their own: the running user's own reps. */
  get directReps(): TeamMember[] {
    const managerIds = this.managerIds;
    return this.team.reports.filter((user) => !managerIds.has(user.id));
  }

  private get managerIds(): Set<string | null> {
    return this.memo('managerIds', [this.team], () => managerIdsOf(this.team));
  }

  /**
   * Teams of the roll-up: one per manager, and the running user's own reps together as one more
   * team (keyed by the user's Id, their manager), so a VP sees them beside the managers' teams.
   */
  get teams(): { id: string; name: string }[] {
    const teams = this.managers.map((user) => ({ id: user.id, name: user.name }));
    if (this.directReps.length > 0) teams.push({ id: USER_ID, name: LABELS.directReports });
    return teams;
  }

  get ownerIds(): string[] {
    return this.memo('ownerIds', [this.team], () => ownerIdsOf(this.team));
  }

  /** The reps of each request: at most OWNERS_PER_REQUEST, so every aggregate fits one page. */
  get ownerChunks(): string[][] {
    return this.memo('ownerChunks', [this.ownerIds], () =>
      chunked(this.ownerIds, OWNERS_PER_REQUEST)
    );
  }

  /** What the period's reads are for; null until the team is read and a period chosen. */
  private get readKey(): string | null {
    const period = this.period;
    if (!this.teamComplete || !period || this.ownerIds.length === 0) return null;
    return this.memo('readKey', [this.ownerIds, period.start, period.end, this.todayValue], () =>
      JSON.stringify([this.ownerIds, period, this.todayValue, this.thresholds])
    );
  }

  private readingFor<TNodes extends Record<string, unknown>>(
    held: { key: string; reading: Reading<TNodes> } | null,
    aliases: readonly (keyof TNodes & string)[]
  ): Reading<TNodes> | null {
    const key = this.readKey;
    if (key === null) return null;
    return held?.key === key
      ? held.reading
      : startReading<TNodes>(aliases, this.ownerChunks.length);
  }

  get aggregatesReading(): Reading<ScorecardAggregateNodes> | null {
    return this.readingFor(this.aggregatesRead, SCORECARD_AGGREGATE_ALIASES);
  }

  get aggregatesVariables(): OwnersScorecardVariables | undefined {
    const reading = this.aggregatesReading;
    const period = this.period;
    if (!reading || !period) return undefined;
    const owners = this.ownerChunks[reading.request.unit];
    return aggregatesVariablesOf(owners, period, this.todayValue, this.thresholds);
  }

  @wire(graphql, { query: OWNERS_SCORECARD_AGGREGATES, variables: '$aggregatesVariables' })
  wiredAggregates(result: GraphQLResult<ScorecardAggregatesData>): void {
    this.aggregatesResult = result;
    if (result.errors && result.errors.length > 0)
      this.aggregatesErrors = reduceErrors(result.errors);
    else if (result.data) {
      const key = this.readKey;
      const reading = this.aggregatesReading;
      if (key === null || !reading) return;
      this.aggregatesErrors = [];
      this.aggregatesRead = {
        key,
        reading: continueReading(reading, result.data.uiapi?.aggregate ?? {})
      };
    }
  }

  get coachingReading(): Reading<TeamCoachingNodes> | null {
    return this.readingFor(this.coachingRead, TEAM_COACHING_ALIASES);
  }

  get coachingVariables(): TeamCoachingVariables | undefined {
    const reading = this.coachingReading;
    const period = this.period;
    if (!reading || !period) return undefined;
    return coachingVariablesOf(this.ownerChunks[reading.request.unit], period, this.todayValue);
  }

  @wire(graphql, { query: TEAM_COACHING_DATA, variables: '$coachingVariables' })
  wiredCoaching(result: GraphQLResult<TeamCoachingData>): void {
    this.coachingResult = result;
    if (result.errors && result.errors.length > 0)
      this.coachingErrors = reduceErrors(result.errors);
    else if (result.data) {
      const key = this.readKey;
      const reading = this.coachingReading;
      if (key === null || !reading) return;
      this.coachingErrors = [];
      this.coachingRead = {
        key,
        reading: continueReading(reading, result.data.uiapi?.aggregate ?? {})
      };
      if (this.coachingRead.reading.complete) this.startFollowUps();
    }
  }

  /** Follow-ups start once the coaching aggregates say each rep's last completed day. */
  get followUpsReading(): Reading<TeamFollowUpNodes> | null {
    if (!this.coachingReading?.complete) return null;
    return this.readingFor(this.followUpsRead, FOLLOW_UP_ALIASES);
  }

  get followUpsVariables(): TeamFollowUpsVariables | undefined {
    const reading = this.followUpsReading;
    if (!reading) return undefined;
    return followUpsVariablesOf(
      this.ownerChunks[reading.request.unit],
      this.coaching.lastCompleted,
      this.todayValue,
      reading.request.after
    );
  }

  @wire(graphql, { query: TEAM_FOLLOW_UPS, variables: '$followUpsVariables' })
  wiredFollowUps(result: GraphQLResult<TeamFollowUpsData>): void {
    this.followUpsResult = result;
    if (result.errors && result.errors.length > 0)
      this.followUpsErrors = reduceErrors(result.errors);
    else if (result.data) {
      const key = this.readKey;
      const reading = this.followUpsReading;
      if (key === null || !reading) return;
      this.followUpsErrors = [];
      this.followUpsAsked = JSON.stringify(this.followUpsVariables);
      this.followUpsRead = {
        key,
        reading: continueReading(reading, result.data.uiapi?.query ?? {}, {
          paged: FOLLOW_UP_ALIASES,
          maxPages: FOLLOW_UPS_MAX_PAGES
        })
      };
    }
  }

  get snapshotsVariables(): ManagerSnapshotsVariables | undefined {
    const period = this.period;
    if (!period) return undefined;
    return {
      scorecardManagerId: USER_ID,
      periodStart: period.start,
      periodEnd: period.end,
      // Every field of the period's saved snapshot, to undo a save that fails half way.
      periodKey: snapshotKey(USER_ID, period)
    };
  }

  @wire(graphql, { query: MANAGER_SNAPSHOTS, variables: '$snapshotsVariables' })
  wiredSnapshots(result: GraphQLResult<ManagerSnapshotsData>): void {
    this.snapshotsResult = result;
    if (result.errors && result.errors.length > 0)
      this.snapshotsErrors = reduceErrors(result.errors);
    else if (result.data) {
      this.snapshotsErrors = [];
      this.snapshotsData = result.data;
    }
  }

  get currencyVariables(): { userId: string } {
    return { userId: USER_ID };
  }

  /** Which currency the aggregates are in; until it is known, a single-currency org. */
  @wire(graphql, { query: CURRENCY_CONTEXT, variables: '$currencyVariables' })
  wiredCurrency(result: GraphQLResult<CurrencyContextData>): void {
    if (result.data) this.currencyData = result.data;
  }

  get currency(): CurrencyContext {
    return currencyContextFromData(this.currencyData);
  }

  /**
   * Aggregate figures are in the corporate currency: formatted with its code when the org lets
   * the user read it, as plain numbers when not (never with another currency's symbol), and in
   * a single-currency org in the org's currency as the user's settings give it.
   */
  get formatFigure(): (value: number | null | undefined) => string {
    const { multiCurrency, corporate } = this.currency;
    if (!multiCurrency) return formatCurrency;
    return corporate ? (value) => formatCurrencyIn(value, corporate) : formatAmount;
  }

  get currencyNote(): string | null {
    const { multiCurrency, corporate } = this.currency;
    if (!multiCurrency) return null;
    return corporate ? fill(LABELS.currencyCorporate, corporate) : LABELS.currencyCorporateUnnamed;
  }

  get dealsCurrencyNote(): string | null {
    return this.currency.multiCurrency ? LABELS.currencyOwn : null;
  }

  get historyQuarters(): Period[] {
    return historyQuarters(this.todayValue, fiscalSettingsOf(this.fiscalYearStartMonth), 8);
  }

  get historyVariables(): RepQuarterHistoryVariables | undefined {
    if (!this.selectedRepId) return undefined;
    return repQuarterHistoryVariables(this.selectedRepId, this.historyQuarters);
  }

  @wire(graphql, { query: REP_QUARTER_HISTORY, variables: '$historyVariables' })
  wiredHistory(result: GraphQLResult<RepQuarterHistoryData>): void {
    if (result.errors && result.errors.length > 0) this.historyErrors = reduceErrors(result.errors);
    else if (result.data) {
      this.historyErrors = [];
      this.historyData = result.data;
    }
  }

  /** The selected rep's open deals, all of them up to DRILLDOWN_MAX_PAGES pages. */
  get dealsReading(): Reading<DrilldownNodes> | null {
    const repId = this.selectedRepId;
    if (!repId) return null;
    return this.dealsRead?.key === repId ? this.dealsRead.reading : startReading(DRILLDOWN_ALIASES);
  }

  get dealsVariables(): OpenOpportunitiesVariables | undefined {
    const reading = this.dealsReading;
    if (!reading || !this.selectedRepId) return undefined;
    const { Opportunity, corporate } = reading.request.after;
    return { ownerId: this.selectedRepId, after: Opportunity, corporateAfter: corporate };
  }

  @wire(graphql, { query: OPEN_OPPORTUNITIES_OF_OWNER, variables: '$dealsVariables' })
  wiredDeals(result: GraphQLResult<OpportunityQueryData>): void {
    if (result.errors && result.errors.length > 0) this.dealsErrors = reduceErrors(result.errors);
    else if (result.data) {
      const repId = this.selectedRepId;
      const reading = this.dealsReading;
      if (!repId || !reading) return;
      this.dealsErrors = [];
      const answer = {
        Opportunity: result.data.uiapi?.query?.Opportunity,
        corporate: result.data.uiapi?.aggregate?.corporate
      };
      this.dealsRead = {
        key: repId,
        reading: continueReading(reading, answer, {
          paged: DRILLDOWN_ALIASES,
          maxPages: DRILLDOWN_MAX_PAGES
        })
      };
    }
  }

  // ---- States ---------------------------------------------------------------------------------

  get errors(): string[] {
    return [
      ...this.teamErrors,
      ...this.aggregatesErrors,
      ...this.coachingErrors,
      ...this.followUpsErrors
    ];
  }

  get hasError(): boolean {
    return this.errors.length > 0;
  }

  /** The error state's Retry: the requests that failed run again. */
  handleRetry(): void {
    const failed = [
      this.teamErrors.length > 0 ? this.teamResult : undefined,
      this.aggregatesErrors.length > 0 ? this.aggregatesResult : undefined,
      this.coachingErrors.length > 0 ? this.coachingResult : undefined
    ];
    this.teamErrors = [];
    this.aggregatesErrors = [];
    this.coachingErrors = [];
    for (const result of failed) {
      Promise.resolve(result?.refresh?.()).catch((error: unknown) => {
        this.teamErrors = reduceErrors(error);
      });
    }
  }

  get isEmpty(): boolean {
    return !this.hasError && this.teamComplete && this.repUsers.length === 0;
  }

  get isLoading(): boolean {
    if (this.hasError || this.isEmpty) return false;
    return (
      !this.teamComplete ||
      !this.aggregatesReading?.complete ||
      !this.coachingReading?.complete ||
      !this.followUpsReading?.complete
    );
  }

  get hasData(): boolean {
    return !this.hasError && !this.isEmpty && !this.isLoading && this.period !== null;
  }

  /**
   * What a read left out, where the user sees the figure: the team past TEAM_MAX_PAGES pages,
   * follow-ups past FOLLOW_UPS_MAX_PAGES, or an aggregate with more groups than a page (which
   * the grouping by rep and OWNERS_PER_REQUEST rule out, so only an org unlike the model gives it).
   */
  get limitNotices(): string[] {
    const notices: string[] = [];
    const most = formatNumber(TEAM_MAX_PAGES * MAX_PAGE_SIZE);
    for (const { shown, total } of truncatedConnections(this.teamReading))
      notices.push(fill(LABELS.limitTeam, formatNumber(shown), formatNumber(total), most));
    const followUps = this.followUpsReading;
    for (const { alias, shown, total } of followUps ? truncatedConnections(followUps) : []) {
      const label = alias === 'sessions' ? LABELS.limitFollowUps : LABELS.limitGoals;
      notices.push(fill(label, formatNumber(shown), formatNumber(total)));
    }
    const aggregates = this.aggregatesReading;
    const coaching = this.coachingReading;
    if (
      (aggregates && truncatedConnections(aggregates).length > 0) ||
      (coaching && truncatedConnections(coaching).length > 0)
    )
      notices.push(LABELS.limitAggregates);
    const snapshots = this.snapshotsData?.uiapi?.query?.snapshots;
    const saved = nodesOf(snapshots).length;
    if (typeof snapshots?.totalCount === 'number' && snapshots.totalCount > saved)
      notices.push(
        fill(LABELS.limitSnapshots, formatNumber(saved), formatNumber(snapshots.totalCount))
      );
    return notices;
  }

  get hasLimitNotices(): boolean {
    return this.limitNotices.length > 0;
  }

  get cardTitle(): string {
    return this.isRollUp ? LABELS.titleRollUp : LABELS.title;
  }

  // ---- Computation ----------------------------------------------------------------------------

  get names(): Map<string, string> {
    return this.memo('names', [this.team], () => {
      const names = new Map<string, string>();
      for (const user of [...this.team.reports, ...this.team.reportsOfReports])
        names.set(user.id, user.name);
      return names;
    });
  }

  get coaching(): TeamCoaching {
    const reading = this.coachingReading;
    const period = this.period;
    return this.memo('coaching', [reading, period?.start, period?.end], () =>
      coachingFromNodes(
        readingNodes(reading ?? startReading<TeamCoachingNodes>(TEAM_COACHING_ALIASES)),
        period ?? { start: this.todayValue, end: this.todayValue }
      )
    );
  }

  get repKpis(): RepKpis[] {
    const period = this.period;
    if (!period) return [];
    const reading = this.aggregatesReading;
    return this.memo('repKpis', [reading, this.coaching, this.ownerIds], () =>
      repKpisOf(
        readingNodes(reading ?? startReading<ScorecardAggregateNodes>(SCORECARD_AGGREGATE_ALIASES)),
        this.coaching,
        this.ownerIds,
        period
      )
    );
  }

  /** The follow-ups read: sessions of each rep's last completed day, goals past their date. */
  get followUps(): { sessions: SessionFact[]; goals: GoalFact[] } {
    const reading = this.followUpsReading;
    return this.memo('followUps', [reading], () =>
      followUpsOf(reading ? readingNodes(reading) : { sessions: [], goals: [] }, this.todayValue)
    );
  }

  get cadence(): CadenceKpis[] {
    return this.memo('cadence', [this.coaching, this.followUps, this.ownerIds], () =>
      cadenceOf(this.coaching, this.followUps.sessions, this.ownerIds, this.todayValue)
    );
  }

  /** Open goals past their target date: each one an early warning. */
  get goals(): GoalFact[] {
    return this.followUps.goals;
  }

  get goalCounts(): Map<string, GoalCounts> {
    return this.memo('goalCounts', [this.coaching, this.followUps], () =>
      goalCountsOf(this.coaching, this.followUps.goals)
    );
  }

  /** Reps in view: all of them, or the selected team's in the roll-up. */
  get scopedRepIds(): Set<string> {
    return this.memo('scopedRepIds', [this.repUsers, this.selectedTeamId], () => {
      const ids = this.repUsers
        .filter((user) => !this.selectedTeamId || user.managerId === this.selectedTeamId)
        .map((user) => user.id);
      return new Set(ids);
    });
  }

  /** What the rows and warnings are computed from, for their memos. */
  private get rowDeps(): unknown[] {
    return [
      this.repKpis,
      this.cadence,
      this.goalCounts,
      this.goals,
      this.scopedRepIds,
      this.todayValue,
      JSON.stringify(this.thresholds)
    ];
  }

  get showManagers(): boolean {
    return this.isRollUp && this.level === 'managers';
  }

  get rowInputs() {
    return {
      cadence: this.cadence,
      goals: this.goalCounts,
      today: this.todayValue,
      thresholds: this.thresholds
    };
  }

  get model(): { rows: ScorecardRow[]; total: ScorecardRow; reps: ScorecardRow[] } {
    const deps = [...this.rowDeps, this.showManagers, this.sortKey, this.sortDirection];
    return this.memo('model', deps, () => {
      const scoped = this.scopedRepIds;
      const reps = this.repKpis.filter((rep) => scoped.has(rep.repId));
      const inputs = this.rowInputs;
      const { total, reps: repRowList } = this.totalAndRepRows(reps);
      const rows = this.showManagers
        ? managerRows(reps, this.repUsers, this.teams, inputs)
        : repRowList;
      return { rows: sortRows(rows, this.sortKey, this.sortDirection), total, reps: repRowList };
    });
  }

  /**
   * What a snapshot records: every rep in the running user's scope. The snapshot is keyed by the
   * user and period, so the team opened in a roll-up must not replace the organisation's figures.
   */
  get snapshotModel(): { total: ScorecardRow; reps: ScorecardRow[] } {
    return this.totalAndRepRows(this.repKpis);
  }

  private totalAndRepRows(reps: RepKpis[]): { total: ScorecardRow; reps: ScorecardRow[] } {
    const inputs = this.rowInputs;
    return {
      total: teamRow(USER_ID, LABELS.teamTotal, reps, inputs),
      reps: repRows({ ...inputs, reps, names: this.names })
    };
  }

  get columns(): ColumnDef[] {
    const managers = this.showManagers;
    const columns: ColumnDef[] = [
      { key: 'name', label: managers ? LABELS.colManager : LABELS.colRep, sortable: true }
    ];
    if (managers) columns.push({ key: 'teamSize', label: LABELS.colTeamSize, sortable: false });
    columns.push(
      { key: 'closedWon', label: LABELS.colClosedWon, sortable: true },
      { key: 'target', label: LABELS.colTarget, sortable: true },
      { key: 'percentToPlan', label: LABELS.colPercentToPlan, sortable: true },
      { key: 'growth', label: LABELS.colGrowth, sortable: true },
      { key: 'winRate', label: LABELS.colWinRate, sortable: true },
      { key: 'pipeline', label: LABELS.colPipeline, sortable: true },
      { key: 'coverage', label: LABELS.colCoverage, sortable: true },
      { key: 'averageDealSize', label: LABELS.colAverageDealSize, sortable: true },
      { key: 'salesCycle', label: LABELS.colSalesCycle, sortable: true },
      { key: 'sessions', label: LABELS.colSessions, sortable: true },
      {
        key: 'oneOnOne',
        label: managers ? LABELS.colOneOnOneTeam : LABELS.colOneOnOne,
        sortable: true
      },
      { key: 'completionRate', label: LABELS.colCompletion, sortable: true },
      { key: 'overdue', label: LABELS.colOverdue, sortable: true },
      { key: 'goals', label: LABELS.colGoals, sortable: true }
    );
    return columns;
  }

  get headerColumns() {
    return this.columns.slice(1).map((column) => this.header(column));
  }

  get nameHeader() {
    return this.header(this.columns[0]);
  }

  private header(column: ColumnDef) {
    const sorted = column.key === this.sortKey;
    return {
      ...column,
      ariaSort: !column.sortable
        ? null
        : sorted
          ? this.sortDirection === 'asc'
            ? 'ascending'
            : 'descending'
          : 'none',
      sortLabel: fill(LABELS.sortBy, column.label),
      iconName: sorted
        ? this.sortDirection === 'asc'
          ? 'utility:arrowup'
          : 'utility:arrowdown'
        : '',
      thClass: `slds-text-title_caps${column.key === 'name' ? '' : ' numeric'}`
    };
  }

  private cells(row: ScorecardRow): Cell[] {
    const period = this.period as Period;
    const ratings = rateRow(row, period, this.todayValue, this.thresholds);
    const { kpis } = row;
    const coverage = ratioValue(kpis.pipelineCoverage);
    const required = ratioValue(kpis.requiredCoverage);
    // Required coverage is 1 ÷ the win rate by amount; the cell names that rate, which is not
    // the Win rate column's (by count), so the two can be read together.
    const coverageText =
      coverage === null &&
      kpis.pipelineCoverage.ok === false &&
      kpis.pipelineCoverage.reason === 'target-met'
        ? LABELS.ratingGreen
        : fill(
            LABELS.coverageCell,
            ratioText(coverage, formatMultiple),
            ratioText(required, formatMultiple),
            ratioText(ratioValue(kpis.winRateByAmount), formatPercent)
          );
    const cells: Cell[] = [];
    if (this.showManagers) cells.push(ratingCell('teamSize', String(row.teamSize), null));
    const oneOnOneText = row.isTeam
      ? String(row.repsWithoutOneOnOne)
      : row.daysSinceOneOnOne === null
        ? LABELS.never
        : String(row.daysSinceOneOnOne);
    const goalsText =
      fill(LABELS.goalsValue, row.goals.achieved, row.goals.total) +
      (row.goals.pastTarget > 0 ? ` · ${fill(LABELS.goalsPastTarget, row.goals.pastTarget)}` : '');
    cells.push(
      ratingCell('closedWon', this.formatFigure(kpis.closedWon), null),
      ratingCell('target', this.formatFigure(kpis.target), null),
      ratingCell(
        'percentToPlan',
        ratioText(ratioValue(kpis.percentToPlan), formatPercent),
        ratings.percentToPlan
      ),
      ratingCell('growth', ratioText(ratioValue(kpis.growth), formatPercent), null),
      ratingCell(
        'winRate',
        ratioText(ratioValue(kpis.winRateByCount), formatPercent),
        ratings.winRate
      ),
      ratingCell('pipeline', this.formatFigure(kpis.openPipeline), null),
      ratingCell('coverage', coverageText, ratings.coverage),
      ratingCell(
        'averageDealSize',
        ratioText(ratioValue(kpis.averageDealSize), this.formatFigure),
        null
      ),
      ratingCell('salesCycle', ratioText(ratioValue(kpis.salesCycleDays), formatNumber), null),
      ratingCell('sessions', String(row.sessions), null),
      ratingCell('oneOnOne', oneOnOneText, ratings.oneOnOne),
      ratingCell(
        'completionRate',
        ratioText(ratioValue(row.completionRate), formatPercent),
        ratings.completionRate
      ),
      ratingCell('overdue', String(row.overdueCommitments), null),
      ratingCell('goals', goalsText, null)
    );
    return cells;
  }

  get tableRows() {
    return this.model.rows.map((row) => ({
      id: row.id,
      name: row.name,
      actionLabel: !this.showManagers
        ? fill(LABELS.viewRep, row.name)
        : row.id === USER_ID
          ? LABELS.viewDirectReports
          : fill(LABELS.viewTeam, row.name),
      selected: row.id === this.selectedRepId,
      rowClass:
        row.id === this.selectedRepId ? 'slds-hint-parent slds-is-selected' : 'slds-hint-parent',
      cells: this.cells(row)
    }));
  }

  get totalRow() {
    const total = this.model.total;
    return { name: total.name, cells: this.cells(total) };
  }

  get caption(): string {
    return fill(
      this.showManagers ? LABELS.tableCaptionManagers : LABELS.tableCaption,
      this.periodText
    );
  }

  // ---- Roll-up level --------------------------------------------------------------------------

  get levelOptions() {
    return [
      { label: LABELS.levelManagers, value: 'managers' },
      { label: LABELS.levelReps, value: 'reps' }
    ];
  }

  get selectedTeamName(): string {
    return this.selectedTeamId ? (this.names.get(this.selectedTeamId) ?? '') : '';
  }

  get teamHeading(): string {
    return this.selectedTeamId === USER_ID
      ? LABELS.directReports
      : fill(LABELS.teamOf, this.selectedTeamName);
  }

  handleLevelChange(event: CustomEvent<{ value: Level }>): void {
    this.level = event.detail.value;
    this.selectedTeamId = null;
    this.selectedRepId = null;
  }

  handleAllTeams(): void {
    this.level = 'managers';
    this.selectedTeamId = null;
    this.selectedRepId = null;
  }

  // ---- Interactions ---------------------------------------------------------------------------

  handlePeriodChange(event: CustomEvent<{ value: PeriodOption }>): void {
    const value = event.detail.value;
    this.periodChoice = value;
    this.rangeError = '';
    if (value !== 'custom') this.resetData();
  }

  handleCustomStart(event: CustomEvent<{ value: string }>): void {
    this.customStart = event.detail.value || null;
  }

  handleCustomEnd(event: CustomEvent<{ value: string }>): void {
    this.customEnd = event.detail.value || null;
  }

  handleApplyRange(): void {
    const problem = validateRange(this.customStart, this.customEnd);
    if (problem === 'missing') this.rangeError = LABELS.rangeMissing;
    else if (problem === 'order') this.rangeError = LABELS.rangeOrder;
    else {
      this.rangeError = '';
      this.customPeriod = { start: this.customStart as IsoDate, end: this.customEnd as IsoDate };
      this.resetData();
    }
  }

  private resetData(): void {
    // The previous period's numbers must not stay on screen under the new period's name: its
    // readings belong to another key, so the getters start new ones.
    this.aggregatesRead = null;
    this.coachingRead = null;
    this.followUpsRead = null;
  }

  /**
   * The getters' value for `deps` (compared by identity), computed once: the template reads the
   * model many times per render, and a VP's organisation is a thousand reps.
   */
  private memo<T>(name: string, deps: readonly unknown[], compute: () => T): T {
    const hit = this.derived.get(name);
    if (hit && hit.deps.length === deps.length && hit.deps.every((dep, i) => dep === deps[i]))
      return hit.value as T;
    const value = compute();
    this.derived.set(name, { deps: [...deps], value });
    return value;
  }

  handleSort(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    if (!isSortKey(key)) return;
    if (key === this.sortKey) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDirection = key === 'name' ? 'asc' : 'desc';
    }
  }

  handleSelectRow(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    if (!id) return;
    if (this.showManagers) {
      this.selectedTeamId = id;
      this.level = 'reps';
      this.selectedRepId = null;
      return;
    }
    if (id !== this.selectedRepId) {
      this.historyData = undefined;
      this.dealsRead = null;
      this.historyErrors = [];
      this.dealsErrors = [];
    }
    this.selectedRepId = id;
  }

  handleCloseDrilldown(): void {
    this.selectedRepId = null;
  }

  // ---- Warnings -------------------------------------------------------------------------------

  get warnings() {
    return this.memo('warnings', this.rowDeps, () => this.computeWarnings());
  }

  private computeWarnings() {
    const scoped = this.scopedRepIds;
    const list = earlyWarnings(
      {
        reps: this.repKpis.filter((rep) => scoped.has(rep.repId)),
        cadence: this.cadence.filter((row) => scoped.has(row.repId)),
        goals: this.goals.filter((goal) => scoped.has(goal.repId)),
        today: this.todayValue
      },
      this.thresholds
    );
    const format = { percent: formatPercent, multiple: formatMultiple, number: formatNumber };
    const byAmount = new Map(
      this.repKpis.map((rep) => [
        rep.repId,
        ratioText(ratioValue(rep.winRateByAmount), formatPercent)
      ])
    );
    return list.map((warning, index) => {
      const name = this.names.get(warning.repId) ?? warning.repId;
      const { value, threshold } = warningValueText(warning, format);
      const winRateByAmount = byAmount.get(warning.repId) ?? '—';
      return {
        key: `${warning.code}-${warning.repId}-${warning.goalId ?? index}`,
        repId: warning.repId,
        sessionType: sessionTypeForWarning(warning.code),
        text: this.warningText(warning, name, value, threshold, winRateByAmount),
        severityLabel:
          warning.severity === 'high'
            ? LABELS.severityHigh
            : warning.severity === 'medium'
              ? LABELS.severityMedium
              : LABELS.severityLow,
        iconName: SEVERITY_ICONS[warning.severity],
        itemClass: `warning warning_${warning.severity} slds-item`,
        // The button shows "Log session"; its name says with whom, so each one is distinct.
        actionLabel: fill(LABELS.logSessionWith, name)
      };
    });
  }

  private warningText(
    warning: EarlyWarning,
    name: string,
    value: string,
    threshold: string,
    winRateByAmount: string
  ): string {
    // Counts read "1 open deal", "2 open deals": the singular label for a count of one.
    const counted = (one: string, other: string): string =>
      fill(pluralForm(warning.value ?? 0, one, other), name, value);
    switch (warning.code) {
      case 'coverage-below-required':
        return fill(LABELS.warnCoverage, name, value, threshold, winRateByAmount);
      case 'no-recent-one-on-one':
        return warning.value === null
          ? fill(LABELS.warnOneOnOneNever, name)
          : fill(LABELS.warnOneOnOne, name, value, threshold);
      case 'win-rate-down':
        return fill(LABELS.warnWinRate, name, value);
      case 'deals-slipping':
        return counted(LABELS.warnSlippingOne, LABELS.warnSlipping);
      case 'goal-past-target-date':
        return counted(LABELS.warnGoalOne, LABELS.warnGoal);
      default:
        return counted(LABELS.warnCommitmentsOne, LABELS.warnCommitments);
    }
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }

  /** The most urgent few first; a VP's whole organisation would otherwise push the table away. */
  get visibleWarnings() {
    const all = this.warnings;
    return this.showAllWarnings ? all : all.slice(0, WARNINGS_SHOWN);
  }

  get hasMoreWarnings(): boolean {
    return this.warnings.length > WARNINGS_SHOWN;
  }

  get warningsToggleLabel(): string {
    return this.showAllWarnings
      ? LABELS.showFewerWarnings
      : fill(LABELS.showAllWarnings, this.warnings.length);
  }

  handleToggleWarnings(): void {
    this.showAllWarnings = !this.showAllWarnings;
  }

  get actionRepName(): string {
    return this.actionRepId ? (this.names.get(this.actionRepId) ?? '') : '';
  }

  get actionHeading(): string {
    return fill(LABELS.logSessionFor, this.actionRepName);
  }

  /**
   * The open form, as a list of one keyed by its warning: the form reads its presets when it
   * connects, so acting on another warning must give a new form, not re-label the open one.
   */
  get actionForms(): { key: string; repId: string; sessionType: string | null }[] {
    return this.actionKey && this.actionRepId
      ? [{ key: this.actionKey, repId: this.actionRepId, sessionType: this.actionSessionType }]
      : [];
  }

  handleLogSession(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const warning = this.warnings.find((item) => item.key === key);
    if (!warning) return;
    // A session form elsewhere on the page (the Coaching page's sidebar) takes the request:
    // then the page shows that one form, preset, rather than a second one here.
    let accepted = false;
    const detail: LogSessionRequestDetail = {
      repId: warning.repId,
      sessionType: warning.sessionType,
      accept: () => {
        accepted = true;
      }
    };
    window.dispatchEvent(new CustomEvent(LOG_SESSION_REQUEST, { detail }));
    if (accepted) {
      this.closeForm();
      return;
    }
    this.actionKey = warning.key;
    this.actionRepId = warning.repId;
    this.actionSessionType = warning.sessionType;
    this.pendingFocus = { into: 'form' };
  }

  handleCloseForm(): void {
    this.closeForm();
  }

  handleSessionLogged(): void {
    // The window listener refreshes the cadence (the form's event reaches it too).
    this.closeForm();
  }

  /**
   * Reads the coaching aggregates and follow-ups again (a session was logged). A reading done in
   * one request asks again exactly what it asked: refresh() makes the wire read it again.
   */
  private rereadCoaching(): void {
    const coaching = this.coachingRead?.reading;
    // One request: refresh() answers it again and the reading takes the new answer. More: start
    // over (the first request differs from the last, so the wire asks it).
    if (coaching?.complete && coaching.answers === 1 && coaching.units === 1) {
      this.coachingResult?.refresh?.().catch(() => undefined);
      return;
    }
    this.coachingRead = null;
    this.followUpsRead = null;
  }

  /**
   * Follow-ups depend on the coaching just read: when they ask what they asked last, the wire
   * does not ask again by itself, so refresh() does; otherwise the new variables start them.
   */
  private startFollowUps(): void {
    const variables = this.followUpsVariables;
    if (variables && JSON.stringify(variables) === this.followUpsAsked)
      this.followUpsResult?.refresh?.().catch(() => undefined);
  }

  private closeForm(): void {
    if (this.actionKey) this.pendingFocus = { into: 'warning', key: this.actionKey };
    this.actionKey = null;
    this.actionRepId = null;
    this.actionSessionType = null;
  }

  override renderedCallback(): void {
    const pending = this.pendingFocus;
    if (!pending) return;
    this.pendingFocus = null;
    const root = this.template;
    if (!root) return;
    if (pending.into === 'form') {
      root.querySelector<HTMLElement>('.session-form-heading')?.focus();
      return;
    }
    // The warning may be gone once the session is logged: then its list's heading.
    const button = Array.from(
      root.querySelectorAll<HTMLElement>('lightning-button.log-session')
    ).find((candidate) => candidate.dataset.key === pending.key);
    (button ?? root.querySelector<HTMLElement>('.warnings-heading'))?.focus();
  }

  // ---- Drill-down -----------------------------------------------------------------------------

  get hasDrilldown(): boolean {
    return this.selectedRepId !== null && !this.showManagers;
  }

  get selectedRepName(): string {
    return this.selectedRepId ? (this.names.get(this.selectedRepId) ?? '') : '';
  }

  get drilldownTitle(): string {
    return fill(LABELS.drilldownTitle, this.selectedRepName);
  }

  get historyCaption(): string {
    return fill(LABELS.historyCaption, this.selectedRepName);
  }

  get historyLoading(): boolean {
    return !this.historyData && this.historyErrors.length === 0;
  }

  get historyFailed(): boolean {
    return this.historyErrors.length > 0;
  }

  /** Plans past one page (absurd for one rep over two years, but then the notice says so). */
  get historyNotice(): string | null {
    const plans = this.historyData?.uiapi?.query?.plans;
    const read = nodesOf(plans).length;
    const total = plans?.totalCount;
    return typeof total === 'number' && total > read
      ? fill(LABELS.limitPlans, formatNumber(read), formatNumber(total))
      : null;
  }

  get historyRows() {
    const repId = this.selectedRepId;
    if (!repId || !this.historyData) return [];
    const aggregate = this.historyData.uiapi?.aggregate;
    const windows = QUARTER_ALIASES.map((alias) => aggregateRowsFromConnection(aggregate?.[alias]));
    // Targets compare with the windows' aggregates: both in the corporate currency.
    const plans = withCorporateTargets(
      planFactsFromConnection(this.historyData.uiapi?.query?.plans),
      aggregate?.planTargets
    );
    const format = this.formatFigure;
    return quarterHistory(repId, this.historyQuarters, windows, plans).map(({ period, kpis }) => ({
      key: period.start,
      label: fill(LABELS.periodRange, formatDate(period.start), formatDate(period.end)),
      closedWon: format(kpis.closedWon),
      percentToPlan: ratioText(ratioValue(kpis.percentToPlan), formatPercent),
      winRate: ratioText(ratioValue(kpis.winRateByCount), formatPercent),
      winRateByAmount: ratioText(ratioValue(kpis.winRateByAmount), formatPercent),
      wonCount: String(kpis.wonCount),
      averageDealSize: ratioText(ratioValue(kpis.averageDealSize), format),
      pipeline: format(kpis.openPipeline)
    }));
  }

  get dealSettings(): { staleStageDays?: number; noActivityDays?: number } {
    const { staleStageDays, noActivityDays } = this.thresholds;
    return {
      ...(staleStageDays === undefined ? {} : { staleStageDays }),
      ...(noActivityDays === undefined ? {} : { noActivityDays })
    };
  }

  get dealsLoading(): boolean {
    return !this.dealsReading?.complete && this.dealsErrors.length === 0;
  }

  get dealsFailed(): boolean {
    return this.dealsErrors.length > 0;
  }

  get dealRows() {
    const repId = this.selectedRepId;
    const reading = this.dealsReading;
    if (!repId || !reading?.complete) return [];
    const { Opportunity: deals, corporate } = readingNodes(reading);
    const rows = opportunityRowsFromConnection(connectionOf(deals));
    const byId = new Map(rows.map((row) => [row.fact.id, row]));
    const rep = this.repKpis.find((kpis) => kpis.repId === repId);
    const average = rep ? ratioValue(rep.averageDealSize) : null;
    // The average comes from aggregates (corporate currency): compare each deal's corporate amount.
    const facts = withCorporateAmounts(
      rows.map((row) => row.fact),
      connectionOf(corporate)
    );
    return rankDealsAtRisk(facts, {
      today: this.todayValue,
      averageDealSizeByOwner: new Map([[repId, average]]),
      // The drill-down flags stale deals with the same thresholds as the team's hygiene counts.
      settings: this.dealSettings
    })
      .slice(0, 5)
      .map((health) => {
        const row = byId.get(health.deal.id);
        return {
          id: health.deal.id,
          name: row?.name ?? health.deal.id,
          account: row?.accountName ?? '',
          stage: health.deal.stage,
          // Each deal in its own currency, as the record holds it.
          amount: row ? formatCurrencyIn(row.amount, row.currencyIsoCode) : '—',
          closeDate: formatDate(row?.closeDate ?? fromEpochDay(health.deal.closeDay)),
          score: String(health.score),
          signals: health.signals.map(signalText).join(' ')
        };
      });
  }

  get hasDeals(): boolean {
    return this.dealRows.length > 0;
  }

  get dealCount(): number {
    return this.dealsReading?.connections.Opportunity.total ?? 0;
  }

  /** Past DRILLDOWN_MAX_PAGES pages: the deals ranked are those closing soonest. */
  get dealsNotice(): string | null {
    const reading = this.dealsReading;
    const deals = reading?.connections.Opportunity;
    if (!reading?.complete || !deals?.truncated) return null;
    return fill(LABELS.limitDeals, formatNumber(deals.nodes.length), formatNumber(deals.total));
  }

  // ---- Snapshots and trend --------------------------------------------------------------------

  get savedSnapshots(): SavedSnapshot[] {
    const nodes = nodesOf(this.snapshotsData?.uiapi?.query?.snapshots);
    const num = (value: unknown): number | null => {
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    };
    const str = (value: unknown): string | null => {
      return typeof value === 'string' ? value : null;
    };
    return nodes
      .filter((node) => str(node.Period_Start__c?.value) && str(node.Period_End__c?.value))
      .map((node) => ({
        id: node.Id,
        key: str(node.Period_Key__c?.value),
        start: node.Period_Start__c?.value as string,
        end: node.Period_End__c?.value as string,
        snapshotDate: str(node.Snapshot_Date__c?.value),
        percentToPlan: num(node.Percent_To_Plan__c?.value),
        winRate: num(node.Win_Rate__c?.value),
        sessions: num(node.Coaching_Sessions__c?.value)
      }));
  }

  get savedEntries(): SavedEntry[] {
    return nodesOf(this.snapshotsData?.uiapi?.query?.entries)
      .map((node) => ({
        id: node.Id,
        scorecardId: node.Manager_Scorecard__c?.value ?? '',
        repId: node.Rep__c?.value ?? ''
      }))
      .filter((entry) => entry.scorecardId !== '' && entry.repId !== '');
  }

  /** What a snapshot records of its currency; null when it cannot say (see snapshotCurrencyFields). */
  get snapshotCurrency(): Record<string, string> | null {
    return snapshotCurrencyFields(this.currency);
  }

  /**
   * Whether the period's saved entries were all read (one page of 2,000): a save updates them
   * and must not create a second entry for a rep whose first it did not see.
   */
  get snapshotEntriesComplete(): boolean {
    const entries = this.snapshotsData?.uiapi?.query?.entries;
    const total = entries?.totalCount;
    return typeof total !== 'number' || total <= nodesOf(entries).length;
  }

  get saveDisabled(): boolean {
    return (
      this.saving ||
      !this.hasData ||
      this.snapshotsData === undefined ||
      this.snapshotCurrency === null ||
      !this.snapshotEntriesComplete
    );
  }

  get saveTitle(): string {
    return this.snapshotUnavailable ?? LABELS.saveSnapshot;
  }

  get snapshotUnavailable(): string | null {
    if (this.snapshotCurrency === null) return LABELS.currencySnapshotUnavailable;
    if (!this.snapshotEntriesComplete)
      return fill(LABELS.limitEntries, formatNumber(MAX_PAGE_SIZE));
    return null;
  }

  async handleSaveSnapshot(): Promise<void> {
    const period = this.period;
    const currency = this.snapshotCurrency;
    if (!period || this.saving || currency === null) return;
    this.saving = true;
    try {
      // Look the period up again right before writing, so a snapshot saved meanwhile is updated.
      await this.snapshotsResult?.refresh?.();
      const { total, reps } = this.snapshotModel;
      const plan = planSnapshotWrite(
        USER_ID,
        period,
        this.todayValue,
        total,
        reps,
        this.savedSnapshots,
        this.savedEntries,
        fill(LABELS.snapshotName, period.start, period.end)
      );
      // The scorecard and its entries as one save: if a write fails, what was written is undone.
      const saved = this.snapshotsData?.uiapi?.query;
      const outcome = await saveAll(
        snapshotSteps(
          { ...plan, scorecard: { ...plan.scorecard, ...currency } },
          {
            scorecard: nodesOf(saved?.current)[0] ?? null,
            entries: nodesOf(saved?.currentEntries)
          }
        )
      );
      if (!outcome.ok) {
        const reason = errorSummary(outcome.error);
        this.dispatchEvent(
          new ShowToastEvent({
            title: LABELS.snapshotFailed,
            message: fill(
              outcome.undone ? LABELS.snapshotNothingSaved : LABELS.snapshotPartlySaved,
              reason
            ),
            variant: 'error'
          })
        );
        await this.snapshotsResult?.refresh?.();
        return;
      }
      this.dispatchEvent(
        new ShowToastEvent({
          title: fill(
            plan.kind === 'create' ? LABELS.snapshotCreated : LABELS.snapshotUpdated,
            this.periodText
          ),
          message: '',
          variant: 'success'
        })
      );
      await this.snapshotsResult?.refresh?.();
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABELS.snapshotFailed,
          message: reduceErrors(error).join(' '),
          variant: 'error'
        })
      );
    } finally {
      this.saving = false;
    }
  }

  get hasTrend(): boolean {
    return this.savedSnapshots.length > 0;
  }

  get snapshotsFailed(): boolean {
    return this.snapshotsErrors.length > 0;
  }

  get chart() {
    const chart = trendChart(this.savedSnapshots);
    const names: Record<string, string> = {
      percentToPlan: LABELS.colPercentToPlan,
      winRate: LABELS.colWinRate,
      sessions: LABELS.colSessions
    };
    return {
      ...chart,
      viewBox: `0 0 ${chart.width} ${chart.height}`,
      baseline: chart.height - 32,
      right: chart.width - 32,
      labelY: chart.height - 12,
      percentMaxText: `${Math.round(chart.percentMax)}%`,
      sessionsMaxText: String(chart.sessionsMax),
      series: chart.series.map((series) => ({
        ...series,
        name: names[series.key],
        lineClass: `trend-line trend-line_${series.key}`,
        swatchClass: `trend-swatch trend-line_${series.key}`,
        points: series.points
          .filter((point) => point.value !== null)
          .map((point, index) => ({ ...point, key: `${series.key}-${index}` }))
      }))
    };
  }

  get trendSummary(): string {
    const saved = [...this.savedSnapshots].sort((a, b) => a.start.localeCompare(b.start));
    const latest = saved[saved.length - 1];
    if (!latest) return '';
    const pct = (value: number | null) => (value === null ? '—' : `${formatNumber(value)}%`);
    return fill(
      pluralForm(saved.length, LABELS.trendSummaryOne, LABELS.trendSummary),
      saved.length,
      formatDate(saved[0].start),
      formatDate(latest.end),
      pct(latest.percentToPlan),
      pct(latest.winRate),
      latest.sessions === null ? '—' : String(latest.sessions)
    );
  }

  get trendRows() {
    const pct = (value: number | null) => (value === null ? '—' : `${formatNumber(value)}%`);
    return [...this.savedSnapshots]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((snapshot) => ({
        id: snapshot.id,
        period: fill(LABELS.periodRange, formatDate(snapshot.start), formatDate(snapshot.end)),
        percentToPlan: pct(snapshot.percentToPlan),
        winRate: pct(snapshot.winRate),
        sessions: snapshot.sessions === null ? '—' : String(snapshot.sessions)
      }));
  }
}
