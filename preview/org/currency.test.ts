/**
 * Multi-currency in the in-memory org: conversion to the corporate and the user's currency
 * (static and dated rates), the multi-currency model and sample, and what the org does with
 * CurrencyIsoCode in queries and saves, in both kinds of org.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import {
  SAMPLE_CURRENCY_SETTINGS,
  conversionRate,
  convertAmount,
  multiCurrencyDataset
} from '../../data/currency';
import type { CurrencySettings, Dataset, DatasetRecord } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import {
  CURRENCY_ISO_CODE,
  CURRENCY_TYPE,
  DEFAULT_CURRENCY_ISO_CODE,
  corporateAmount,
  corporateDisplayValue,
  corporateIsoCode,
  currencyDisplayValue,
  currencyFieldsOf,
  currencyOnCreate,
  formatMoney,
  recordIsoCode,
  userCurrencyAmount,
  userIsoCode,
  withMultiCurrency
} from './currency';
import { loadPreviewMetadata } from './loadModel';
import type { OrgModel, OrgObject } from './model';
import { InMemoryOrg } from './org';
import { OrgStore } from './store';
import { fixtureModel } from './testing/fixtureModel';
import { previewOrgData } from '../runtime/runtime';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** EUR corporate; USD static 1.25, dated 1.0 from 2025 and 2.0 from 2026; JPY static 150. */
const SETTINGS: CurrencySettings = {
  corporate: 'EUR',
  currencies: [
    { isoCode: 'EUR', conversionRate: 1, decimalPlaces: 2 },
    { isoCode: 'USD', conversionRate: 1.25, decimalPlaces: 2 },
    { isoCode: 'JPY', conversionRate: 150, decimalPlaces: 0 }
  ],
  datedRates: [
    { isoCode: 'USD', startDate: '2025-01-01', conversionRate: 1 },
    { isoCode: 'USD', startDate: '2026-01-01', conversionRate: 2 }
  ]
};

const USER_EUR = '005Dp0000000001IAA';
const USER_USD = '005Dp0000000002IAA';
const USER_JPY = '005Dp0000000003IAA';

function tinyDataset(currency: CurrencySettings | undefined): Dataset {
  const user = (Id: string, iso: string): DatasetRecord => ({
    Id,
    Name: Id,
    ...(currency ? { [DEFAULT_CURRENCY_ISO_CODE]: iso, [CURRENCY_ISO_CODE]: iso } : {})
  });
  return {
    meta: {
      description: 'tiny',
      seed: 1,
      today: '2026-03-01',
      personas: { vp: USER_EUR, manager: USER_USD, rep: USER_JPY },
      ...(currency ? { currency } : {})
    },
    records: {
      User: [user(USER_EUR, 'EUR'), user(USER_USD, 'USD'), user(USER_JPY, 'JPY')],
      Opportunity: [
        {
          Id: '006Dp0000000001IAA',
          Name: 'Deal',
          OwnerId: USER_USD,
          Amount: 1000,
          CloseDate: '2025-06-30',
          ...(currency ? { CurrencyIsoCode: 'USD' } : {})
        }
      ]
    }
  };
}

function storeOf(model: OrgModel, dataset: Dataset): OrgStore {
  return new OrgStore(model, dataset);
}

function object(store: OrgStore, name: string): OrgObject {
  const found = store.object(name);
  assert.ok(found, name);
  return found;
}

