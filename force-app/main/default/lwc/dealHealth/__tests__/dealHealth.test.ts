import type { OpportunityFact } from 'c/coachingMetrics';
import {
  COACHING_QUESTIONS,
  DEAL_SIGNAL_TEMPLATES,
  OPEN_STAGES,
  STAGE_PROBABILITIES,
  type DealSignalCode,
  assessDeal,
  coachingQuestionsFor,
  dealSignals,
  explainSignal,
  formatTemplate,
  healthScore,
  rankDealsAtRisk,
  signalText
} from 'c/dealHealth';
import { toEpochDay } from 'c/periods';

const TODAY = '2025-02-15';
const d = toEpochDay;

function deal(fields: Partial<OpportunityFact> = {}): OpportunityFact {
  return {
    id: '006A',
    ownerId: 'A',
    accountId: null,
    amount: 10000,
    stage: 'Needs Analysis',
    probability: 20,
    isClosed: false,
    isWon: false,
    closeDay: d('2025-03-31'),
    createdDay: d('2025-02-01'),
    pushCount: 0,
    lastStageChangeDay: d('2025-02-10'),
    lastActivityDay: d('2025-02-14'),
    ...fields
  };
}

const codes = (signals: { code: DealSignalCode }[]) => signals.map((signal) => signal.code);

describe('deal signals', () => {
  it('finds nothing wrong with a fresh, well-sized deal', () => {
    expect(dealSignals(deal(), { today: TODAY, averageDealSize: 10000 })).toEqual([]);
    expect(healthScore([])).toBe(100);
  });

  it('flags every signal with its numbers, most severe first', () => {
    const signals = dealSignals(
      deal({
        closeDay: d('2025-01-01'),
        pushCount: 3,
        createdDay: d('2024-10-01'),
        lastStageChangeDay: null,
        lastActivityDay: d('2025-01-25'),
        amount: 50000,
        stage: 'Prospecting',
        probability: 60
      }),
      { today: TODAY, averageDealSize: 10000 }
    );
    expect(signals).toEqual([
      { code: 'past-close-date', severity: 'high', values: { days: 45 } },
      { code: 'pushed', severity: 'high', values: { count: 3 } },
      { code: 'stale-in-stage', severity: 'high', values: { days: 137, threshold: 30 } },
      { code: 'no-recent-activity', severity: 'medium', values: { days: 21, threshold: 14 } },
      {
        code: 'amount-above-average',
        severity: 'medium',
        values: { multiple: 5, amount: 50000, average: 10000 }
      },
      {
        code: 'probability-above-stage',
        severity: 'medium',
        values: { probability: 60, expected: 10, difference: 50 }
      }
    ]);
    expect(healthScore(signals)).toBe(0);
  });

  it('grades by degree and respects settings', () => {
    const base = { today: TODAY, averageDealSize: null };
    expect(dealSignals(deal({ closeDay: d('2025-02-10') }), base)).toEqual([
      { code: 'past-close-date', severity: 'medium', values: { days: 5 } }
    ]);
    expect(codes(dealSignals(deal({ pushCount: 1 }), base))).toEqual(['pushed']);
    expect(dealSignals(deal({ pushCount: 1 }), base)[0].severity).toBe('low');
    expect(dealSignals(deal({ pushCount: 2 }), base)[0].severity).toBe('medium');
    const quiet = deal({ lastActivityDay: d('2025-02-05') });
    expect(dealSignals(quiet, base)).toEqual([]);
    expect(codes(dealSignals(quiet, { ...base, settings: { noActivityDays: 7 } }))).toEqual([
      'no-recent-activity'
    ]);
  });

  it('distinguishes never-touched deals and missing amounts', () => {
    const signals = dealSignals(
      deal({ lastActivityDay: null, amount: null, createdDay: d('2025-01-01') }),
      {
        today: TODAY,
        averageDealSize: 10000
      }
    );
    expect(signals).toEqual([
      { code: 'no-activity-ever', severity: 'high', values: { days: 45, threshold: 14 } },
      { code: 'amount-missing', severity: 'medium', values: {} }
    ]);
  });

  it('compares amount with the rep’s average only when there is one', () => {
    expect(
      codes(dealSignals(deal({ amount: 2000 }), { today: TODAY, averageDealSize: 10000 }))
    ).toEqual(['amount-below-average']);
    expect(dealSignals(deal({ amount: 2000 }), { today: TODAY, averageDealSize: null })).toEqual(
      []
    );
    expect(dealSignals(deal({ amount: 2000 }), { today: TODAY, averageDealSize: 0 })).toEqual([]);
  });

  it('flags a probability far below the stage’s, and ignores custom stages', () => {
    expect(
      dealSignals(deal({ stage: 'Negotiation/Review', probability: 40 }), {
        today: TODAY,
        averageDealSize: null
      })
    ).toEqual([
      {
        code: 'probability-below-stage',
        severity: 'low',
        values: { probability: 40, expected: 90, difference: -50 }
      }
    ]);
    expect(
      dealSignals(deal({ stage: 'Custom Stage', probability: 99 }), {
        today: TODAY,
        averageDealSize: null
      })
    ).toEqual([]);
  });

  it('has no signals for closed deals', () => {
    const closed = deal({ isClosed: true, isWon: true, closeDay: d('2024-01-01'), pushCount: 5 });
    expect(dealSignals(closed, { today: TODAY, averageDealSize: 1 })).toEqual([]);
  });
});

