/** Custom labels of the manager scorecard, in one object the template and code read. */
import TITLE from '@salesforce/label/c.SC_Scorecard_Title';
import TITLE_ROLL_UP from '@salesforce/label/c.SC_Scorecard_TitleRollUp';
import LOADING from '@salesforce/label/c.SC_Scorecard_Loading';
import LOAD_FAILED from '@salesforce/label/c.SC_Scorecard_LoadFailed';
import NO_TEAM from '@salesforce/label/c.SC_Scorecard_NoTeam';
import PERIOD from '@salesforce/label/c.SC_Scorecard_Period';
import THIS_QUARTER from '@salesforce/label/c.SC_Scorecard_ThisQuarter';
import LAST_QUARTER from '@salesforce/label/c.SC_Scorecard_LastQuarter';
import THIS_FISCAL_YEAR from '@salesforce/label/c.SC_Scorecard_ThisFiscalYear';
import LAST_FISCAL_YEAR from '@salesforce/label/c.SC_Scorecard_LastFiscalYear';
import CUSTOM_RANGE from '@salesforce/label/c.SC_Scorecard_CustomRange';
import START_DATE from '@salesforce/label/c.SC_Scorecard_StartDate';
import END_DATE from '@salesforce/label/c.SC_Scorecard_EndDate';
import APPLY from '@salesforce/label/c.SC_Scorecard_Apply';
import RANGE_MISSING from '@salesforce/label/c.SC_Scorecard_RangeMissing';
import RANGE_ORDER from '@salesforce/label/c.SC_Scorecard_RangeOrder';
import PERIOD_RANGE from '@salesforce/label/c.SC_Scorecard_PeriodRange';
import LEVEL from '@salesforce/label/c.SC_Scorecard_Level';
import LEVEL_MANAGERS from '@salesforce/label/c.SC_Scorecard_LevelManagers';
import LEVEL_REPS from '@salesforce/label/c.SC_Scorecard_LevelReps';
import ALL_TEAMS from '@salesforce/label/c.SC_Scorecard_AllTeams';
import TEAM_OF from '@salesforce/label/c.SC_Scorecard_TeamOf';
import DIRECT_REPORTS from '@salesforce/label/c.SC_Scorecard_DirectReports';
import VIEW_DIRECT_REPORTS from '@salesforce/label/c.SC_Scorecard_ViewDirectReports';
import TABLE_CAPTION from '@salesforce/label/c.SC_Scorecard_TableCaption';
import TABLE_CAPTION_MANAGERS from '@salesforce/label/c.SC_Scorecard_TableCaptionManagers';
import COL_REP from '@salesforce/label/c.SC_Scorecard_ColRep';
import COL_MANAGER from '@salesforce/label/c.SC_Scorecard_ColManager';
import COL_TEAM_SIZE from '@salesforce/label/c.SC_Scorecard_ColTeamSize';
import COL_CLOSED_WON from '@salesforce/label/c.SC_Scorecard_ColClosedWon';
import COL_TARGET from '@salesforce/label/c.SC_Scorecard_ColTarget';
import COL_PERCENT_TO_PLAN from '@salesforce/label/c.SC_Scorecard_ColPercentToPlan';
import COL_GROWTH from '@salesforce/label/c.SC_Scorecard_ColGrowth';
import COL_WIN_RATE from '@salesforce/label/c.SC_Scorecard_ColWinRate';
import COL_PIPELINE from '@salesforce/label/c.SC_Scorecard_ColPipeline';
import COL_COVERAGE from '@salesforce/label/c.SC_Scorecard_ColCoverage';
import COL_AVERAGE_DEAL_SIZE from '@salesforce/label/c.SC_Scorecard_ColAverageDealSize';
import COL_SALES_CYCLE from '@salesforce/label/c.SC_Scorecard_ColSalesCycle';
import COL_SESSIONS from '@salesforce/label/c.SC_Scorecard_ColSessions';
import COL_ONE_ON_ONE from '@salesforce/label/c.SC_Scorecard_ColOneOnOne';
import COL_ONE_ON_ONE_TEAM from '@salesforce/label/c.SC_Scorecard_ColOneOnOneTeam';
import COL_COMPLETION from '@salesforce/label/c.SC_Scorecard_ColCompletion';
import COL_OVERDUE from '@salesforce/label/c.SC_Scorecard_ColOverdue';
import COL_GOALS from '@salesforce/label/c.SC_Scorecard_ColGoals';
import SORT_BY from '@salesforce/label/c.SC_Scorecard_SortBy';
import TEAM_TOTAL from '@salesforce/label/c.SC_Scorecard_TeamTotal';
import NEVER from '@salesforce/label/c.SC_Scorecard_Never';
import GOALS_VALUE from '@salesforce/label/c.SC_Scorecard_GoalsValue';
import GOALS_PAST_TARGET from '@salesforce/label/c.SC_Scorecard_GoalsPastTarget';
import RATING_GREEN from '@salesforce/label/c.SC_Scorecard_RatingGreen';
import RATING_AMBER from '@salesforce/label/c.SC_Scorecard_RatingAmber';
import RATING_RED from '@salesforce/label/c.SC_Scorecard_RatingRed';
import LEGEND from '@salesforce/label/c.SC_Scorecard_Legend';
import VIEW_REP from '@salesforce/label/c.SC_Scorecard_ViewRep';
import VIEW_TEAM from '@salesforce/label/c.SC_Scorecard_ViewTeam';
import WARNINGS_TITLE from '@salesforce/label/c.SC_Scorecard_WarningsTitle';
import NO_WARNINGS from '@salesforce/label/c.SC_Scorecard_NoWarnings';
import SEVERITY_HIGH from '@salesforce/label/c.SC_Scorecard_SeverityHigh';
import SEVERITY_MEDIUM from '@salesforce/label/c.SC_Scorecard_SeverityMedium';
import SEVERITY_LOW from '@salesforce/label/c.SC_Scorecard_SeverityLow';
import WARN_COVERAGE from '@salesforce/label/c.SC_Scorecard_WarnCoverage';
import WARN_ONE_ON_ONE from '@salesforce/label/c.SC_Scorecard_WarnOneOnOne';
import WARN_ONE_ON_ONE_NEVER from '@salesforce/label/c.SC_Scorecard_WarnOneOnOneNever';
import WARN_WIN_RATE from '@salesforce/label/c.SC_Scorecard_WarnWinRate';
import WARN_SLIPPING from '@salesforce/label/c.SC_Scorecard_WarnSlipping';
import WARN_GOAL from '@salesforce/label/c.SC_Scorecard_WarnGoal';
import WARN_COMMITMENTS from '@salesforce/label/c.SC_Scorecard_WarnCommitments';
import LOG_SESSION from '@salesforce/label/c.SC_Scorecard_LogSession';
import LOG_SESSION_FOR from '@salesforce/label/c.SC_Scorecard_LogSessionFor';
import LOG_SESSION_WITH from '@salesforce/label/c.SC_Scorecard_LogSessionWith';
import CLOSE_FORM from '@salesforce/label/c.SC_Scorecard_CloseForm';
import DRILLDOWN_TITLE from '@salesforce/label/c.SC_Scorecard_DrilldownTitle';
import CLOSE_DRILLDOWN from '@salesforce/label/c.SC_Scorecard_CloseDrilldown';
import HISTORY_CAPTION from '@salesforce/label/c.SC_Scorecard_HistoryCaption';
import QUARTER from '@salesforce/label/c.SC_Scorecard_Quarter';
import WON_DEALS from '@salesforce/label/c.SC_Scorecard_WonDeals';
import HISTORY_FAILED from '@salesforce/label/c.SC_Scorecard_HistoryFailed';
import DEALS_TITLE from '@salesforce/label/c.SC_Scorecard_DealsTitle';
import NO_DEALS from '@salesforce/label/c.SC_Scorecard_NoDeals';
import DEALS_FAILED from '@salesforce/label/c.SC_Scorecard_DealsFailed';
import COL_DEAL from '@salesforce/label/c.SC_Scorecard_ColDeal';
import COL_ACCOUNT from '@salesforce/label/c.SC_Scorecard_ColAccount';
import COL_STAGE from '@salesforce/label/c.SC_Scorecard_ColStage';
import COL_AMOUNT from '@salesforce/label/c.SC_Scorecard_ColAmount';
import COL_CLOSE_DATE from '@salesforce/label/c.SC_Scorecard_ColCloseDate';
import COL_HEALTH from '@salesforce/label/c.SC_Scorecard_ColHealth';
import COL_SIGNALS from '@salesforce/label/c.SC_Scorecard_ColSignals';
import SAVE_SNAPSHOT from '@salesforce/label/c.SC_Scorecard_SaveSnapshot';
import SNAPSHOT_CREATED from '@salesforce/label/c.SC_Scorecard_SnapshotCreated';
import SNAPSHOT_UPDATED from '@salesforce/label/c.SC_Scorecard_SnapshotUpdated';
import SNAPSHOT_FAILED from '@salesforce/label/c.SC_Scorecard_SnapshotFailed';
import TREND_TITLE from '@salesforce/label/c.SC_Scorecard_TrendTitle';
import TREND_EMPTY from '@salesforce/label/c.SC_Scorecard_TrendEmpty';
import TREND_SUMMARY from '@salesforce/label/c.SC_Scorecard_TrendSummary';
import TREND_TABLE from '@salesforce/label/c.SC_Scorecard_TrendTable';
import SNAPSHOT_PERIOD from '@salesforce/label/c.SC_Scorecard_SnapshotPeriod';
import SHOW_ALL_WARNINGS from '@salesforce/label/c.SC_Scorecard_ShowAllWarnings';
import SHOW_FEWER_WARNINGS from '@salesforce/label/c.SC_Scorecard_ShowFewerWarnings';
import SNAPSHOT_NAME from '@salesforce/label/c.SC_Scorecard_SnapshotName';
import SNAPSHOTS_FAILED from '@salesforce/label/c.SC_Scorecard_SnapshotsFailed';
import CURRENCY_CORPORATE from '@salesforce/label/c.SC_Currency_Corporate';
import CURRENCY_CORPORATE_UNNAMED from '@salesforce/label/c.SC_Currency_Corporate_Unnamed';
import CURRENCY_OWN from '@salesforce/label/c.SC_Currency_Own';
import CURRENCY_SNAPSHOT_UNAVAILABLE from '@salesforce/label/c.SC_Currency_Snapshot_Unavailable';
import COVERAGE_CELL from '@salesforce/label/c.SC_Scorecard_CoverageCell';
import COL_WIN_RATE_BY_AMOUNT from '@salesforce/label/c.SC_Scorecard_ColWinRateByAmount';
import WARN_SLIPPING_ONE from '@salesforce/label/c.SC_Scorecard_WarnSlipping_One';
import WARN_GOAL_ONE from '@salesforce/label/c.SC_Scorecard_WarnGoal_One';
import WARN_COMMITMENTS_ONE from '@salesforce/label/c.SC_Scorecard_WarnCommitments_One';
import SNAPSHOT_NOTHING_SAVED from '@salesforce/label/c.SC_Scorecard_SnapshotNothingSaved';
import SNAPSHOT_PARTLY_SAVED from '@salesforce/label/c.SC_Scorecard_SnapshotPartlySaved';
import TREND_SUMMARY_ONE from '@salesforce/label/c.SC_Scorecard_TrendSummary_One';
import RETRY from '@salesforce/label/c.SC_Retry';
import LIMIT_TEAM from '@salesforce/label/c.SC_Scorecard_LimitTeam';
import LIMIT_FOLLOW_UPS from '@salesforce/label/c.SC_Scorecard_LimitFollowUps';
import LIMIT_GOALS from '@salesforce/label/c.SC_Scorecard_LimitGoals';
import LIMIT_AGGREGATES from '@salesforce/label/c.SC_Scorecard_LimitAggregates';
import LIMIT_DEALS from '@salesforce/label/c.SC_Scorecard_LimitDeals';
import LIMIT_SNAPSHOTS from '@salesforce/label/c.SC_Scorecard_LimitSnapshots';
import LIMIT_ENTRIES from '@salesforce/label/c.SC_Scorecard_LimitEntries';
import LIMIT_PLANS from '@salesforce/label/c.SC_Scorecard_LimitPlans';