void describe('conversion rates', () => {
  void it('reads the static rate against the corporate currency, 1 for the corporate one', () => {
    assert.equal(conversionRate(SETTINGS, 'EUR'), 1);
    assert.equal(conversionRate(SETTINGS, 'JPY'), 150);
    assert.equal(conversionRate(SETTINGS, 'USD'), 1.25);
    assert.equal(conversionRate(SETTINGS, 'CHF'), null);
  });

  void it('picks the dated rate in effect on a date, the earliest before the first one', () => {
    assert.equal(conversionRate(SETTINGS, 'USD', '2025-12-31'), 1);
    assert.equal(conversionRate(SETTINGS, 'USD', '2026-01-01'), 2);
    assert.equal(conversionRate(SETTINGS, 'USD', '2019-05-05'), 1);
    // A currency without dated rates keeps its static rate on any date.
    assert.equal(conversionRate(SETTINGS, 'JPY', '2026-01-01'), 150);
  });

  void it('converts between two currencies through the corporate one', () => {
    assert.equal(convertAmount(SETTINGS, 300, 'JPY', 'USD'), 2.5);
    assert.equal(convertAmount(SETTINGS, 5, 'USD', 'USD'), 5);
    assert.equal(convertAmount(SETTINGS, 5, 'USD', 'CHF'), null);
  });
});

void describe('amounts of a record in a multi-currency org', () => {
  const model = withMultiCurrency(fixtureModel(), SETTINGS);
  const store = storeOf(model, tinyDataset(SETTINGS));
  const opportunity = object(store, 'Opportunity');
  const [deal] = store.rows('Opportunity');

  void it('knows the corporate currency and each user’s currency', () => {
    assert.notEqual(store.currency, null);
    assert.equal(corporateIsoCode(store), 'EUR');
    assert.equal(userIsoCode(store, USER_JPY), 'JPY');
    assert.equal(recordIsoCode(store, opportunity, deal, 'Amount'), 'USD');
  });

  void it('converts an opportunity to the corporate currency at its close date’s dated rate', () => {
    // 1000 USD closing in 2025 (1 USD per EUR) is 1000 EUR; in 2026 (2 per EUR) 500 EUR.
    assert.equal(corporateAmount(store, opportunity, deal, 'Amount', 1000), 1000);
    const later = { ...deal, CloseDate: '2026-02-01' };
    assert.equal(corporateAmount(store, opportunity, later, 'Amount', 1000), 500);
  });

  void it('converts to the user’s currency, rounded to its decimal places', () => {
    assert.equal(userCurrencyAmount(store, USER_JPY, opportunity, deal, 'Amount', 1000), 150000);
    assert.equal(userCurrencyAmount(store, USER_USD, opportunity, deal, 'Amount', 1000), 1000);
    assert.equal(userCurrencyAmount(store, USER_EUR, opportunity, deal, 'Amount', 333.333), 333.33);
  });

  void it('reads a parent’s amount in the parent’s currency', () => {
    const user = object(store, 'User');
    const eurUser = store.user(USER_EUR) as DatasetRecord;
    assert.equal(recordIsoCode(store, user, eurUser, 'Id'), 'EUR');
    // Owner.Id has no currency of its own: the path ends on the owner, a USD user.
    assert.equal(recordIsoCode(store, opportunity, deal, 'Owner.Name'), 'USD');
  });

  void it('converts objects other than opportunities at the static rate', () => {
    const user = object(store, 'User');
    const usd = store.user(USER_USD) as DatasetRecord;
    assert.equal(corporateAmount(store, user, usd, 'Name', 125), 100);
  });

  void it('gives no amount for a non-number', () => {
    assert.equal(corporateAmount(store, opportunity, deal, 'Amount', null), null);
    assert.equal(userCurrencyAmount(store, USER_JPY, opportunity, deal, 'Amount', 'x'), null);
  });

  void it('formats amounts with their ISO code', () => {
    assert.equal(formatMoney(1234.5, 'EUR').replace(/\s/g, ' '), 'EUR 1,234.50');
    assert.equal(
      currencyDisplayValue(store, opportunity, deal, 'Amount', 1000)?.replace(/\s/g, ' '),
      'USD 1,000.00'
    );
    assert.equal(corporateDisplayValue(store, 5, 0)?.replace(/\s/g, ' '), 'EUR 5');
  });
});

