/**
 * Deal health for one opportunity: signals with codes, severities and the numbers behind them,
 * stage-specific coaching questions, and a score to rank deals most at risk first.
 *
 * Components map codes to custom labels (the wording lives only there: c/dealLabels), which
 * fill in a signal's numbers.
 */
import type { OpportunityFact } from 'c/coachingMetrics';
import { type IsoDate, toEpochDay } from 'c/periods';

export type DealSignalCode =
  | 'past-close-date'
  | 'pushed'
  | 'stale-in-stage'
  | 'no-recent-activity'
  | 'no-activity-ever'
  | 'amount-above-average'
  | 'amount-below-average'
  | 'amount-missing'
  | 'probability-above-stage'
  | 'probability-below-stage';

export type DealSeverity = 'high' | 'medium' | 'low';

export interface DealSignal {
  code: DealSignalCode;
  severity: DealSeverity;
  /** Numbers for the template (days, counts, amounts, percentages). */
  values: Record<string, number>;
}

/** A stage of the standard sales process and what choosing it sets on the opportunity. */
export interface OpportunityStage {
  name: string;
  /** Default probability (%). */
  probability: number;
  forecast: 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
  closed: boolean;
  won: boolean;
}

/**
 * The standard sales process, in order: the one table of stages. Deal health compares a deal's
 * probability with its stage's; the sample-data generator draws deals from it, and the preview's
 * in-memory org applies it when a save changes the stage, as the platform does.
 */
export const OPPORTUNITY_STAGES = [
  { name: 'Prospecting', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Value Proposition', probability: 50, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, forecast: 'Pipeline', closed: false, won: false },
  {
    name: 'Proposal/Price Quote',
    probability: 75,
    forecast: 'Best Case',
    closed: false,
    won: false
  },
  { name: 'Negotiation/Review', probability: 90, forecast: 'Commit', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecast: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecast: 'Omitted', closed: true, won: false }
] as const satisfies readonly OpportunityStage[];

export type OpenStage = Extract<(typeof OPPORTUNITY_STAGES)[number], { closed: false }>['name'];

export function stageNamed(name: unknown): OpportunityStage | undefined {
  return OPPORTUNITY_STAGES.find((stage) => stage.name === name);
}

/** StageName → default probability (%). */
export const STAGE_PROBABILITIES: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(OPPORTUNITY_STAGES.map((stage) => [stage.name, stage.probability]))
);

export const OPEN_STAGES: readonly OpenStage[] = OPPORTUNITY_STAGES.filter(
  (stage): stage is Extract<(typeof OPPORTUNITY_STAGES)[number], { closed: false }> => !stage.closed
).map((stage) => stage.name);

export type CoachingQuestionCode =
  | 'prospecting-icp'
  | 'prospecting-trigger'
  | 'prospecting-next-step'
  | 'qualification-budget'
  | 'qualification-authority'
  | 'qualification-timeline'
  | 'needs-pain'
  | 'needs-impact'
  | 'needs-success'
  | 'value-differentiation'
  | 'value-proof'
  | 'value-competition'
  | 'decision-makers-map'
  | 'decision-makers-economic-buyer'
  | 'decision-makers-champion'
  | 'perception-concerns'
  | 'perception-risks'
  | 'perception-alternatives'
  | 'proposal-fit'
  | 'proposal-process'
  | 'proposal-price'
  | 'negotiation-walkaway'
  | 'negotiation-give-get'
  | 'negotiation-signature';

export const STAGE_QUESTIONS: Readonly<Record<OpenStage, readonly CoachingQuestionCode[]>> =
  Object.freeze({
    Prospecting: ['prospecting-icp', 'prospecting-trigger', 'prospecting-next-step'],
    Qualification: ['qualification-budget', 'qualification-authority', 'qualification-timeline'],
    'Needs Analysis': ['needs-pain', 'needs-impact', 'needs-success'],
    'Value Proposition': ['value-differentiation', 'value-proof', 'value-competition'],
    'Id. Decision Makers': [
      'decision-makers-map',
      'decision-makers-economic-buyer',
      'decision-makers-champion'
    ],
    'Perception Analysis': ['perception-concerns', 'perception-risks', 'perception-alternatives'],
    'Proposal/Price Quote': ['proposal-fit', 'proposal-process', 'proposal-price'],
    'Negotiation/Review': ['negotiation-walkaway', 'negotiation-give-get', 'negotiation-signature']
  });

export function isOpenStage(stage: string): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

/** Question codes for a stage; empty for closed or custom stages. */
export function coachingQuestionsFor(stage: string): readonly CoachingQuestionCode[] {
  return isOpenStage(stage) ? STAGE_QUESTIONS[stage] : [];
}

export interface DealHealthSettings {
  staleStageDays: number;
  noActivityDays: number;
  /** Amount ≥ this multiple of the rep's average deal size is flagged (bigger risk, more scrutiny). */
  largeDealMultiple: number;
  /** Amount ≤ this multiple of the average is flagged (possible under-scoping). */
  smallDealMultiple: number;
  /** Probability differing from the stage's default by more than this many points is flagged. */
  probabilityTolerance: number;
}

export const DEFAULT_DEAL_HEALTH_SETTINGS: Readonly<DealHealthSettings> = Object.freeze({
  staleStageDays: 30,
  noActivityDays: 14,
  largeDealMultiple: 2,
  smallDealMultiple: 0.25,
  probabilityTolerance: 20
});

export interface DealContext {
  today: IsoDate;
  /** The owner's average won deal size; null when not computable. */
  averageDealSize: number | null;
  settings?: Partial<DealHealthSettings>;
}