export const LABELS = {
  limitTeam: LIMIT_TEAM,
  limitFollowUps: LIMIT_FOLLOW_UPS,
  limitGoals: LIMIT_GOALS,
  limitAggregates: LIMIT_AGGREGATES,
  limitDeals: LIMIT_DEALS,
  limitSnapshots: LIMIT_SNAPSHOTS,
  limitEntries: LIMIT_ENTRIES,
  limitPlans: LIMIT_PLANS,
  currencyCorporate: CURRENCY_CORPORATE,
  currencyCorporateUnnamed: CURRENCY_CORPORATE_UNNAMED,
  currencyOwn: CURRENCY_OWN,
  currencySnapshotUnavailable: CURRENCY_SNAPSHOT_UNAVAILABLE,
  title: TITLE,
  titleRollUp: TITLE_ROLL_UP,
  loading: LOADING,
  loadFailed: LOAD_FAILED,
  noTeam: NO_TEAM,
  period: PERIOD,
  thisQuarter: THIS_QUARTER,
  lastQuarter: LAST_QUARTER,
  thisFiscalYear: THIS_FISCAL_YEAR,
  lastFiscalYear: LAST_FISCAL_YEAR,
  customRange: CUSTOM_RANGE,
  startDate: START_DATE,
  endDate: END_DATE,
  apply: APPLY,
  rangeMissing: RANGE_MISSING,
  rangeOrder: RANGE_ORDER,
  periodRange: PERIOD_RANGE,
  level: LEVEL,
  levelManagers: LEVEL_MANAGERS,
  levelReps: LEVEL_REPS,
  allTeams: ALL_TEAMS,
  teamOf: TEAM_OF,
  directReports: DIRECT_REPORTS,
  viewDirectReports: VIEW_DIRECT_REPORTS,
  tableCaption: TABLE_CAPTION,
  tableCaptionManagers: TABLE_CAPTION_MANAGERS,
  colRep: COL_REP,
  colManager: COL_MANAGER,
  colTeamSize: COL_TEAM_SIZE,
  colClosedWon: COL_CLOSED_WON,
  colTarget: COL_TARGET,
  colPercentToPlan: COL_PERCENT_TO_PLAN,
  colGrowth: COL_GROWTH,
  colWinRate: COL_WIN_RATE,
  colPipeline: COL_PIPELINE,
  colCoverage: COL_COVERAGE,
  coverageCell: COVERAGE_CELL,
  colWinRateByAmount: COL_WIN_RATE_BY_AMOUNT,
  warnSlippingOne: WARN_SLIPPING_ONE,
  warnGoalOne: WARN_GOAL_ONE,
  warnCommitmentsOne: WARN_COMMITMENTS_ONE,
  snapshotNothingSaved: SNAPSHOT_NOTHING_SAVED,
  snapshotPartlySaved: SNAPSHOT_PARTLY_SAVED,
  trendSummaryOne: TREND_SUMMARY_ONE,
  retry: RETRY,
  colAverageDealSize: COL_AVERAGE_DEAL_SIZE,
  colSalesCycle: COL_SALES_CYCLE,
  colSessions: COL_SESSIONS,
  colOneOnOne: COL_ONE_ON_ONE,
  colOneOnOneTeam: COL_ONE_ON_ONE_TEAM,
  colCompletion: COL_COMPLETION,
  colOverdue: COL_OVERDUE,
  colGoals: COL_GOALS,
  sortBy: SORT_BY,
  teamTotal: TEAM_TOTAL,
  never: NEVER,
  goalsValue: GOALS_VALUE,
  goalsPastTarget: GOALS_PAST_TARGET,
  ratingGreen: RATING_GREEN,
  ratingAmber: RATING_AMBER,
  ratingRed: RATING_RED,
  legend: LEGEND,
  viewRep: VIEW_REP,
  viewTeam: VIEW_TEAM,
  warningsTitle: WARNINGS_TITLE,
  noWarnings: NO_WARNINGS,
  severityHigh: SEVERITY_HIGH,
  severityMedium: SEVERITY_MEDIUM,
  severityLow: SEVERITY_LOW,
  warnCoverage: WARN_COVERAGE,
  warnOneOnOne: WARN_ONE_ON_ONE,
  warnOneOnOneNever: WARN_ONE_ON_ONE_NEVER,
  warnWinRate: WARN_WIN_RATE,
  warnSlipping: WARN_SLIPPING,
  warnGoal: WARN_GOAL,
  warnCommitments: WARN_COMMITMENTS,
  logSession: LOG_SESSION,
  logSessionFor: LOG_SESSION_FOR,
  logSessionWith: LOG_SESSION_WITH,
  closeForm: CLOSE_FORM,
  drilldownTitle: DRILLDOWN_TITLE,
  closeDrilldown: CLOSE_DRILLDOWN,
  historyCaption: HISTORY_CAPTION,
  quarter: QUARTER,
  wonDeals: WON_DEALS,
  historyFailed: HISTORY_FAILED,
  dealsTitle: DEALS_TITLE,
  noDeals: NO_DEALS,
  dealsFailed: DEALS_FAILED,
  colDeal: COL_DEAL,
  colAccount: COL_ACCOUNT,
  colStage: COL_STAGE,
  colAmount: COL_AMOUNT,
  colCloseDate: COL_CLOSE_DATE,
  colHealth: COL_HEALTH,
  colSignals: COL_SIGNALS,
  saveSnapshot: SAVE_SNAPSHOT,
  snapshotCreated: SNAPSHOT_CREATED,
  snapshotUpdated: SNAPSHOT_UPDATED,
  snapshotFailed: SNAPSHOT_FAILED,
  trendTitle: TREND_TITLE,
  trendEmpty: TREND_EMPTY,
  trendSummary: TREND_SUMMARY,
  trendTable: TREND_TABLE,
  snapshotPeriod: SNAPSHOT_PERIOD,
  snapshotsFailed: SNAPSHOTS_FAILED,
  snapshotName: SNAPSHOT_NAME,
  showAllWarnings: SHOW_ALL_WARNINGS,
  showFewerWarnings: SHOW_FEWER_WARNINGS
} as const;