void describe('amounts in a single-currency org', () => {
  const store = storeOf(fixtureModel(), tinyDataset(undefined));
  const opportunity = object(store, 'Opportunity');
  const [deal] = store.rows('Opportunity');

  void it('are what the record holds, with no currency code', () => {
    assert.equal(store.currency, null);
    assert.equal(corporateIsoCode(store), null);
    assert.equal(userIsoCode(store, USER_JPY), null);
    assert.equal(recordIsoCode(store, opportunity, deal, 'Amount'), null);
    assert.equal(corporateAmount(store, opportunity, deal, 'Amount', 1000), 1000);
    assert.equal(userCurrencyAmount(store, USER_JPY, opportunity, deal, 'Amount', 1000), 1000);
    assert.equal(currencyDisplayValue(store, opportunity, deal, 'Amount', 1000), '$1,000.00');
    assert.equal(currencyOnCreate(store, USER_JPY, opportunity, deal), null);
  });
});

void describe('the multi-currency model', () => {
  const base = fixtureModel();
  const model = withMultiCurrency(base, SETTINGS);

  void it('adds CurrencyIsoCode where currencies apply, DefaultCurrencyIsoCode on users', () => {
    for (const name of Object.keys(model.objects)) {
      const has = CURRENCY_ISO_CODE in model.objects[name].fields;
      const expected =
        name !== CURRENCY_TYPE &&
        !name.endsWith('History') &&
        (model.objects[name].custom || ['Opportunity', 'Account', 'User'].includes(name));
      assert.equal(has, expected, name);
    }
    const iso = model.objects.Opportunity.fields[CURRENCY_ISO_CODE];
    assert.deepEqual(
      iso.picklistValues.map((entry) => entry.value),
      ['EUR', 'USD', 'JPY']
    );
    assert.equal(iso.createable, true);
    assert.ok(model.objects.User.fields[DEFAULT_CURRENCY_ISO_CODE]);
  });

  void it('makes a detail record’s currency read-only: it follows the master', () => {
    const details = Object.values(model.objects).filter(
      (candidate) => candidate.ownership === 'master' && CURRENCY_ISO_CODE in candidate.fields
    );
    assert.ok(details.length > 0);
    for (const detail of details) {
      assert.equal(detail.fields[CURRENCY_ISO_CODE].createable, false, detail.apiName);
      assert.equal(detail.fields[CURRENCY_ISO_CODE].updateable, false, detail.apiName);
    }
  });

  void it('adds the CurrencyType object and leaves the input model alone', () => {
    assert.ok(model.objects[CURRENCY_TYPE].fields.IsCorporate);
    assert.equal(base.objects[CURRENCY_TYPE], undefined);
    assert.equal(CURRENCY_ISO_CODE in base.objects.Opportunity.fields, false);
  });
});

