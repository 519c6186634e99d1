import { signalText } from 'c/dealLabels';

jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Pushed',
  () => ({ __esModule: true, default: 'Close date pushed {0} times.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Pushed_One',
  () => ({ __esModule: true, default: 'Close date pushed once.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SC_Deal_Signal_Stale_In_Stage',
  () => ({ __esModule: true, default: 'In the same stage for {0} days (threshold {1}).' }),
  { virtual: true }
);

describe('c/dealLabels signalText (defect 15)', () => {
  it('says "pushed once", not "pushed 1 times"', () => {
    const signal = { code: 'pushed' as const, severity: 'low' as const, values: { count: 1 } };
    expect(signalText(signal)).toBe('Close date pushed once.');
    expect(signalText({ ...signal, values: { count: 3 } })).toBe('Close date pushed 3 times.');
  });

  it('fills a label without a singular form with its numbers in order', () => {
    const signal = {
      code: 'stale-in-stage' as const,
      severity: 'medium' as const,
      values: { days: 40, threshold: 30 }
    };
    expect(signalText(signal)).toBe('In the same stage for 40 days (threshold 30).');
  });
});
