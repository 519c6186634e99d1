/**
 * Custom labels for deal-health signals and stage questions, keyed by the codes c/dealHealth
 * uses: the one place both the deal coach and the scorecard read them from. A signal's label has
 * {0}-style placeholders, filled with its numbers by signalText.
 */
import { fill, pluralForm } from 'c/coachingFormat';
import type { CoachingQuestionCode, DealSignal, DealSignalCode } from 'c/dealHealth';

import SIGNAL_PAST_CLOSE_DATE from '@salesforce/label/c.SC_Deal_Signal_Past_Close_Date';
import SIGNAL_PUSHED from '@salesforce/label/c.SC_Deal_Signal_Pushed';
import SIGNAL_STALE_IN_STAGE from '@salesforce/label/c.SC_Deal_Signal_Stale_In_Stage';
import SIGNAL_NO_RECENT_ACTIVITY from '@salesforce/label/c.SC_Deal_Signal_No_Recent_Activity';
import SIGNAL_NO_ACTIVITY_EVER from '@salesforce/label/c.SC_Deal_Signal_No_Activity_Ever';
import SIGNAL_AMOUNT_ABOVE_AVERAGE from '@salesforce/label/c.SC_Deal_Signal_Amount_Above_Average';
import SIGNAL_AMOUNT_BELOW_AVERAGE from '@salesforce/label/c.SC_Deal_Signal_Amount_Below_Average';
import SIGNAL_AMOUNT_MISSING from '@salesforce/label/c.SC_Deal_Signal_Amount_Missing';
import SIGNAL_PROBABILITY_ABOVE_STAGE from '@salesforce/label/c.SC_Deal_Signal_Probability_Above_Stage';
import SIGNAL_PROBABILITY_BELOW_STAGE from '@salesforce/label/c.SC_Deal_Signal_Probability_Below_Stage';
import SIGNAL_PAST_CLOSE_DATE_ONE from '@salesforce/label/c.SC_Deal_Signal_Past_Close_Date_One';
import SIGNAL_PUSHED_ONE from '@salesforce/label/c.SC_Deal_Signal_Pushed_One';
import SIGNAL_NO_ACTIVITY_EVER_ONE from '@salesforce/label/c.SC_Deal_Signal_No_Activity_Ever_One';
import QUESTION_PROSPECTING_ICP from '@salesforce/label/c.SC_Deal_Question_Prospecting_Icp';
import QUESTION_PROSPECTING_TRIGGER from '@salesforce/label/c.SC_Deal_Question_Prospecting_Trigger';
import QUESTION_PROSPECTING_NEXT_STEP from '@salesforce/label/c.SC_Deal_Question_Prospecting_Next_Step';
import QUESTION_QUALIFICATION_BUDGET from '@salesforce/label/c.SC_Deal_Question_Qualification_Budget';
import QUESTION_QUALIFICATION_AUTHORITY from '@salesforce/label/c.SC_Deal_Question_Qualification_Authority';
import QUESTION_QUALIFICATION_TIMELINE from '@salesforce/label/c.SC_Deal_Question_Qualification_Timeline';
import QUESTION_NEEDS_PAIN from '@salesforce/label/c.SC_Deal_Question_Needs_Pain';
import QUESTION_NEEDS_IMPACT from '@salesforce/label/c.SC_Deal_Question_Needs_Impact';
import QUESTION_NEEDS_SUCCESS from '@salesforce/label/c.SC_Deal_Question_Needs_Success';
import QUESTION_VALUE_DIFFERENTIATION from '@salesforce/label/c.SC_Deal_Question_Value_Differentiation';
import QUESTION_VALUE_PROOF from '@salesforce/label/c.SC_Deal_Question_Value_Proof';
import QUESTION_VALUE_COMPETITION from '@salesforce/label/c.SC_Deal_Question_Value_Competition';
import QUESTION_DECISION_MAKERS_MAP from '@salesforce/label/c.SC_Deal_Question_Decision_Makers_Map';
import QUESTION_DECISION_MAKERS_ECONOMIC_BUYER from '@salesforce/label/c.SC_Deal_Question_Decision_Makers_Economic_Buyer';
import QUESTION_DECISION_MAKERS_CHAMPION from '@salesforce/label/c.SC_Deal_Question_Decision_Makers_Champion';
import QUESTION_PERCEPTION_CONCERNS from '@salesforce/label/c.SC_Deal_Question_Perception_Concerns';
import QUESTION_PERCEPTION_RISKS from '@salesforce/label/c.SC_Deal_Question_Perception_Risks';
import QUESTION_PERCEPTION_ALTERNATIVES from '@salesforce/label/c.SC_Deal_Question_Perception_Alternatives';
import QUESTION_PROPOSAL_FIT from '@salesforce/label/c.SC_Deal_Question_Proposal_Fit';
import QUESTION_PROPOSAL_PROCESS from '@salesforce/label/c.SC_Deal_Question_Proposal_Process';
import QUESTION_PROPOSAL_PRICE from '@salesforce/label/c.SC_Deal_Question_Proposal_Price';
import QUESTION_NEGOTIATION_WALKAWAY from '@salesforce/label/c.SC_Deal_Question_Negotiation_Walkaway';
import QUESTION_NEGOTIATION_GIVE_GET from '@salesforce/label/c.SC_Deal_Question_Negotiation_Give_Get';
import QUESTION_NEGOTIATION_SIGNATURE from '@salesforce/label/c.SC_Deal_Question_Negotiation_Signature';