void describe('the sample org with multiple currencies', () => {
  let model: OrgModel;
  let single: Dataset;
  let multi: Dataset;

  before(() => {
    model = loadPreviewMetadata(ROOT).model;
    single = generateDataset();
    multi = multiCurrencyDataset(single, (name) => currencyFieldsOf(model, name));
  });

  void it('is deterministic and keeps every record', () => {
    const again = multiCurrencyDataset(generateDataset(), (name) => currencyFieldsOf(model, name));
    assert.deepEqual(again, multi);
    for (const [name, rows] of Object.entries(single.records)) {
      assert.equal(multi.records[name].length, rows.length, name);
    }
    assert.deepEqual(multi.meta.currency, SAMPLE_CURRENCY_SETTINGS);
    assert.equal(single.meta.currency, undefined, 'the single-currency sample is not changed');
  });

  void it('gives the personas different currencies, the VP the corporate one', () => {
    const iso = (id: string) =>
      multi.records.User.find((user) => user.Id === id)?.[DEFAULT_CURRENCY_ISO_CODE];
    const { vp, manager, rep } = multi.meta.personas;
    assert.equal(iso(vp), 'EUR');
    assert.equal(iso(manager), 'USD');
    assert.equal(iso(rep), 'GBP');
    const used = new Set(multi.records.User.map((user) => user[DEFAULT_CURRENCY_ISO_CODE]));
    assert.deepEqual([...used].sort(), ['EUR', 'GBP', 'JPY', 'USD']);
  });

  void it('puts opportunities in their owner’s currency, amounts converted at dated rates', () => {
    const currencyOf = new Map(
      multi.records.User.map((user) => [user.Id, user[DEFAULT_CURRENCY_ISO_CODE]])
    );
    multi.records.Opportunity.forEach((deal, index) => {
      assert.equal(deal.CurrencyIsoCode, currencyOf.get(String(deal.OwnerId)), deal.Id);
      const original = single.records.Opportunity[index].Amount;
      if (typeof original !== 'number') return;
      const expected = convertAmount(
        SAMPLE_CURRENCY_SETTINGS,
        original,
        'EUR',
        String(deal.CurrencyIsoCode),
        String(deal.CloseDate)
      );
      assert.equal(deal.Amount, Math.round(expected as number), deal.Id);
    });
  });

  void it('keeps the corporate total of every opportunity within rounding of the original', () => {
    const org = new InMemoryOrg(withMultiCurrency(model, SAMPLE_CURRENCY_SETTINGS), multi);
    const opportunity = org.store.object('Opportunity') as OrgObject;
    let corporate = 0;
    let original = 0;
    let mixed = 0;
    multi.records.Opportunity.forEach((deal, index) => {
      corporate += corporateAmount(org.store, opportunity, deal, 'Amount', deal.Amount) ?? 0;
      original += Number(single.records.Opportunity[index].Amount ?? 0);
      mixed += Number(deal.Amount ?? 0);
    });
    assert.ok(Math.abs(corporate - original) < multi.records.Opportunity.length, 'rounding only');
    // Adding the records' own amounts would be far off: they are in four currencies.
    assert.ok(Math.abs(mixed - original) > original * 0.5);
  });

  void it('puts plan accounts and the target history in their plan’s currency', () => {
    const planCurrency = new Map(
      multi.records.Territory_Plan__c.map((plan) => [plan.Id, plan.CurrencyIsoCode])
    );
    for (const account of multi.records.Territory_Plan_Account__c) {
      assert.equal(account.CurrencyIsoCode, planCurrency.get(String(account.Territory_Plan__c)));
    }
    const currencies = new Set(planCurrency.values());
    assert.ok(currencies.size > 1, 'plans in several currencies');
    let converted = 0;
    multi.records.Territory_Plan__History.forEach((row, index) => {
      if (row.Field !== 'Target_Amount__c') return;
      const iso = String(planCurrency.get(String(row.ParentId)));
      const original = Number(single.records.Territory_Plan__History[index].NewValue);
      const expected = convertAmount(SAMPLE_CURRENCY_SETTINGS, original, 'EUR', iso);
      assert.equal(row.NewValue, Math.round(expected as number), row.Id);
      if (iso !== 'EUR') converted++;
    });
    assert.ok(converted > 0, 'target changes of plans in other currencies');
    // Saved scorecards hold aggregates: the corporate currency.
    for (const row of multi.records.Manager_Scorecard__c) assert.equal(row.CurrencyIsoCode, 'EUR');
  });

  void it('lists the currencies as CurrencyType records, the corporate one flagged', () => {
    const types = multi.records[CURRENCY_TYPE];
    assert.deepEqual(
      types.filter((row) => row.IsCorporate).map((row) => row.IsoCode),
      ['EUR']
    );
    assert.equal(types.length, SAMPLE_CURRENCY_SETTINGS.currencies.length);
  });

  void it('answers CurrencyIsoCode and CurrencyType queries; saves take the user’s currency', () => {
    const org = new InMemoryOrg(withMultiCurrency(model, SAMPLE_CURRENCY_SETTINGS), multi);
    const { manager, rep } = multi.meta.personas;
    const session = org.session(manager);
    const result = session.graphql({
      query: `{ uiapi { query {
        Opportunity(first: 1, where: { OwnerId: { eq: "${rep}" } }) {
          edges { node { CurrencyIsoCode { value } } } }
        CurrencyType(where: { IsCorporate: { eq: true } }) {
          edges { node { IsoCode { value } } } } } } }`
    });
    assert.equal(result.errors, undefined);
    const data = result.data as {
      uiapi: { query: Record<string, { edges: { node: Record<string, { value: unknown }> }[] }> };
    };
    assert.equal(data.uiapi.query.Opportunity.edges[0].node.CurrencyIsoCode.value, 'GBP');
    assert.equal(data.uiapi.query.CurrencyType.edges[0].node.IsoCode.value, 'EUR');

    const goal = session.createRecord({
      apiName: 'Development_Goal__c',
      fields: {
        Name: 'Close with a plan',
        Rep__c: rep,
        Coach__c: manager,
        Skill_Area__c: 'Closing',
        Start_Date__c: '2026-11-01',
        Target_Date__c: '2026-12-31',
        Status__c: 'Not Started'
      }
    });
    assert.equal(goal.fields.CurrencyIsoCode?.value, 'USD', 'the creator’s currency');

    const plan = multi.records.Territory_Plan__c.find(
      (row) => row.Manager__c === manager && row.CurrencyIsoCode === 'USD'
    );
    assert.ok(plan);
    const account = session.createRecord({
      apiName: 'Territory_Plan_Account__c',
      fields: { Territory_Plan__c: plan.Id, Account__c: multi.records.Account[0].Id }
    });
    assert.equal(account.fields.CurrencyIsoCode?.value, 'USD', 'the master’s currency');
  });

  void it('shows a record’s amount in its own currency through getRecord', () => {
    const org = new InMemoryOrg(withMultiCurrency(model, SAMPLE_CURRENCY_SETTINGS), multi);
    const { manager } = multi.meta.personas;
    const plan = multi.records.Territory_Plan__c.find(
      (row) => row.Manager__c === manager && row.CurrencyIsoCode === 'USD'
    );
    assert.ok(plan);
    const record = org.session(manager).getRecord(plan.Id, ['Territory_Plan__c.Target_Amount__c']);
    const field = record.fields.Target_Amount__c;
    assert.equal(
      field.displayValue?.replace(/\s/g, ' '),
      `USD ${Number(field.value).toLocaleString('en-US', { minimumFractionDigits: 2 })}`
    );
  });

  void it('in the single-currency org has no CurrencyIsoCode: @optional drops it', () => {
    const org = new InMemoryOrg(model, single);
    const session = org.session(single.meta.personas.manager);
    const strict = session.graphql({
      query:
        '{ uiapi { query { Opportunity(first: 1) { edges { node { CurrencyIsoCode { value } } } } } } }'
    });
    assert.match(String(strict.errors?.[0]?.message), /CurrencyIsoCode/);
    const optional = session.graphql({
      query:
        '{ uiapi { query { Opportunity(first: 1) { edges { node { Id CurrencyIsoCode @optional { value } } } } } } }'
    });
    assert.equal(optional.errors, undefined);
    const data = optional.data as {
      uiapi: { query: { Opportunity: { edges: { node: Record<string, unknown> }[] } } };
    };
    assert.equal('CurrencyIsoCode' in data.uiapi.query.Opportunity.edges[0].node, false);
  });
});

void describe('the preview’s switch', () => {
  void it('opens the multi-currency sample with ?currency=multi, the sample as it is otherwise', () => {
    const model = fixtureModel();
    const dataset = tinyDataset(undefined);
    const plain = previewOrgData(model, dataset, new URLSearchParams('persona=rep'));
    assert.equal(plain.model, model);
    assert.equal(plain.dataset, dataset);
    const multi = previewOrgData(model, dataset, new URLSearchParams('currency=multi'));
    assert.deepEqual(multi.dataset.meta.currency, SAMPLE_CURRENCY_SETTINGS);
    assert.ok(CURRENCY_ISO_CODE in multi.model.objects.Opportunity.fields);
  });
});
