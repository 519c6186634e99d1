import {
  createDateFormatter,
  createFormatters,
  fill,
  formatAmount,
  formatCurrency,
  formatCurrencyIn,
  formatDate,
  formatMultiple,
  formatNumber,
  pluralForm
} from 'c/coachingFormat';

// Non-breaking spaces differ between ICU versions; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('c/coachingFormat number formatting', () => {
  it('formats in the platform defaults (en-US, USD) when the user settings are the defaults', () => {
    expect(formatCurrency(100000)).toBe('$100,000');
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatMultiple(2.456)).toBe('2.5×');
    expect(formatCurrency(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('formats amounts in the given currency and numbers in the given locale', () => {
    const german = createFormatters('de-DE', 'EUR');
    expect(plain(german.formatCurrency(100000))).toBe('100.000 €');
    expect(german.formatNumber(1234.56)).toBe('1.234,6');
    expect(german.formatMultiple(2.456)).toBe('2,5×');
    const japanese = createFormatters('ja-JP', 'JPY');
    expect(japanese.formatCurrency(5000)).toMatch(/^[¥￥]5,000$/);
    const british = createFormatters('en-GB', 'GBP');
    expect(british.formatCurrency(2500)).toBe('£2,500');
  });

  it('names the currency by its ISO code where several currencies meet', () => {
    expect(plain(formatCurrencyIn(12000, 'GBP'))).toBe('GBP 12,000');
    expect(plain(formatCurrencyIn(9_000_000, 'JPY'))).toBe('JPY 9,000,000');
    expect(formatCurrencyIn(null, 'EUR')).toBe('—');
    // Without a code: the user's currency, as formatCurrency writes it.
    expect(formatCurrencyIn(1000, null)).toBe('$1,000');
    expect(plain(createFormatters('de-DE', 'EUR', 'code').formatCurrency(5))).toBe('5 EUR');
  });

  it('writes an amount of unknown currency as the number alone', () => {
    expect(formatAmount(123456.7)).toBe('123,457');
    expect(formatAmount(undefined)).toBe('—');
  });

  it('falls back instead of throwing on a locale or currency Intl does not know', () => {
    expect(plain(createFormatters('de-DE-EURO', 'EUR').formatCurrency(100000))).toBe('100.000 €');
    expect(createFormatters('not a locale', 'USD').formatCurrency(1000)).toBe('$1,000');
    expect(createFormatters('en-US', 'not a currency').formatCurrency(1000)).toBe('$1,000');
  });
});

describe('c/coachingFormat with the user settings from @salesforce/i18n', () => {
  it('uses @salesforce/i18n/locale and @salesforce/i18n/currency', () => {
    jest.resetModules();
    jest.doMock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'fr-FR' }), {
      virtual: true
    });
    jest.doMock('@salesforce/i18n/currency', () => ({ __esModule: true, default: 'EUR' }), {
      virtual: true
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const format = require('c/coachingFormat') as typeof import('c/coachingFormat');
      expect(plain(format.formatCurrency(1500))).toBe('1 500 €');
      expect(format.formatNumber(0.5)).toBe('0,5');
    });
  });
});

describe('c/coachingFormat label templates', () => {
  it('fills {0}, {1}, … with the values in order and keeps a placeholder without a value', () => {
    expect(fill('Close date pushed {0} times.', 3)).toBe('Close date pushed 3 times.');
    expect(fill('In the same stage for {0} days (threshold {1}).', 40, 30)).toBe(
      'In the same stage for 40 days (threshold 30).'
    );
    expect(fill('{1} before {0}', 'a', 'b')).toBe('b before a');
    expect(fill('{0} and {1}', 1)).toBe('1 and {1}');
  });
});

describe('c/coachingFormat dates and counts (defect 15)', () => {
  it('writes every date in the user’s locale, as the UI API’s display values do', () => {
    expect(formatDate('2026-11-17')).toBe('11/17/2026');
    expect(formatDate('2026-11-17T10:30:00.000Z')).toBe('11/17/2026');
    expect(createDateFormatter('de-DE')('2026-11-17')).toBe('17.11.2026');
    expect(createDateFormatter('de-DE-EURO')('2026-01-02')).toBe('2.1.2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });

  it('picks the singular label for one and the plural for other counts', () => {
    expect(pluralForm(1, 'Pushed once.', 'Pushed {0} times.')).toBe('Pushed once.');
    expect(fill(pluralForm(3, 'Pushed once.', 'Pushed {0} times.'), 3)).toBe('Pushed 3 times.');
    expect(pluralForm(0, '{0} day', '{0} days')).toBe('{0} days');
    expect(pluralForm(1, '{0} jour', '{0} jours', 'fr-FR')).toBe('{0} jour');
    expect(pluralForm(0, '{0} jour', '{0} jours', 'fr-FR')).toBe('{0} jour');
  });
});