const SEVERITY_WEIGHT: Record<DealSeverity, number> = { high: 30, medium: 15, low: 5 };
const SEVERITY_ORDER: Record<DealSeverity, number> = { high: 0, medium: 1, low: 2 };

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function settingsOf(partial: Partial<DealHealthSettings> | undefined): DealHealthSettings {
  const resolved: DealHealthSettings = { ...DEFAULT_DEAL_HEALTH_SETTINGS };
  if (!partial) return resolved;
  for (const key of Object.keys(resolved) as (keyof DealHealthSettings)[]) {
    const value = partial[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) resolved[key] = value;
  }
  return resolved;
}

/**
 * Signals for one opportunity, most severe first. Closed deals have none: health is about
 * what can still be changed.
 */
export function dealSignals(deal: OpportunityFact, context: DealContext): DealSignal[] {
  if (deal.isClosed) return [];
  const s = settingsOf(context.settings);
  const today = toEpochDay(context.today);
  const signals: DealSignal[] = [];

  const daysPast = today - deal.closeDay;
  if (daysPast > 0) {
    signals.push({
      code: 'past-close-date',
      severity: daysPast > 30 ? 'high' : 'medium',
      values: { days: daysPast }
    });
  }
  if (deal.pushCount > 0) {
    signals.push({
      code: 'pushed',
      severity: deal.pushCount >= 3 ? 'high' : deal.pushCount === 2 ? 'medium' : 'low',
      values: { count: deal.pushCount }
    });
  }
  const inStage = today - (deal.lastStageChangeDay ?? deal.createdDay);
  if (inStage > s.staleStageDays) {
    signals.push({
      code: 'stale-in-stage',
      severity: inStage > 2 * s.staleStageDays ? 'high' : 'medium',
      values: { days: inStage, threshold: s.staleStageDays }
    });
  }
  if (deal.lastActivityDay === null) {
    const age = today - deal.createdDay;
    if (age > s.noActivityDays) {
      signals.push({
        code: 'no-activity-ever',
        severity: 'high',
        values: { days: age, threshold: s.noActivityDays }
      });
    }
  } else {
    const quiet = today - deal.lastActivityDay;
    if (quiet > s.noActivityDays) {
      signals.push({
        code: 'no-recent-activity',
        severity: quiet > 2 * s.noActivityDays ? 'high' : 'medium',
        values: { days: quiet, threshold: s.noActivityDays }
      });
    }
  }
  if (deal.amount === null) {
    signals.push({ code: 'amount-missing', severity: 'medium', values: {} });
  } else if (context.averageDealSize !== null && context.averageDealSize > 0) {
    const multiple = deal.amount / context.averageDealSize;
    if (multiple >= s.largeDealMultiple) {
      signals.push({
        code: 'amount-above-average',
        severity: multiple >= 2 * s.largeDealMultiple ? 'medium' : 'low',
        values: {
          multiple: round(multiple, 1),
          amount: deal.amount,
          average: context.averageDealSize
        }
      });
    } else if (multiple <= s.smallDealMultiple) {
      signals.push({
        code: 'amount-below-average',
        severity: 'low',
        values: {
          multiple: round(multiple, 2),
          amount: deal.amount,
          average: context.averageDealSize
        }
      });
    }
  }
  const expected = STAGE_PROBABILITIES[deal.stage];
  if (expected !== undefined && deal.probability !== null) {
    const difference = deal.probability - expected;
    if (Math.abs(difference) > s.probabilityTolerance) {
      signals.push({
        code: difference > 0 ? 'probability-above-stage' : 'probability-below-stage',
        // Optimism (a high probability early on) is the forecast risk a coach should catch.
        severity: difference > 0 ? 'medium' : 'low',
        values: { probability: deal.probability, expected, difference }
      });
    }
  }
  return signals.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Health score 0–100 (100 = healthy): severity weights of the signals subtracted from 100,
 * floored at 0. Closed deals score 100.
 */
export function healthScore(signals: readonly DealSignal[]): number {
  let score = 100;
  for (const signal of signals) score -= SEVERITY_WEIGHT[signal.severity];
  return Math.max(0, score);
}

export interface DealHealth {
  deal: OpportunityFact;
  signals: DealSignal[];
  score: number;
  questions: readonly CoachingQuestionCode[];
}

export function assessDeal(deal: OpportunityFact, context: DealContext): DealHealth {
  const signals = dealSignals(deal, context);
  return {
    deal,
    signals,
    score: healthScore(signals),
    questions: coachingQuestionsFor(deal.stage)
  };
}

/**
 * Deals most at risk first: lowest score, then the larger amount (more at stake), then the
 * earlier close date, then id for a stable order. `averageDealSizeByOwner` gives each
 * deal's owner average.
 */
export function rankDealsAtRisk(
  deals: readonly OpportunityFact[],
  context: Omit<DealContext, 'averageDealSize'> & {
    averageDealSizeByOwner?: ReadonlyMap<string, number | null>;
  }
): DealHealth[] {
  return deals
    .filter((deal) => !deal.isClosed)
    .map((deal) =>
      assessDeal(deal, {
        today: context.today,
        settings: context.settings,
        averageDealSize: context.averageDealSizeByOwner?.get(deal.ownerId) ?? null
      })
    )
    .sort(
      (a, b) =>
        a.score - b.score ||
        (b.deal.amount ?? 0) - (a.deal.amount ?? 0) ||
        a.deal.closeDay - b.deal.closeDay ||
        a.deal.id.localeCompare(b.deal.id)
    );
}
