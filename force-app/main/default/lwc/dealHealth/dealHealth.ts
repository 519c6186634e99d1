/**
 * Deal health for one opportunity: signals with codes, severities and the numbers behind them,
 * stage-specific coaching questions, and a score to rank deals most at risk first.
 *
 * Components map codes to custom labels; the English templates here are the defaults and the
 * one place their wording lives. Templates use `{name}` placeholders filled from the signal's
 * numbers by formatTemplate.
 */
import type { OpportunityFact } from 'c/coachingMetrics';
import { type IsoDate, toEpochDay } from 'c/periods';
import { pluralForm } from 'c/coachingFormat';

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

export const DEAL_SIGNAL_TEMPLATES: Readonly<Record<DealSignalCode, string>> = Object.freeze({
  'past-close-date': 'Close date passed {days} days ago and the deal is still open.',
  pushed: 'Close date pushed {count} times.',
  'stale-in-stage': 'In the same stage for {days} days (threshold {threshold}).',
  'no-recent-activity': 'No activity logged for {days} days.',
  'no-activity-ever': 'No activity logged since the deal was created {days} days ago.',
  'amount-above-average': 'Amount is {multiple}× the rep’s average deal size.',
  'amount-below-average': 'Amount is {multiple}× the rep’s average deal size.',
  'amount-missing': 'No amount entered.',
  'probability-above-stage':
    'Probability {probability}% is above the {expected}% expected at this stage.',
  'probability-below-stage':
    'Probability {probability}% is below the {expected}% expected at this stage.'
});

/** Replaces `{name}` with values[name]; unknown placeholders are kept as they are. */
export function formatTemplate(template: string, values: Record<string, number | string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    return name in values ? String(values[name]) : match;
  });
}

export function explainSignal(signal: DealSignal, templates = DEAL_SIGNAL_TEMPLATES): string {
  return formatTemplate(templates[signal.code], signal.values);
}

/**
 * A signal's text from the component's labels, in the singular when its count is one ("Close
 * date pushed once.", not "pushed 1 times."): `singular` holds the labels for a count of one.
 */
export function signalText(
  signal: DealSignal,
  labels: Readonly<Record<DealSignalCode, string>>,
  singular: Readonly<Partial<Record<DealSignalCode, string>>> = {}
): string {
  const count = signal.values.count ?? signal.values.days;
  const one = singular[signal.code];
  const template =
    one !== undefined && count !== undefined
      ? pluralForm(count, one, labels[signal.code])
      : labels[signal.code];
  return formatTemplate(template, signal.values);
}

/** The standard sales process: StageName → default probability (%). */
export const STAGE_PROBABILITIES: Readonly<Record<string, number>> = Object.freeze({
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0
});

export const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review'
] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

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

export const COACHING_QUESTIONS: Readonly<Record<CoachingQuestionCode, string>> = Object.freeze({
  'prospecting-icp': 'Does this account match our ideal customer profile? What makes it a fit?',
  'prospecting-trigger': 'What event or trigger makes this the right time to reach out?',
  'prospecting-next-step': 'What is the agreed next step, and when is it?',
  'qualification-budget': 'Is there budget, and who owns it?',
  'qualification-authority': 'Who can say yes, and have we spoken with them?',
  'qualification-timeline': 'What drives their timeline? What happens if they do nothing?',
  'needs-pain': 'What problem are they trying to solve, in their words?',
  'needs-impact': 'What does the problem cost them today? Can we quantify it?',
  'needs-success': 'How will they measure success after buying?',
  'value-differentiation': 'Why us rather than an alternative? What is unique for this customer?',
  'value-proof': 'What proof (reference, pilot, case study) will convince them?',
  'value-competition': 'Who else are they evaluating, and where do we stand?',
  'decision-makers-map': 'Who is involved in the decision, and what does each of them care about?',
  'decision-makers-economic-buyer': 'Have we met the economic buyer? What do they need to hear?',
  'decision-makers-champion':
    'Who is our champion, and are they willing to sell for us internally?',
  'perception-concerns': 'What concerns have they raised, and how have we answered them?',
  'perception-risks': 'What could stop this deal? What are we doing about it?',
  'perception-alternatives': 'How do they perceive us against the alternatives now?',
  'proposal-fit': 'Does the proposal map to the needs and success measures they gave us?',
  'proposal-process': 'What is their approval and purchasing process, step by step?',
  'proposal-price': 'Have we tested the price with the champion before sending it?',
  'negotiation-walkaway': 'What is our walk-away point, and what is theirs?',
  'negotiation-give-get': 'For every concession, what do we get in return?',
  'negotiation-signature': 'What exactly remains before signature, and who owns each step?'
});

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
