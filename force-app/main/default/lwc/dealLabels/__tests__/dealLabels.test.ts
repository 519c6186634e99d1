import { signalText } from 'c/dealLabels';

// Labels resolve to their names in Jest; these get the text force-app's labels file gives them,
// so the test sees which number fills which placeholder.
jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Stale_In_Stage',
  () => ({ __esModule: true, default: 'In the same stage for {0} days (threshold {1}).' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Probability_Below_Stage',
  () => ({
    __esModule: true,
    default: 'Probability {0}% is below the {1}% expected at this stage.'
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Amount_Missing',
  () => ({ __esModule: true, default: 'No amount entered.' }),
  { virtual: true }
);

describe('c/dealLabels signal text', () => {
  it('fills a signal’s label with its numbers, in the label’s order', () => {
    expect(
      signalText({ code: 'stale-in-stage', severity: 'high', values: { threshold: 30, days: 40 } })
    ).toBe('In the same stage for 40 days (threshold 30).');
    expect(
      signalText({
        code: 'probability-below-stage',
        severity: 'low',
        values: { difference: 40, expected: 90, probability: 50 }
      })
    ).toBe('Probability 50% is below the 90% expected at this stage.');
  });

  it('leaves a label without placeholders as it is', () => {
    expect(signalText({ code: 'amount-missing', severity: 'medium', values: {} })).toBe(
      'No amount entered.'
    );
  });
});