export const SIGNAL_LABELS: Readonly<Record<DealSignalCode, string>> = {
  'probability-below-stage': SIGNAL_PROBABILITY_BELOW_STAGE,
  'probability-above-stage': SIGNAL_PROBABILITY_ABOVE_STAGE,
  'past-close-date': SIGNAL_PAST_CLOSE_DATE,
  pushed: SIGNAL_PUSHED,
  'stale-in-stage': SIGNAL_STALE_IN_STAGE,
  'no-recent-activity': SIGNAL_NO_RECENT_ACTIVITY,
  'no-activity-ever': SIGNAL_NO_ACTIVITY_EVER,
  'amount-above-average': SIGNAL_AMOUNT_ABOVE_AVERAGE,
  'amount-below-average': SIGNAL_AMOUNT_BELOW_AVERAGE,
  'amount-missing': SIGNAL_AMOUNT_MISSING
};

/** Which of a signal's numbers fill its label's {0}, {1}, … in that order. */
const SIGNAL_ARGUMENTS: Readonly<Record<DealSignalCode, readonly string[]>> = {
  'probability-below-stage': ['probability', 'expected'],
  'probability-above-stage': ['probability', 'expected'],
  'past-close-date': ['days'],
  pushed: ['count'],
  'stale-in-stage': ['days', 'threshold'],
  'no-recent-activity': ['days'],
  'no-activity-ever': ['days'],
  'amount-above-average': ['multiple'],
  'amount-below-average': ['multiple'],
  'amount-missing': []
};

/** The signals that count something, in the singular for a count of one. */
export const SIGNAL_LABELS_ONE: Readonly<Partial<Record<DealSignalCode, string>>> = {
  'past-close-date': SIGNAL_PAST_CLOSE_DATE_ONE,
  pushed: SIGNAL_PUSHED_ONE,
  'no-activity-ever': SIGNAL_NO_ACTIVITY_EVER_ONE
};

/**
 * The signal in words: its label with its numbers filled in, in the singular when its count is
 * one ("Close date pushed once.", not "pushed 1 times.").
 */
export function signalText(signal: DealSignal): string {
  const values = SIGNAL_ARGUMENTS[signal.code].map((name) => signal.values[name]);
  const count = signal.values.count ?? signal.values.days;
  const one = SIGNAL_LABELS_ONE[signal.code];
  const label =
    one !== undefined && count !== undefined
      ? pluralForm(count, one, SIGNAL_LABELS[signal.code])
      : SIGNAL_LABELS[signal.code];
  return fill(label, ...values);
}

export const QUESTION_LABELS: Readonly<Record<CoachingQuestionCode, string>> = {
  'prospecting-icp': QUESTION_PROSPECTING_ICP,
  'prospecting-trigger': QUESTION_PROSPECTING_TRIGGER,
  'prospecting-next-step': QUESTION_PROSPECTING_NEXT_STEP,
  'qualification-budget': QUESTION_QUALIFICATION_BUDGET,
  'qualification-authority': QUESTION_QUALIFICATION_AUTHORITY,
  'qualification-timeline': QUESTION_QUALIFICATION_TIMELINE,
  'needs-pain': QUESTION_NEEDS_PAIN,
  'needs-impact': QUESTION_NEEDS_IMPACT,
  'needs-success': QUESTION_NEEDS_SUCCESS,
  'value-differentiation': QUESTION_VALUE_DIFFERENTIATION,
  'value-proof': QUESTION_VALUE_PROOF,
  'value-competition': QUESTION_VALUE_COMPETITION,
  'decision-makers-map': QUESTION_DECISION_MAKERS_MAP,
  'decision-makers-economic-buyer': QUESTION_DECISION_MAKERS_ECONOMIC_BUYER,
  'decision-makers-champion': QUESTION_DECISION_MAKERS_CHAMPION,
  'perception-concerns': QUESTION_PERCEPTION_CONCERNS,
  'perception-risks': QUESTION_PERCEPTION_RISKS,
  'perception-alternatives': QUESTION_PERCEPTION_ALTERNATIVES,
  'proposal-fit': QUESTION_PROPOSAL_FIT,
  'proposal-process': QUESTION_PROPOSAL_PROCESS,
  'proposal-price': QUESTION_PROPOSAL_PRICE,
  'negotiation-walkaway': QUESTION_NEGOTIATION_WALKAWAY,
  'negotiation-give-get': QUESTION_NEGOTIATION_GIVE_GET,
  'negotiation-signature': QUESTION_NEGOTIATION_SIGNATURE
};
