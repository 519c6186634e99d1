/**
 * The sample as a multi-currency org (`?currency=multi`: corporate EUR, the manager persona in
 * USD, the rep persona in GBP, records in their owners' or creators' currencies). Expected
 * figures are computed here from the same org in Node with preview/org/currency.ts: aggregates
 * in the corporate currency, convertCurrency in the user's — so a figure that adds amounts of
 * different currencies, or names the wrong currency, fails.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Dataset, DatasetRecord } from '../data/dataset';
import { corporateAmount, userCurrencyAmount } from '../preview/org/currency';
import { loadPreviewMetadata } from '../preview/org/loadModel';
import type { OrgObject } from '../preview/org/model';
import { InMemoryOrg } from '../preview/org/org';
import { previewOrgData } from '../preview/runtime/runtime';
import { settle, usePreview } from './harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Q4 2026: the scorecard's "This quarter" on the sample's today, 2026-11-23. */
const QUARTER = { start: '2026-10-01', end: '2026-12-31' };

/** "GBP 12,345" as Intl writes it (a no-break space after the code) and as tests compare it. */
const spaces = (text: string): string => text.replace(/\s/g, ' ').trim();
const money = (iso: string, value: number): string =>
  `${iso} ${Math.round(value).toLocaleString('en-US')}`;

let org: InMemoryOrg;
let dataset: Dataset;

function objectOf(name: string): OrgObject {
  const object = org.store.object(name);
  assert.ok(object, name);
  return object;
}

function rows(name: string): DatasetRecord[] {
  return [...org.store.rows(name)];
}

void describe('a multi-currency org', () => {
  const preview = usePreview();

  before(() => {
    const sample = JSON.parse(
      readFileSync(new URL('../data/sample-data.json', import.meta.url), 'utf8')
    ) as Dataset;
    const { model } = loadPreviewMetadata(ROOT);
    const multi = previewOrgData(model, sample, new URLSearchParams('currency=multi'));
    dataset = multi.dataset;
    org = new InMemoryOrg(multi.model, multi.dataset);
  });

  void it('the scorecard shows aggregates in the corporate currency and deals in their own', async () => {
    const { page, errors } = await preview.open({
      page: 'home',
      persona: 'manager',
      currency: 'multi'
    });
    const card = page.locator('c-manager-scorecard');
    await card.locator('[data-state="data"]').waitFor({ timeout: 20_000 });
    await settle(page);
    assert.equal(
      (await card.locator('.currency-note').innerText()).trim(),
      'Amounts in EUR, the corporate currency.'
    );

    const opportunity = objectOf('Opportunity');
    const managerId = dataset.meta.personas.manager;
    const reps = rows('User').filter((user) => user.ManagerId === managerId);
    const currencies = new Set<string>();
    for (const rep of reps) {
      let won = 0;
      for (const deal of rows('Opportunity')) {
        if (deal.OwnerId !== rep.Id || !deal.IsWon) continue;
        if (String(deal.CloseDate) < QUARTER.start || String(deal.CloseDate) > QUARTER.end)
          continue;
        currencies.add(String(deal.CurrencyIsoCode));
        won += corporateAmount(org.store, opportunity, deal, 'Amount', deal.Amount) ?? 0;
      }
      const cell = card.locator(`tr[data-row-id="${rep.Id}"] td[data-key="closedWon"] .cell-value`);
      assert.equal(spaces(await cell.innerText()), money('EUR', won), `closed won of ${rep.Name}`);
    }
    assert.ok(currencies.size > 1, 'the team’s deals are in several currencies');

    // A rep's deals, each in its own currency.
    const rep = reps[0];
    await card.locator(`button.row-action[data-id="${rep.Id}"]`).click();
    const deals = card.locator('.deals-table tbody tr');
    await deals.first().waitFor();
    for (let index = 0; index < (await deals.count()); index++) {
      const row = deals.nth(index);
      const id = String(await row.getAttribute('data-deal-id'));
      const deal = org.store.find(id)?.record;
      assert.ok(deal, id);
      assert.equal(
        spaces(await row.locator('td.numeric').first().innerText()),
        money(String(deal.CurrencyIsoCode), Number(deal.Amount)),
        `amount of ${id}`
      );
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('the plan card adds deals up in the user’s currency, its target converted too', async () => {
    const repId = dataset.meta.personas.rep;
    const today = dataset.meta.today;
    const plan = rows('Territory_Plan__c').find(
      (candidate) =>
        candidate.Plan_Owner__c === repId &&
        String(candidate.Period_Start__c) <= today &&
        String(candidate.Period_End__c) >= today
    );
    assert.ok(plan, 'the rep has a plan for today');
    assert.notEqual(plan.CurrencyIsoCode, 'GBP', 'a plan in another currency than the rep’s');
    const { page, errors } = await preview.open({
      page: 'territory-plan',
      persona: 'rep',
      recordId: plan.Id,
      currency: 'multi'
    });
    const card = page.locator('c-territory-plan-progress');
    await card.locator('[data-state="data"]').waitFor({ timeout: 20_000 });
    await settle(page);
    assert.equal(
      (await card.locator('.currency-note').innerText()).trim(),
      'Amounts in GBP, your currency, converted from each record’s currency.'
    );
    const target = userCurrencyAmount(
      org.store,
      repId,
      objectOf('Territory_Plan__c'),
      plan,
      'Target_Amount__c',
      plan.Target_Amount__c
    );
    assert.equal(spaces(await card.locator('.target').innerText()), money('GBP', target ?? 0));
    const opportunity = objectOf('Opportunity');
    let won = 0;
    for (const deal of rows('Opportunity')) {
      if (deal.OwnerId !== repId || !deal.IsWon) continue;
      const close = String(deal.CloseDate);
      if (close < String(plan.Period_Start__c) || close > String(plan.Period_End__c)) continue;
      won += userCurrencyAmount(org.store, repId, opportunity, deal, 'Amount', deal.Amount) ?? 0;
    }
    assert.equal(spaces(await card.locator('.closed-won').innerText()), money('GBP', won));
    const changes = card.locator('.history-change');
    for (let index = 0; index < (await changes.count()); index++) {
      const text = spaces(await changes.nth(index).innerText());
      if (/\d/.test(text)) assert.match(text, new RegExp(`^${String(plan.CurrencyIsoCode)} `));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('the rep’s amount goal is measured in the rep’s currency', async () => {
    const { page, errors } = await preview.open({
      page: 'rep-home',
      persona: 'rep',
      currency: 'multi'
    });
    await settle(page);
    const card = page.locator('c-my-development-goals');
    await card.locator('[data-state="data"]').waitFor({ timeout: 20_000 });
    assert.equal(
      (await card.locator('.currency-note').innerText()).trim(),
      'Amounts in GBP, your currency, converted from each record’s currency.'
    );
    const goal = rows('Development_Goal__c').find(
      (candidate) =>
        candidate.Rep__c === dataset.meta.personas.rep &&
        candidate.Metric__c === 'Average Deal Size'
    );
    assert.ok(goal, 'the rep has an amount goal');
    const item = card.locator(`[data-goal-id="${goal.Id}"]`);
    assert.match(spaces(await item.locator('.kpi-text').innerText()), /GBP [\d,]+.*GBP [\d,]+/);
    assert.equal(await item.locator('[role="progressbar"]').count(), 1, 'measured');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