describe('explanations and coaching questions', () => {
  it('has a default English template for every signal, filled from its numbers', () => {
    expect(explainSignal({ code: 'pushed', severity: 'high', values: { count: 3 } })).toBe(
      'Close date pushed 3 times.'
    );
    expect(
      explainSignal({
        code: 'stale-in-stage',
        severity: 'high',
        values: { days: 40, threshold: 30 }
      })
    ).toBe('In the same stage for 40 days (threshold 30).');
    expect(formatTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    const templated = new Set(Object.keys(DEAL_SIGNAL_TEMPLATES));
    expect(templated.size).toBe(10);
  });

  it('asks three questions per standard open stage, each with default text', () => {
    for (const stage of OPEN_STAGES) {
      const questions = coachingQuestionsFor(stage);
      expect(questions).toHaveLength(3);
      for (const code of questions) expect(COACHING_QUESTIONS[code].length).toBeGreaterThan(10);
      expect(STAGE_PROBABILITIES[stage]).toBeGreaterThan(0);
    }
    const all = OPEN_STAGES.flatMap((stage) => coachingQuestionsFor(stage));
    expect(new Set(all).size).toBe(Object.keys(COACHING_QUESTIONS).length);
    expect(coachingQuestionsFor('Closed Won')).toEqual([]);
    expect(coachingQuestionsFor('Custom')).toEqual([]);
  });
});

describe('ranking deals at risk', () => {
  it('puts the lowest health first, then the larger amount, then the earlier close date', () => {
    const healthy = deal({ id: 'healthy' });
    const slipping = deal({ id: 'slipping', closeDay: d('2025-02-01'), amount: 5000 });
    const slippingBig = deal({ id: 'slipping-big', closeDay: d('2025-02-01'), amount: 8000 });
    const worst = deal({
      id: 'worst',
      closeDay: d('2024-12-01'),
      pushCount: 4,
      lastActivityDay: null
    });
    const closed = deal({ id: 'closed', isClosed: true });
    const ranked = rankDealsAtRisk([healthy, slipping, worst, closed, slippingBig], {
      today: TODAY,
      averageDealSizeByOwner: new Map([['A', 10000]])
    });
    expect(ranked.map((entry) => entry.deal.id)).toEqual([
      'worst',
      'slipping-big',
      'slipping',
      'healthy'
    ]);
    expect(ranked[0].score).toBeLessThan(ranked[1].score);
    expect(ranked[3].score).toBe(100);
    expect(assessDeal(healthy, { today: TODAY, averageDealSize: null }).questions).toEqual(
      coachingQuestionsFor('Needs Analysis')
    );
  });
});

describe('signalText (defect 15)', () => {
  const labels = { ...DEAL_SIGNAL_TEMPLATES };
  const singular = { pushed: 'Close date pushed once.' };

  it('says "pushed once", not "pushed 1 times"', () => {
    const signal = { code: 'pushed' as const, severity: 'low' as const, values: { count: 1 } };
    expect(signalText(signal, labels, singular)).toBe('Close date pushed once.');
    expect(signalText({ ...signal, values: { count: 3 } }, labels, singular)).toBe(
      'Close date pushed 3 times.'
    );
  });

  it('keeps the label as it is for signals without a singular form', () => {
    const signal = {
      code: 'amount-missing' as const,
      severity: 'medium' as const,
      values: {}
    };
    expect(signalText(signal, labels, singular)).toBe('No amount entered.');
  });
});
